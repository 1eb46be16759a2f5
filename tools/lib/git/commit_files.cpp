#include "git/commit_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <set>

#include "git/pending_commit.hpp"
#include "source/source.hpp"
#include "util/atomic_file.hpp"
#include "util/deferred_signals.hpp"
#include "util/fault_point.hpp"

namespace partnerops::git {
namespace {

namespace fs = std::filesystem;

CommitResult refuse(CommitStatus status, std::string error) {
  CommitResult result;
  result.status = status;
  result.error = std::move(error);
  return result;
}

std::string errno_text() { return std::strerror(errno); }

bool is_under(std::string_view path, std::string_view prefix) {
  if (path == prefix) return true;
  return path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
         path[prefix.size()] == '/';
}

std::string short_branch(std::string_view ref) {
  constexpr std::string_view heads = "refs/heads/";
  if (ref.substr(0, heads.size()) == heads) ref.remove_prefix(heads.size());
  return std::string(ref);
}

// Paths among `paths` (files or folders) with any difference between HEAD,
// the index and the working tree, untracked files included.
// Untracked files named as our temporary files (util/atomic_file) are not
// the user's work but what a killed run left: they are removed, and listed
// in `leftovers`, instead of being reported.
bool find_dirty_paths(git_repository* repo, const std::vector<std::string>& paths,
                      std::vector<std::string>* dirty, std::vector<std::string>* leftovers,
                      std::string* error) {
  if (paths.empty()) return true;
  std::vector<const char*> specs;
  specs.reserve(paths.size());
  for (const std::string& path : paths) specs.push_back(path.c_str());
  git_status_options options;
  git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  // Exact paths, not patterns: a '*' or '[' in a name must not widen the check.
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  options.pathspec.strings = const_cast<char**>(specs.data());
  options.pathspec.count = specs.size();
  git_status_list* raw = nullptr;
  if (!check(git_status_list_new(&raw, repo, &options),
             "cannot read the status of the working tree", error)) {
    return false;
  }
  StatusListPtr list(raw);
  std::set<std::string> found;
  const std::size_t count = git_status_list_entrycount(list.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_status_entry* entry = git_status_byindex(list.get(), i);
    if (entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED) != 0) continue;
    if (entry->status == GIT_STATUS_WT_NEW && entry->index_to_workdir != nullptr) {
      const std::string path = entry->index_to_workdir->new_file.path;
      const std::string name = fs::path(path).filename().string();
      if (util::is_temporary_name(name) &&
          ::unlink((fs::path(git_repository_workdir(repo)) / path).c_str()) == 0) {
        leftovers->push_back(path);
        continue;
      }
    }
    for (const git_diff_delta* delta : {entry->head_to_index, entry->index_to_workdir}) {
      if (delta == nullptr) continue;
      for (const char* path : {delta->old_file.path, delta->new_file.path}) {
        if (path == nullptr) continue;
        const bool wanted = std::any_of(paths.begin(), paths.end(),
                                        [&](const std::string& p) { return is_under(path, p); });
        if (wanted) found.insert(path);
      }
    }
  }
  dirty->assign(found.begin(), found.end());
  return true;
}

// The bytes git stores for `content` written at `path`: the clean filters
// (.gitattributes eol/text, core.autocrlf) applied, as `git add` would, so the
// committed blob matches what the index update below computes from the
// working-tree file. Without filters the bytes are unchanged.
bool to_odb_bytes(git_repository* repo, const std::string& path, const std::string& content,
                  std::string* out, std::string* error) {
  git_filter_list* raw = nullptr;
  if (!check(git_filter_list_load(&raw, repo, nullptr, path.c_str(), GIT_FILTER_TO_ODB,
                                  GIT_FILTER_DEFAULT),
             "cannot load the filters of " + path, error)) {
    return false;
  }
  if (raw == nullptr) {
    *out = content;
    return true;
  }
  std::unique_ptr<git_filter_list, Deleter<git_filter_list_free>> filters(raw);
  Buf filtered;
  if (!check(git_filter_list_apply_to_buffer(&filtered.buf, filters.get(), content.data(),
                                             content.size()),
             "cannot filter " + path, error)) {
    return false;
  }
  *out = filtered.str();
  return true;
}

// The request itself, checked before the repository is looked at: safe,
// distinct paths, a message, a valid name for a new branch.
struct Request {
  Buf message;                 ///< cleaned up as git would
  std::string new_branch_ref;  ///< "refs/heads/<branch_name>" for BranchMode::create
};

std::optional<CommitResult> check_request(const CommitOptions& options, Request* request) {
  if (options.changes.empty()) return refuse(CommitStatus::invalid_request, "no files to commit");
  std::set<std::string> seen;
  for (const FileChange& change : options.changes) {
    if (!is_safe_relative_path(change.path) || is_under(change.path, ".git") ||
        change.path.find('\\') != std::string::npos) {
      return refuse(CommitStatus::invalid_request,
                    "not a path inside the repository: '" + change.path + "'");
    }
    if (!seen.insert(change.path).second) {
      return refuse(CommitStatus::invalid_request,
                    "the same path is changed twice: " + change.path);
    }
  }
  for (const std::string& path : options.protected_paths) {
    if (!is_safe_relative_path(path)) {
      return refuse(CommitStatus::invalid_request,
                    "not a path inside the repository: '" + path + "'");
    }
  }
  if (options.message.find_first_not_of(" \t\r\n") == std::string::npos ||
      git_message_prettify(&request->message.buf, options.message.c_str(), 0, '#') != 0) {
    return refuse(CommitStatus::invalid_request, "the commit message is empty");
  }
  if (options.branch_mode == BranchMode::create) {
    request->new_branch_ref = "refs/heads/" + options.branch_name;
    int valid = 0;
    if (options.branch_name.empty() ||
        git_reference_name_is_valid(&valid, request->new_branch_ref.c_str()) != 0 || valid == 0) {
      return refuse(CommitStatus::invalid_request,
                    "not a valid branch name: '" + options.branch_name + "'");
    }
  }
  return std::nullopt;
}

// The repository's state, read under the command lock: the branch HEAD
// names and where it points, who commits, and the index.
struct BaseState {
  std::string branch_ref;
  git_oid base_id{};
  SignaturePtr signature;
  IndexPtr index;
};

std::optional<CommitResult> read_head(git_repository* repo, const CommitOptions& options,
                                      const Request& request, BaseState* state) {
  std::string error;
  if (git_repository_head_unborn(repo) == 1) {
    return refuse(CommitStatus::unborn_head,
                  "the repository has no commits yet (HEAD is unborn); "
                  "make a first commit, then try again");
  }
  if (git_repository_head_detached(repo) == 1) {
    return refuse(CommitStatus::detached_head,
                  "HEAD is detached (not on a branch); check out a branch, then try again");
  }
  {
    git_reference* raw = nullptr;
    if (!check(git_reference_lookup(&raw, repo, "HEAD"), "cannot read HEAD", &error)) {
      return refuse(CommitStatus::failed, error);
    }
    ReferencePtr head(raw);
    const char* target = git_reference_symbolic_target(head.get());
    if (target == nullptr) {
      return refuse(CommitStatus::detached_head,
                    "HEAD is detached (not on a branch); check out a branch, then try again");
    }
    state->branch_ref = target;
    if (!check(git_reference_name_to_id(&state->base_id, repo, state->branch_ref.c_str()),
               "cannot resolve " + state->branch_ref, &error)) {
      return refuse(CommitStatus::failed, error);
    }
  }
  if (options.branch_mode == BranchMode::create) {
    git_reference* raw = nullptr;
    const int code = git_reference_lookup(&raw, repo, request.new_branch_ref.c_str());
    ReferencePtr existing(raw);
    if (code == 0) {
      return refuse(CommitStatus::branch_exists,
                    "a branch named '" + options.branch_name + "' already exists");
    }
  }
  return std::nullopt;
}

std::optional<CommitResult> read_identity_and_index(git_repository* repo, BaseState* state) {
  std::string error;
  {
    git_signature* raw = nullptr;
    const int code = git_signature_default(&raw, repo);
    if (code == GIT_ENOTFOUND || code == GIT_EINVALID) {
      return refuse(CommitStatus::missing_identity,
                    "no author identity: set user.name and user.email in git config, e.g. "
                    "git config user.name \"Your Name\" && git config user.email you@example.org");
    }
    if (!check(code, "cannot read the author identity from git config", &error)) {
      return refuse(CommitStatus::failed, error);
    }
    state->signature.reset(raw);
  }
  {
    git_index* raw = nullptr;
    if (!check(git_repository_index(&raw, repo), "cannot open the index", &error)) {
      return refuse(CommitStatus::failed, error);
    }
    state->index.reset(raw);
    if (!check(git_index_read(state->index.get(), 0), "cannot read the index", &error)) {
      return refuse(CommitStatus::failed, error);
    }
  }
  if (git_index_has_conflicts(state->index.get()) == 1) {
    return refuse(
        CommitStatus::unmerged_index,
        "the index has unmerged paths (a merge or rebase is in progress); resolve them first");
  }
  return std::nullopt;
}

// The working tree: no uncommitted work where the commit writes or the
// request protects, no index lock held by git, no folder or link where a
// file is to be written.
std::optional<CommitResult> check_working_tree(git_repository* repo, const CommitOptions& options) {
  std::string error;
  {
    std::vector<std::string> checked;
    for (const FileChange& change : options.changes) checked.push_back(change.path);
    checked.insert(checked.end(), options.protected_paths.begin(), options.protected_paths.end());
    std::vector<std::string> dirty;
    std::vector<std::string> leftovers;
    if (!find_dirty_paths(repo, checked, &dirty, &leftovers, &error))
      return refuse(CommitStatus::failed, error);
    if (!leftovers.empty()) {
      std::string list;
      for (const std::string& path : leftovers) list += (list.empty() ? "" : ", ") + path;
      tell(options.notify,
           "removed temporary files left by an interrupted partnerops command: " + list);
    }
    if (!dirty.empty()) {
      std::string list;
      for (const std::string& path : dirty) list += (list.empty() ? "" : ", ") + path;
      CommitResult result =
          refuse(CommitStatus::uncommitted_changes,
                 "uncommitted changes in " + list + "; commit or stash them first");
      result.dirty_paths = std::move(dirty);
      return result;
    }
  }
  {
    // The index is written before the ref moves; a lock held by another git
    // process would make that write fail, so refuse while it is there.
    std::error_code ec;
    if (fs::exists(fs::path(git_repository_path(repo)) / "index.lock", ec)) {
      return refuse(CommitStatus::index_locked,
                    "another git process is using this repository (.git/index.lock exists); "
                    "wait for it to finish, or remove the lock file if it is left over");
    }
  }
  const fs::path workdir = git_repository_workdir(repo);
  for (const FileChange& change : options.changes) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(workdir / change.path, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
      return refuse(CommitStatus::invalid_request,
                    change.path + " in the working tree is not a regular file");
    }
  }
  return std::nullopt;
}

// The tree entry that writes or removes `change` on top of `base_tree`,
// its blob stored, with the old and new blobs recorded in `recorded`.
std::optional<CommitResult> tree_update(git_repository* repo, git_tree* base_tree,
                                        const FileChange& change, git_tree_update* update,
                                        PendingPath* recorded) {
  std::string error;
  git_tree_entry* raw = nullptr;
  const int found = git_tree_entry_bypath(&raw, base_tree, change.path.c_str());
  TreeEntryPtr existing(found == 0 ? raw : nullptr);
  update->path = change.path.c_str();
  recorded->path = change.path;
  if (existing && git_tree_entry_type(existing.get()) == GIT_OBJECT_BLOB) {
    recorded->old_blob = *git_tree_entry_id(existing.get());
    recorded->old_mode = git_tree_entry_filemode(existing.get());
  }
  if (!change.content) {
    if (!existing || git_tree_entry_type(existing.get()) != GIT_OBJECT_BLOB) {
      return refuse(CommitStatus::invalid_request,
                    "cannot delete " + change.path + ": it is not a file in HEAD");
    }
    update->action = GIT_TREE_UPDATE_REMOVE;
    return std::nullopt;
  }
  update->action = GIT_TREE_UPDATE_UPSERT;
  update->filemode = GIT_FILEMODE_BLOB;
  if (existing) {
    const git_filemode_t mode = git_tree_entry_filemode(existing.get());
    if (mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
      update->filemode = mode;
    } else if (mode != GIT_FILEMODE_BLOB) {
      return refuse(CommitStatus::invalid_request,
                    change.path + " is not a regular file in HEAD (a folder, link or submodule)");
    }
  }
  std::string stored;
  if (!to_odb_bytes(repo, change.path, *change.content, &stored, &error)) {
    return refuse(CommitStatus::failed, error);
  }
  if (!check(git_blob_create_from_buffer(&update->id, repo, stored.data(), stored.size()),
             "cannot store " + change.path, &error)) {
    return refuse(CommitStatus::failed, error);
  }
  recorded->new_blob = update->id;
  return std::nullopt;
}

// The new commit, from HEAD's tree and the changes only, written as
// objects (nothing refers to it yet); `pending` gets each path's blobs.
std::optional<CommitResult> write_commit(git_repository* repo, const CommitOptions& options,
                                         const Request& request, const BaseState& state,
                                         git_oid* commit_id, PendingCommit* pending) {
  std::string error;
  CommitPtr base;
  TreePtr base_tree;
  {
    git_commit* raw_commit = nullptr;
    if (!check(git_commit_lookup(&raw_commit, repo, &state.base_id), "cannot read the HEAD commit",
               &error)) {
      return refuse(CommitStatus::failed, error);
    }
    base.reset(raw_commit);
    git_tree* raw_tree = nullptr;
    if (!check(git_commit_tree(&raw_tree, base.get()), "cannot read the HEAD tree", &error)) {
      return refuse(CommitStatus::failed, error);
    }
    base_tree.reset(raw_tree);
  }
  std::vector<git_tree_update> updates;
  for (const FileChange& change : options.changes) {
    git_tree_update update{};
    if (std::optional<CommitResult> refused =
            tree_update(repo, base_tree.get(), change, &update, &pending->paths.emplace_back()))
      return refused;
    updates.push_back(update);
  }
  git_oid tree_id{};
  if (!check(
          git_tree_create_updated(&tree_id, repo, base_tree.get(), updates.size(), updates.data()),
          "cannot build the new tree", &error)) {
    return refuse(CommitStatus::invalid_request, error);
  }
  if (git_oid_equal(&tree_id, git_tree_id(base_tree.get())) == 1) {
    return refuse(CommitStatus::nothing_to_commit,
                  "the files already have this content in HEAD; nothing to commit");
  }
  TreePtr tree;
  {
    git_tree* raw = nullptr;
    if (!check(git_tree_lookup(&raw, repo, &tree_id), "cannot read the new tree", &error)) {
      return refuse(CommitStatus::failed, error);
    }
    tree.reset(raw);
  }
  const git_commit* parents[] = {base.get()};
  if (!check(
          git_commit_create(commit_id, repo, nullptr, state.signature.get(), state.signature.get(),
                            nullptr, request.message.buf.ptr, tree.get(), 1, parents),
          "cannot create the commit", &error)) {
    return refuse(CommitStatus::failed, error);
  }
  return std::nullopt;
}

// What to say when HEAD or its branch moved while committing.
struct MovedText {
  std::string head;    ///< HEAD names another branch, or none
  std::string branch;  ///< the branch points elsewhere
};

MovedText moved_text(git_repository* repo, const BaseState& state) {
  const std::string moved_hint = "; nothing was changed, try again";
  return MovedText{
      "HEAD moved away from " + short_branch(state.branch_ref) + " while committing" + moved_hint,
      short_branch(state.branch_ref) + " moved while committing (it no longer points at " +
          short_id(repo, state.base_id) + ")" + moved_hint};
}

// The refs must still be where they were; checked before any file is
// touched, and again, atomically, when the ref moves.
std::optional<CommitResult> check_refs_unmoved(git_repository* repo, const BaseState& state,
                                               const MovedText& moved) {
  std::string error;
  git_reference* raw = nullptr;
  if (!check(git_reference_lookup(&raw, repo, "HEAD"), "cannot read HEAD", &error)) {
    return refuse(CommitStatus::failed, error);
  }
  ReferencePtr head(raw);
  const char* target = git_reference_symbolic_target(head.get());
  if (target == nullptr || state.branch_ref != target)
    return refuse(CommitStatus::ref_moved, moved.head);
  git_oid now{};
  if (git_reference_name_to_id(&now, repo, state.branch_ref.c_str()) != 0 ||
      git_oid_equal(&now, &state.base_id) != 1) {
    return refuse(CommitStatus::ref_moved, moved.branch);
  }
  return std::nullopt;
}

// Puts the files and index back after a failure once the record is
// written, so a refusal still changes nothing; when that is impossible the
// record stays for the next run.
CommitResult undo_and_refuse(git_repository* repo, const PendingCommit& pending,
                             CommitStatus status, std::string why) {
  std::vector<std::string> restored;
  std::vector<std::string> changed_since;
  std::string undo_error;
  if (undo_pending_paths(repo, pending, &restored, &changed_since, &undo_error)) {
    remove_pending_commit(repo);
    return refuse(status, std::move(why));
  }
  std::string list;
  for (const std::string& path : changed_since) list += (list.empty() ? "" : ", ") + path;
  if (!changed_since.empty()) remove_pending_commit(repo);
  return refuse(CommitStatus::working_tree_failed,
                why + (changed_since.empty()
                           ? "; the files written so far could not be put back (" + undo_error +
                                 "), the next partnerops command puts them back"
                           : "; " + list + " changed meanwhile, so they are left as they are"));
}

// The changed files in the working tree: every new file written atomically,
// then the deleted ones removed.
std::optional<CommitResult> write_working_tree(git_repository* repo, const CommitOptions& options,
                                               const PendingCommit& pending) {
  const fs::path workdir = git_repository_workdir(repo);
  std::vector<util::FileWrite> writes;
  for (const FileChange& change : options.changes)
    if (change.content) writes.push_back({workdir / change.path, *change.content});
  const std::vector<util::WriteFailure> failures =
      util::write_files_atomically(writes, util::fault_point);
  if (!failures.empty()) {
    return undo_and_refuse(repo, pending, CommitStatus::failed,
                           failures.front().error + "; nothing was committed");
  }
  for (const FileChange& change : options.changes) {
    const fs::path full = workdir / change.path;
    if (!change.content && ::unlink(full.c_str()) != 0 && errno != ENOENT) {
      return undo_and_refuse(
          repo, pending, CommitStatus::failed,
          "cannot remove " + full.string() + ": " + errno_text() + "; nothing was committed");
    }
  }
  return std::nullopt;
}

// The changed paths' index entries, then the files and index flushed.
std::optional<CommitResult> write_index(git_repository* repo, const CommitOptions& options,
                                        const BaseState& state, const PendingCommit& pending) {
  std::string error;
  git_index* index = state.index.get();
  // Reload first, so entries staged by someone else since we looked are kept.
  int index_code = git_index_read(index, 0);
  if (index_code >= 0) {
    for (const FileChange& change : options.changes) {
      index_code = change.content ? git_index_add_bypath(index, change.path.c_str())
                                  : git_index_remove_bypath(index, change.path.c_str());
      if (index_code < 0) {
        error = error_message(index_code, "cannot update the index entry of " + change.path);
        break;
      }
    }
  } else {
    error = error_message(index_code, "cannot reread the index");
  }
  if (index_code >= 0) {
    index_code = git_index_write(index);
    if (index_code < 0) error = error_message(index_code, "cannot write the index");
  }
  if (index_code < 0) {
    return undo_and_refuse(
        repo, pending,
        index_code == GIT_ELOCKED ? CommitStatus::index_locked : CommitStatus::failed,
        error + "; nothing was committed");
  }
  {
    // The files and the index reach the disk before the ref that names them.
    const int fd = ::open(git_repository_path(repo), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      ::syncfs(fd);
      ::close(fd);
    }
  }
  return std::nullopt;
}

// BranchMode::current: the branch moves to the commit, only if it still
// points at the base (compare-and-swap).
std::optional<CommitResult> move_branch(git_repository* repo, const BaseState& state,
                                        const PendingCommit& pending, const std::string& summary,
                                        const MovedText& moved) {
  std::string error;
  git_reference* raw = nullptr;
  const std::string log = "commit: " + summary;
  const int code = git_reference_create_matching(&raw, repo, state.branch_ref.c_str(),
                                                 &pending.commit, 1, &state.base_id, log.c_str());
  ReferencePtr updated(raw);
  if (code == GIT_EMODIFIED)
    return undo_and_refuse(repo, pending, CommitStatus::ref_moved, moved.branch);
  if (!check(code, "cannot update " + short_branch(state.branch_ref), &error)) {
    return undo_and_refuse(repo, pending, CommitStatus::failed, error);
  }
  return std::nullopt;
}

// BranchMode::create: the new branch, then HEAD onto it. A run killed
// between the two leaves HEAD where it was and a branch at a commit the
// record names, which the next run deletes as it undoes the files.
std::optional<CommitResult> create_branch(git_repository* repo, const CommitOptions& options,
                                          const BaseState& state, const PendingCommit& pending,
                                          const std::string& summary, const MovedText& moved) {
  std::string error;
  git_oid now{};
  if (git_reference_name_to_id(&now, repo, state.branch_ref.c_str()) != 0 ||
      git_oid_equal(&now, &state.base_id) != 1) {
    return undo_and_refuse(repo, pending, CommitStatus::ref_moved, moved.branch);
  }
  git_reference* raw = nullptr;
  const std::string log = "branch: Created from " + short_branch(state.branch_ref) + ": " + summary;
  int code = git_reference_create(&raw, repo, pending.new_branch_ref.c_str(), &pending.commit, 0,
                                  log.c_str());
  ReferencePtr created(raw);
  if (code == GIT_EEXISTS) {
    return undo_and_refuse(repo, pending, CommitStatus::branch_exists,
                           "a branch named '" + options.branch_name + "' already exists");
  }
  if (!check(code, "cannot create branch " + options.branch_name, &error)) {
    return undo_and_refuse(repo, pending, CommitStatus::failed, error);
  }
  util::fault_point("branch-created");
  git_reference* raw_head = nullptr;
  const std::string head_log =
      "checkout: moving from " + short_branch(state.branch_ref) + " to " + options.branch_name;
  code = git_reference_symbolic_create_matching(&raw_head, repo, "HEAD",
                                                pending.new_branch_ref.c_str(), 1,
                                                state.branch_ref.c_str(), head_log.c_str());
  ReferencePtr head(raw_head);
  if (code != 0) {
    const std::string why = error_message(code, "cannot check out " + options.branch_name);
    git_reference_delete(created.get());
    return undo_and_refuse(repo, pending,
                           code == GIT_EMODIFIED ? CommitStatus::ref_moved : CommitStatus::failed,
                           code == GIT_EMODIFIED ? moved.head : why);
  }
  return std::nullopt;
}

// From the record on, the files, then the index, then the ref: a run killed
// at any moment leaves either the ref unmoved, with .git/partnerops-pending
// saying what to undo (git/pending_commit.hpp), or the commit landed with
// its files and index already in place. Ctrl-C and SIGTERM wait until the
// end of the section.
CommitResult land(git_repository* repo, const CommitOptions& options, const Request& request,
                  const BaseState& state, PendingCommit& pending, const MovedText& moved) {
  std::string error;
  const std::string summary = request.message.str().substr(0, request.message.str().find('\n'));
  const util::DeferredSignals deferred;
  pending.pid = static_cast<long>(::getpid());
  pending.branch_ref = state.branch_ref;
  pending.base = state.base_id;
  if (options.branch_mode == BranchMode::create) pending.new_branch_ref = request.new_branch_ref;
  if (!write_pending_commit(repo, pending, &error)) return refuse(CommitStatus::failed, error);
  util::fault_point("journal-written");

  if (std::optional<CommitResult> refused = write_working_tree(repo, options, pending))
    return *refused;
  util::fault_point("files-written");
  if (std::optional<CommitResult> refused = write_index(repo, options, state, pending))
    return *refused;
  util::fault_point("index-written");

  if (options.before_ref_update) options.before_ref_update();

  // The ref last, only if nothing moved since the work started.
  CommitResult result;
  result.commit_id = to_hex(pending.commit);
  {
    git_reference* raw = nullptr;
    if (!check(git_reference_lookup(&raw, repo, "HEAD"), "cannot read HEAD", &error)) {
      return undo_and_refuse(repo, pending, CommitStatus::failed, error);
    }
    ReferencePtr head(raw);
    const char* target = git_reference_symbolic_target(head.get());
    if (target == nullptr || state.branch_ref != target) {
      return undo_and_refuse(repo, pending, CommitStatus::ref_moved, moved.head);
    }
  }
  const std::optional<CommitResult> refused =
      options.branch_mode == BranchMode::current
          ? move_branch(repo, state, pending, summary, moved)
          : create_branch(repo, options, state, pending, summary, moved);
  if (refused) return *refused;
  result.branch =
      options.branch_mode == BranchMode::current ? state.branch_ref : request.new_branch_ref;
  util::fault_point("ref-moved");
  remove_pending_commit(repo);
  util::fault_point("journal-removed");
  if (deferred.pending()) {
    tell(options.notify, "interrupted, but only after " + short_id(repo, pending.commit) +
                             " was committed; stopping");
  }
  result.status = CommitStatus::committed;
  return result;
}

}  // namespace

std::string_view to_string(CommitStatus status) {
  switch (status) {
    case CommitStatus::committed:
      return "committed";
    case CommitStatus::not_a_repository:
      return "not a repository";
    case CommitStatus::bare_repository:
      return "bare repository";
    case CommitStatus::unborn_head:
      return "unborn HEAD";
    case CommitStatus::detached_head:
      return "detached HEAD";
    case CommitStatus::branch_exists:
      return "branch exists";
    case CommitStatus::missing_identity:
      return "missing identity";
    case CommitStatus::unmerged_index:
      return "unmerged index";
    case CommitStatus::uncommitted_changes:
      return "uncommitted changes";
    case CommitStatus::index_locked:
      return "index locked";
    case CommitStatus::invalid_request:
      return "invalid request";
    case CommitStatus::nothing_to_commit:
      return "nothing to commit";
    case CommitStatus::ref_moved:
      return "ref moved";
    case CommitStatus::failed:
      return "failed";
    case CommitStatus::working_tree_failed:
      return "working tree failed";
    case CommitStatus::busy:
      return "busy";
  }
  return "unknown";
}

CommitResult commit_files(const fs::path& start, const CommitOptions& options) {
  std::string error;
  RepositoryPtr repo = open_repository(start, &error);
  if (!repo) {
    const bool missing = error.rfind("not a git repository", 0) == 0;
    return refuse(missing ? CommitStatus::not_a_repository : CommitStatus::failed, error);
  }
  return commit_files(repo.get(), options);
}

CommitResult commit_files(git_repository* repo, const CommitOptions& options) {
  ensure_initialized();
  std::string error;

  Request request;
  if (std::optional<CommitResult> refused = check_request(options, &request)) return *refused;

  if (git_repository_is_bare(repo) == 1) {
    return refuse(CommitStatus::bare_repository, "the repository has no working tree (it is bare)");
  }
  // Everything below, from the first read of HEAD to the ref update, runs
  // under the command lock (held already by a command that planned under it).
  CommandLock lock;
  if (!lock_repository(repo, options.notify, &lock, &error)) {
    return refuse(lock.held() ? CommitStatus::failed : CommitStatus::busy, error);
  }
  BaseState state;
  if (std::optional<CommitResult> refused = read_head(repo, options, request, &state))
    return *refused;
  if (std::optional<CommitResult> refused = read_identity_and_index(repo, &state)) return *refused;
  if (std::optional<CommitResult> refused = check_working_tree(repo, options)) return *refused;

  PendingCommit pending;
  if (std::optional<CommitResult> refused =
          write_commit(repo, options, request, state, &pending.commit, &pending))
    return *refused;
  util::fault_point("objects-written");

  const MovedText moved = moved_text(repo, state);
  if (std::optional<CommitResult> refused = check_refs_unmoved(repo, state, moved)) return *refused;
  return land(repo, options, request, state, pending, moved);
}

bool lock_repository(git_repository* repo, const Notify& notify, CommandLock* lock,
                     std::string* error) {
  if (!lock->acquire(git_repository_path(repo), lock_timeout(), notify, error)) return false;
  if (lock->nested()) return true;
  util::fault_point("locked");
  return recover_interrupted_commit(repo, notify, error);
}

}  // namespace partnerops::git
