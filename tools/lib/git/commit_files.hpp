#pragma once
// Commits exactly the files a transition touched, and nothing else.
//
// `git commit` takes the whole index, so anything the user had staged would
// ride along with an automated transition. Here the new tree is built from
// HEAD's tree plus the given changes only. Other staged or unstaged work is
// left exactly as it was.
//
// The order makes every instant safe. Under the command lock
// (git/command_lock.hpp), the commit object is written; then a record of it
// (git/pending_commit.hpp); then the changed files, flushed, and their index
// entries; and the ref moves last, only if it still points where it did when
// the work started (compare-and-swap, so a commit made meanwhile is never
// lost). A run killed before the ref moves leaves HEAD where it was and a
// record that lets the next run put the files and index back; a run killed
// after has landed its commit with the files and index already matching it.
// A refusal found after the files were written (the ref moved, the index is
// locked) puts them back before returning, so it still changes nothing.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/command_lock.hpp"
#include "git/repository.hpp"

namespace partnerops::git {

/// One file to commit: new bytes, or a deletion when `content` is empty. The
/// bytes are what the working-tree file will hold; the committed blob gets
/// git's clean filters (.gitattributes eol/text, core.autocrlf), as `git add`
/// would apply them.
struct FileChange {
  std::string path;                    ///< relative to the working tree root, '/'-separated
  std::optional<std::string> content;  ///< nullopt deletes the file

  static FileChange write(std::string path, std::string content) {
    return FileChange{std::move(path), std::move(content)};
  }
  static FileChange remove(std::string path) { return FileChange{std::move(path), std::nullopt}; }
};

enum class BranchMode {
  current,  ///< commit on the branch HEAD points at
  /// create `branch_name` at the new commit and check it out. The files and
  /// index are written first; then the branch is created and HEAD moved onto
  /// it (only if it still names the branch it named at the start); if that
  /// fails the new branch is deleted and the files put back, so a refusal
  /// still changes nothing.
  create,
};

struct CommitOptions {
  std::vector<FileChange> changes;
  std::string message;  ///< full message; trailing whitespace is cleaned up, '#' lines are kept
  BranchMode branch_mode = BranchMode::current;
  std::string
      branch_name;  ///< for BranchMode::create: a short name such as "advance/acme-prospect"
  /// Files or folders (a partner's folder) that must have no uncommitted
  /// changes, staged, unstaged or untracked, besides the changed paths.
  std::vector<std::string> protected_paths;
  /// Test seam: runs after the files and index are written, just before the
  /// ref update, so a test can move the ref in between.
  std::function<void()> before_ref_update;
  /// Where sentences for the user go (waiting for another command, undoing
  /// an interrupted one); empty: stderr.
  Notify notify;
};

enum class CommitStatus {
  committed,
  not_a_repository,
  bare_repository,
  unborn_head,  ///< HEAD names a branch with no commits yet
  detached_head,
  branch_exists,
  missing_identity,     ///< user.name or user.email not configured
  unmerged_index,       ///< the index has conflicts
  uncommitted_changes,  ///< see CommitResult::dirty_paths
  index_locked,         ///< another git process holds .git/index.lock
  invalid_request,      ///< unsafe path, empty message, bad branch name, deleting a missing file...
  nothing_to_commit,    ///< the changes leave HEAD's tree as it was
  ref_moved,            ///< HEAD or its branch moved while committing; nothing was changed
  failed,               ///< libgit2 failed; nothing was changed
  /// nothing was committed, but a file or the index written before the
  /// failure could not be put back; the record in the git folder makes the
  /// next command put it back (see CommitResult::error)
  working_tree_failed,
  busy,  ///< another partnerops command held the lock for longer than lock_timeout()
};

std::string_view to_string(CommitStatus status);

struct CommitResult {
  CommitStatus status = CommitStatus::failed;
  std::string error;                     ///< a sentence saying what went wrong, when not committed
  std::vector<std::string> dirty_paths;  ///< for uncommitted_changes, sorted
  std::string commit_id;                 ///< 40 hex digits, when a commit was made
  std::string branch;                    ///< the branch committed on, "refs/heads/..."
  bool ok() const { return status == CommitStatus::committed; }
};

/// Commits `options.changes` on top of HEAD in `repo` as described above,
/// holding the command lock throughout (taking it, and recovering from an
/// interrupted commit, unless this process holds it already).
/// Author and committer come from git config. Returns the outcome; on every
/// status but committed and working_tree_failed, refs, index and working tree
/// are as they were (only unreachable objects may have been written).
CommitResult commit_files(git_repository* repo, const CommitOptions& options);

/// Takes the command lock of `repo`'s git folder into `lock` (waiting up to
/// lock_timeout() for another command, saying so through `notify`) and,
/// unless this process held it already, finishes or undoes what an
/// interrupted command left (recover_interrupted_commit). A committing
/// command calls it before it reads the working tree or the index, and
/// keeps `lock` until it has committed. Returns false with `error` filled
/// when the lock was not had in time or the recovery failed.
bool lock_repository(git_repository* repo, const Notify& notify, CommandLock* lock,
                     std::string* error);

/// The same, opening the repository that contains `start` (searching upward);
/// status not_a_repository when there is none.
CommitResult commit_files(const std::filesystem::path& start, const CommitOptions& options);

}  // namespace partnerops::git
