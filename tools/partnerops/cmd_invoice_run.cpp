// partnerops invoice run PERIOD [--dry-run] [--usage FILE] [--branch NAME | --no-branch]
//                             [--no-commit] [--today D] [PATH]
//
// Creates the draft invoices the billing month PERIOD (YYYY-MM) calls for,
// prints them as a table with the total per currency, and commits exactly
// the new files on a branch for review (invoice-run/<period>, or
// branches.invoice_run in partnerops.yaml). A second run for the same month
// creates nothing. --dry-run prints the table and writes nothing.
// Exit 0 done (or nothing to do), 1 refused (nothing changed), 2 usage error.

#include <filesystem>
#include <iostream>
#include <optional>

#include "billing/billing_source.hpp"
#include "billing/invoice_run.hpp"
#include "billing/run_summary.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "source/command_line_file.hpp"
#include "source_option.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceRunOptions {
  std::string period;
  std::string path = ".";
  std::string usage;
  std::string branch;
  std::string today;
  bool no_branch = false;
  bool no_commit = false;
  bool dry_run = false;
};

int run_invoice_run(const Loader& loader, const InvoiceRunOptions& options) {
  const std::optional<billing::Month> period = billing::Month::parse(options.period);
  if (!period) {
    std::cerr << "partnerops: PERIOD must be a month as YYYY-MM, not '" << options.period << "'\n";
    return k_exit_usage;
  }
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  if (!options.branch.empty() && options.no_branch) {
    std::cerr << "partnerops: --branch and --no-branch exclude each other\n";
    return k_exit_usage;
  }
  if (!options.branch.empty() && (options.no_commit || options.dry_run)) {
    std::cerr << "partnerops: --branch and --" << (options.dry_run ? "dry-run" : "no-commit")
              << " exclude each other (a branch needs a commit)\n";
    return k_exit_usage;
  }
  if (!options.branch.empty() && !branch_name_is_usable(options.branch)) return k_exit_usage;
  std::string usage_text;
  if (!options.usage.empty()) {
    // Anywhere the user likes, but through no link inside the workspace.
    const ReadResult read =
        read_command_line_file(options.path, options.usage, yaml::ParseLimits{}.max_bytes);
    if (!read.ok()) {
      const bool refused = read.status == ReadResult::Status::symlink;
      std::cerr << "partnerops: " << (refused ? "the usage file " : "cannot read the usage file ")
                << options.usage << (refused ? " is not read: " : ": ") << read.error << '\n';
      return refused ? k_exit_problems : k_exit_usage;
    }
    usage_text = read.content;
  }

  // Only agreements, SOWs, invoices and credit notes are loaded: the rest of
  // a partner folder plays no part in billing. A dry run takes no lock.
  LoadRequest request(options.path);
  request.view = [](const Source& tree) { return billing::scope_to_billing(tree); };
  request.writes = options.dry_run     ? Writes::nothing
                   : options.no_commit ? Writes::files
                                       : Writes::commit;
  int failed = k_exit_clean;
  const std::shared_ptr<LoadedWorkspace> loaded = loader.load(request, &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  if (loaded->diagnostics.has_errors()) {
    // Numbers and amounts come from every invoice and agreement: a file
    // that did not load could hide a number or a fee.
    Diagnostics sorted = loaded->diagnostics;
    sorted.sort();
    print_problems(sorted, workspace);
    std::cerr << "partnerops: the workspace has errors (see partnerops validate); nothing was "
                 "changed\n";
    return k_exit_problems;
  }

  Diagnostics refusals;
  std::optional<billing::UsageFile> usage;
  if (!options.usage.empty()) {
    usage = billing::read_usage_file(options.usage, usage_text, workspace.schemas(), refusals);
    if (!usage) {
      refusals.sort();
      print_problems(refusals, workspace);
      std::cerr << "partnerops: nothing was changed\n";
      return k_exit_problems;
    }
  }
  const std::optional<billing::RunPlan> plan = billing::plan_invoice_run(
      workspace, billing::RunRequest{*period, *today, usage ? &*usage : nullptr}, refusals);
  if (!plan) {
    refusals.sort();
    print_problems(refusals, workspace);
    std::cerr << "partnerops: nothing was changed\n";
    return k_exit_problems;
  }
  std::cout << billing::run_table(*plan, *period);
  if (options.dry_run || plan->invoices.empty()) return k_exit_clean;

  const transitions::ChangeSet changes = billing::run_changes(workspace, *plan, *period);
  transitions::ApplyOptions apply;
  apply.commit_mode =
      options.no_commit ? transitions::CommitMode::write_only : transitions::CommitMode::commit;
  apply.branch_mode = options.no_branch ? git::BranchMode::current : git::BranchMode::create;
  apply.branch_name = options.branch.empty() ? changes.suggested_branch : options.branch;
  if (loaded->repository) apply.repository = &*loaded->repository;
  const transitions::ApplyResult result = transitions::apply_changes(options.path, changes, apply);
  if (!result.ok) {
    std::cerr << "partnerops: " << result.error << '\n';
    return k_exit_problems;
  }
  if (!options.no_commit) {
    std::string branch = result.branch;
    if (branch.starts_with("refs/heads/")) branch.erase(0, 11);
    std::cout << "[" << branch << " " << result.short_id << "] "
              << changes.message.substr(0, changes.message.find('\n')) << '\n';
  }
  return k_exit_clean;
}

}  // namespace

Runner define_invoice_run(CLI::App& sub) {
  auto options = std::make_shared<InvoiceRunOptions>();
  sub.add_option("period", options->period, "The billing month, YYYY-MM")->required();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_flag("--dry-run", options->dry_run, "Print what would be created; write nothing");
  sub.add_option("--usage", options->usage,
                 "A usage file (schemas/usage.schema.yaml) of costs to pass through");
  sub.add_option("--branch", options->branch,
                 "Commit on this new branch (default invoice-run/<period>)");
  sub.add_flag("--no-branch", options->no_branch, "Commit on the current branch");
  sub.add_flag("--no-commit", options->no_commit, "Only write the files, commit nothing");
  add_today_option(sub, options->today);
  return [options](const Loader& loader) { return run_invoice_run(loader, *options); };
}

}  // namespace partnerops::cli
