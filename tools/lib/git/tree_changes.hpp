#pragma once
// The files two trees differ in, found the way git finds them: the trees are
// compared one folder at a time, and a folder whose id is the same on both
// sides is never opened, so the cost follows the change and not the size of
// the tree. libgit2 1.5's git_diff_tree_to_tree opens every folder of both
// trees and compares file by file; over an organisation of 10,000 partner
// folders that is a tenth of a second for a commit that changed one file,
// and `log` compares every commit of history with its parent.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/repository.hpp"

namespace partnerops::git {

enum class ChangeKind { added, modified, deleted, type_changed };

struct ChangedPath {
  std::string path;
  ChangeKind kind = ChangeKind::modified;
};

/// Which files a comparison looks at: one name per folder level from the top,
/// where nullopt stands for any name at that level; every file at or below
/// the last level matches. {} is every file, {"partners"} every file below
/// partners/, {"partners", nullopt, "partner.yaml"} each partner's
/// partner.yaml. Folders that cannot hold a match are not opened.
using PathPattern = std::vector<std::optional<std::string>>;

/// The pattern of the files at or below `prefix` ("partners/acme"), each
/// component a literal name; "" is every file.
PathPattern literal_pattern(std::string_view prefix);

struct TreeChanges {
  std::vector<ChangedPath> paths;  ///< sorted by path
  /// The trees read to find them (the two top trees included), for the tests
  /// and benches that check the cost follows the change.
  std::size_t trees_opened = 0;
};

/// The files matching `pattern` that differ between the trees `from` and `to`
/// (nullptr for either: an empty tree), as git_diff_tree_to_tree with
/// GIT_DIFF_INCLUDE_TYPECHANGE reports them: a file on one side only is added
/// or deleted; a file whose id or mode differs is modified, or type_changed
/// when it turns from a file into a link or a submodule (or back); a file
/// replaced by a folder of the same name is a deletion and additions. Renames
/// are not detected. Returns nullopt and fills `error` when a tree cannot be
/// read.
std::optional<TreeChanges> compare_trees(git_repository* repo, const git_oid* from,
                                         const git_oid* to, const PathPattern& pattern,
                                         std::string* error);

}  // namespace partnerops::git
