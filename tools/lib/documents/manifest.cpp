#include "documents/manifest.hpp"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/atomic_file.hpp"

namespace partnerops {

namespace fs = std::filesystem;

fs::path Manifest::path_in(const fs::path& out_dir) {
  return out_dir / ".partnerops-manifest.json";
}

Manifest Manifest::load(const fs::path& path) {
  Manifest manifest;
  std::ifstream in(path);
  if (!in) return manifest;
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
  if (!document.is_object() || !document.contains("outputs") || !document["outputs"].is_object())
    return manifest;
  for (const auto& [output, hash] : document["outputs"].items())
    if (hash.is_string()) manifest.m_hashes[output] = hash.get<std::string>();
  return manifest;
}

bool Manifest::up_to_date(const fs::path& out_dir, const std::string& output,
                          const std::string& input_hash) const {
  const auto found = m_hashes.find(output);
  if (found == m_hashes.end() || found->second != input_hash) return false;
  std::error_code ec;
  return fs::is_regular_file(out_dir / output, ec);
}

void Manifest::record(const std::string& output, const std::string& input_hash) {
  m_hashes[output] = input_hash;
}

bool Manifest::save(const fs::path& path, std::string* error) const {
  nlohmann::json outputs = nlohmann::json::object();
  for (const auto& [output, hash] : m_hashes) outputs[output] = hash;
  const nlohmann::json document = {{"format", 1}, {"outputs", outputs}};
  return util::write_file_atomically(path, document.dump(2) + "\n", error);
}

std::optional<Shard> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard shard;
  const auto parse = [](std::string_view part, int* value) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), *value);
    return ec == std::errc() && end == part.data() + part.size();
  };
  if (!parse(text.substr(0, slash), &shard.index) || !parse(text.substr(slash + 1), &shard.count))
    return std::nullopt;
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) return std::nullopt;
  return shard;
}

bool in_shard(std::string_view slug, const Shard& shard) {
  if (slug.empty()) return shard.index == 1;
  // FNV-1a: stable across runs, platforms and releases, unlike std::hash.
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : slug) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return static_cast<int>(hash % static_cast<std::uint64_t>(shard.count)) == shard.index - 1;
}

}  // namespace partnerops
