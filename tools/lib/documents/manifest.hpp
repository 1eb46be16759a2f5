#pragma once
// What was built from what: for each output file, the hash of everything
// that went into it (template files, the document's data, the tool's
// version). A rebuild skips documents whose hash is unchanged and whose
// file is still there.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace partnerops {

class Manifest {
 public:
  /// The manifest file inside an output folder.
  static std::filesystem::path path_in(const std::filesystem::path& out_dir);

  /// Reads a manifest; a missing or unreadable one is empty (everything is
  /// rebuilt), never an error.
  static Manifest load(const std::filesystem::path& path);

  /// True when `output` was built from `input_hash` and still exists in
  /// `out_dir`.
  bool up_to_date(const std::filesystem::path& out_dir, const std::string& output,
                  const std::string& input_hash) const;

  void record(const std::string& output, const std::string& input_hash);

  /// Writes the manifest atomically. Returns false and fills `error`.
  bool save(const std::filesystem::path& path, std::string* error) const;

 private:
  std::map<std::string, std::string> m_hashes;
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
