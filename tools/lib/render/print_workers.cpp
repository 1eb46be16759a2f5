#include "render/print_workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "util/atomic_file.hpp"
#include "util/fault_point.hpp"

namespace partnerops::render {

namespace {

constexpr std::array<int, 4> k_stop_signals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// What a process that writes files (a worker, or the parent printing alone)
// is doing, as its signal handler sees it.
enum Phase : int { printing = 0, writing = 1, stop_requested = 2 };
std::atomic<int> g_phase{printing};
static_assert(std::atomic<int>::is_always_lock_free, "used from signal handlers");
volatile sig_atomic_t g_stop_signal = 0;
// The parent of workers: the write end of the pipe its handler wakes it through.
volatile sig_atomic_t g_wake_fd = -1;

sigset_t stop_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  for (const int signal : k_stop_signals) sigaddset(&set, signal);
  return set;
}

// Ends the process by `signal`, as if it had never been handled, so the
// shell and the parent see the usual status.
[[noreturn]] void die_by(int signal) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal, &action, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  ::raise(signal);
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  ::_exit(128 + signal);
}

// The handler of a process that writes files: stop at once while printing
// (nothing is on disk yet), after the write while writing.
void stop_when_safe(int signal) {
  g_stop_signal = signal;
  if (g_phase.exchange(stop_requested) == printing) die_by(signal);
}

// The handler of the parent of workers: wake its loop, which stops them.
void wake_parent(int signal) {
  const int saved_errno = errno;
  const char byte = static_cast<char>(signal);
  if (::write(g_wake_fd, &byte, 1) < 0) {
    // The pipe is full: the loop has a byte to read already.
  }
  errno = saved_errno;
}

// Installs `handler` for the stop signals, and puts the old ones back.
class StopHandlers {
 public:
  explicit StopHandlers(void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    action.sa_mask = stop_signal_set();
    for (std::size_t i = 0; i < k_stop_signals.size(); ++i)
      ::sigaction(k_stop_signals[i], &action, &m_old[i]);
  }
  ~StopHandlers() {
    for (std::size_t i = 0; i < k_stop_signals.size(); ++i)
      ::sigaction(k_stop_signals[i], &m_old[i], nullptr);
  }
  StopHandlers(const StopHandlers&) = delete;
  StopHandlers& operator=(const StopHandlers&) = delete;

 private:
  std::array<struct sigaction, k_stop_signals.size()> m_old{};
};

// From here until end_writing(), a stop signal waits for the files.
void begin_writing() {
  int expected = printing;
  if (!g_phase.compare_exchange_strong(expected, writing)) die_by(g_stop_signal);
}

void end_writing() {
  if (g_phase.exchange(printing) == stop_requested) die_by(g_stop_signal);
}

// Prints task `task` and writes its files; the outcome.
PrintOutcome print_and_write(const PrintTask& task,
                             const std::function<void(const PrintOutcome&)>& report) {
  PrintOutcome outcome;
  std::vector<OutputFile> files;
  try {
    outcome.ok = task.print(&files, &outcome.error);
  } catch (const std::exception& e) {
    outcome.ok = false;
    outcome.error = e.what();
  }
  // Test builds can slow each document here, or kill its printer.
  util::fault_point("document-printed");
  begin_writing();
  if (outcome.ok) {
    std::vector<util::FileWrite> writes;
    writes.reserve(files.size());
    for (const OutputFile& file : files) writes.push_back({file.path, file.bytes});
    const std::vector<util::WriteFailure> failures = util::write_files_atomically(writes);
    if (!failures.empty()) {
      outcome.ok = false;
      outcome.error = failures.front().error;
    }
  }
  report(outcome);
  end_writing();
  return outcome;
}

void write_line(int fd, const std::string& line) {
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t written = ::write(fd, rest.data(), rest.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

/// A worker: runs tasks k, k + n, k + 2n… and reports "<index>\t<ok|error text>\n".
[[noreturn]] void work(const std::vector<PrintTask>& tasks, unsigned first, unsigned stride, int fd,
                       pid_t parent, const sigset_t& parent_mask) {
  // Dies with the parent, even one killed before this line ran.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);
  g_phase = printing;
  g_wake_fd = -1;
  StopHandlers handlers(stop_when_safe);
  // A stop signal held back since fork() lands here, in this handler.
  ::pthread_sigmask(SIG_SETMASK, &parent_mask, nullptr);
  for (std::size_t i = first; i < tasks.size(); i += stride) {
    print_and_write(tasks[i], [&](const PrintOutcome& outcome) {
      write_line(fd, std::to_string(i) + "\t" +
                         (outcome.ok ? "ok" : "error " + one_line(outcome.error)) + "\n");
    });
  }
  ::close(fd);
  // _exit: the worker must not run the parent's atexit handlers or flush
  // its copies of the parent's stdio buffers.
  ::_exit(0);
}

std::vector<PrintOutcome> run_here(const std::vector<PrintTask>& tasks,
                                   const PrintProgress& progress, const PrintFinished& finished) {
  std::vector<PrintOutcome> outcomes(tasks.size());
  g_phase = printing;
  StopHandlers handlers(stop_when_safe);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    outcomes[i] = print_and_write(tasks[i], [&](const PrintOutcome& outcome) {
      if (finished) finished(i, outcome);
      if (progress) progress(i + 1, tasks.size(), tasks[i].label);
    });
  }
  return outcomes;
}

// The parent's side of a pool of workers: starts them, reads their reports
// as they come, stops them when the parent is told to stop, and reaps them.
class Pool {
 public:
  Pool(const std::vector<PrintTask>& tasks, const PrintProgress& progress,
       const PrintFinished& finished, int wake_fd)
      : m_tasks(tasks),
        m_progress(progress),
        m_finished(finished),
        m_wake_fd(wake_fd),
        m_outcomes(tasks.size()),
        m_reported(tasks.size(), false) {}

  /// Forks `workers` workers (fewer when the system refuses more).
  void start(unsigned workers) {
    const pid_t parent = ::getpid();
    for (unsigned k = 0; k < workers; ++k) {
      int fds[2];
      if (::pipe(fds) != 0) break;
      // Held back across fork() so that a stop signal reaches either this
      // process's handler or the worker's own, never the worker's copy of
      // this one.
      const sigset_t stops = stop_signal_set();
      sigset_t mask;
      ::pthread_sigmask(SIG_BLOCK, &stops, &mask);
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::close(fds[0]);
        ::close(m_wake_fd);
        ::close(static_cast<int>(g_wake_fd));
        work(m_tasks, k, workers, fds[1], parent, mask);
      }
      ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
      ::close(fds[1]);
      if (pid < 0) {
        ::close(fds[0]);
        break;
      }
      m_workers.push_back(Worker{pid, fds[0], {}});
    }
  }

  /// Reads reports until every worker has closed its pipe; the signal the
  /// parent was told to stop by meanwhile, or 0.
  int collect() {
    for (;;) {
      std::vector<pollfd> fds;
      std::vector<Worker*> owners;
      for (Worker& worker : m_workers) {
        if (worker.fd < 0) continue;
        fds.push_back({worker.fd, POLLIN, 0});
        owners.push_back(&worker);
      }
      if (fds.empty()) break;
      fds.push_back({m_wake_fd, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds.back().revents & POLLIN) stop_workers();
      fds.pop_back();
      for (std::size_t f = 0; f < fds.size(); ++f)
        if (fds[f].revents & (POLLIN | POLLHUP | POLLERR)) read_from(*owners[f]);
    }
    for (const Worker& worker : m_workers) {
      int status = 0;
      while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
    return m_stop_signal;
  }

  std::vector<PrintOutcome> outcomes() {
    for (std::size_t i = 0; i < m_tasks.size(); ++i) {
      if (!m_reported[i]) m_outcomes[i].error = "the worker printing it stopped unexpectedly";
    }
    return std::move(m_outcomes);
  }

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
  };

  // The parent was told to stop: so are the workers, once.
  void stop_workers() {
    unsigned char bytes[16];
    for (ssize_t got; (got = ::read(m_wake_fd, bytes, sizeof bytes)) > 0;) {
      if (m_stop_signal == 0) m_stop_signal = bytes[0];
    }
    if (m_stop_signal == 0 || m_stopping) return;
    m_stopping = true;
    for (const Worker& worker : m_workers) ::kill(worker.pid, SIGTERM);
  }

  void read_from(Worker& worker) {
    char chunk[4096];
    const ssize_t got = ::read(worker.fd, chunk, sizeof chunk);
    if (got <= 0) {
      if (got < 0 && errno == EINTR) return;
      ::close(worker.fd);
      worker.fd = -1;
      return;
    }
    worker.buffer.append(chunk, static_cast<std::size_t>(got));
    for (std::size_t newline; (newline = worker.buffer.find('\n')) != std::string::npos;) {
      take(worker.buffer.substr(0, newline));
      worker.buffer.erase(0, newline + 1);
    }
  }

  // One report, "<index>\t<ok|error text>".
  void take(const std::string& line) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) return;
    const std::size_t index = std::stoul(line.substr(0, tab));
    if (index >= m_tasks.size() || m_reported[index]) return;
    const std::string result = line.substr(tab + 1);
    m_reported[index] = true;
    PrintOutcome& outcome = m_outcomes[index];
    outcome.ok = result == "ok";
    if (!outcome.ok) outcome.error = result.substr(std::min<std::size_t>(6, result.size()));
    if (m_finished) m_finished(index, outcome);
    if (m_progress) m_progress(++m_done, m_tasks.size(), m_tasks[index].label);
  }

  const std::vector<PrintTask>& m_tasks;
  const PrintProgress& m_progress;
  const PrintFinished& m_finished;
  int m_wake_fd;
  std::vector<Worker> m_workers;
  std::vector<PrintOutcome> m_outcomes;
  std::vector<bool> m_reported;
  std::size_t m_done = 0;
  int m_stop_signal = 0;
  bool m_stopping = false;
};

}  // namespace

std::vector<PrintOutcome> run_print_tasks(const std::vector<PrintTask>& tasks, unsigned workers,
                                          const PrintProgress& progress,
                                          const PrintFinished& finished) {
  if (workers <= 1 || tasks.size() <= 1) return run_here(tasks, progress, finished);
  int wake[2];
  if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) return run_here(tasks, progress, finished);
  g_wake_fd = wake[1];
  int stop_signal = 0;
  Pool pool(tasks, progress, finished, wake[0]);
  {
    const StopHandlers handlers(wake_parent);
    pool.start(std::min<unsigned>(workers, static_cast<unsigned>(tasks.size())));
    stop_signal = pool.collect();
  }
  // A signal that came as the last worker finished is not lost either.
  if (unsigned char late = 0; stop_signal == 0 && ::read(wake[0], &late, 1) == 1)
    stop_signal = late;
  g_wake_fd = -1;
  ::close(wake[0]);
  ::close(wake[1]);
  // Every worker has stopped and what they finished is recorded.
  if (stop_signal != 0) die_by(stop_signal);
  return pool.outcomes();
}

}  // namespace partnerops::render
