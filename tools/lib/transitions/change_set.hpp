#pragma once
// What a bookkeeping command (`advance`, `record`) decided to change, and how
// it lands: one commit of exactly those files through libgit2, or, with
// --no-commit, the files written in place. Planning and applying are apart so
// that every refusal (an unmet guard, an edit that would break the schema)
// happens before anything is written.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "git/commit_files.hpp"
#include "git/repository_in_background.hpp"
#include "model/workspace.hpp"

namespace partnerops::transitions {

/// One file's new bytes, by workspace-relative path.
struct FileEdit {
  std::string path;
  std::string content;
};

struct ChangeSet {
  std::string folder;           ///< the partner folder, workspace-relative
  std::vector<FileEdit> edits;  ///< the files to write, in order
  /// Workspace-relative paths of files to delete (a file renamed: its old
  /// name), after the edits are written.
  std::vector<std::string> removals;
  std::string message;           ///< the commit message
  std::string suggested_branch;  ///< the branch a new-branch commit would use
  /// A sentence for the user once the change is written ("" for none), e.g.
  /// which agreement a new SOW is an addendum to.
  std::string note;
  /// Workspace-relative paths that must be clean, instead of `folder`
  /// (an invoice run touches many partners and protects partners/ whole).
  std::vector<std::string> protected_paths;
};

enum class CommitMode { commit, write_only };

struct ApplyOptions {
  CommitMode commit_mode = CommitMode::commit;
  git::BranchMode branch_mode = git::BranchMode::current;
  std::string branch_name;                  ///< for BranchMode::create
  std::function<void()> before_ref_update;  ///< test seam, see git::CommitOptions
  /// The repository, being opened ahead by the caller so its index is read
  /// while the caller plans; nullptr: apply_changes opens it. Taken (waited
  /// for) only with CommitMode::commit.
  git::RepositoryInBackground* repository = nullptr;
};

struct ApplyResult {
  bool ok = false;
  std::string error;      ///< a sentence for the user when not ok
  std::string commit_id;  ///< when committed
  std::string short_id;   ///< when committed
  std::string branch;     ///< "refs/heads/..." when committed
};

/// Takes the command lock of the repository holding `root` into `lock`,
/// first thing, before the command reads its workspace: it waits for
/// another committing command (saying so on stderr), and puts back what an
/// interrupted one left, so the plan is made from a settled working tree
/// (git::lock_repository). Keep `lock` until apply_changes returns. Outside
/// a repository there is nothing to lock: returns true, holding nothing.
/// Returns false with `error` filled (a sentence) when the lock could not
/// be had in time or the recovery failed.
bool lock_workspace(const std::filesystem::path& root, git::CommandLock* lock, std::string* error);

/// Applies `changes` to the workspace rooted at `root` (a folder inside a git
/// working tree, or the working tree itself). With CommitMode::commit the
/// repository containing `root` is opened and the edits committed with the
/// partner folder protected from unrelated uncommitted work; each refusal of
/// git::commit_files becomes a sentence naming what to do. With
/// CommitMode::write_only the files are written atomically, then the removals
/// deleted, and nothing else happens. Returns the outcome; on a refusal nothing was changed.
ApplyResult apply_changes(const std::filesystem::path& root, const ChangeSet& changes,
                          const ApplyOptions& options);

/// The partner folder of `slug`, or nullptr after reporting
/// `advance-unknown-partner` with the nearest slug as a hint.
const PartnerFolder* find_partner(const Workspace& workspace, const std::string& slug,
                                  Diagnostics& diagnostics);

/// The sentence for a refused or failed commit: what happened and what to do.
std::string describe_refusal(const git::CommitResult& result, const std::string& branch_name);

/// Checks that `text`, the new content of the workspace file `path` (of the
/// same kind as the file loaded there), parses and passes its schema. Appends
/// the problems to `diagnostics` and returns false otherwise.
bool revalidate(const Workspace& workspace, const std::string& path, const std::string& text,
                Diagnostics& diagnostics);

/// `pattern` with each placeholder ("{period}") replaced by its value,
/// everywhere it occurs.
std::string expand_branch_pattern(
    std::string pattern, const std::vector<std::pair<std::string_view, std::string>>& values);

/// `pattern` with `{slug}` and `{stage}` (or `{item}`) replaced.
std::string expand_branch_pattern(std::string pattern, const std::string& slug,
                                  const std::string& name);

/// The organisation's branch patterns (partnerops.yaml `branches`), or the
/// defaults when it did not load.
BranchPatterns branch_patterns(const Workspace& workspace);

}  // namespace partnerops::transitions
