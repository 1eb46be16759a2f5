#include "util/file_lock.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

namespace partnerops::util {

namespace {

// The lock files this process holds: flock() conflicts between two open()s
// of one file even in one process, so a nested acquire must not open it again.
std::mutex g_held_mutex;
std::set<std::string> g_held;

std::string read_all(int fd) {
  std::string text;
  char buffer[64];
  if (::lseek(fd, 0, SEEK_SET) < 0) return text;
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > 256) break;
  }
  return text;
}

// The pid a lock file names; 0 when it names none.
long pid_in(const std::string& text) {
  char* end = nullptr;
  const long pid = std::strtol(text.c_str(), &end, 10);
  return end != text.c_str() && pid > 0 ? pid : 0;
}

bool same_file(int fd, const std::string& path) {
  struct stat opened {};
  struct stat named {};
  return ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 &&
         opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

}  // namespace

void tell(const Notify& notify, const std::string& text) {
  if (notify) {
    notify(text);
  } else {
    std::cerr << "partnerops: " << text << '\n' << std::flush;
  }
}

std::chrono::milliseconds lock_timeout(std::chrono::milliseconds fallback) {
  if (const char* value = std::getenv("PARTNEROPS_LOCK_TIMEOUT")) {
    char* end = nullptr;
    const double seconds = std::strtod(value, &end);
    if (end != value && *end == '\0' && seconds >= 0 && seconds < 86400)
      return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  return fallback;
}

FileLock::~FileLock() { release(); }

FileLock::FileLock(FileLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)),
      m_nested(std::exchange(other.m_nested, false)),
      m_took_over(other.m_took_over),
      m_path(std::move(other.m_path)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    release();
    m_fd = std::exchange(other.m_fd, -1);
    m_nested = std::exchange(other.m_nested, false);
    m_took_over = other.m_took_over;
    m_path = std::move(other.m_path);
  }
  return *this;
}

bool FileLock::acquire(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout,
                       const LockWording& wording, const Notify& notify, std::string* error) {
  release();
  const std::string path = lock_path.string();
  {
    std::lock_guard<std::mutex> guard(g_held_mutex);
    if (g_held.count(path) != 0) {
      m_nested = true;
      return true;
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  long waited_for = 0;
  for (;;) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      *error = "cannot open the lock file " + path + ": " + std::strerror(errno);
      return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      // The holder before us removes the file as it lets go; a lock taken on
      // a removed file locks nothing, so open the file anew.
      if (!same_file(fd, path)) {
        ::close(fd);
        continue;
      }
      const long stale = pid_in(read_all(fd));
      if (stale != 0) {
        m_took_over = true;
        const bool gone = ::kill(static_cast<pid_t>(stale), 0) != 0 && errno == ESRCH;
        tell(notify, "taking over the lock of " + wording.interrupted +
                         " that was interrupted (pid " + std::to_string(stale) +
                         (gone ? ", no longer running" : "") + ")");
      }
      const std::string mine = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, mine.data(), mine.size(), 0) < 0) {
        // The pid is only for messages; the flock is the lock.
      }
      m_fd = fd;
      m_path = path;
      std::lock_guard<std::mutex> guard(g_held_mutex);
      g_held.insert(path);
      return true;
    }
    const int reason = errno;
    const long holder = pid_in(read_all(fd));
    ::close(fd);
    if (reason != EWOULDBLOCK && reason != EINTR) {
      *error = "cannot lock " + path + ": " + std::strerror(reason);
      return false;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      const std::string who = holder != 0 ? " (pid " + std::to_string(holder) + ")" : "";
      *error = wording.other + who + " " + wording.busy;
      return false;
    }
    if (holder != 0 && holder != waited_for) {
      waited_for = holder;
      std::ostringstream seconds;
      seconds << static_cast<double>(timeout.count()) / 1000;
      tell(notify, "waiting for " + wording.other + " (pid " + std::to_string(holder) +
                       ") to finish (at most " + seconds.str() + " s)…");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void FileLock::release() {
  if (m_fd >= 0) {
    // Removed while still locked, so whoever opens the file next finds
    // either our locked file (and waits) or no file (and creates its own).
    ::unlink(m_path.c_str());
    ::close(m_fd);
    m_fd = -1;
    std::lock_guard<std::mutex> guard(g_held_mutex);
    g_held.erase(m_path);
  }
  m_nested = false;
}

}  // namespace partnerops::util
