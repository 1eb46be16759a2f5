#pragma once
// Writing files so that a reader, or a run killed midway, never sees half
// of one: the bytes go to a temporary file in the same folder, are flushed
// to disk, and the temporary file is renamed over the target in one step.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops::util {

/// Writes `bytes` to `path` atomically, creating missing parent folders and
/// keeping the permission bits of a file it replaces (new files get 0666
/// less the umask).
/// Returns false and fills `error` on failure; the target is then untouched
/// and no temporary file is left behind.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           std::string* error);

struct FileWrite {
  std::filesystem::path path;
  std::string_view bytes;
};

struct WriteFailure {
  std::filesystem::path path;
  std::string error;
};

/// Writes many files, each atomically as write_file_atomically does, but
/// flushes them to disk with one syncfs() instead of one fsync() a file: an
/// invoice run writing a thousand drafts would otherwise wait on a thousand
/// disk flushes. Every temporary file is written before the first rename, so
/// when one cannot be written nothing is renamed and every target keeps its
/// old bytes. Returns the files that failed (empty when all were written).
std::vector<WriteFailure> write_files_atomically(std::span<const FileWrite> files);

}  // namespace partnerops::util
