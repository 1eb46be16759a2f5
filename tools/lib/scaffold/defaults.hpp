#pragma once
// The toolkit's defaults as an organisation's repository holds them: every
// file under schemas/ (the lifecycle among them) and templates/ of the
// installed defaults folder (util/installation), whatever files are there,
// and the record of what was copied. That record, .partnerops-defaults in
// the repository root, is `sha256sum` output ("<digest>  <path>" a line), so
// `sha256sum -c .partnerops-defaults` also lists the files a team edited;
// `init --update` uses it to tell an untouched template from an edited one.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops::scaffold {

/// The record of copied defaults, relative to the repository root.
inline constexpr char k_defaults_record[] = ".partnerops-defaults";

/// One file of the defaults: its path relative to the defaults folder (and
/// to the repository root), '/'-separated, and its bytes.
struct DefaultFile {
  std::string path;
  std::string content;
};

/// Every regular file under `folder`/schemas and `folder`/templates, sorted
/// by path. Links are skipped (never followed). nullopt with a sentence in
/// `error` when a file cannot be read or schemas/ is missing.
std::optional<std::vector<DefaultFile>> read_defaults(const std::filesystem::path& folder,
                                                      std::string* error);

/// The SHA-256 of `bytes` in hexadecimal, as sha256sum prints it.
std::string digest_of(std::string_view bytes);

/// path -> digest.
using DefaultsRecord = std::map<std::string, std::string, std::less<>>;

/// The record's text: "<digest>  <path>\n" per file, sorted by path.
std::string record_text(const DefaultsRecord& record);

/// Reads the record's text; lines that are not "<64 hex digits>  <path>"
/// are skipped.
DefaultsRecord parse_record(std::string_view text);

}  // namespace partnerops::scaffold
