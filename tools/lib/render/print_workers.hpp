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

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace partnerops::render {

/// One PDF to print and write.
struct PrintTask {
  std::string label;  ///< for progress and errors, e.g. "acme/invoice-INV-1.pdf"
  std::function<bool(std::string* error)> run;  ///< prints and writes; runs in a worker
};

struct PrintOutcome {
  bool ok = false;
  std::string error;
};

/// Called in the parent after each task finishes, with how many are done.
using PrintProgress =
    std::function<void(std::size_t done, std::size_t total, const std::string& label)>;

/// Runs every task, in `workers` processes (1: in this process), and returns
/// the outcome of each, in task order.
std::vector<PrintOutcome> run_print_tasks(const std::vector<PrintTask>& tasks, unsigned workers,
                                          const PrintProgress& progress);

}  // namespace partnerops::render
