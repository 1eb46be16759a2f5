// partnerops tickler [PATH] [--within 60d] [--today DATE] [--rev REV]
//                    [--format text|json|markdown|ics]
//
// Lists everything due in the pipeline within the window (see
// report/tickler.hpp for each kind), as text, JSON, a Markdown issue body or
// an iCalendar feed. When partnerops.yaml names an inventory, the
// deployments check adds what to decommission and what to cover (left out,
// with a note on standard error, when it cannot be opened). Exit 0 when the list was produced
// from a workspace that loaded cleanly, 1 when some files did not load (their items are missing),
// 2 for usage errors.

#include <iostream>

#include "command.hpp"
#include "configured_deployments.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "report/tickler.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

namespace {

struct TicklerCommandOptions {
  std::string path = ".";
  std::string within = "60d";
  std::string format = "text";
  std::string today;
  std::string rev;
  bool timings = false;
};

int run_tickler(const Loader& loader, const TicklerCommandOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  const std::optional<int> within = parse_window_days(options.within);
  const std::optional<TicklerFormat> format = parse_tickler_format(options.format);
  if (!within) {
    std::cerr << "partnerops: --within needs a number of days such as 60, 60d or 8w, not '"
              << options.within << "'\n";
    return k_exit_usage;
  }
  if (!today || !format) return k_exit_usage;

  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded = loader.load(
      LoadRequest(options.path, options.rev, Require::organisation_and_lifecycle), &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  if (options.timings) print_load_timings(workspace.timings());

  // Deployments to decommission and to cover, when partnerops.yaml names an inventory.
  const std::optional<deployments::CheckResult> deployments =
      configured_deployments(workspace, options.path, *today);
  const TicklerOptions tickler{*today, *within, deployments ? &deployments->findings : nullptr};
  std::string error;
  const std::string output = render_tickler(tickler_items(workspace, tickler), tickler, *format,
                                            tickler_domain(workspace), &error);
  if (!error.empty()) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  std::cout << output;
  return exit_after_reading(loaded->diagnostics, "items of files that did not load are missing");
}

}  // namespace

Runner define_tickler(CLI::App& sub) {
  auto options = std::make_shared<TicklerCommandOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--within", options->within,
                 "Window after today: days as 60 or 60d, weeks as 8w (default 60d)");
  sub.add_option("--format", options->format, "Output: text, json, markdown or ics")
      ->check(CLI::IsMember({"text", "json", "markdown", "ics"}));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  add_timings_option(sub, options->timings);
  return [options](const Loader& loader) { return run_tickler(loader, *options); };
}

}  // namespace partnerops::cli
