#pragma once
// Where workspace files come from. One interface serves the working tree
// (DirectorySource) and a git tree at any revision (git/git_tree_source), so
// validating a pull request's head, comparing it with its base and building
// its PDFs all share the same loading code.

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnerops {

enum class EntryType { file, directory, symlink, other };

/// One entry of a listing. No size: it would cost a stat per file on disk
/// and an object header per blob in git, and read() checks the size of the
/// files that are actually read.
struct SourceEntry {
  std::string path;  ///< relative to the source root, '/'-separated, no leading './'
  EntryType type = EntryType::file;
};

struct ReadResult {
  /// symlink: the file, or a folder on its way, is a symbolic link; the
  /// read is refused, so a link cannot lead outside the workspace.
  enum class Status { ok, missing, not_a_file, too_large, symlink, error };
  Status status = Status::ok;
  std::string content;  ///< the bytes, when status is ok
  std::string error;    ///< a sentence saying what went wrong otherwise
  /// The git blob id of `content`, when the source knows it without hashing
  /// the bytes (a git tree does); the parse cache is keyed by it.
  std::optional<std::array<unsigned char, 20>> blob_id;
  bool ok() const { return status == Status::ok; }

  static ReadResult bytes(std::string content) {
    ReadResult result;
    result.content = std::move(content);
    return result;
  }
  static ReadResult failure(Status status, std::string error) {
    ReadResult result;
    result.status = status;
    result.error = std::move(error);
    return result;
  }
};

/// What the file system says about a file without reading it, as git's
/// index keeps it: a file whose stamp is unchanged since a run recorded it
/// is taken to hold the same bytes (model/parse_cache.hpp says when that
/// is safe).
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  bool operator==(const FileStamp&) const = default;
};

class Source {
 public:
  virtual ~Source() = default;

  /// Every entry below `dir` ("" for the root), recursively, sorted by path.
  /// Symbolic links are listed as such and never followed, so a link cannot
  /// lead a read outside the repository. Fills `error` and returns what it
  /// could when a folder cannot be read.
  virtual std::vector<SourceEntry> list(std::string_view dir, std::string* error) const = 0;

  /// The bytes of a regular file. Files over `max_bytes` are not read. A
  /// path with a symbolic link in any component is refused (Status::symlink),
  /// as is one that is not a safe relative path (missing).
  virtual ReadResult read(std::string_view path, std::uint64_t max_bytes) const = 0;

  /// True when `path` names a regular file reached through no symbolic link.
  virtual bool is_file(std::string_view path) const = 0;

  /// For messages: "working tree /path" or "revision 1a2b3c4".
  virtual std::string describe() const = 0;

  /// The stamp of the regular file `path`, reached through no symbolic
  /// link, without reading it; std::nullopt when there is no such file or
  /// the source has no file system under it (a git tree names its blobs
  /// instead).
  virtual std::optional<FileStamp> stamp(std::string_view path) const {
    (void)path;
    return std::nullopt;
  }

  /// The git blob id of the regular file `path` when the source knows it
  /// without reading the file (a git tree's entries name their blobs), so
  /// a cache keyed by blob id can be asked first; else std::nullopt.
  virtual std::optional<std::array<unsigned char, 20>> blob_id(std::string_view path) const {
    (void)path;
    return std::nullopt;
  }
};

/// A Source over a folder on disk. Paths that try to leave the folder
/// (`..`, absolute paths) are treated as missing.
std::unique_ptr<Source> open_directory_source(std::filesystem::path root);

/// Rejects paths a Source must never be asked for: empty, absolute, or with
/// `.` or `..` components.
bool is_safe_relative_path(std::string_view path);

}  // namespace partnerops
