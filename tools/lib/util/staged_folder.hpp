#pragma once
// A folder written whole or not at all: its files go into a fresh folder
// beside the target, which is then renamed into place, so a reader (or a
// failure halfway) never sees half of it.

#include <filesystem>
#include <string>

namespace partnerops::util {

/// Makes a fresh, empty folder beside `target` (".NAME.partnerops-XXXXXX"
/// in the same parent, so the final rename stays on one file system), with
/// the permissions the umask gives a new folder. Returns it, or an empty
/// path with `error` filled.
std::filesystem::path make_staging_folder(const std::filesystem::path& target, std::string* error);

/// Replaces `target` (missing, or an existing folder, which is moved aside
/// first and removed once `staged` took its place) with `staged`. Returns
/// false with `error` filled, `target` as it was, when a rename fails.
bool move_into_place(const std::filesystem::path& staged, const std::filesystem::path& target,
                     std::string* error);

}  // namespace partnerops::util
