#include "git/git_tree_source.hpp"

#include <algorithm>
#include <mutex>

namespace partnerops::git {
namespace {

EntryType entry_type(git_filemode_t mode) {
  switch (mode) {
    case GIT_FILEMODE_BLOB:
    case GIT_FILEMODE_BLOB_EXECUTABLE:
      return EntryType::file;
    case GIT_FILEMODE_LINK:
      return EntryType::symlink;
    case GIT_FILEMODE_TREE:
      return EntryType::directory;
    default:
      return EntryType::other;
  }
}

class GitTreeSource final : public Source {
 public:
  GitTreeSource(std::shared_ptr<git_repository> repo, TreePtr tree, std::string short_id)
      : m_repo(std::move(repo)), m_tree(std::move(tree)), m_short_id(std::move(short_id)) {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::lock_guard lock(m_mutex);
    std::vector<SourceEntry> entries;
    if (dir.empty()) {
      walk(m_tree.get(), "", entries, error);
    } else {
      if (!is_safe_relative_path(dir)) return entries;
      TreeEntryPtr entry = find(dir);
      if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return entries;
      git_tree* raw = nullptr;
      if (!check(git_tree_lookup(&raw, m_repo.get(), git_tree_entry_id(entry.get())),
                 "cannot read folder " + std::string(dir) + " in " + describe_unlocked(), error)) {
        return entries;
      }
      TreePtr subtree(raw);
      walk(subtree.get(), std::string(dir) + "/", entries, error);
    }
    // Trees order a folder as if its name ended in '/', which is not plain
    // string order; callers rely on the same order as DirectorySource.
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    std::lock_guard lock(m_mutex);
    ReadResult result;
    if (!is_safe_relative_path(path)) {
      result.status = ReadResult::Status::missing;
      result.error = "not a path inside the workspace: " + std::string(path);
      return result;
    }
    TreeEntryPtr entry = find(path);
    if (!entry) {
      result.status = ReadResult::Status::missing;
      result.error = "no such file in " + describe_unlocked();
      return result;
    }
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (entry_type(mode) != EntryType::file) {
      result.status = ReadResult::Status::not_a_file;
      result.error = mode == GIT_FILEMODE_TREE   ? "a directory, not a file"
                     : mode == GIT_FILEMODE_LINK ? "a symbolic link (not followed)"
                                                 : "not a regular file";
      return result;
    }
    const git_oid* id = git_tree_entry_id(entry.get());
    std::uint64_t size = 0;
    if (!blob_size(*id, &size, &result.error)) {
      result.status = ReadResult::Status::error;
      return result;
    }
    if (size > max_bytes) {
      result.status = ReadResult::Status::too_large;
      result.error = "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                     std::to_string(max_bytes);
      return result;
    }
    git_blob* raw = nullptr;
    if (!check(git_blob_lookup(&raw, m_repo.get(), id), "cannot read " + std::string(path),
               &result.error)) {
      result.status = ReadResult::Status::error;
      return result;
    }
    BlobPtr blob(raw);
    result.content.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                          static_cast<std::size_t>(git_blob_rawsize(blob.get())));
    return result;
  }

  bool is_file(std::string_view path) const override {
    std::lock_guard lock(m_mutex);
    if (!is_safe_relative_path(path)) return false;
    TreeEntryPtr entry = find(path);
    return entry && entry_type(git_tree_entry_filemode(entry.get())) == EntryType::file;
  }

  std::string describe() const override { return describe_unlocked(); }

 private:
  std::string describe_unlocked() const { return "revision " + m_short_id; }

  TreeEntryPtr find(std::string_view path) const {
    git_tree_entry* raw = nullptr;
    const std::string text(path);
    if (git_tree_entry_bypath(&raw, m_tree.get(), text.c_str()) != 0) return nullptr;
    return TreeEntryPtr(raw);
  }

  // The object header holds the size, so large files are refused without
  // inflating them.
  bool blob_size(const git_oid& id, std::uint64_t* size, std::string* error) const {
    if (!m_odb) {
      git_odb* raw = nullptr;
      if (!check(git_repository_odb(&raw, m_repo.get()), "cannot open the object database",
                 error)) {
        return false;
      }
      m_odb.reset(raw);
    }
    std::size_t length = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (!check(git_odb_read_header(&length, &type, m_odb.get(), &id),
               "cannot read object " + to_hex(id), error)) {
      return false;
    }
    *size = length;
    return true;
  }

  void walk(const git_tree* tree, const std::string& prefix, std::vector<SourceEntry>& out,
            std::string* error) const {
    const std::size_t count = git_tree_entrycount(tree);
    for (std::size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      SourceEntry item;
      item.path = prefix + git_tree_entry_name(entry);
      item.type = entry_type(git_tree_entry_filemode(entry));
      if (item.type == EntryType::file) {
        std::string size_error;
        if (!blob_size(*git_tree_entry_id(entry), &item.size, &size_error) && error != nullptr &&
            error->empty()) {
          *error = size_error;
        }
      }
      const std::string child_prefix = item.path + "/";
      const bool is_tree = item.type == EntryType::directory;
      out.push_back(std::move(item));
      if (!is_tree) continue;
      git_tree* raw = nullptr;
      const int code = git_tree_lookup(&raw, m_repo.get(), git_tree_entry_id(entry));
      if (code != 0) {
        if (error != nullptr && error->empty()) {
          *error = error_message(code, "cannot read folder " + out.back().path);
        }
        continue;
      }
      TreePtr subtree(raw);
      walk(subtree.get(), child_prefix, out, error);
    }
  }

  std::shared_ptr<git_repository> m_repo;
  TreePtr m_tree;
  std::string m_short_id;
  mutable OdbPtr m_odb;
  mutable std::mutex m_mutex;
};

}  // namespace

std::optional<ResolvedCommit> resolve_commit(git_repository* repo, std::string_view revspec,
                                             std::string* error) {
  CommitPtr commit = lookup_commit(repo, revspec, error);
  if (!commit) return std::nullopt;
  ResolvedCommit out;
  const git_oid* id = git_commit_id(commit.get());
  out.id = to_hex(*id);
  out.short_id = short_id(repo, *id);
  out.time = static_cast<std::int64_t>(git_commit_time(commit.get()));
  out.offset_minutes = git_commit_time_offset(commit.get());
  return out;
}

std::unique_ptr<Source> open_git_tree_source(std::shared_ptr<git_repository> repo,
                                             std::string_view revspec, std::string* error) {
  if (!repo) {
    if (error != nullptr) *error = "no repository";
    return nullptr;
  }
  CommitPtr commit = lookup_commit(repo.get(), revspec, error);
  if (!commit) return nullptr;
  git_tree* raw = nullptr;
  if (!check(git_commit_tree(&raw, commit.get()),
             "cannot read the tree of revision '" + std::string(revspec) + "'", error)) {
    return nullptr;
  }
  TreePtr tree(raw);
  std::string id = short_id(repo.get(), *git_commit_id(commit.get()));
  return std::make_unique<GitTreeSource>(std::move(repo), std::move(tree), std::move(id));
}

}  // namespace partnerops::git
