#include "bookkeeping.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

#include "command.hpp"
#include "diag/format.hpp"
#include "options.hpp"
#include "transitions/payment.hpp"
#include "transitions/scoped_source.hpp"

namespace partnerops::cli {

int print_refusal(Diagnostics refusals) {
  refusals.sort();
  print_diagnostics(std::cerr, refusals, DiagnosticFormat::text, colour_for_stream(2));
  std::cerr << "partnerops: nothing was changed\n";
  return k_exit_problems;
}

int run_invoice_bookkeeping(const Loader& loader, BookkeepingOptions options,
                            const std::string& number, const InvoicePlanner& plan) {
  const transitions::InvoiceLocation location = transitions::locate_invoice(options.path, number);
  if (location.slug.empty()) {
    Diagnostics refusals;
    transitions::report_unknown_invoice(number, location, refusals);
    return print_refusal(std::move(refusals));
  }
  options.slug = location.slug;
  return run_bookkeeping(loader, options, DefaultBranch::current,
                         [&](const Workspace& workspace, Diagnostics& diagnostics) {
                           return plan(location.slug, workspace, diagnostics);
                         });
}

CLI::Option* add_commit_options(CLI::App& sub, BookkeepingOptions& options,
                                std::string_view branch_default) {
  CLI::Option* branch = sub.add_option("--branch", options.branch,
                                       "Commit on a new branch (" + std::string(branch_default) +
                                           " unless NAME is given)")
                            ->expected(0, 1);
  sub.add_flag("--no-branch", options.no_branch, "Commit on the current branch (the default)");
  sub.add_flag("--no-commit", options.no_commit, "Only write the file, commit nothing");
  return branch;
}

bool branch_options_agree(const BookkeepingOptions& options) {
  const bool branch = !options.branch.empty() || options.make_branch;
  if (branch && options.no_branch) {
    std::cerr << "partnerops: --branch and --no-branch exclude each other\n";
    return false;
  }
  // Only a commit makes a branch: `--branch --no-commit` is most likely a
  // --branch whose NAME was forgotten.
  if (branch && options.no_commit) {
    std::cerr << "partnerops: --branch and --no-commit exclude each other (a branch needs a "
                 "commit)\n";
    return false;
  }
  return options.branch.empty() || branch_name_is_usable(options.branch);
}

std::optional<Date> bookkeeping_date(const BookkeepingOptions& options) {
  const std::optional<Date> date = options.date.empty() ? Date::today() : Date::parse(options.date);
  if (!date) {
    std::cerr << "partnerops: --date needs a calendar date as YYYY-MM-DD, not '" << options.date
              << "'\n";
  }
  return date;
}

int run_bookkeeping(const Loader& loader, const BookkeepingOptions& options,
                    DefaultBranch default_branch, const Planner& plan) {
  LoadRequest request(options.path);
  request.writes = options.no_commit ? Writes::files : Writes::commit;
  if (options.view) {
    request.view = [&options](const Source& tree) { return filter_source(tree, options.view); };
  } else if (options.scope == LoadScope::partner) {
    request.view = [&options](const Source& tree) {
      return transitions::scope_to_partner(tree, options.slug);
    };
  }
  int failed = k_exit_clean;
  const std::shared_ptr<LoadedWorkspace> loaded = loader.load(request, &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;

  Diagnostics refusals;
  const std::optional<transitions::ChangeSet> changes = plan(workspace, refusals);
  if (!changes) {
    refusals.sort();
    print_problems(refusals, workspace);
    std::cerr << "partnerops: nothing was changed\n";
    return k_exit_problems;
  }
  if (changes->edits.empty()) {
    // Asked for what is already recorded: not a refusal, nothing to commit.
    std::cout << "partnerops: " << changes->message << "; nothing to change\n";
    return k_exit_clean;
  }

  transitions::ApplyOptions apply;
  apply.commit_mode =
      options.no_commit ? transitions::CommitMode::write_only : transitions::CommitMode::commit;
  const bool create = !options.no_branch && (!options.branch.empty() || options.make_branch ||
                                             default_branch == DefaultBranch::create);
  apply.branch_mode = create ? git::BranchMode::create : git::BranchMode::current;
  apply.branch_name = options.branch.empty() ? changes->suggested_branch : options.branch;
  if (loaded->repository) apply.repository = &*loaded->repository;
  const transitions::ApplyResult result = transitions::apply_changes(options.path, *changes, apply);
  if (!result.ok) {
    std::cerr << "partnerops: " << result.error << '\n';
    return k_exit_problems;
  }
  const std::string summary = changes->message.substr(0, changes->message.find('\n'));
  if (options.no_commit) {
    for (const transitions::FileEdit& edit : changes->edits)
      std::cout << "wrote " << edit.path << '\n';
    for (const std::string& path : changes->removals) std::cout << "removed " << path << '\n';
  } else {
    std::string branch = result.branch;
    if (branch.starts_with("refs/heads/")) branch.erase(0, 11);
    std::cout << "[" << branch << " " << result.short_id << "] " << summary << '\n';
  }
  if (!changes->note.empty()) std::cout << changes->note << '\n';
  return k_exit_clean;
}

}  // namespace partnerops::cli
