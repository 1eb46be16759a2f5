// partnerops validate [PATH] [--format text|json|github] [--today DATE]
//
// Loads the workspace, checks every file against its schema, then runs the
// lifecycle and cross-file rules. In the root of a git working tree, issued
// invoices and credit notes that differ from HEAD are checked as check-range
// would (they are never edited). Exit 0 when clean (warnings allowed),
// 1 when errors were found, 2 for usage errors.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "check/checks.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "source_option.hpp"
#include "transitions/uncommitted_issued.hpp"

namespace partnerops::cli {

namespace {

struct ValidateOptions {
  std::string path = ".";
  std::string format = "text";
  std::string today;
  unsigned jobs = 0;
  bool timings = false;
  std::string rev;
};

int run_validate(const Loader& loader, const ValidateOptions& options) {
  const std::optional<DiagnosticFormat> format = parse_diagnostic_format(options.format);
  const std::optional<Date> today = parse_today(options.today);
  if (!format || !today) return k_exit_usage;
  // A mistyped PATH or revision is a usage error, not a workspace with problems.
  int failed = k_exit_clean;
  LoadRequest request(options.path, options.rev);
  request.jobs = options.jobs;
  const std::shared_ptr<LoadedWorkspace> loaded = loader.load(request, &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  Diagnostics& diagnostics = loaded->diagnostics;
  const auto checks_started = std::chrono::steady_clock::now();
  run_checks(workspace, *today, diagnostics);
  // Issued invoices and credit notes never change: in a working tree, their
  // uncommitted edits are checked against HEAD as check-range would.
  if (options.rev.empty())
    transitions::check_uncommitted_issued(options.path, workspace, diagnostics);
  const double check_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - checks_started).count();
  diagnostics.sort();
  if (options.timings) {
    print_load_timings(workspace.timings());
    std::fprintf(stderr, "timings: checks %.3f s\n", check_seconds);
  }

  print_problems(diagnostics, workspace, std::cout, *format);
  if (*format == DiagnosticFormat::text) {
    std::cerr << "partnerops: " << workspace.files().size() << " files, "
              << workspace.partners().size() << " partners: " << summarize(diagnostics) << '\n';
  }
  return diagnostics.has_errors() ? k_exit_problems : k_exit_clean;
}

}  // namespace

Runner define_validate(CLI::App& sub) {
  auto options = std::make_shared<ValidateOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--format", options->format, "Output: text, json or github")
      ->check(CLI::IsMember({"text", "json", "github"}));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  sub.add_option("-j,--jobs", options->jobs,
                 "Threads for parsing and schema checks (0: one per core)");
  sub.add_flag("--timings", options->timings, "Print where the time went to standard error");
  return [options](const Loader& loader) { return run_validate(loader, *options); };
}

}  // namespace partnerops::cli
