#include "git/pending_commit.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "git/repository.hpp"
#include "util/atomic_file.hpp"
#include "util/deferred_signals.hpp"
#include "util/fault_point.hpp"

namespace partnerops::git {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_header = "partnerops pending commit 1";

std::string oid_or_dash(const std::optional<git_oid>& id) { return id ? to_hex(*id) : "-"; }

bool parse_oid_or_dash(const std::string& text, std::optional<git_oid>* out) {
  if (text == "-") {
    out->reset();
    return true;
  }
  git_oid id{};
  if (!parse_oid(text, &id)) return false;
  *out = id;
  return true;
}

// "a, b and 3 more": an invoice run may record a thousand paths.
std::string some_paths(const std::vector<std::string>& paths) {
  constexpr std::size_t k_shown = 3;
  std::string text;
  for (std::size_t i = 0; i < paths.size() && i < k_shown; ++i)
    text += (i == 0 ? "" : ", ") + paths[i];
  if (paths.size() > k_shown) text += " and " + std::to_string(paths.size() - k_shown) + " more";
  return text;
}

std::string short_branch(std::string_view ref) {
  constexpr std::string_view heads = "refs/heads/";
  if (ref.starts_with(heads)) ref.remove_prefix(heads.size());
  return std::string(ref);
}

// nullopt when the record is absent; `error` filled when it is unreadable.
std::optional<PendingCommit> read_pending_commit(git_repository* repo, std::string* error) {
  const fs::path path = pending_commit_path(repo);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  PendingCommit pending;
  std::string line;
  bool header = false;
  bool base = false;
  bool commit = false;
  auto bad = [&](const std::string& why) {
    *error = "cannot read " + path.string() + " (" + why +
             "), the record of an interrupted partnerops command; remove it if no partnerops "
             "command is running, then check `git status`";
    return std::nullopt;
  };
  while (std::getline(in, line)) {
    if (!header) {
      if (line != k_header) return bad("not a record this version writes");
      header = true;
      continue;
    }
    const std::size_t space = line.find(' ');
    const std::string key = line.substr(0, space);
    const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
    if (key == "pid") {
      pending.pid = std::strtol(value.c_str(), nullptr, 10);
    } else if (key == "branch") {
      pending.branch_ref = value;
    } else if (key == "new-branch") {
      pending.new_branch_ref = value;
    } else if (key == "base") {
      base = parse_oid(value, &pending.base);
    } else if (key == "commit") {
      commit = parse_oid(value, &pending.commit);
    } else if (key == "path") {
      // path <old blob or -> <old mode, octal> <new blob or -> <path>
      std::istringstream fields(value);
      std::string old_text;
      std::string mode_text;
      std::string new_text;
      fields >> old_text >> mode_text >> new_text;
      PendingPath entry;
      if (!parse_oid_or_dash(old_text, &entry.old_blob) ||
          !parse_oid_or_dash(new_text, &entry.new_blob) || fields.get() != ' ') {
        return bad("a damaged path line");
      }
      entry.old_mode = static_cast<unsigned>(std::strtoul(mode_text.c_str(), nullptr, 8));
      std::getline(fields, entry.path);
      if (entry.path.empty()) return bad("a path line without a path");
      pending.paths.push_back(std::move(entry));
    }
  }
  if (!header || !base || !commit || pending.branch_ref.empty()) return bad("it is incomplete");
  return pending;
}

// The blob id the working-tree file `path` would get from `git add`;
// nullopt when there is no file; `other` set when it is not a regular file.
std::optional<git_oid> worktree_blob(git_repository* repo, const fs::path& workdir,
                                     const std::string& path, bool* other) {
  struct stat info {};
  const fs::path full = workdir / path;
  if (::lstat(full.c_str(), &info) != 0) return std::nullopt;
  if (!S_ISREG(info.st_mode)) {
    *other = true;
    return std::nullopt;
  }
  git_oid id{};
  if (git_repository_hashfile(&id, repo, full.c_str(), GIT_OBJECT_BLOB, path.c_str()) != 0) {
    *other = true;
    return std::nullopt;
  }
  return id;
}

bool same(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
  if (!a || !b) return !a && !b;
  return git_oid_equal(&*a, &*b) == 1;
}

}  // namespace

fs::path pending_commit_path(git_repository* repo) {
  return fs::path(git_repository_path(repo)) / "partnerops-pending";
}

bool write_pending_commit(git_repository* repo, const PendingCommit& pending, std::string* error) {
  std::string text = std::string(k_header) + "\n";
  text += "pid " + std::to_string(pending.pid) + "\n";
  text += "branch " + pending.branch_ref + "\n";
  text += "base " + to_hex(pending.base) + "\n";
  text += "commit " + to_hex(pending.commit) + "\n";
  if (!pending.new_branch_ref.empty()) text += "new-branch " + pending.new_branch_ref + "\n";
  for (const PendingPath& entry : pending.paths) {
    std::ostringstream mode;
    mode << std::oct << entry.old_mode;
    text += "path " + oid_or_dash(entry.old_blob) + " " + mode.str() + " " +
            oid_or_dash(entry.new_blob) + " " + entry.path + "\n";
  }
  std::string why;
  if (!util::write_file_atomically(pending_commit_path(repo), text, &why)) {
    *error = "cannot record the commit before writing it: " + why;
    return false;
  }
  return true;
}

void remove_pending_commit(git_repository* repo) {
  // Not flushed: a record that came back after a power cut names a commit
  // whose ref has moved, which the next run recognises and removes.
  ::unlink(pending_commit_path(repo).c_str());
}

bool undo_pending_paths(git_repository* repo, const PendingCommit& pending,
                        std::vector<std::string>* restored, std::vector<std::string>* changed_since,
                        std::string* error) {
  const fs::path workdir = git_repository_workdir(repo);
  git_index* raw_index = nullptr;
  if (!check(git_repository_index(&raw_index, repo), "cannot open the index", error)) return false;
  IndexPtr index(raw_index);
  // From disk, dropping whatever this process changed in memory.
  if (!check(git_index_read(index.get(), 1), "cannot read the index", error)) return false;

  struct Plan {
    const PendingPath* entry;
    bool file_differs;   // the working tree does not hold the old content
    bool index_differs;  // nor the index
  };
  std::vector<Plan> plans;
  for (const PendingPath& entry : pending.paths) {
    bool other = false;
    const std::optional<git_oid> in_tree = worktree_blob(repo, workdir, entry.path, &other);
    std::optional<git_oid> in_index;
    bool conflicted = false;
    if (const git_index_entry* found = git_index_get_bypath(index.get(), entry.path.c_str(), 0))
      in_index = found->id;
    for (int stage = 1; stage <= 3; ++stage)
      conflicted = conflicted || git_index_get_bypath(index.get(), entry.path.c_str(), stage);
    const bool tree_ours =
        !other && (same(in_tree, entry.old_blob) || same(in_tree, entry.new_blob));
    const bool index_ours =
        !conflicted && (same(in_index, entry.old_blob) || same(in_index, entry.new_blob));
    if (!tree_ours || !index_ours) {
      changed_since->push_back(entry.path);
      continue;
    }
    plans.push_back({&entry, !same(in_tree, entry.old_blob), !same(in_index, entry.old_blob)});
  }
  if (!changed_since->empty()) return false;

  // The files first, then the index, as a commit writes them: a run killed
  // in between leaves files the next undo recognises.
  std::vector<std::string> contents;
  contents.reserve(plans.size());
  std::vector<util::FileWrite> writes;
  std::vector<const PendingPath*> written;
  for (const Plan& plan : plans) {
    if (!plan.file_differs && !plan.index_differs) continue;
    restored->push_back(plan.entry->path);
    if (!plan.file_differs) continue;
    const fs::path full = workdir / plan.entry->path;
    if (!plan.entry->old_blob) {
      if (::unlink(full.c_str()) != 0 && errno != ENOENT) {
        *error = "cannot remove " + full.string() + ": " + std::strerror(errno);
        return false;
      }
      // The folders the commit created for it go too, as git's checkout
      // removes them; rmdir leaves any folder that holds something else.
      for (fs::path folder = full.parent_path();
           folder != workdir && folder.string().size() > workdir.string().size() &&
           ::rmdir(folder.c_str()) == 0;
           folder = folder.parent_path()) {
      }
      continue;
    }
    git_blob* raw_blob = nullptr;
    if (!check(git_blob_lookup(&raw_blob, repo, &*plan.entry->old_blob),
               "cannot read the committed content of " + plan.entry->path, error)) {
      return false;
    }
    BlobPtr blob(raw_blob);
    Buf bytes;
    git_blob_filter_options options;
    git_blob_filter_options_init(&options, GIT_BLOB_FILTER_OPTIONS_VERSION);
    if (!check(git_blob_filter(&bytes.buf, blob.get(), plan.entry->path.c_str(), &options),
               "cannot filter " + plan.entry->path, error)) {
      return false;
    }
    contents.push_back(bytes.str());
    writes.push_back({full, contents.back()});
    written.push_back(plan.entry);
  }
  const std::vector<util::WriteFailure> failures = util::write_files_atomically(writes);
  if (!failures.empty()) {
    *error = failures.front().error;
    return false;
  }
  for (const PendingPath* entry : written) {
    // A file the commit deleted comes back new; give it its committed mode.
    if (entry->old_mode == GIT_FILEMODE_BLOB_EXECUTABLE)
      ::chmod((workdir / entry->path).c_str(), 0755);
  }
  util::fault_point("undo-files-restored");
  for (const Plan& plan : plans) {
    if (!plan.file_differs && !plan.index_differs) continue;
    const char* path = plan.entry->path.c_str();
    const int code = plan.entry->old_blob ? git_index_add_bypath(index.get(), path)
                                          : git_index_remove_bypath(index.get(), path);
    if (!check(code, "cannot put back the index entry of " + plan.entry->path, error)) return false;
  }
  if (!restored->empty() && !check(git_index_write(index.get()), "cannot write the index", error))
    return false;
  util::fault_point("undo-index-restored");
  return true;
}

bool recover_interrupted_commit(git_repository* repo, const Notify& notify, std::string* error) {
  const fs::path record = pending_commit_path(repo);
  util::remove_leftover_temporaries(record);
  std::string unreadable;
  const std::optional<PendingCommit> pending = read_pending_commit(repo, &unreadable);
  if (!pending) {
    if (unreadable.empty()) return true;
    *error = unreadable;
    return false;
  }
  const util::DeferredSignals deferred;
  const std::string who =
      "an interrupted partnerops command (pid " + std::to_string(pending->pid) + ")";

  const fs::path workdir = git_repository_workdir(repo);
  std::vector<std::string> temporaries;
  for (const PendingPath& entry : pending->paths) {
    for (const fs::path& removed : util::remove_leftover_temporaries(workdir / entry.path))
      temporaries.push_back(removed.lexically_relative(workdir).generic_string());
  }
  if (!temporaries.empty()) {
    tell(notify, "removed " + std::to_string(temporaries.size()) + " temporary file" +
                     (temporaries.size() == 1 ? "" : "s") + " left by " + who + ": " +
                     some_paths(temporaries));
  }

  std::string head_target;
  {
    git_reference* raw = nullptr;
    if (git_reference_lookup(&raw, repo, "HEAD") == 0) {
      ReferencePtr head(raw);
      if (const char* target = git_reference_symbolic_target(head.get())) head_target = target;
    }
  }
  auto resolve = [&](const std::string& ref) -> std::optional<git_oid> {
    git_oid id{};
    if (ref.empty() || git_reference_name_to_id(&id, repo, ref.c_str()) != 0) return std::nullopt;
    return id;
  };
  const std::optional<git_oid> branch_at = resolve(pending->branch_ref);
  const bool creating = !pending->new_branch_ref.empty();
  const bool landed =
      creating ? head_target == pending->new_branch_ref : same(branch_at, pending->commit);
  if (landed) {
    // Its files and index were written before the ref moved.
    remove_pending_commit(repo);
    return true;
  }
  std::vector<std::string> paths;
  for (const PendingPath& entry : pending->paths) paths.push_back(entry.path);
  const bool untouched = head_target == pending->branch_ref && same(branch_at, pending->base);
  if (!untouched) {
    tell(notify, who + " had not committed, and " +
                     (head_target == pending->branch_ref
                          ? short_branch(pending->branch_ref) + " has moved since"
                          : "HEAD has moved since") +
                     "; whatever it wrote to " + some_paths(paths) +
                     " is left as it is (see git status)");
    remove_pending_commit(repo);
    return true;
  }
  if (creating) {
    git_reference* raw = nullptr;
    if (git_reference_lookup(&raw, repo, pending->new_branch_ref.c_str()) == 0) {
      ReferencePtr created(raw);
      const git_oid* target = git_reference_target(created.get());
      if (target != nullptr && git_oid_equal(target, &pending->commit) == 1) {
        if (!check(git_reference_delete(created.get()),
                   "cannot delete the branch " + short_branch(pending->new_branch_ref) + " that " +
                       who + " created",
                   error)) {
          return false;
        }
        tell(notify, "deleted the branch " + short_branch(pending->new_branch_ref) + ", which " +
                         who + " had created but not checked out");
      }
    }
  }
  std::vector<std::string> restored;
  std::vector<std::string> changed_since;
  if (!undo_pending_paths(repo, *pending, &restored, &changed_since, error)) {
    if (changed_since.empty()) return false;
    tell(notify, who + " had not committed, and " + some_paths(changed_since) +
                     " changed since; its edits are left as they are (see git status)");
    remove_pending_commit(repo);
    return true;
  }
  if (!restored.empty()) {
    tell(notify, who + " had not committed; its unfinished edits of " + some_paths(restored) +
                     " were undone, so the repository is as it was before it ran");
  }
  remove_pending_commit(repo);
  return true;
}

}  // namespace partnerops::git
