#include "render/document_batch.hpp"

#include "diag/format.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::render {

namespace {

namespace fs = std::filesystem;

struct Prepared {
  DocumentJob job;
  std::string html;
  PageLabels labels;
  std::string hash;
};

fs::path html_beside(const fs::path& pdf) { return fs::path(pdf).replace_extension(".html"); }

}  // namespace

BatchResult render_batch(const Workspace& workspace, DocumentRenderer& renderer,
                         const ContextOptions& context_options, std::vector<DocumentJob> jobs,
                         const BatchOptions& options, std::ostream& err) {
  BatchResult result;
  // Rendering decisions first, in this process: a document whose inputs
  // are unchanged is skipped before any template runs.
  std::vector<Prepared> todo;
  for (DocumentJob& job : jobs) {
    nlohmann::json context = document_context(workspace, job, context_options);
    renderer.complete_context(context);
    std::string hash = renderer.input_hash(context);
    if (options.manifest && !options.force &&
        options.manifest->up_to_date(options.manifest_folder, job.output, hash) &&
        (!options.keep_html || fs::exists(html_beside(options.target(job))))) {
      ++result.skipped;
      continue;
    }
    Diagnostics template_diagnostics;
    std::optional<std::string> html = renderer.html(job, context, template_diagnostics);
    if (!html) {
      print_diagnostics(err, template_diagnostics, DiagnosticFormat::text, colour_for_stream(2));
      err << "partnerops: " << job.output << ": not built\n";
      ++result.failed;
      continue;
    }
    todo.push_back({std::move(job), std::move(*html), page_labels(context), std::move(hash)});
  }
  if (options.all_or_nothing && result.failed) return result;

  std::vector<PrintTask> tasks;
  tasks.reserve(todo.size());
  for (const Prepared& prepared : todo) {
    tasks.push_back({prepared.job.output, [&prepared, &renderer, &options](std::string* error) {
                       const fs::path target = options.target(prepared.job);
                       if (options.keep_html &&
                           !util::write_file_atomically(html_beside(target), prepared.html, error))
                         return false;
                       const std::optional<std::string> pdf = renderer.pdf(
                           prepared.job, prepared.html, prepared.labels, prepared.hash, error);
                       return pdf && util::write_file_atomically(target, *pdf, error);
                     }});
  }
  result.printed = tasks.size();
  const std::vector<PrintOutcome> outcomes =
      run_print_tasks(tasks, std::max(1u, options.workers), options.progress);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].ok) {
      if (options.manifest) options.manifest->record(todo[i].job.output, todo[i].hash);
      ++result.built;
    } else {
      err << "partnerops: " << todo[i].job.output << ": " << outcomes[i].error << '\n';
      ++result.failed;
    }
  }
  return result;
}

std::optional<std::string> render_document(const Workspace& workspace, DocumentRenderer& renderer,
                                           const ContextOptions& context_options,
                                           const DocumentJob& job, Diagnostics& diagnostics,
                                           std::string* error) {
  nlohmann::json context = document_context(workspace, job, context_options);
  renderer.complete_context(context);
  const std::string hash = renderer.input_hash(context);
  Diagnostics problems;
  const std::optional<std::string> html = renderer.html(job, context, problems);
  if (!html) {
    diagnostics.append(std::move(problems));
    return std::nullopt;
  }
  return renderer.pdf(job, *html, page_labels(context), hash, error);
}

}  // namespace partnerops::render
