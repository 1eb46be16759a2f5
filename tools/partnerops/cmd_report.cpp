// partnerops report [PATH] [--out DIR] [--format html|json] [--today DATE] [--rev REV]
//
// The pipeline and KPI report (report/pipeline_report.hpp). Printed to
// standard output, or written atomically to DIR/pipeline-report.<ext> with
// --out. Exit 0 when the workspace loaded cleanly, 1 when some files did
// not load (the report leaves them out), 2 for usage or write errors.

#include <iostream>

#include "command.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "source_option.hpp"
#include "report/pipeline_report.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

namespace {

struct ReportOptions {
  std::string path = ".";
  std::string out;
  std::string format = "html";
  std::string today;
  std::string rev;
};

int run_report(const ReportOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  const std::unique_ptr<LoadedWorkspace> loaded = load_for_reading(options.path, options.rev);
  if (!loaded) return k_exit_usage;
  const Workspace& workspace = loaded->workspace;

  const PipelineReport report = build_pipeline_report(workspace, *today);
  const bool json = options.format == "json";
  const std::string text = json ? report_json(report) : report_html(report);
  if (options.out.empty()) {
    std::cout << text;
  } else {
    const std::filesystem::path target = std::filesystem::path(options.out) /
                                         (json ? "pipeline-report.json" : "pipeline-report.html");
    std::string error;
    if (!util::write_file_atomically(target, text, &error)) {
      std::cerr << "partnerops: cannot write " << target.string() << ": " << error << '\n';
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
                 "Write DIR/pipeline-report.html (or .json) instead of printing");
  sub.add_option("--format", options->format, "Output: html or json")
      ->check(CLI::IsMember({"html", "json"}));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options] { return run_report(*options); };
}

}  // namespace partnerops::cli
