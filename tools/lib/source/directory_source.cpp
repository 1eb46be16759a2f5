#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "source/source.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;

class DirectorySource final : public Source {
 public:
  explicit DirectorySource(fs::path root) : m_root(std::move(root)) {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::vector<SourceEntry> entries;
    if (!dir.empty() && !is_safe_relative_path(dir)) return entries;
    const std::string start = dir.empty() ? m_root.string() : (m_root / std::string(dir)).string();
    DIR* handle = ::opendir(start.c_str());
    if (!handle) {
      if (error) *error = "cannot read " + start + ": " + std::strerror(errno);
      return entries;
    }
    walk(handle, start, dir.empty() ? std::string() : std::string(dir) + "/", entries, error);
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    ReadResult result;
    if (!is_safe_relative_path(path)) {
      result.status = ReadResult::Status::missing;
      result.error = "not a path inside the workspace: " + std::string(path);
      return result;
    }
    const fs::path full = m_root / fs::path(std::string(path));
    // O_NOFOLLOW: a symbolic link is refused by the kernel itself, so the
    // check and the open cannot race. One open, one fstat, then reads.
    const int fd = ::open(full.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
      const int error = errno;
      std::error_code ec;
      const fs::file_status status = fs::symlink_status(full, ec);
      if (error == ELOOP || fs::is_symlink(status)) {
        result.status = ReadResult::Status::not_a_file;
        result.error = "a symbolic link (not followed)";
      } else if (error == ENOENT || error == ENOTDIR) {
        result.status = ReadResult::Status::missing;
        result.error = "no such file";
      } else {
        result.status = ReadResult::Status::error;
        result.error = std::string("cannot open the file: ") + std::strerror(error);
      }
      return result;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      ::close(fd);
      result.status = ReadResult::Status::not_a_file;
      result.error = S_ISDIR(info.st_mode) ? "a directory, not a file" : "not a regular file";
      return result;
    }
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
      ::close(fd);
      result.status = ReadResult::Status::too_large;
      result.error = "the file has " + std::to_string(info.st_size) +
                     " bytes, more than the limit of " + std::to_string(max_bytes);
      return result;
    }
    result.content.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < result.content.size()) {
      const ssize_t got = ::read(fd, result.content.data() + done, result.content.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    ::close(fd);
    // A file that shrank while being read is read as it now is.
    result.content.resize(done);
    return result;
  }

  bool is_file(std::string_view path) const override {
    if (!is_safe_relative_path(path)) return false;
    std::error_code ec;
    return fs::is_regular_file(fs::symlink_status(m_root / fs::path(std::string(path)), ec));
  }

  std::string describe() const override { return "working tree " + m_root.string(); }

 private:
  /// Lists the folder open as `handle` (at `full`, workspace path
  /// `prefix`), then its subfolders, and closes it. readdir's d_type gives
  /// each entry's type without a stat (lstat only where the file system
  /// does not say), and paths are joined as strings: on 60,000 entries this
  /// is several times faster than std::filesystem's iterator. Folders that
  /// cannot be read are skipped, as with skip_permission_denied; links are
  /// listed and never followed; `.git` is neither listed nor entered.
  static void walk(DIR* handle, const std::string& full, const std::string& prefix,
                   std::vector<SourceEntry>& entries, std::string* error) {
    std::vector<std::string> folders;
    errno = 0;
    while (const dirent* entry = ::readdir(handle)) {
      const std::string_view name = entry->d_name;
      if (name == "." || name == ".." || name == ".git") continue;
      SourceEntry out;
      out.path = prefix + std::string(name);
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {
        struct stat info {};
        const std::string path = full + "/" + std::string(name);
        if (::lstat(path.c_str(), &info) == 0) {
          type = S_ISLNK(info.st_mode)   ? DT_LNK
                 : S_ISDIR(info.st_mode) ? DT_DIR
                 : S_ISREG(info.st_mode) ? DT_REG
                                         : DT_FIFO;
        }
      }
      switch (type) {
        case DT_LNK: out.type = EntryType::symlink; break;
        case DT_DIR: out.type = EntryType::directory; break;
        case DT_REG: out.type = EntryType::file; break;
        default: out.type = EntryType::other; break;
      }
      if (out.type == EntryType::directory) folders.emplace_back(name);
      entries.push_back(std::move(out));
      errno = 0;
    }
    if (errno != 0 && error) *error = "cannot read below " + full + ": " + std::strerror(errno);
    ::closedir(handle);
    for (const std::string& name : folders) {
      const std::string path = full + "/" + name;
      DIR* child = ::opendir(path.c_str());
      if (!child) continue;  // unreadable: skipped, like skip_permission_denied
      walk(child, path, prefix + name + "/", entries, error);
    }
  }

  fs::path m_root;
};

}  // namespace

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

std::unique_ptr<Source> open_directory_source(std::filesystem::path root) {
  return std::make_unique<DirectorySource>(std::move(root));
}

}  // namespace partnerops
