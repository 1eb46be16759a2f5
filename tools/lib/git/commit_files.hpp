#pragma once
// Commits exactly the files a transition touched, and nothing else.
//
// `git commit` takes the whole index, so anything the user had staged would
// ride along with an automated transition. Here the new tree is built from
// HEAD's tree plus the given changes only; the ref is moved only if it still
// points where it did when the work started (so a commit made meanwhile is
// never lost); and only then are the changed files written to the working tree
// and their index entries updated. Other staged or unstaged work is left
// exactly as it was. Every refusal happens before anything is written.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  /// create `branch_name` at the new commit and check it out. HEAD is moved
  /// (only if it still names the branch it named at the start) right after
  /// the branch is created and before any file is written; if that fails the
  /// new branch is deleted again, so a refusal still changes nothing.
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
  /// Test seam: runs after the commit object is written and just before the
  /// ref update, so a test can move the ref in between.
  std::function<void()> before_ref_update;
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
  failed,               ///< libgit2 failed before anything changed
  working_tree_failed,  ///< committed and ref moved, but a file or the index could not be updated
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

/// Commits `options.changes` on top of HEAD in `repo` as described above.
/// Author and committer come from git config. Returns the outcome; on every
/// status but committed and working_tree_failed, refs, index and working tree
/// are as they were (only unreachable objects may have been written).
CommitResult commit_files(git_repository* repo, const CommitOptions& options);

/// The same, opening the repository that contains `start` (searching upward);
/// status not_a_repository when there is none.
CommitResult commit_files(const std::filesystem::path& start, const CommitOptions& options);

}  // namespace partnerops::git
