#include "scaffold/defaults.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/digest.hpp"

namespace partnerops::scaffold {

namespace fs = std::filesystem;

namespace {

bool read_whole(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  *out = text.str();
  return static_cast<bool>(in) || in.eof();
}

bool is_hex_digest(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::optional<std::vector<DefaultFile>> read_defaults(const fs::path& folder, std::string* error) {
  if (!fs::is_directory(folder / "schemas")) {
    if (error) *error = "the defaults folder " + folder.string() + " has no schemas/";
    return std::nullopt;
  }
  std::vector<DefaultFile> files;
  for (const char* top : {"schemas", "templates"}) {
    std::error_code ec;
    if (!fs::is_directory(folder / top, ec)) continue;
    for (fs::recursive_directory_iterator it(folder / top, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!it->is_regular_file() || it->is_symlink()) continue;
      DefaultFile file;
      file.path = it->path().lexically_relative(folder).generic_string();
      if (!read_whole(it->path(), &file.content)) {
        if (error) *error = "cannot read " + it->path().string();
        return std::nullopt;
      }
      files.push_back(std::move(file));
    }
    if (ec) {
      if (error) *error = "cannot list " + (folder / top).string() + ": " + ec.message();
      return std::nullopt;
    }
  }
  std::sort(files.begin(), files.end(),
            [](const DefaultFile& a, const DefaultFile& b) { return a.path < b.path; });
  return files;
}

std::string digest_of(std::string_view bytes) {
  util::Sha256 sha;
  sha.add(bytes);
  return sha.hex();
}

std::string record_text(const DefaultsRecord& record) {
  std::string text;
  for (const auto& [path, digest] : record) text += digest + "  " + path + "\n";
  return text;
}

DefaultsRecord parse_record(std::string_view text) {
  DefaultsRecord record;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.size() < 67 || line.substr(64, 2) != "  " || !is_hex_digest(line.substr(0, 64)))
      continue;
    record[std::string(line.substr(66))] = std::string(line.substr(0, 64));
  }
  return record;
}

}  // namespace partnerops::scaffold
