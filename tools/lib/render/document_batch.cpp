#include "render/document_batch.hpp"

#include "diag/format.hpp"
#include "documents/embedded_invoice.hpp"

namespace partnerops::render {

namespace {

namespace fs = std::filesystem;

struct Prepared {
  DocumentJob job;
  std::string html;
  PageLabels labels;
  std::string hash;
  std::optional<FacturX> factur_x;
};

/// The Factur-X XML `job`'s PDF carries, if it is an e-invoice; what keeps
/// one from being made goes to `lacks`, and the PDF is printed plain.
std::optional<FacturX> factur_x_of(const Workspace& workspace, const DocumentJob& job,
                                   Diagnostics& lacks) {
  std::optional<std::string> xml = embedded_invoice_xml(workspace, job, lacks);
  if (!xml) return std::nullopt;
  return FacturX{std::move(*xml)};
}

fs::path html_beside(const fs::path& pdf) { return fs::path(pdf).replace_extension(".html"); }

}  // namespace

BatchResult render_batch(const Workspace& workspace, DocumentRenderer& renderer,
                         const ContextOptions& context_options, std::vector<DocumentJob> jobs,
                         const BatchOptions& options, std::ostream& err) {
  BatchResult result;
  Manifest* const manifest = options.folder ? &options.folder->manifest() : nullptr;
  const auto target = [&options, manifest](const DocumentJob& job) {
    return manifest ? manifest->folder() / job.output : options.target(job);
  };
  // Rendering decisions first, in this process: a document whose inputs
  // are unchanged is skipped before any template runs.
  std::vector<Prepared> todo;
  for (DocumentJob& job : jobs) {
    nlohmann::json context = document_context(workspace, job, context_options);
    renderer.complete_context(context);
    // `build` validates before it prints, and validate has reported each
    // lack once, at its position: not again per document here.
    Diagnostics reported_by_validate;
    std::optional<FacturX> factur_x = factur_x_of(workspace, job, reported_by_validate);
    std::string hash = renderer.input_hash(context, factur_x);
    if (manifest && !options.force && manifest->up_to_date(job.output, hash) &&
        (!options.keep_html || fs::exists(html_beside(target(job))))) {
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
    todo.push_back({std::move(job), std::move(*html), page_labels(context), std::move(hash),
                    std::move(factur_x)});
  }
  if (options.all_or_nothing && result.failed) return result;

  // The manifest says which files are about to be written before any is,
  // so that a build killed midway has its temporary files removed by the next.
  std::string manifest_error;
  if (manifest && !todo.empty()) {
    std::vector<std::string> writing;
    for (const Prepared& prepared : todo) {
      writing.push_back(prepared.job.output);
      if (options.keep_html) writing.push_back(html_beside(prepared.job.output).string());
    }
    manifest->begin_writing(writing);
    manifest->save(&manifest_error);
  }

  std::vector<PrintTask> tasks;
  tasks.reserve(todo.size());
  for (const Prepared& prepared : todo) {
    tasks.push_back({prepared.job.output, [&prepared, &renderer, &options, &target](
                                              std::vector<OutputFile>* files, std::string* error) {
                       std::optional<std::string> pdf =
                           renderer.pdf(prepared.job, prepared.html, prepared.labels, prepared.hash,
                                        prepared.factur_x, error);
                       if (!pdf) return false;
                       const fs::path pdf_path = target(prepared.job);
                       if (options.keep_html)
                         files->push_back({html_beside(pdf_path), prepared.html});
                       files->push_back({pdf_path, std::move(*pdf)});
                       return true;
                     }});
  }
  result.printed = tasks.size();
  // Each PDF is recorded as it lands, so the manifest on disk never lags
  // behind the files by more than the document being recorded.
  const PrintFinished record = [&todo, manifest, &manifest_error](std::size_t index,
                                                                  const PrintOutcome& outcome) {
    if (!manifest || !outcome.ok) return;
    std::string error;
    if (!manifest->record(todo[index].job.output, todo[index].hash, &error) ||
        !manifest->save(&error)) {
      if (manifest_error.empty()) manifest_error = error;
    }
  };
  const std::vector<PrintOutcome> outcomes =
      run_print_tasks(tasks, std::max(1u, options.workers), options.progress, record);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].ok) {
      ++result.built;
    } else {
      err << "partnerops: " << todo[i].job.output << ": " << outcomes[i].error << '\n';
      ++result.failed;
    }
  }
  if (manifest) {
    // A worker that died midway left its temporary file; every worker is gone now.
    options.folder->remove_leftovers();
    manifest->end_writing();
    std::string error;
    if (manifest->changed() && !manifest->save(&error) && manifest_error.empty())
      manifest_error = error;
  }
  if (!manifest_error.empty()) {
    err << "partnerops: " << manifest_error << '\n';
    ++result.failed;
  }
  return result;
}

std::optional<std::string> render_document(const Workspace& workspace, DocumentRenderer& renderer,
                                           const ContextOptions& context_options,
                                           const DocumentJob& job, Diagnostics& diagnostics,
                                           std::string* error) {
  nlohmann::json context = document_context(workspace, job, context_options);
  renderer.complete_context(context);
  const std::optional<FacturX> factur_x = factur_x_of(workspace, job, diagnostics);
  const std::string hash = renderer.input_hash(context, factur_x);
  Diagnostics problems;
  const std::optional<std::string> html = renderer.html(job, context, problems);
  if (!html) {
    diagnostics.append(std::move(problems));
    return std::nullopt;
  }
  return renderer.pdf(job, *html, page_labels(context), hash, factur_x, error);
}

}  // namespace partnerops::render
