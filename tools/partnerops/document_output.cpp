#include "document_output.hpp"

#include <iostream>

#include "diag/format.hpp"
#include "documents/context.hpp"
#include "render/document_renderer.hpp"
#include "render/markdown.hpp"
#include "render/pdf_finish.hpp"
#include "render/print_workers.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

bool print_documents(const Workspace& workspace, const OpenedSource& opened,
                     const std::vector<DocumentJob>& jobs, Date today, const TargetPath& target,
                     unsigned workers) {
  render::RendererOptions options;
  options.page = render::page_setup_from(workspace.organisation());
  options.author = workspace.organisation() ? workspace.organisation()->name : "";
  options.source_commit = opened.commit;
  options.epoch_seconds = render::source_date_epoch();
  if (!options.epoch_seconds) options.epoch_seconds = opened.commit_time;
  Diagnostics diagnostics;
  render::DocumentRenderer renderer(*opened.source, options, diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(std::cerr, diagnostics, DiagnosticFormat::text, colour_for_stream(2));
    return false;
  }
  const ContextOptions context_options{
      today, [](std::string_view markdown) { return render::markdown_to_html(markdown); }};

  struct Prepared {
    const DocumentJob* job;
    std::string html;
    std::string hash;
  };
  std::vector<Prepared> prepared;
  bool ok = true;
  for (const DocumentJob& job : jobs) {
    nlohmann::json context = document_context(workspace, job, context_options);
    renderer.complete_context(context);
    Diagnostics template_diagnostics;
    std::optional<std::string> html = renderer.html(job, context, template_diagnostics);
    if (!html) {
      print_diagnostics(std::cerr, template_diagnostics, DiagnosticFormat::text,
                        colour_for_stream(2));
      std::cerr << "partnerops: " << job.output << ": not built\n";
      ok = false;
      continue;
    }
    prepared.push_back({&job, std::move(*html), renderer.input_hash(context)});
  }
  if (!ok) return false;
  std::vector<render::PrintTask> tasks;
  for (const Prepared& item : prepared)
    tasks.push_back({item.job->output, [&item, &renderer, &target](std::string* error) {
                       const std::optional<std::string> pdf =
                           renderer.pdf(*item.job, item.html, item.hash, error);
                       return pdf && util::write_file_atomically(target(*item.job), *pdf, error);
                     }});
  const std::vector<render::PrintOutcome> outcomes =
      render::run_print_tasks(tasks, std::max(1u, workers), {});
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].ok) continue;
    std::cerr << "partnerops: " << prepared[i].job->output << ": " << outcomes[i].error << '\n';
    ok = false;
  }
  return ok;
}

}  // namespace partnerops::cli
