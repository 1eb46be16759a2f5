#pragma once
// What was built from what, in one output folder: for each output file, the
// hash of everything that went into it (template files, the document's data,
// the tool's version) and the SHA-256 of the bytes written. A rebuild skips
// a document whose input hash is unchanged and whose file still holds those
// bytes, so the manifest never vouches for a file that something else
// (another build, a build killed after its rename, a hand edit) has since
// replaced.
//
// It also lists the files a build is about to write: a build killed midway
// leaves temporary files beside them (util/atomic_file), which the next
// build removes (documents/build_folder). The manifest is saved as
// documents finish, so an interrupted build keeps what it built.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops {

class Manifest {
 public:
  /// What the manifest knows of one output file.
  struct Entry {
    std::string input;   ///< the input hash it was built from
    std::string sha256;  ///< of the bytes written
    /// The file as it was when recorded: while size, inode and modification
    /// time are unchanged the bytes are not hashed again.
    std::uint64_t size = 0;
    std::uint64_t inode = 0;
    std::int64_t mtime_ns = 0;
  };

  /// The manifest file inside an output folder.
  static std::filesystem::path path_in(const std::filesystem::path& out_dir);

  /// Reads the manifest of `out_dir`; a missing or unreadable one is empty
  /// (everything is rebuilt), never an error.
  static Manifest load(const std::filesystem::path& out_dir);

  const std::filesystem::path& folder() const { return m_folder; }

  /// True when `output` (relative to the folder) was built from
  /// `input_hash` and the file still holds the bytes it was built with. A
  /// file whose bytes match but whose inode or time changed (restored from
  /// a cache) has its entry refreshed, to be saved with the next save().
  bool up_to_date(const std::string& output, const std::string& input_hash);

  /// Records that `output`, now in the folder, was built from `input_hash`:
  /// hashes the file as it is on disk. Returns false and fills `error` when
  /// it cannot be read (the entry is then dropped).
  bool record(const std::string& output, const std::string& input_hash, std::string* error);

  /// Adds files (relative to the folder) a build is about to write.
  void begin_writing(const std::vector<std::string>& outputs);
  /// Files a build was writing when last saved: the list is emptied only by
  /// a build that finished (end_writing).
  const std::set<std::string>& writing() const { return m_writing; }
  void end_writing();

  const std::map<std::string, Entry>& entries() const { return m_entries; }

  /// True when something changed since the manifest was loaded or saved.
  bool changed() const { return m_changed; }

  /// Writes the manifest atomically. Returns false and fills `error`.
  bool save(std::string* error);

 private:
  std::filesystem::path m_folder;
  std::map<std::string, Entry> m_entries;
  std::set<std::string> m_writing;
  bool m_changed = false;
};

/// A stable split of partners over CI runners: shard `index` of `count`
/// (1-based, "2/4") takes the partners whose slug hashes to it, so adding a
/// partner never moves the others.
struct Shard {
  int index = 1;
  int count = 1;
};

/// Parses "I/N"; nullopt unless 1 <= I <= N.
std::optional<Shard> parse_shard(std::string_view text);

/// Whether a partner's documents belong to `shard`. Organisation-wide
/// documents (empty slug) go to shard 1.
bool in_shard(std::string_view slug, const Shard& shard);

}  // namespace partnerops
