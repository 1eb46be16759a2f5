#include "model/parse_cache.hpp"

#include <elf.h>
#include <git2.h>
#include <link.h>
#include <sys/stat.h>

#include <cstring>
#include <ctime>
#include <mutex>
#include <unordered_set>

#include "util/atomic_file.hpp"
#include "version.hpp"
#include "yaml/binary.hpp"

namespace partnerops {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_magic = "partnerops parse cache 3\n";
constexpr std::string_view k_file_name = "parse-cache.bin";
constexpr std::size_t k_key_size = 21;  // kind, then the blob id
constexpr std::size_t k_stamp_size = 5 * 8;
constexpr std::int64_t k_racy_ns = 1000000000;  // a second, as git's racy-clean check

void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::uint64_t get_u64(std::string_view bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return value;
}

/// A checksum against damage (a truncated or scribbled file), not against
/// tampering: whoever can write the cache can write the files it describes.
/// Eight bytes at a time, so checking tens of megabytes costs milliseconds;
/// fed in pieces, so the cache is written without being assembled first.
class Checksum {
 public:
  void add(std::string_view bytes) {
    // Complete the word the previous piece began.
    while (m_pending_size > 0 && m_pending_size < 8 && !bytes.empty()) {
      m_pending[m_pending_size++] = bytes.front();
      bytes.remove_prefix(1);
    }
    if (m_pending_size == 8) {
      mix(m_pending);
      m_pending_size = 0;
    }
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) mix(bytes.data() + i);
    for (; i < bytes.size(); ++i) m_pending[m_pending_size++] = bytes[i];
  }

  std::uint64_t value() const {
    std::uint64_t hash = m_hash;
    for (std::size_t i = 0; i < m_pending_size; ++i)
      hash = (hash ^ static_cast<unsigned char>(m_pending[i])) * 0x100000001b3ULL;
    return hash;
  }

 private:
  void mix(const char* word_bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, word_bytes, 8);
    m_hash = (m_hash ^ word) * 0x100000001b3ULL;
    m_hash ^= m_hash >> 29;
  }
  std::uint64_t m_hash = 0xcbf29ce484222325ULL;
  char m_pending[8] = {};
  std::size_t m_pending_size = 0;
};

std::uint64_t checksum(std::string_view bytes) {
  Checksum sum;
  sum.add(bytes);
  return sum.value();
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(k_digits[bytes[i] >> 4]);
    out.push_back(k_digits[bytes[i] & 0x0F]);
  }
  return out;
}

/// The GNU build id the linker wrote into the running program (a digest of
/// its contents), in hex, or empty when it has none.
std::string program_build_id() {
  std::string id;
  ::dl_iterate_phdr(
      [](struct dl_phdr_info* info, std::size_t, void* out) -> int {
        // The first object listed is the program itself.
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& header = info->dlpi_phdr[i];
          if (header.p_type != PT_NOTE) continue;
          const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
          const char* end = at + header.p_memsz;
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note{};
            std::memcpy(&note, at, sizeof note);
            const char* name = at + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3U);
            const char* next = desc + ((note.n_descsz + 3) & ~3U);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note.n_descsz);
              return 1;
            }
            at = next;
          }
        }
        return 1;
      },
      &id);
  return id;
}

/// The tool's version and the build of the running program, so a rebuilt
/// binary (whose parser or checks may differ) never trusts what another one
/// wrote. The build is named by its GNU build id, a digest of the program:
/// the same sources built the same way (CI building the toolkit on every
/// run, or the installed package) share their cache; without one, by the
/// program's size and modification time.
std::string build_identity() {
  std::string identity = std::string("version ") + k_version;
  if (const std::string id = program_build_id(); !id.empty())
    return identity + "; build " +
           hex(reinterpret_cast<const unsigned char*>(id.data()), id.size());
  struct stat info {};
  if (::stat("/proc/self/exe", &info) == 0) {
    identity += "; build " + std::to_string(info.st_size) + " " +
                std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec);
  }
  return identity;
}

void put_stamp(std::string& out, const FileStamp& stamp) {
  put_u64(out, stamp.size);
  put_u64(out, static_cast<std::uint64_t>(stamp.mtime_ns));
  put_u64(out, static_cast<std::uint64_t>(stamp.ctime_ns));
  put_u64(out, stamp.inode);
  put_u64(out, stamp.device);
}

FileStamp get_stamp(std::string_view bytes, std::size_t at) {
  return FileStamp{get_u64(bytes, at), static_cast<std::int64_t>(get_u64(bytes, at + 8)),
                   static_cast<std::int64_t>(get_u64(bytes, at + 16)), get_u64(bytes, at + 24),
                   get_u64(bytes, at + 32)};
}

void put_key(std::string& out, const ParseCacheKey& key) {
  out.push_back(static_cast<char>(key.kind));
  out.append(reinterpret_cast<const char*>(key.blob_id.data()), key.blob_id.size());
}

ParseCacheKey key_from_bytes(std::string_view bytes) {
  ParseCacheKey key;
  key.kind = static_cast<FileKind>(static_cast<unsigned char>(bytes[0]));
  std::memcpy(key.blob_id.data(), bytes.data() + 1, key.blob_id.size());
  return key;
}

std::int64_t now_ns() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

}  // namespace

ParseCacheKey ParseCacheKey::of(FileKind kind, std::string_view content) {
  init_libgit2();
  ParseCacheKey key;
  key.kind = kind;
  git_oid id{};
  if (git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB) == 0)
    std::memcpy(key.blob_id.data(), id.id, key.blob_id.size());
  return key;
}

std::size_t ParseCacheKeyHash::operator()(const ParseCacheKey& key) const {
  std::size_t hash = 0;
  std::memcpy(&hash, key.blob_id.data(), sizeof hash);
  return hash ^ static_cast<std::size_t>(key.kind);
}

std::string schema_digest(const std::vector<std::pair<std::string, std::string>>& files) {
  init_libgit2();
  std::string all;
  for (const auto& [path, content] : files) {
    all += path;
    all.push_back('\0');
    all += std::to_string(content.size());
    all.push_back('\0');
    all += content;
  }
  git_oid id{};
  if (git_odb_hash(&id, all.data(), all.size(), GIT_OBJECT_BLOB) != 0) return {};
  return hex(id.id, sizeof id.id);
}

fs::path parse_cache_dir(const fs::path& root) { return root / ".partnerops" / "cache"; }

ParseCache ParseCache::open(fs::path dir, const std::string& schema_digest) {
  ParseCache cache;
  cache.m_dir = std::move(dir);
  cache.m_identity = build_identity() + "; schemas " + schema_digest;
  cache.m_opened_at_ns = now_ns();

  std::shared_ptr<const util::MappedFile> file = util::MappedFile::open(cache.m_dir / k_file_name);
  if (!file) return cache;

  // Header, identity, count, entries, checksum; anything off empties it.
  auto empty = [&cache] {
    cache.m_entries.clear();
    cache.m_stamps.clear();
    cache.m_file.reset();
    return std::move(cache);
  };
  const std::string_view view = file->bytes();
  if (view.size() < k_magic.size() + 8 + 8 + 8) return empty();
  if (get_u64(view, view.size() - 8) != checksum(view.substr(0, view.size() - 8))) return empty();
  const std::string_view stored = view.substr(0, view.size() - 8);
  if (stored.substr(0, k_magic.size()) != k_magic) return empty();
  std::size_t at = k_magic.size();
  const std::uint64_t identity_size = get_u64(stored, at);
  at += 8;
  if (identity_size != cache.m_identity.size() || stored.size() - at < identity_size + 8 ||
      stored.substr(at, identity_size) != cache.m_identity)
    return empty();
  at += identity_size;
  const std::uint64_t count = get_u64(stored, at);
  at += 8;
  if (count > stored.size() / (k_key_size + 8)) return empty();
  cache.m_file = std::move(file);
  cache.m_entries.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    if (stored.size() - at < k_key_size + 8) return empty();
    const ParseCacheKey key = key_from_bytes(stored.substr(at, k_key_size));
    at += k_key_size;
    const std::uint64_t size = get_u64(stored, at);
    at += 8;
    if (stored.size() - at < size) return empty();
    cache.m_entries.emplace(key, stored.substr(at, size));
    at += size;
  }
  // Then the stamps: path, stamp, key.
  if (stored.size() - at < 8) return empty();
  const std::uint64_t stamps = get_u64(stored, at);
  at += 8;
  if (stamps > stored.size() / (8 + k_stamp_size + k_key_size)) return empty();
  cache.m_stamps.reserve(stamps);
  for (std::uint64_t i = 0; i < stamps; ++i) {
    if (stored.size() - at < 8) return empty();
    const std::uint64_t path_size = get_u64(stored, at);
    at += 8;
    if (stored.size() - at < path_size + k_stamp_size + k_key_size) return empty();
    const std::string_view path = stored.substr(at, path_size);
    at += path_size;
    const FileStamp stamp = get_stamp(stored, at);
    at += k_stamp_size;
    const ParseCacheKey key = key_from_bytes(stored.substr(at, k_key_size));
    at += k_key_size;
    cache.m_stamps.emplace(path, std::make_pair(stamp, key));
  }
  if (at != stored.size()) return empty();
  return cache;
}

yaml::EncodedDocument ParseCache::find(const ParseCacheKey& key) const {
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) return {};
  return yaml::EncodedDocument(found->second, m_file);
}

std::optional<ParseCacheKey> ParseCache::key_of(const std::string& path,
                                                const FileStamp& stamp) const {
  const auto found = m_stamps.find(std::string_view(path));
  if (found == m_stamps.end() || !(found->second.first == stamp)) return std::nullopt;
  return found->second.second;
}

bool ParseCache::save(const std::vector<ParseCacheKey>& used,
                      const std::vector<std::pair<ParseCacheKey, std::string_view>>& added,
                      const std::vector<StampedKey>& stamps, std::string* error) const {
  // A stamp is trusted only when the file last changed a second or more
  // before this run began: a write in the same instant could leave it as
  // it was.
  const std::int64_t settled_before = m_opened_at_ns - k_racy_ns;
  std::vector<const StampedKey*> recorded;
  std::size_t stamps_changed = 0;
  for (const StampedKey& stamped : stamps) {
    if (stamped.stamp.mtime_ns >= settled_before || stamped.stamp.ctime_ns >= settled_before)
      continue;
    recorded.push_back(&stamped);
    const auto found = m_stamps.find(stamped.path);
    if (found == m_stamps.end() || !(found->second.first == stamped.stamp) ||
        !(found->second.second == stamped.key))
      ++stamps_changed;
  }
  // Rewriting copies every entry (a tenth of a second for 10,000 partners'
  // files), while parsing a file again takes a tenth of a millisecond: a
  // run that brings fewer news than a hundredth of the entries leaves the
  // file as it is, and the next run parses those few files again, until
  // enough have gathered to be worth the rewrite.
  if ((added.size() + stamps_changed) * 100 < m_entries.size()) return true;

  // What the file will hold is chosen first, since its counts precede it.
  std::unordered_set<ParseCacheKey, ParseCacheKeyHash> written;
  std::vector<std::pair<ParseCacheKey, std::string_view>> new_entries;
  for (const auto& [key, form] : added)
    if (written.insert(key).second) new_entries.emplace_back(key, form);
  // Entries this run did not use are kept while the cache stays within
  // twice what the run used, so check-range's two revisions, or a branch
  // and main, do not evict each other; beyond that they are dropped.
  std::vector<std::pair<ParseCacheKey, std::string_view>> kept_entries;
  const std::size_t working_set = used.size() + added.size();
  if (m_entries.size() + added.size() <= 2 * working_set) {
    for (const auto& [key, payload] : m_entries)
      if (written.insert(key).second) kept_entries.emplace_back(key, payload);
  } else {
    for (const ParseCacheKey& key : used) {
      const auto found = m_entries.find(key);
      if (found != m_entries.end() && written.insert(key).second)
        kept_entries.emplace_back(key, found->second);
    }
  }
  // This run's stamps, then earlier ones of other files whose trees stay.
  std::vector<StampedKey> stamp_records;
  std::unordered_set<std::string_view> stamped_paths;
  for (const StampedKey* stamped : recorded)
    if (stamped_paths.insert(stamped->path).second) stamp_records.push_back(*stamped);
  for (const auto& [path, stamped] : m_stamps)
    if (written.count(stamped.second) && stamped_paths.insert(path).second)
      stamp_records.push_back({path, stamped.first, stamped.second});

  // Written piece by piece, from this run's forms and the kept ones in the
  // mapped file, so the new file is never whole in memory.
  auto produce = [&](const util::PieceWriter& write) {
    Checksum sum;
    std::string small;  // the header, an entry's key and size, a stamp
    auto put_small = [&] {
      sum.add(small);
      write(small);
      small.clear();
    };
    auto put_payload = [&](std::string_view payload) {
      sum.add(payload);
      write(payload);
    };
    small = k_magic;
    put_u64(small, m_identity.size());
    small += m_identity;
    put_u64(small, new_entries.size() + kept_entries.size());
    put_small();
    for (const auto& entries : {&new_entries, &kept_entries})
      for (const auto& [key, payload] : *entries) {
        put_key(small, key);
        put_u64(small, payload.size());
        put_small();
        put_payload(payload);
      }
    put_u64(small, stamp_records.size());
    put_small();
    for (const StampedKey& stamped : stamp_records) {
      put_u64(small, stamped.path.size());
      small += stamped.path;
      put_stamp(small, stamped.stamp);
      put_key(small, stamped.key);
      put_small();
    }
    put_u64(small, sum.value());
    write(small);
  };

  std::error_code ec;
  if (!fs::exists(m_dir / ".gitignore", ec) &&
      !util::write_file_atomically(m_dir / ".gitignore", "*\n", error))
    return false;
  return util::write_file_atomically(m_dir / k_file_name, produce, error);
}

}  // namespace partnerops
