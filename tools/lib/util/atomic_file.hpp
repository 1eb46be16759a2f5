#pragma once
// Writing files so that a reader, or a run killed midway, never sees half
// of one: the bytes go to a temporary file in the same folder, are flushed
// to disk, and the temporary file is renamed over the target in one step.

#include <filesystem>
#include <string>
#include <string_view>

namespace partnerops::util {

/// Writes `bytes` to `path` atomically, creating missing parent folders and
/// keeping the permission bits of a file it replaces (new files get 0666
/// less the umask).
/// Returns false and fills `error` on failure; the target is then untouched
/// and no temporary file is left behind.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           std::string* error);

}  // namespace partnerops::util
