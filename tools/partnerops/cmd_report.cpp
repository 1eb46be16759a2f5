// partnerops report [PATH] [--out DIR] [--format html|json|pdf] [--today DATE] [--rev REV]
//
// The pipeline and KPI report (report/pipeline_report.hpp). HTML and JSON
// are printed to standard output, or written atomically to
// DIR/pipeline-report.<ext> with --out; the PDF (the HTML printed and
// finished like every document, render/report_pdf.hpp) always goes to a
// file, DIR/pipeline-report.pdf, DIR defaulting to `out` as for `build`.
// When partnerops.yaml names an inventory, a deployments section says what
// runs against what was agreed (left out, with a note on standard error,
// when it cannot be opened). Exit 0 when the workspace loaded cleanly, 1
// when some files did not load (the report leaves them out), 2 for usage, printing or write errors.

#include <iostream>

#include "command.hpp"
#include "configured_deployments.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "render/document_renderer.hpp"
#include "render/pdf_finish.hpp"
#include "render/report_pdf.hpp"
#include "report/pipeline_report.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

namespace {

struct ReportOptions {
  std::string path = ".";
  std::string out;
  std::string format = "html";
  std::string today;
  std::string rev;
  bool timings = false;
};

int run_report(const Loader& loader, const ReportOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded = loader.load(
      LoadRequest(options.path, options.rev, Require::organisation_and_lifecycle), &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  if (options.timings) print_load_timings(workspace.timings());

  // A deployments section, when partnerops.yaml names an inventory.
  const std::optional<deployments::CheckResult> deployments =
      configured_deployments(workspace, options.path, *today);
  const PipelineReport report =
      deployments ? build_pipeline_report(workspace, *today, &deployments->findings,
                                          deployments->inventory.description)
                  : build_pipeline_report(workspace, *today);
  const bool json = options.format == "json";
  const bool pdf = options.format == "pdf";
  std::string text = json ? report_json(report) : report_html(report);
  if (pdf) {
    render::ReportPdfOptions print;
    print.page = render::page_setup_from(workspace.organisation());
    print.as_of = today->iso();
    print.author = workspace.organisation() ? workspace.organisation()->name : "";
    print.source_commit = loaded->opened.commit;
    // As for `build`: SOURCE_DATE_EPOCH, else the commit read with --rev,
    // else no dates at all, so the bytes depend on the inputs only.
    print.epoch_seconds = render::source_date_epoch();
    if (!print.epoch_seconds) print.epoch_seconds = loaded->opened.commit_time;
    std::string error;
    std::optional<std::string> printed = render::print_report_pdf(text, print, &error);
    if (!printed) {
      std::cerr << "partnerops: cannot print the report: " << error << '\n';
      return k_exit_usage;
    }
    text = std::move(*printed);
  }
  if (options.out.empty() && !pdf) {
    std::cout << text;
  } else {
    const std::filesystem::path target =
        (options.out.empty() ? k_default_output_folder : std::filesystem::path(options.out)) /
        (json  ? "pipeline-report.json"
         : pdf ? "pipeline-report.pdf"
               : "pipeline-report.html");
    std::string error;
    if (!write_output_file(target, text, &error)) {
      std::cerr << "partnerops: " << error << '\n';
      return k_exit_usage;
    }
    std::cerr << "partnerops: wrote " << target.string() << '\n';
  }
  return exit_after_reading(loaded->diagnostics, "files that did not load are left out");
}

}  // namespace

Runner define_report(CLI::App& sub) {
  auto options = std::make_shared<ReportOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--out", options->out,
                 "Write DIR/pipeline-report.html (.json, .pdf) instead of printing; "
                 "the PDF goes to out/ by default");
  sub.add_option("--format", options->format, "Output: html, json or pdf")
      ->check(CLI::IsMember({"html", "json", "pdf"}));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  add_timings_option(sub, options->timings);
  return [options](const Loader& loader) { return run_report(loader, *options); };
}

}  // namespace partnerops::cli
