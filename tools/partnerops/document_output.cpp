#include "document_output.hpp"

#include <iostream>

#include "diag/format.hpp"
#include "output_folder.hpp"
#include "render/document_batch.hpp"
#include "render/pdf_finish.hpp"

namespace partnerops::cli {

render::RendererOptions renderer_options(const Workspace& workspace, const OpenedSource& opened) {
  render::RendererOptions options;
  options.page = render::page_setup_from(workspace.organisation());
  options.author = workspace.organisation() ? workspace.organisation()->name : "";
  // A build from a revision is dated by its commit, so rebuilding that
  // commit anywhere gives the same bytes; SOURCE_DATE_EPOCH still wins.
  options.source_commit = opened.commit;
  options.epoch_seconds = render::source_date_epoch();
  if (!options.epoch_seconds) options.epoch_seconds = opened.commit_time;
  return options;
}

bool attach_pdf(const Workspace& workspace, const OpenedSource& opened, const DocumentJob& job,
                const ContextOptions& context_options, message::Email& email,
                Diagnostics& diagnostics, std::string* error) {
  render::RendererOptions options = renderer_options(workspace, opened);
  options.epoch_seconds = render::source_date_epoch();
  if (!options.epoch_seconds) options.epoch_seconds = email.date_unix_seconds;
  Diagnostics problems;
  render::DocumentRenderer renderer(*opened.source, options, problems);
  std::optional<std::string> pdf =
      render::render_document(workspace, renderer, context_options, job, problems, error);
  if (!pdf) {
    if (error->empty()) diagnostics.append(std::move(problems));
    return false;
  }
  email.attachments.push_back(
      {std::filesystem::path(job.output).filename().string(), "application/pdf", std::move(*pdf)});
  return true;
}

bool print_documents(const Workspace& workspace, const OpenedSource& opened,
                     const std::vector<DocumentJob>& jobs, Date today, const TargetPath& target,
                     unsigned workers) {
  Diagnostics diagnostics;
  render::DocumentRenderer renderer(*opened.source, renderer_options(workspace, opened),
                                    diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(std::cerr, diagnostics, DiagnosticFormat::text, colour_for_stream(2));
    return false;
  }
  const ContextOptions context_options = render::context_options(today);
  render::BatchOptions batch;
  batch.target = target;
  batch.all_or_nothing = true;
  batch.workers = workers;
  return render::render_batch(workspace, renderer, context_options, jobs, batch, std::cerr)
             .failed == 0;
}

bool print_statement(const Workspace& workspace, const OpenedSource& opened,
                     const PartnerFolder& folder, Date today, const std::string& out) {
  if (!folder.partner_file) {
    std::cerr << "partnerops: partners/" << folder.slug << "/partner.yaml is missing\n";
    return false;
  }
  // Like every document, under out/ (which git ignores) unless told otherwise.
  const std::string target =
      !out.empty() ? out
                   : (k_default_output_folder / folder.slug / ("statement-" + today.iso() + ".pdf"))
                         .generic_string();
  std::string error;
  if (!prepare_output_for(target, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return false;
  }
  const std::vector<DocumentJob> jobs = {statement_document(folder)};
  if (!print_documents(
          workspace, opened, jobs, today,
          [&target](const DocumentJob&) { return std::filesystem::path(target); }, 1))
    return false;
  std::cout << "wrote " << target << '\n';
  return true;
}

}  // namespace partnerops::cli
