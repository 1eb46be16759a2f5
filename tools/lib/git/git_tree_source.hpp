#pragma once
// A Source over the tree of one git revision. Validating a pull request's
// head, comparing it with its base and building PDFs from a tagged revision
// read files straight from the object database: nothing is checked out, so the
// user's working tree is never touched and any revision can be loaded next to
// the working tree.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "git/repository.hpp"
#include "source/source.hpp"

namespace partnerops::git {

/// A commit named by a revision, with what reproducible output needs.
struct ResolvedCommit {
  std::string id;          ///< 40 hex digits
  std::string short_id;    ///< shortest unambiguous abbreviation
  std::int64_t time = 0;   ///< committer time, seconds since the epoch (for SOURCE_DATE_EPOCH)
  int offset_minutes = 0;  ///< the committer's UTC offset
};

/// Resolves `revspec` (HEAD, main, a commit id, HEAD~3...) to a commit.
/// Returns nullopt and fills `error` ("unknown revision 'x'", "revision 'x'
/// does not name a commit", an unborn HEAD...) otherwise.
std::optional<ResolvedCommit> resolve_commit(git_repository* repo, std::string_view revspec,
                                             std::string* error);

/// A Source over the tree of the commit `revspec` names. The source shares
/// ownership of `repo` and may be used from several threads: lookups in the
/// tree take turns, blobs are read concurrently, each reading thread through
/// an object database of its own. read() reports the blob id with the
/// bytes. Regular and executable files are EntryType::file, links (mode
/// 120000) EntryType::symlink and never followed, submodules
/// EntryType::other. describe() is "revision <short id>".
/// Returns nullptr and fills `error` when the revision cannot be resolved.
std::unique_ptr<Source> open_git_tree_source(std::shared_ptr<git_repository> repo,
                                             std::string_view revspec, std::string* error);

}  // namespace partnerops::git
