#pragma once
// The record of a commit that is landing, so that a run killed halfway can
// be undone by the next one.
//
// commit_files writes the files and the index first and moves the ref last.
// Before it touches the first file it writes .git/partnerops-pending (in the
// git folder of the working tree): the branch and the commit it started
// from, the commit about to land, the branch it creates, and every path with
// its blob before and after. The record is removed once the ref has moved.
// A record found by the next command (which holds the command lock, so no
// other partnerops run is writing) means the run that wrote it was killed:
// - the ref had moved: the commit landed, its files and index were already
//   written; the record is simply removed;
// - the ref had not moved: each path still holding either its old or its
//   new content (in the working tree and the index) is put back to the old
//   content, and a branch the run had created is deleted, so the repository
//   is exactly as before and a rerun of the command plans from the same
//   state and lands one commit;
// - anything else (the branch moved since, a path was edited since): the
//   files are left as they are, and the user is told which.
// Temporary files the killed run left beside its paths are removed too.

#include <git2.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "git/command_lock.hpp"

namespace partnerops::git {

struct PendingPath {
  std::string path;                 ///< relative to the working tree root
  std::optional<git_oid> old_blob;  ///< in the base commit; nullopt: the path was new
  unsigned old_mode = 0;            ///< its file mode in the base commit
  std::optional<git_oid> new_blob;  ///< in the commit; nullopt: the path is deleted
};

struct PendingCommit {
  long pid = 0;                ///< the process that wrote it (for messages)
  std::string branch_ref;      ///< the branch HEAD named at the start
  git_oid base{};              ///< where branch_ref pointed at the start
  git_oid commit{};            ///< the commit being landed
  std::string new_branch_ref;  ///< the branch being created and checked out; empty if none
  std::vector<PendingPath> paths;
};

/// .git/partnerops-pending of `repo`'s working tree.
std::filesystem::path pending_commit_path(git_repository* repo);

/// Writes the record and flushes it to disk; false with `error` filled on failure.
bool write_pending_commit(git_repository* repo, const PendingCommit& pending, std::string* error);

/// Removes the record (and its folder entry from disk).
void remove_pending_commit(git_repository* repo);

/// Puts every path of `pending` back to its content in the base commit, in
/// the working tree and the index, provided each still holds its old or its
/// new content in both. When one holds anything else, nothing is touched,
/// false is returned and `changed_since` lists those paths. `restored` lists
/// the paths that held new content. Returns false with `error` filled (and
/// `changed_since` empty) when a file or the index cannot be written.
bool undo_pending_paths(git_repository* repo, const PendingCommit& pending,
                        std::vector<std::string>* restored, std::vector<std::string>* changed_since,
                        std::string* error);

/// Finishes or undoes what a killed run recorded (see above), telling the
/// user through `notify` what it found and did, and removes the record and
/// the temporary files that run left. Call with the command lock held,
/// before reading anything the killed run may have written. Returns false
/// with `error` filled when the record cannot be read or the undo cannot be
/// written; the record is then kept for the next run.
bool recover_interrupted_commit(git_repository* repo, const Notify& notify, std::string* error);

}  // namespace partnerops::git
