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
    const fs::path start = dir.empty() ? m_root : m_root / fs::path(std::string(dir));
    std::error_code ec;
    // skip_permission_denied keeps one unreadable folder from hiding the rest;
    // directory_options::none means symlinked folders are not descended into.
    fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      if (error) *error = "cannot read " + start.string() + ": " + ec.message();
      return entries;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        if (error) *error = "cannot read below " + start.string() + ": " + ec.message();
        break;
      }
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name == ".git") {
        it.disable_recursion_pending();
        continue;
      }
      SourceEntry out;
      out.path = entry.path().lexically_relative(m_root).generic_string();
      std::error_code type_ec;
      const fs::file_status status = entry.symlink_status(type_ec);
      if (fs::is_symlink(status)) {
        out.type = EntryType::symlink;
      } else if (fs::is_directory(status)) {
        out.type = EntryType::directory;
      } else if (fs::is_regular_file(status)) {
        // No size here: it would cost a stat per file, and read() checks
        // the size of the files that are actually read.
        out.type = EntryType::file;
      } else {
        out.type = EntryType::other;
      }
      entries.push_back(std::move(out));
    }
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
