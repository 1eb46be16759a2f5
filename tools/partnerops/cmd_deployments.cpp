// partnerops deployments check [PATH] [--inventory DIR] [--adapter jupyterhub|list]
//                              [--inventory-rev REV] [--rev REV]
//                              [--format text|json|github] [--today DATE] [--timings]
//
// Compares the agreements' `deployments:` with the inventory of what runs
// (deployments/check.hpp lists the findings). The inventory, its adapter
// and revision come from partnerops.yaml's `deployments.inventory` unless
// the options say otherwise; a relative --inventory is relative to PATH.
// Exit 0 when no finding is an error (warnings allowed), 1 when some are
// or when some workspace files did not load (their agreements are missing,
// so what they cover would show as uncovered), 2 for usage errors and an
// inventory that cannot be opened.

#include <chrono>
#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "deployments/adapter.hpp"
#include "deployments/run.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

namespace {

struct DeploymentsCheckOptions {
  std::string path = ".";
  std::string inventory;
  std::string adapter;
  std::string inventory_rev;
  std::string format = "text";
  std::string today;
  std::string rev;
  bool timings = false;
};

int run_deployments_check(const Loader& loader, const DeploymentsCheckOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded =
      loader.load(LoadRequest(options.path, options.rev, Require::organisation), &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  if (options.timings) print_load_timings(workspace.timings());
  // Agreements that did not load cover nothing: say so before the findings.
  if (loaded->diagnostics.has_errors()) print_problems(loaded->diagnostics, workspace);

  deployments::CheckRequest request;
  request.workspace_root = options.path;
  request.inventory = options.inventory;
  request.adapter = options.adapter;
  request.inventory_rev = options.inventory_rev;
  request.today = *today;
  std::string error;
  const auto started = std::chrono::steady_clock::now();
  const std::optional<deployments::CheckResult> result =
      deployments::run_check(workspace, request, &error);
  if (options.timings)
    std::fprintf(stderr, "timings: inventory read and checked in %.3f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  if (!result) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  if (options.format == "json") {
    std::cout << deployments::findings_json(*result);
  } else {
    const DiagnosticFormat format =
        options.format == "github" ? DiagnosticFormat::github : DiagnosticFormat::text;
    print_diagnostics(std::cout, result->diagnostics, format, colour_for_stream(1),
                      [&](std::string_view path) -> const std::string* {
                        if (const WorkspaceFile* file = workspace.file(path))
                          return &file->content();
                        for (const auto& [shown, text] : result->inventory.files)
                          if (shown == path) return &text;
                        return nullptr;
                      });
  }
  if (options.format == "text") {
    const deployments::Findings& findings = result->findings;
    std::cerr << "partnerops: " << findings.deployments << " deployments in "
              << result->inventory.description << " (" << findings.covered << " covered, "
              << findings.internal << " internal): " << summarize(result->diagnostics) << '\n';
  }
  if (loaded->diagnostics.has_errors()) {
    std::cerr << "partnerops: some files did not load; what their agreements cover is missing\n";
    return k_exit_problems;
  }
  return result->diagnostics.has_errors() ? k_exit_problems : k_exit_clean;
}

}  // namespace

Runner define_deployments_check(CLI::App& sub) {
  auto options = std::make_shared<DeploymentsCheckOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--inventory", options->inventory,
                 "The inventory: a folder, or a git repository with --inventory-rev "
                 "(default: deployments.inventory.path in partnerops.yaml)");
  sub.add_option("--adapter", options->adapter,
                 "How to read it: jupyterhub (config/clusters/*/cluster.yaml) or list "
                 "(deployments.yaml or .json)")
      ->check(CLI::IsMember(deployments::adapter_names()));
  sub.add_option("--inventory-rev", options->inventory_rev,
                 "Read the inventory repository at this revision instead of its files");
  sub.add_option("--format", options->format, "Output: text, json or github")
      ->check(CLI::IsMember({"text", "json", "github"}));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  add_timings_option(sub, options->timings);
  return [options](const Loader& loader) { return run_deployments_check(loader, *options); };
}

}  // namespace partnerops::cli
