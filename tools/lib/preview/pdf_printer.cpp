#include "preview/pdf_printer.hpp"

#include <future>
#include <sstream>

#include "diag/format.hpp"
#include "render/document_batch.hpp"
#include "render/document_renderer.hpp"

namespace partnerops::preview {

/// The renderer of the snapshot printed last, kept while the snapshot does
/// not change; it lives and dies on the printing thread.
struct PdfPrinter::Renderer {
  std::shared_ptr<const Snapshot> snapshot;
  Diagnostics template_problems;
  std::unique_ptr<render::DocumentRenderer> renderer;

  render::DocumentRenderer& over(const std::shared_ptr<const Snapshot>& next) {
    if (snapshot != next) {
      renderer.reset();
      snapshot = next;
      template_problems = Diagnostics();
      renderer = std::make_unique<render::DocumentRenderer>(*next->source, renderer_options(*next),
                                                            template_problems);
    }
    return *renderer;
  }
};

PdfPrinter::PdfPrinter() : m_thread([this] { run(); }) {}

PdfPrinter::~PdfPrinter() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void PdfPrinter::run() {
  Renderer renderer;
  for (;;) {
    std::function<void(Renderer&)> task;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
      if (m_stopping) break;
      task = std::move(m_queue.front());
      m_queue.pop_front();
    }
    task(renderer);
  }
  // Tasks still queued are dropped: their promises break, and print() says so.
  std::lock_guard lock(m_mutex);
  m_queue.clear();
}

std::optional<std::string> PdfPrinter::print(const std::shared_ptr<const Snapshot>& snapshot,
                                             const DocumentJob& job, std::string* error) {
  struct Outcome {
    std::optional<std::string> pdf;
    std::string error;
  };
  auto promise = std::make_shared<std::promise<Outcome>>();
  std::future<Outcome> future = promise->get_future();
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) {
      *error = "the preview is stopping";
      return std::nullopt;
    }
    m_queue.push_back([promise, snapshot, job](Renderer& renderer) {
      Outcome outcome;
      render::DocumentRenderer& document_renderer = renderer.over(snapshot);
      Diagnostics problems = renderer.template_problems;
      outcome.pdf = render::render_document(snapshot->workspace, document_renderer,
                                            render::context_options(snapshot->today), job, problems,
                                            &outcome.error);
      if (!outcome.pdf && outcome.error.empty()) {
        std::ostringstream text;
        print_diagnostics(text, problems, DiagnosticFormat::text, Colour::off);
        outcome.error = text.str();
      }
      promise->set_value(std::move(outcome));
    });
  }
  m_wake.notify_one();
  try {
    Outcome outcome = future.get();
    if (!outcome.pdf) *error = outcome.error;
    return std::move(outcome.pdf);
  } catch (const std::future_error&) {
    *error = "the preview stopped before the PDF was printed";
    return std::nullopt;
  }
}

}  // namespace partnerops::preview
