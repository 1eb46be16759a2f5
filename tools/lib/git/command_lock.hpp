#pragma once
// One partnerops command at a time in a repository's working tree.
//
// A committing command reads the working tree and the index, plans, writes
// files, writes the index and moves a ref. libgit2 holds git's index.lock
// only while it writes the index, so two commands run side by side could
// each plan from what the other is about to replace. Every committing
// command therefore holds this lock, the file partnerops.lock in the git
// folder (.git/, or .git/worktrees/NAME/ for a linked worktree), from before
// it reads anything until it has committed. git itself ignores the file; a
// concurrent git command is still refused by git's own locks and, at the
// end, by the compare-and-swap on the ref.
//
// The lock is a util::FileLock on that file: the kernel releases it when
// its holder dies, however it dies, and a file left behind by a killed
// holder is taken over, and the taker says so.

#include <chrono>
#include <filesystem>
#include <string>

#include "util/file_lock.hpp"

namespace partnerops::git {

using util::Notify;
using util::tell;

/// How long a command waits for another one: PARTNEROPS_LOCK_TIMEOUT
/// seconds when set to a number, else 10 s.
std::chrono::milliseconds lock_timeout();

class CommandLock {
 public:
  CommandLock() = default;  ///< holds nothing

  /// Takes the lock of the git folder `git_dir`, waiting up to `timeout`
  /// while another process holds it (saying once, through `notify`, which
  /// pid it waits for). When this process already holds it, returns true at
  /// once without taking it again (nested(): releasing it is the outer
  /// holder's business). Returns false and fills `error` with a sentence
  /// when the wait timed out or the lock file cannot be opened.
  bool acquire(const std::filesystem::path& git_dir, std::chrono::milliseconds timeout,
               const Notify& notify, std::string* error);

  bool held() const { return m_lock.held(); }
  /// True when acquire() found the lock already held by this process.
  bool nested() const { return m_lock.nested(); }
  /// True when the file was left by a holder that died (a killed command).
  bool took_over() const { return m_lock.took_over(); }

  /// Gives the lock up now (also done by the destructor).
  void release() { m_lock.release(); }

 private:
  util::FileLock m_lock;
};

}  // namespace partnerops::git
