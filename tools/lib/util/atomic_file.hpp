#pragma once
// Writing files so that a reader, or a run killed midway, never sees half
// of one: the bytes go to a temporary file in the same folder, are flushed
// to disk, and the temporary file is renamed over the target in one step.
// A run killed before the rename leaves its temporary file behind; its name,
// ".<name>.partnerops-tmp-XXXXXX", says whose it is, so the next run can
// remove it (remove_leftover_temporaries) instead of taking it for the
// user's work.

#include <filesystem>
#include <functional>
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

/// Hands a file's bytes to a writer piece by piece, in order.
using PieceWriter = std::function<void(std::string_view piece)>;
using Producer = std::function<void(const PieceWriter& write)>;

/// Writes to `path` atomically, as above, the pieces `produce` hands its
/// writer, so a large file made of parts held elsewhere is never assembled
/// in memory.
bool write_file_atomically(const std::filesystem::path& path, const Producer& produce,
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
/// `step`, when given, is called with "temporaries-written" once every
/// temporary file is flushed and with "first-renamed" after the first rename
/// (the commit path marks its fault points there, util/fault_point.hpp).
std::vector<WriteFailure> write_files_atomically(
    std::span<const FileWrite> files, const std::function<void(std::string_view)>& step = nullptr);

/// The start of the name of every temporary file written beside `path`:
/// ".<file name>.partnerops-tmp-".
std::string temporary_prefix(const std::filesystem::path& path);

/// True when the file name `name` is one of our temporary files
/// (".<name>.partnerops-tmp-" and six more characters).
bool is_temporary_name(std::string_view name);

/// Removes the temporary files a killed write left beside `path`; returns
/// those it removed. Only call it while no other run can be writing `path`
/// (the commit path holds git::CommandLock).
std::vector<std::filesystem::path> remove_leftover_temporaries(const std::filesystem::path& path);

}  // namespace partnerops::util
