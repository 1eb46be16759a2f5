#include "documents/manifest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/atomic_file.hpp"
#include "util/digest.hpp"

namespace partnerops {

namespace fs = std::filesystem;

namespace {

// The identity of a file as stat() sees it; false when it is not a regular file.
bool identify(const fs::path& path, Manifest::Entry* entry) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  entry->size = static_cast<std::uint64_t>(info.st_size);
  entry->inode = static_cast<std::uint64_t>(info.st_ino);
  entry->mtime_ns =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  return true;
}

// The SHA-256 of a file's bytes; nullopt, with errno set, when it cannot be read.
std::optional<std::string> file_sha256(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  util::Sha256 digest;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int reason = errno;
      ::close(fd);
      errno = reason;
      return std::nullopt;
    }
    if (got == 0) break;
    digest.add(std::string_view(buffer, static_cast<std::size_t>(got)));
  }
  ::close(fd);
  return digest.hex();
}

template <typename T>
T number_in(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number_integer() ? found->get<T>() : T{};
}

}  // namespace

fs::path Manifest::path_in(const fs::path& out_dir) {
  return out_dir / ".partnerops-manifest.json";
}

Manifest Manifest::load(const fs::path& out_dir) {
  Manifest manifest;
  manifest.m_folder = out_dir;
  std::ifstream in(path_in(out_dir));
  if (!in) return manifest;
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
  if (!document.is_object()) return manifest;
  if (const auto writing = document.find("writing");
      writing != document.end() && writing->is_array()) {
    for (const nlohmann::json& output : *writing)
      if (output.is_string()) manifest.m_writing.insert(output.get<std::string>());
  }
  // Entries of the first format (a bare input hash) say nothing of the
  // bytes on disk, so they are dropped: those documents are built again.
  const auto outputs = document.find("outputs");
  if (outputs == document.end() || !outputs->is_object()) return manifest;
  for (const auto& [output, value] : outputs->items()) {
    if (!value.is_object()) continue;
    const auto input = value.find("input");
    const auto sha256 = value.find("sha256");
    if (input == value.end() || !input->is_string() || sha256 == value.end() ||
        !sha256->is_string())
      continue;
    Entry entry;
    entry.input = input->get<std::string>();
    entry.sha256 = sha256->get<std::string>();
    entry.size = number_in<std::uint64_t>(value, "size");
    entry.inode = number_in<std::uint64_t>(value, "inode");
    entry.mtime_ns = number_in<std::int64_t>(value, "mtime_ns");
    manifest.m_entries[output] = std::move(entry);
  }
  return manifest;
}

bool Manifest::up_to_date(const std::string& output, const std::string& input_hash) {
  const auto found = m_entries.find(output);
  if (found == m_entries.end() || found->second.input != input_hash) return false;
  Entry& recorded = found->second;
  Entry now;
  if (!identify(m_folder / output, &now) || now.size != recorded.size) return false;
  if (now.inode == recorded.inode && now.mtime_ns == recorded.mtime_ns) return true;
  // Same size, another file or another time: only the bytes can tell.
  const std::optional<std::string> sha256 = file_sha256(m_folder / output);
  if (!sha256 || *sha256 != recorded.sha256) return false;
  recorded.inode = now.inode;
  recorded.mtime_ns = now.mtime_ns;
  m_changed = true;
  return true;
}

bool Manifest::record(const std::string& output, const std::string& input_hash,
                      std::string* error) {
  const fs::path path = m_folder / output;
  Entry entry;
  entry.input = input_hash;
  // Identity first: a file replaced between the two reads then fails the
  // next build's check instead of passing it.
  m_changed = true;
  const bool identified = identify(path, &entry);
  const std::optional<std::string> sha256 = identified ? file_sha256(path) : std::nullopt;
  if (!sha256) {
    m_entries.erase(output);
    *error = "cannot read " + path.string() + ": " +
             (identified ? std::strerror(errno) : "not a regular file");
    return false;
  }
  entry.sha256 = *sha256;
  m_entries[output] = std::move(entry);
  return true;
}

void Manifest::begin_writing(const std::vector<std::string>& outputs) {
  m_writing.insert(outputs.begin(), outputs.end());
  m_changed = m_changed || !outputs.empty();
}

void Manifest::end_writing() {
  m_changed = m_changed || !m_writing.empty();
  m_writing.clear();
}

bool Manifest::save(std::string* error) {
  nlohmann::json outputs = nlohmann::json::object();
  for (const auto& [output, entry] : m_entries) {
    outputs[output] = {{"input", entry.input},
                       {"sha256", entry.sha256},
                       {"size", entry.size},
                       {"inode", entry.inode},
                       {"mtime_ns", entry.mtime_ns}};
  }
  nlohmann::json document = {{"format", 2}, {"outputs", outputs}};
  if (!m_writing.empty()) document["writing"] = m_writing;
  if (!util::write_file_atomically(path_in(m_folder), document.dump(2) + "\n", error)) return false;
  m_changed = false;
  return true;
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
