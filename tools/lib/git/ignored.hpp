#pragma once
// Whether git would show a file a command writes. Commands write their
// documents into the repository's working tree (out/ by default), and a
// file git shows there is one a careless `git add -A` sweeps into history:
// the commands ask here before choosing to leave a folder as it is.

#include <filesystem>

namespace partnerops::git {

enum class Visibility {
  outside,  ///< in no git working tree (or a bare repository)
  ignored,  ///< in a working tree, and its ignore rules cover the path
  shown,    ///< in a working tree, and `git status` would list it
};

/// Where `path` (a file or a folder, existing or not, relative to the
/// current directory or absolute) stands for the repository around it. An
/// existing folder is asked about as a folder, so a rule like `/out/`
/// covers it; anything else as a file. Any
/// failure to open or ask the repository counts as `outside`: the answer
/// only decides whether to add an ignore rule.
Visibility visibility(const std::filesystem::path& path);

}  // namespace partnerops::git
