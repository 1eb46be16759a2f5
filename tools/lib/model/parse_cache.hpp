#pragma once
// Parsed and schema-checked YAML files kept on disk between runs, so a
// command that only reads the organisation (tickler, report) does not run
// yaml-cpp and the schema validator again over files that have not changed,
// the way git's index spares `git status` from hashing unchanged files.
//
// An entry is keyed by the file's kind and its git blob id (the SHA-1 git
// gives the same bytes; for `--rev` it is the id of the blob read). Only a
// file that parsed and passed its schema without a single diagnostic is
// kept, so a hit stands for "parsed, valid, nothing to say" and a file with
// problems is always checked again and reports them. The whole cache is
// one file, `parse-cache.bin`, whose header names the tool's version, the
// build of the running program and a digest of every file under schemas/:
// a new build or a changed schema makes it empty. A checksum closes the
// file; a cache that is missing, unreadable, damaged or from another build
// counts as empty, and it is rewritten atomically, so a reader never sees
// half of one.
//
// Beside the trees the cache keeps, like git's index, each working-tree
// file's stamp (size, modification and change times, inode, device) with
// the key of the bytes it had: a file whose stamp is unchanged is not read
// at all. As in git, a stamp is recorded only when the file was last
// changed at least a second before the run began, so a file written in the
// same instant as the cache ("racily clean") is read next time rather than
// trusted; and any write to a file changes its stamp.

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/file_kind.hpp"
#include "source/source.hpp"
#include "util/mapped_file.hpp"
#include "yaml/binary.hpp"

namespace partnerops {

/// A file's kind and the git blob id of its bytes.
struct ParseCacheKey {
  FileKind kind = FileKind::ignored;
  std::array<unsigned char, 20> blob_id{};

  /// The key of `content` read as a file of `kind`.
  static ParseCacheKey of(FileKind kind, std::string_view content);
  bool operator==(const ParseCacheKey&) const = default;
};

/// Blob ids are SHA-1 digests, so any eight of their bytes hash well.
struct ParseCacheKeyHash {
  std::size_t operator()(const ParseCacheKey& key) const;
};

/// A file's stamp and the key of the bytes it held when stamped. The path
/// is the loaded file's own.
struct StampedKey {
  std::string_view path;
  FileStamp stamp;
  ParseCacheKey key;
};

class ParseCache {
 public:
  /// Opens the cache in `dir` for files checked by the schemas whose digest
  /// is `schema_digest` (see schema_digest()). Never fails: anything but a
  /// well-formed cache of this build and these schemas opens empty.
  static ParseCache open(std::filesystem::path dir, const std::string& schema_digest);

  /// The cached form of `key`'s tree, or an empty one. It lies in the
  /// mapped cache, which it keeps mapped: nothing is copied or decoded
  /// until its tree is asked for. Safe to call from several threads at once.
  yaml::EncodedDocument find(const ParseCacheKey& key) const;

  /// The key of the bytes of `path` when its stamp is still `stamp`, so
  /// the file need not be read; else std::nullopt. Safe from several threads.
  std::optional<ParseCacheKey> key_of(const std::string& path, const FileStamp& stamp) const;

  /// Writes the cache again when `added` holds entries it lacks (keys and
  /// their trees' binary forms). The old entries are kept while
  /// there are at most twice as many as this run used (`used`, the keys it
  /// found), so two revisions read in turn do not evict each other; past
  /// that only the used ones are, so entries of files long gone drop out.
  /// Returns false and fills `error` when the file cannot be written; the
  /// cache is then as it was.
  /// `stamps` are this run's files with their stamps; those changed a
  /// second or more before the cache was opened are recorded (the others
  /// are kept from before while their trees are). The file is written only
  /// when new entries and recorded stamps number at least a hundredth of
  /// the entries it holds: for fewer, parsing them again costs less than
  /// rewriting the file.
  bool save(const std::vector<ParseCacheKey>& used,
            const std::vector<std::pair<ParseCacheKey, std::string_view>>& added,
            const std::vector<StampedKey>& stamps, std::string* error) const;

  /// Entries read from disk, for tests.
  std::size_t size() const { return m_entries.size(); }

 private:
  std::filesystem::path m_dir;
  std::string m_identity;  // version, build and schema digest
  // The file as mapped: entries and stamped paths point into it, and so do
  // the forms find() returns, which keep it mapped.
  std::shared_ptr<const util::MappedFile> m_file;
  std::unordered_map<ParseCacheKey, std::string_view, ParseCacheKeyHash> m_entries;
  std::unordered_map<std::string_view, std::pair<FileStamp, ParseCacheKey>> m_stamps;
  std::int64_t m_opened_at_ns = 0;  // wall clock, as file times are
};

/// A digest of `files` (path and content of each, in the order given): the
/// schema files whose verdicts the cache remembers.
std::string schema_digest(const std::vector<std::pair<std::string, std::string>>& files);

/// The cache folder of the workspace at `root`: `.partnerops/cache`, which
/// holds a `.gitignore` so git never sees it.
std::filesystem::path parse_cache_dir(const std::filesystem::path& root);

}  // namespace partnerops
