#include "util/open_beneath.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace partnerops::util {
namespace {

/// Owns a descriptor for the length of the walk.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  void reset(int fd) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = fd;
  }

 private:
  int m_fd;
};

BeneathResult failure(BeneathResult::Status status, int error, std::string link = {}) {
  BeneathResult result;
  result.status = status;
  result.error = error;
  result.link = std::move(link);
  return result;
}

/// Why opening `name` in `dir_fd` failed with `error`: a link, an absent
/// entry (or a file where a folder was needed), or something else. The
/// lstat only explains a refusal the kernel already made, so it cannot
/// open a race.
BeneathResult explain(int dir_fd, const std::string& name, int error, std::string_view prefix) {
  struct stat info {};
  if (::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode))
    return failure(BeneathResult::Status::symlink, ELOOP, std::string(prefix));
  if (error == ENOENT || error == ENOTDIR) return failure(BeneathResult::Status::missing, error);
  return failure(BeneathResult::Status::error, error);
}

/// The portable way: each folder opened with O_NOFOLLOW | O_DIRECTORY
/// relative to the one before, so every component is checked by the kernel
/// as it is used.
BeneathResult walk_components(int root_fd, std::string_view relative, int flags) {
  Fd dir(-1);
  int at = root_fd;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = relative.find('/', start);
    const bool last = slash == std::string_view::npos;
    const std::string name(relative.substr(start, last ? std::string_view::npos : slash - start));
    const std::string_view prefix = relative.substr(0, last ? relative.size() : slash);
    const int open_flags =
        last ? (flags | O_NOFOLLOW | O_CLOEXEC) : (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int fd = ::openat(at, name.c_str(), open_flags);
    if (fd < 0) return explain(at, name, errno, prefix);
    if (last) {
      BeneathResult result;
      result.fd = fd;
      return result;
    }
    dir.reset(fd);
    at = fd;
    start = slash + 1;
  }
}

}  // namespace

BeneathResult open_beneath(int root_fd, std::string_view relative, int flags) {
  const std::string path(relative);
  open_how how{};
  how.flags = static_cast<unsigned long long>(flags | O_NOFOLLOW | O_CLOEXEC);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  const long fd = ::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how);
  if (fd >= 0) {
    BeneathResult result;
    result.fd = static_cast<int>(fd);
    return result;
  }
  const int error = errno;
  if (error == ENOENT || error == ENOTDIR) {
    // ENOTDIR can also mean a link where a folder was expected on kernels
    // that check the type first; the walk tells the two apart.
    if (error == ENOENT) return failure(BeneathResult::Status::missing, error);
  } else if (error != ELOOP && error != ENOSYS && error != EPERM && error != EINVAL &&
             error != E2BIG && error != EXDEV && error != EAGAIN) {
    return failure(BeneathResult::Status::error, error);
  }
  // No openat2 here (an old kernel, a seccomp filter), or a link to name.
  return walk_components(root_fd, relative, flags);
}

BeneathResult open_beneath_by_walking(int root_fd, std::string_view relative, int flags) {
  return walk_components(root_fd, relative, flags);
}

}  // namespace partnerops::util
