#pragma once
// A lock that one process at a time holds on a file of our own: the
// committing commands' lock in the git folder (git/command_lock) and a
// build's lock on its output folder (documents/build_folder).
//
// The lock is an flock() on the file, so the kernel releases it when its
// holder dies, however it dies (SIGKILL included); the file names the
// holder's pid, for the message of a process that waits, and is removed as
// the holder lets go. A file still naming a pid when the lock is taken was
// left by a holder that died: it is taken over, and the taker says so.

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace partnerops::util {

/// Receives a sentence for the user (without "partnerops: " or a newline):
/// waiting for another process, taking over a stale lock, removing what an
/// interrupted run left. An empty Notify prints to stderr.
using Notify = std::function<void(const std::string&)>;

/// Prints `text` as "partnerops: <text>" on stderr, or hands it to `notify`.
void tell(const Notify& notify, const std::string& text);

/// How long to wait for another process's lock: PARTNEROPS_LOCK_TIMEOUT
/// seconds when set to a number, else `fallback`.
std::chrono::milliseconds lock_timeout(std::chrono::milliseconds fallback);

/// What the messages of a lock call its holder and what it protects.
struct LockWording {
  /// The other holder, e.g. "another partnerops command": "waiting for
  /// <other> (pid N) to finish (at most 10 s)…".
  std::string other;
  /// Completes "<other> (pid N) " when the wait timed out, e.g. "is still
  /// changing this repository; nothing was changed, run the command again
  /// when it has finished".
  std::string busy;
  /// A holder that died, e.g. "a partnerops command": "taking over the lock
  /// of <interrupted> that was interrupted (pid N, no longer running)".
  std::string interrupted;
};

class FileLock {
 public:
  FileLock() = default;  ///< holds nothing
  ~FileLock();
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  /// Takes the lock on the file `path` (created when missing), waiting up to
  /// `timeout` while another process holds it (saying once per holder,
  /// through `notify`, which pid it waits for). When this process already
  /// holds it, returns true at once without taking it again (nested():
  /// releasing it is the outer holder's business). Returns false and fills
  /// `error` with a sentence when the wait timed out or the file cannot be
  /// opened.
  bool acquire(const std::filesystem::path& path, std::chrono::milliseconds timeout,
               const LockWording& wording, const Notify& notify, std::string* error);

  bool held() const { return m_fd >= 0 || m_nested; }
  /// True when acquire() found the lock already held by this process.
  bool nested() const { return m_nested; }
  /// True when the file was left by a holder that died.
  bool took_over() const { return m_took_over; }

  /// Gives the lock up now (also done by the destructor).
  void release();

 private:
  int m_fd = -1;
  bool m_nested = false;
  bool m_took_over = false;
  std::string m_path;
};

}  // namespace partnerops::util
