#include "git/git_tree_source.hpp"

#include <algorithm>
#include <iterator>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

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
      : m_repo(std::move(repo)),
        m_tree(std::move(tree)),
        m_short_id(std::move(short_id)),
        // The common folder: a linked worktree keeps its objects there.
        m_objects_dir(std::string(git_repository_commondir(m_repo.get())) + "objects") {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::lock_guard lock(m_mutex);
    std::vector<SourceEntry> entries;
    if (!dir.empty() && !is_safe_relative_path(dir)) return entries;
    const git_tree* tree = tree_for(dir, error);
    if (tree == nullptr) return entries;
    walk(tree, dir.empty() ? std::string() : std::string(dir) + "/", entries, error);
    // Trees order a folder as if its name ended in '/', which is not plain
    // string order; callers rely on the same order as DirectorySource.
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    ReadResult result;
    if (!is_safe_relative_path(path)) {
      result.status = ReadResult::Status::missing;
      result.error = "not a path inside the workspace: " + std::string(path);
      return result;
    }
    git_oid id{};
    {
      std::lock_guard lock(m_mutex);
      const git_tree_entry* entry = find(path);
      if (entry == nullptr) {
        // A folder on the way may be a link: a link is a blob in git, so
        // nothing is found below it, and the reason deserves a name.
        if (const std::optional<std::string> link = link_on_the_way(path)) {
          result.status = ReadResult::Status::symlink;
          result.error = "the path passes through the symbolic link " + *link + " (not followed)";
          return result;
        }
        result.status = ReadResult::Status::missing;
        result.error = "no such file in " + describe();
        return result;
      }
      const git_filemode_t mode = git_tree_entry_filemode(entry);
      if (mode == GIT_FILEMODE_LINK) {
        result.status = ReadResult::Status::symlink;
        result.error = "a symbolic link (not followed)";
        return result;
      }
      if (entry_type(mode) != EntryType::file) {
        result.status = ReadResult::Status::not_a_file;
        result.error = mode == GIT_FILEMODE_TREE   ? "a directory, not a file"
                       : mode == GIT_FILEMODE_LINK ? "a symbolic link (not followed)"
                                                   : "not a regular file";
        return result;
      }
      git_oid_cpy(&id, git_tree_entry_id(entry));
    }
    // The blob itself is read outside the lock, through an object database
    // this thread has to itself: inflating blobs is most of the time of a
    // load that reads a whole revision, and the loader's threads would
    // otherwise take turns.
    OdbPtr odb = acquire_odb(&result.error);
    if (!odb) {
      result.status = ReadResult::Status::error;
      return result;
    }
    read_blob(odb.get(), id, path, max_bytes, result);
    release_odb(std::move(odb));
    return result;
  }

  bool is_file(std::string_view path) const override {
    std::lock_guard lock(m_mutex);
    if (!is_safe_relative_path(path)) return false;
    const git_tree_entry* entry = find(path);
    return entry != nullptr && entry_type(git_tree_entry_filemode(entry)) == EntryType::file;
  }

  std::string describe() const override { return "revision " + m_short_id; }

  std::optional<std::array<unsigned char, 20>> blob_id(std::string_view path) const override {
    std::lock_guard lock(m_mutex);
    if (!is_safe_relative_path(path)) return std::nullopt;
    const git_tree_entry* entry = find(path);
    if (entry == nullptr || entry_type(git_tree_entry_filemode(entry)) != EntryType::file)
      return std::nullopt;
    std::array<unsigned char, 20> id{};
    std::copy_n(git_tree_entry_id(entry)->id, id.size(), id.begin());
    return id;
  }

 private:
  // The tree of folder `dir` ("" for the root), or nullptr when there is no
  // such folder. Folders are parsed once and kept: libgit2's object cache
  // skips large trees, and a folder of thousands of partners costs far more
  // to parse than every lookup in it.
  const git_tree* tree_for(std::string_view dir, std::string* error) const {
    if (dir.empty()) return m_tree.get();
    const std::string key(dir);
    if (auto found = m_trees.find(key); found != m_trees.end()) return found->second.get();
    const std::size_t slash = dir.rfind('/');
    const git_tree* parent = tree_for(
        slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash), error);
    if (parent == nullptr) return nullptr;
    const std::string name(slash == std::string_view::npos ? dir : dir.substr(slash + 1));
    const git_tree_entry* entry = git_tree_entry_byname(parent, name.c_str());
    if (entry == nullptr || git_tree_entry_type(entry) != GIT_OBJECT_TREE) return nullptr;
    git_tree* raw = nullptr;
    if (!check(git_tree_lookup(&raw, m_repo.get(), git_tree_entry_id(entry)),
               "cannot read folder " + key + " in " + describe(), error)) {
      return nullptr;
    }
    return m_trees.emplace(key, TreePtr(raw)).first->second.get();
  }

  // The entry at `path`, owned by a cached tree; nullptr when absent.
  const git_tree_entry* find(std::string_view path) const {
    const std::size_t slash = path.rfind('/');
    const git_tree* tree = tree_for(
        slash == std::string_view::npos ? std::string_view() : path.substr(0, slash), nullptr);
    if (tree == nullptr) return nullptr;
    const std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    return git_tree_entry_byname(tree, name.c_str());
  }

  // The leading components of `path` up to the first that is a link
  // ("docs" for docs/service-description.md), or nothing when no folder on
  // the way is one.
  std::optional<std::string> link_on_the_way(std::string_view path) const {
    std::size_t slash = path.find('/');
    while (slash != std::string_view::npos) {
      const git_tree_entry* entry = find(path.substr(0, slash));
      if (entry == nullptr) return std::nullopt;
      if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK)
        return std::string(path.substr(0, slash));
      slash = path.find('/', slash + 1);
    }
    return std::nullopt;
  }

  // The object header holds the size, so large files are refused without
  // inflating them.
  static void read_blob(git_odb* odb, const git_oid& id, std::string_view path,
                        std::uint64_t max_bytes, ReadResult& result) {
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (!check(git_odb_read_header(&size, &type, odb, &id), "cannot read object " + to_hex(id),
               &result.error)) {
      result.status = ReadResult::Status::error;
      return;
    }
    if (size > max_bytes) {
      result.status = ReadResult::Status::too_large;
      result.error = "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                     std::to_string(max_bytes);
      return;
    }
    git_odb_object* raw = nullptr;
    if (!check(git_odb_read(&raw, odb, &id), "cannot read " + std::string(path), &result.error)) {
      result.status = ReadResult::Status::error;
      return;
    }
    const std::unique_ptr<git_odb_object, Deleter<git_odb_object_free>> object(raw);
    result.content.assign(static_cast<const char*>(git_odb_object_data(object.get())),
                          git_odb_object_size(object.get()));
    result.blob_id.emplace();
    std::copy(std::begin(id.id), std::end(id.id), result.blob_id->begin());
  }

  // An object database for one reading thread: an idle one, or a new one.
  // libgit2 objects are used by one thread at a time, so each concurrent
  // read gets its own; there are never more than the loader's threads.
  OdbPtr acquire_odb(std::string* error) const {
    {
      std::lock_guard lock(m_mutex);
      if (!m_idle_odbs.empty()) {
        OdbPtr odb = std::move(m_idle_odbs.back());
        m_idle_odbs.pop_back();
        return odb;
      }
    }
    git_odb* raw = nullptr;
    if (!check(git_odb_open(&raw, m_objects_dir.c_str()), "cannot open the object database",
               error)) {
      return nullptr;
    }
    return OdbPtr(raw);
  }

  void release_odb(OdbPtr odb) const {
    std::lock_guard lock(m_mutex);
    m_idle_odbs.push_back(std::move(odb));
  }

  void walk(const git_tree* tree, const std::string& prefix, std::vector<SourceEntry>& out,
            std::string* error) const {
    const std::size_t count = git_tree_entrycount(tree);
    for (std::size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      SourceEntry item;
      item.path = prefix + git_tree_entry_name(entry);
      item.type = entry_type(git_tree_entry_filemode(entry));
      const std::string child_prefix = item.path + "/";
      const bool is_tree = item.type == EntryType::directory;
      out.push_back(std::move(item));
      if (!is_tree) continue;
      const std::string folder = out.back().path;
      const git_tree* subtree = nullptr;
      if (auto found = m_trees.find(folder); found != m_trees.end()) {
        subtree = found->second.get();
      } else {
        git_tree* raw = nullptr;
        const int code = git_tree_lookup(&raw, m_repo.get(), git_tree_entry_id(entry));
        if (code != 0) {
          if (error != nullptr && error->empty())
            *error = error_message(code, "cannot read folder " + folder);
          continue;
        }
        subtree = m_trees.emplace(folder, TreePtr(raw)).first->second.get();
      }
      walk(subtree, child_prefix, out, error);
    }
  }

  std::shared_ptr<git_repository> m_repo;
  TreePtr m_tree;
  std::string m_short_id;
  std::string m_objects_dir;
  mutable std::vector<OdbPtr> m_idle_odbs;
  mutable std::unordered_map<std::string, TreePtr> m_trees;
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
