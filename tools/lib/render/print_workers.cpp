#include "render/print_workers.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace partnerops::render {

namespace {

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
[[noreturn]] void work(const std::vector<PrintTask>& tasks, unsigned first, unsigned stride,
                       int fd) {
  for (std::size_t i = first; i < tasks.size(); i += stride) {
    std::string error;
    bool ok = false;
    try {
      ok = tasks[i].run(&error);
    } catch (const std::exception& e) {
      error = e.what();
    }
    write_line(fd, std::to_string(i) + "\t" + (ok ? "ok" : "error " + one_line(error)) + "\n");
  }
  ::close(fd);
  // _exit: the worker must not run the parent's atexit handlers or flush
  // its copies of the parent's stdio buffers.
  ::_exit(0);
}

}  // namespace

std::vector<PrintOutcome> run_print_tasks(const std::vector<PrintTask>& tasks, unsigned workers,
                                          const PrintProgress& progress) {
  std::vector<PrintOutcome> outcomes(tasks.size());
  std::vector<bool> reported(tasks.size(), false);
  std::size_t done = 0;
  if (workers <= 1 || tasks.size() <= 1) {
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      outcomes[i].ok = tasks[i].run(&outcomes[i].error);
      if (progress) progress(++done, tasks.size(), tasks[i].label);
    }
    return outcomes;
  }
  workers = std::min<unsigned>(workers, static_cast<unsigned>(tasks.size()));

  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
  };
  std::vector<Worker> pool(workers);
  for (unsigned k = 0; k < workers; ++k) {
    int fds[2];
    if (::pipe(fds) != 0) break;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      work(tasks, k, workers, fds[1]);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      break;
    }
    pool[k] = Worker{pid, fds[0], {}};
  }

  // Read results until every worker has closed its pipe.
  for (;;) {
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    for (Worker& worker : pool) {
      if (worker.fd < 0) continue;
      fds.push_back({worker.fd, POLLIN, 0});
      owners.push_back(&worker);
    }
    if (fds.empty()) break;
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t f = 0; f < fds.size(); ++f) {
      if (!(fds[f].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Worker& worker = *owners[f];
      char chunk[4096];
      const ssize_t got = ::read(worker.fd, chunk, sizeof chunk);
      if (got <= 0) {
        if (got < 0 && errno == EINTR) continue;
        ::close(worker.fd);
        worker.fd = -1;
        continue;
      }
      worker.buffer.append(chunk, static_cast<std::size_t>(got));
      for (std::size_t newline; (newline = worker.buffer.find('\n')) != std::string::npos;) {
        const std::string line = worker.buffer.substr(0, newline);
        worker.buffer.erase(0, newline + 1);
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::size_t index = std::stoul(line.substr(0, tab));
        if (index >= tasks.size() || reported[index]) continue;
        const std::string result = line.substr(tab + 1);
        reported[index] = true;
        outcomes[index].ok = result == "ok";
        if (!outcomes[index].ok)
          outcomes[index].error = result.substr(std::min<std::size_t>(6, result.size()));
        if (progress) progress(++done, tasks.size(), tasks[index].label);
      }
    }
  }
  for (Worker& worker : pool) {
    if (worker.pid <= 0) continue;
    int status = 0;
    while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!reported[i]) outcomes[i].error = "the worker printing it stopped unexpectedly";
  }
  return outcomes;
}

}  // namespace partnerops::render
