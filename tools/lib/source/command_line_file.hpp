#pragma once
// Reading a file the user names on the command line (`invoice run --usage
// FILE`). Paths that data names must resolve beneath the workspace root
// through no symbolic link (source/source.hpp); a path typed by the user is
// the user's choice and may lie anywhere, through the user's own links. But
// the workspace is a git repository anyone with a pull request can write
// to, so once the path enters the workspace (however it got there: typed
// as inside, or through a link of the user's pointing in) no link inside
// the workspace is followed: `--usage usage/2027-01.yaml` with a committed
// `usage -> /etc` is refused, as a logo named by data would be.

#include <cstdint>
#include <filesystem>

#include "source/source.hpp"

namespace partnerops {

/// Reads the regular file `path` (relative to the current folder, or
/// absolute) of at most `max_bytes`, following links outside the workspace
/// at `root` and none inside it. Status::symlink when a link inside the
/// workspace is on the way, with the sentence saying which (relative to
/// the root); missing, not_a_file, too_large or error otherwise, each with a
/// sentence.
ReadResult read_command_line_file(const std::filesystem::path& root,
                                  const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace partnerops
