#include "git/tree_changes.hpp"

#include <algorithm>
#include <cstring>

namespace partnerops::git {
namespace {

bool is_tree(const git_tree_entry* entry) { return git_tree_entry_type(entry) == GIT_OBJECT_TREE; }

// The kind of a file entry (regular file, link, submodule), as git's mode
// keeps it in its high bits; the executable bit is not a kind.
unsigned mode_type(const git_tree_entry* entry) {
  return static_cast<unsigned>(git_tree_entry_filemode(entry)) & 0170000u;
}

class Comparison {
 public:
  Comparison(git_repository* repo, const PathPattern& pattern, std::string* error)
      : repo_(repo), pattern_(pattern), error_(error) {}

  // Opens the tree `id`; false (with the error filled) when it cannot be read.
  bool open(const git_oid& id, const std::string& path, TreePtr* out) {
    git_tree* raw = nullptr;
    if (!check(git_tree_lookup(&raw, repo_, &id),
               "cannot read the folder '" + (path.empty() ? std::string("/") : path) + "'",
               error_)) {
      return false;
    }
    out->reset(raw);
    ++result_.trees_opened;
    return true;
  }

  // Compares two folders at `depth` of the pattern (`path` ends in '/' below
  // the top); either may be nullptr.
  bool folders(const git_tree* from, const git_tree* to, const std::string& path,
               std::size_t depth) {
    if (depth < pattern_.size() && pattern_[depth]) {
      const std::string& name = *pattern_[depth];
      return entries(from != nullptr ? git_tree_entry_byname(from, name.c_str()) : nullptr,
                     to != nullptr ? git_tree_entry_byname(to, name.c_str()) : nullptr, path,
                     depth);
    }
    // Both sides are in git's order (a folder sorts as its name with a '/'
    // after it), so one pass pairs the entries of the same name and kind.
    const std::size_t from_count = from != nullptr ? git_tree_entrycount(from) : 0;
    const std::size_t to_count = to != nullptr ? git_tree_entrycount(to) : 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < from_count || j < to_count) {
      const git_tree_entry* a = i < from_count ? git_tree_entry_byindex(from, i) : nullptr;
      const git_tree_entry* b = j < to_count ? git_tree_entry_byindex(to, j) : nullptr;
      // Two versions of a large folder mostly hold the same entries: the same
      // id under the same name is the same entry, whatever its kind.
      if (a != nullptr && b != nullptr &&
          git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) == 1 &&
          git_tree_entry_filemode(a) == git_tree_entry_filemode(b) &&
          std::strcmp(git_tree_entry_name(a), git_tree_entry_name(b)) == 0) {
        ++i;
        ++j;
        continue;
      }
      const int order = a == nullptr ? 1 : b == nullptr ? -1 : git_tree_entry_cmp(a, b);
      if (order < 0) {
        b = nullptr;
        ++i;
      } else if (order > 0) {
        a = nullptr;
        ++j;
      } else {
        ++i;
        ++j;
      }
      if (!entries(a, b, path, depth)) return false;
    }
    return true;
  }

  // Compares what two folders hold under one name; either may be nullptr.
  bool entries(const git_tree_entry* from, const git_tree_entry* to, const std::string& path,
               std::size_t depth) {
    if (from != nullptr && to != nullptr && is_tree(from) != is_tree(to)) {
      // A file replaced by a folder, or the reverse: git reports the file
      // deleted or added and each file of the folder on its own.
      return entries(from, nullptr, path, depth) && entries(nullptr, to, path, depth);
    }
    const git_tree_entry* either = to != nullptr ? to : from;
    if (either == nullptr) return true;
    // The same id and mode on both sides is the same content: a folder is
    // not opened.
    if (from != nullptr && to != nullptr &&
        git_oid_equal(git_tree_entry_id(from), git_tree_entry_id(to)) == 1 &&
        git_tree_entry_filemode(from) == git_tree_entry_filemode(to)) {
      return true;
    }
    const std::string name = path + git_tree_entry_name(either);
    if (is_tree(either)) {
      TreePtr old_tree;
      TreePtr new_tree;
      if (from != nullptr && !open(*git_tree_entry_id(from), name, &old_tree)) return false;
      if (to != nullptr && !open(*git_tree_entry_id(to), name, &new_tree)) return false;
      return folders(old_tree.get(), new_tree.get(), name + '/', depth + 1);
    }
    // A file matches only where the pattern ends: above that, only folders
    // can lead to a match.
    if (depth + 1 < pattern_.size()) return true;
    ChangedPath changed;
    changed.path = name;
    if (from == nullptr) {
      changed.kind = ChangeKind::added;
    } else if (to == nullptr) {
      changed.kind = ChangeKind::deleted;
    } else if (mode_type(from) != mode_type(to)) {
      changed.kind = ChangeKind::type_changed;
    }
    result_.paths.push_back(std::move(changed));
    return true;
  }

  TreeChanges take() {
    std::sort(result_.paths.begin(), result_.paths.end(),
              [](const ChangedPath& a, const ChangedPath& b) { return a.path < b.path; });
    return std::move(result_);
  }

 private:
  git_repository* repo_;
  const PathPattern& pattern_;
  std::string* error_;
  TreeChanges result_;
};

}  // namespace

PathPattern literal_pattern(std::string_view prefix) {
  PathPattern pattern;
  std::size_t start = 0;
  while (start <= prefix.size()) {
    const std::size_t slash = prefix.find('/', start);
    const std::string_view part = prefix.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty()) pattern.emplace_back(std::string(part));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return pattern;
}

std::optional<TreeChanges> compare_trees(git_repository* repo, const git_oid* from,
                                         const git_oid* to, const PathPattern& pattern,
                                         std::string* error) {
  ensure_initialized();
  Comparison comparison(repo, pattern, error);
  if (from != nullptr && to != nullptr && git_oid_equal(from, to) == 1) return comparison.take();
  TreePtr old_tree;
  TreePtr new_tree;
  if (from != nullptr && !comparison.open(*from, {}, &old_tree)) return std::nullopt;
  if (to != nullptr && !comparison.open(*to, {}, &new_tree)) return std::nullopt;
  if (!comparison.folders(old_tree.get(), new_tree.get(), {}, 0)) return std::nullopt;
  return comparison.take();
}

}  // namespace partnerops::git
