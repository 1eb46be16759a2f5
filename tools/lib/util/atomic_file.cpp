#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <string>

namespace partnerops::util {

namespace {

constexpr std::string_view k_temporary_infix = ".partnerops-tmp-";

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// A temporary file beside `path` holding `bytes`, with the mode `path` has
// (or the usual one for a new file); written but not yet flushed to disk.
struct Temporary {
  std::string path;
  std::string error;  ///< set when it could not be written; nothing is left behind then
};

/// Gathers pieces into writes of about a megabyte: a file made of many
/// small pieces is neither assembled in memory nor written a piece a call.
class BufferedWriter {
 public:
  explicit BufferedWriter(int fd) : m_fd(fd) {}
  void put(std::string_view piece) {
    if (!m_ok) return;
    if (m_buffer.size() + piece.size() > k_capacity) flush();
    if (piece.size() >= k_capacity)
      m_ok = m_ok && write_all(m_fd, piece);
    else
      m_buffer.append(piece);
  }
  bool finish() {
    flush();
    return m_ok;
  }

 private:
  static constexpr std::size_t k_capacity = 1 << 20;
  void flush() {
    m_ok = m_ok && write_all(m_fd, m_buffer);
    m_buffer.clear();
  }
  int m_fd;
  std::string m_buffer;
  bool m_ok = true;
};

Temporary write_temporary(const std::filesystem::path& path, const Producer& produce) {
  std::error_code ec;
  const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
  std::filesystem::create_directories(folder, ec);
  if (ec) return {"", "cannot create " + folder.string() + ": " + ec.message()};
  std::string temporary = (folder / (temporary_prefix(path) + "XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    return {"",
            "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno)};
  }
  // mkstemp creates 0600: give the file the mode it had (so a tracked
  // executable does not show as a mode change in git), or the usual one.
  struct stat existing {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  BufferedWriter writer(fd);
  produce([&writer](std::string_view piece) { writer.put(piece); });
  const bool ok = writer.finish() && ::fchmod(fd, mode) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(temporary.c_str());
    return {"", "cannot write " + path.string() + ": " + std::strerror(saved_errno)};
  }
  return {std::move(temporary), ""};
}

// Makes renames inside `folder` durable.
void sync_folder(const std::filesystem::path& folder) {
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  return path.parent_path().empty() ? "." : path.parent_path();
}

bool flush_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           std::string* error) {
  return write_file_atomically(
      path, [bytes](const PieceWriter& write) { write(bytes); }, error);
}

bool write_file_atomically(const std::filesystem::path& path, const Producer& produce,
                           std::string* error) {
  Temporary temporary = write_temporary(path, produce);
  if (!temporary.error.empty()) {
    if (error) *error = std::move(temporary.error);
    return false;
  }
  std::string failure;
  if (!flush_file(temporary.path))
    failure = "cannot flush " + path.string() + " to disk: " + std::strerror(errno);
  else if (::rename(temporary.path.c_str(), path.c_str()) != 0)
    failure = "cannot write " + path.string() + ": " + std::strerror(errno);
  if (!failure.empty()) {
    if (error) *error = std::move(failure);
    ::unlink(temporary.path.c_str());
    return false;
  }
  sync_folder(folder_of(path));
  return true;
}

std::string temporary_prefix(const std::filesystem::path& path) {
  return "." + path.filename().string() + std::string(k_temporary_infix);
}

bool is_temporary_name(std::string_view name) {
  // mkstemp replaces the six X with letters and digits.
  constexpr std::size_t k_suffix = 6;
  const std::size_t infix = name.rfind(k_temporary_infix);
  if (name.size() < 2 || name[0] != '.' || infix == std::string_view::npos || infix < 2)
    return false;
  const std::string_view suffix = name.substr(infix + k_temporary_infix.size());
  if (suffix.size() != k_suffix) return false;
  for (const char c : suffix) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) return false;
  }
  return true;
}

std::vector<std::filesystem::path> remove_leftover_temporaries(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> removed;
  const std::filesystem::path folder = folder_of(path);
  const std::string prefix = temporary_prefix(path);
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !is_temporary_name(name)) continue;
    if (::unlink(it->path().c_str()) == 0) removed.push_back(it->path());
  }
  return removed;
}

std::vector<WriteFailure> write_files_atomically(
    std::span<const FileWrite> files, const std::function<void(std::string_view)>& step) {
  std::vector<WriteFailure> failures;
  std::vector<std::string> temporaries;
  temporaries.reserve(files.size());
  for (const FileWrite& file : files) {
    Temporary temporary =
        write_temporary(file.path, [&file](const PieceWriter& write) { write(file.bytes); });
    if (!temporary.error.empty()) {
      failures.push_back({file.path, std::move(temporary.error)});
      break;
    }
    temporaries.push_back(std::move(temporary.path));
  }
  // One file is flushed on its own; many at once with a single syncfs.
  bool flushed = failures.empty();
  if (flushed && temporaries.size() == 1) {
    flushed = flush_file(temporaries.front());
  } else if (flushed && !temporaries.empty()) {
    const int fd = ::open(temporaries.front().c_str(), O_RDONLY);
    flushed = fd >= 0 && ::syncfs(fd) == 0;
    if (fd >= 0) ::close(fd);
  }
  if (!failures.empty() || !flushed) {
    const int reason = errno;
    for (const std::string& temporary : temporaries) ::unlink(temporary.c_str());
    if (failures.empty()) {
      failures.push_back({files.front().path, "cannot flush " + files.front().path.string() +
                                                  " to disk: " + std::strerror(reason)});
    }
    return failures;
  }
  if (step) step("temporaries-written");
  std::set<std::filesystem::path> folders;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].path.c_str()) != 0) {
      failures.push_back(
          {files[i].path, "cannot write " + files[i].path.string() + ": " + std::strerror(errno)});
      ::unlink(temporaries[i].c_str());
      continue;
    }
    if (i == 0 && step) step("first-renamed");
    folders.insert(folder_of(files[i].path));
  }
  for (const std::filesystem::path& folder : folders) sync_folder(folder);
  return failures;
}

}  // namespace partnerops::util
