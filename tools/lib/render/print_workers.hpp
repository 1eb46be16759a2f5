#pragma once
// Printing in parallel. Qt WebKit runs on one thread per process, so a
// build uses worker processes: the parent prepares every HTML document
// (cheap), forks one worker per core, and each worker creates its own Qt
// application and prints its share. Workers report each result over a pipe;
// a worker that dies takes only its unfinished documents with it.
//
// fork() happens before anything in the parent touches Qt, so each worker
// starts from a clean process image. The parent has not even loaded Qt:
// PdfEngine loads its module on the first render (render/pdf_engine_backend.hpp),
// which happens in the workers.
//
// Workers never outlive the parent, and stop when told to:
// - each worker asks the kernel for SIGKILL when the thread that forked it
//   ends (PR_SET_PDEATHSIG), so a parent killed by any means takes its
//   workers with it at once, and no PDF appears after it died;
// - a task's files are written here, all at once and atomically
//   (util/atomic_file), once it has printed them. SIGINT, SIGTERM, SIGHUP
//   or SIGQUIT ends a worker at once while it prints (nothing is on disk
//   yet), and only after it has written and reported the files while it
//   writes them; so a stopped build leaves whole files and no temporary
//   file. The parent, told to stop while workers run, tells each worker to
//   stop, collects what they finished, and then ends by the same signal.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace partnerops::render {

/// A file a task writes: `bytes` at `path`, whose folder must exist.
struct OutputFile {
  std::filesystem::path path;
  std::string bytes;
};

/// One document to print.
struct PrintTask {
  std::string label;  ///< for progress and errors, e.g. "acme/invoice-INV-1.pdf"
  /// Prints, in a worker, and appends the files to write to `files` (the
  /// PDF, perhaps its HTML). Returns false and fills `error` when printing
  /// failed; nothing is written then.
  std::function<bool(std::vector<OutputFile>* files, std::string* error)> print;
};

struct PrintOutcome {
  bool ok = false;  ///< printed and every file written
  std::string error;
};

/// Called in the parent after each task finishes, with how many are done.
using PrintProgress =
    std::function<void(std::size_t done, std::size_t total, const std::string& label)>;

/// Called in the parent as each task finishes (its files are on disk when
/// `outcome.ok`), before PrintProgress.
using PrintFinished = std::function<void(std::size_t index, const PrintOutcome& outcome)>;

/// Runs every task, in `workers` processes (1: in this process), and returns
/// the outcome of each, in task order. When a termination signal arrives
/// meanwhile, the tasks being written are finished and reported through
/// `finished`, the others abandoned, and this process then ends by that
/// signal (it does not return).
std::vector<PrintOutcome> run_print_tasks(const std::vector<PrintTask>& tasks, unsigned workers,
                                          const PrintProgress& progress,
                                          const PrintFinished& finished = nullptr);

}  // namespace partnerops::render
