#pragma once
// PDFs on demand for the preview. Qt WebKit prints only on the thread that
// created its application object, and the server answers on a pool of
// threads, so every PDF is printed on one thread of its own, which owns the
// renderer (and through it the PDF engine) from creation to destruction. A
// request thread hands it a document and waits for the bytes. The PDF is
// made by render::render_document, as `build` and `message` make theirs.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "documents/plan.hpp"
#include "preview/snapshot.hpp"

namespace partnerops::preview {

class PdfPrinter {
 public:
  PdfPrinter();
  /// Finishes the document being printed, refuses the others, and ends the
  /// thread.
  ~PdfPrinter();
  PdfPrinter(const PdfPrinter&) = delete;
  PdfPrinter& operator=(const PdfPrinter&) = delete;

  /// The PDF of `job` in `snapshot`, or nullopt with `error` (the
  /// template's problems as `build` prints them, or the printer's
  /// sentence). Blocks the calling thread until it is printed.
  std::optional<std::string> print(const std::shared_ptr<const Snapshot>& snapshot,
                                   const DocumentJob& job, std::string* error);

 private:
  struct Renderer;
  void run();

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void(Renderer&)>> m_queue;
  bool m_stopping = false;
  std::thread m_thread;  // last: started once everything above exists
};

}  // namespace partnerops::preview
