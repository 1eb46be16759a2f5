#pragma once
// Reading what happened: the commits of a branch with their trailers (the
// timeline `log` prints and `check-range` walks), and the paths a range
// changed. Stage transitions are commits whose trailers say `Partner:`,
// `Stage-From:` and `Stage-To:`, so history is the record of transitions.
// A shallow clone holds only part of that record; every answer says so.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/repository.hpp"
#include "git/tree_changes.hpp"

namespace partnerops::git {

struct Trailer {
  std::string key;
  std::string value;
};

struct CommitRecord {
  std::string id;          ///< 40 hex digits
  std::int64_t time = 0;   ///< author time, seconds since the epoch
  int offset_minutes = 0;  ///< the author's UTC offset
  std::string author_name;
  std::string author_email;
  std::string message;            ///< the full message as stored
  std::string summary;            ///< its first paragraph joined into one line
  std::vector<Trailer> trailers;  ///< in message order, as git_message_trailers parses them
  std::vector<std::string> parent_ids;

  /// The value of the last trailer named `key` (compared case-insensitively),
  /// or nullptr.
  const std::string* trailer(std::string_view key) const;
};

enum class Order { newest_first, oldest_first };

struct HistoryOptions {
  std::string revspec = "HEAD";  ///< where the walk starts
  /// When not empty, commits reachable from this revision are left out, so
  /// {revspec "HEAD", exclude "main"} is the range main..HEAD.
  std::string exclude_revspec;
  Order order = Order::newest_first;
  /// When not empty, only commits that changed something at or below this
  /// path ("partners/acme") compared with every parent (merges that took a
  /// parent's version unchanged are skipped, as `git log -- path` does).
  /// In a shallow clone the oldest commit held counts as a root commit.
  std::string path_prefix;
  std::size_t max_count = 0;  ///< 0: no limit (applied after the path filter)
};

struct WalkSummary {
  std::size_t commits = 0;  ///< commits passed to the callback
  /// True when the repository is a shallow clone: older history is missing,
  /// so a timeline read from it may be incomplete.
  bool shallow = false;
};

/// Walks history in topological order (newest or oldest first, ties by
/// time), calling `visit` for each commit; `visit` returns false to stop.
/// Returns nullopt and fills `error` when a revision cannot be resolved or
/// the walk fails; a walk that reaches the edge of a shallow clone stops
/// there without error.
std::optional<WalkSummary> walk_history(git_repository* repo, const HistoryOptions& options,
                                        const std::function<bool(const CommitRecord&)>& visit,
                                        std::string* error);

struct History {
  std::vector<CommitRecord> commits;
  bool shallow = false;
};

/// walk_history collected into a vector.
std::optional<History> read_history(git_repository* repo, const HistoryOptions& options,
                                    std::string* error);

/// Reads one commit. Returns nullopt and fills `error` when `revspec` names none.
std::optional<CommitRecord> read_commit(git_repository* repo, std::string_view revspec,
                                        std::string* error);

/// The files that differ between the trees of `from` and `to` (revisions),
/// sorted by path, without rename detection (a rename is a deletion and an
/// addition). Returns nullopt and fills `error` when either cannot be read.
std::optional<std::vector<ChangedPath>> changed_paths(git_repository* repo, std::string_view from,
                                                      std::string_view to, std::string* error);

/// The files matching `pattern` (git/tree_changes.hpp) that the commit
/// `commit_id` (40 hex digits) added, changed or removed compared with its
/// first parent, sorted by path; folders the commit left as they were are not
/// opened. A root commit, and the oldest commit a shallow clone holds, are
/// compared with an empty tree, so every file they hold counts as added.
/// Returns nullopt and fills `error` when the commit or a tree cannot be read.
std::optional<std::vector<ChangedPath>> paths_changed_by(git_repository* repo,
                                                         std::string_view commit_id,
                                                         const PathPattern& pattern,
                                                         std::string* error);

/// paths_changed_by for the files at or below `prefix` ("partners",
/// "partners/acme/partner.yaml"); an empty `prefix` means every path.
std::optional<std::vector<ChangedPath>> paths_changed_by(git_repository* repo,
                                                         std::string_view commit_id,
                                                         std::string_view prefix,
                                                         std::string* error);

/// A file as one commit holds it.
struct FileAtCommit {
  std::string blob_id;  ///< 40 hex digits
  std::string content;
};

/// The file at `path` in the tree of the commit `commit_id` (40 hex
/// digits); nullopt when that tree holds no file there, or when the commit
/// is not in the repository (a parent beyond the edge of a shallow clone).
std::optional<FileAtCommit> read_file_at(git_repository* repo, std::string_view commit_id,
                                         std::string_view path);

/// The best common ancestor of two revisions (the base a pull request's
/// changes are measured from), as 40 hex digits. Returns nullopt and fills
/// `error` when there is none or a revision is unknown.
std::optional<std::string> merge_base(git_repository* repo, std::string_view a, std::string_view b,
                                      std::string* error);

/// True when `repo` is a shallow clone.
bool is_shallow(git_repository* repo);

}  // namespace partnerops::git
