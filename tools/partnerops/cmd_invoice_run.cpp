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
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "billing/billing_source.hpp"
#include "billing/invoice_run.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "model/parse_cache.hpp"
#include "options.hpp"
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

void print_problems(const Diagnostics& diagnostics, const Workspace& workspace) {
  print_diagnostics(std::cerr, diagnostics, DiagnosticFormat::text, colour_for_stream(2),
                    [&workspace](std::string_view path) -> const std::string* {
                      const WorkspaceFile* file = workspace.file(path);
                      return file ? &file->content : nullptr;
                    });
}

std::string money_text(std::int64_t minor, const std::string& code) {
  const std::optional<Currency> currency = find_currency(code);
  return (currency ? format_plain(minor, *currency) : std::to_string(minor)) + " " + code;
}

/// The table of created invoices and the total per currency.
std::string table_of(const billing::RunPlan& plan, const std::string& period) {
  std::size_t slug_width = 7;
  for (const billing::DraftInvoice& draft : plan.invoices)
    slug_width = std::max(slug_width, draft.slug.size());
  std::ostringstream out;
  std::map<std::string, std::int64_t> totals;
  if (!plan.invoices.empty()) {
    out << std::left << std::setw(16) << "number" << std::setw(static_cast<int>(slug_width) + 2)
        << "partner" << std::setw(12) << "issue date" << std::setw(12) << "due date"
        << std::right << std::setw(6) << "lines" << std::setw(18) << "total" << '\n';
  }
  for (const billing::DraftInvoice& draft : plan.invoices) {
    out << std::left << std::setw(16) << draft.number
        << std::setw(static_cast<int>(slug_width) + 2) << draft.slug << std::setw(12)
        << draft.issue_date.iso() << std::setw(12) << draft.due_date.iso() << std::right
        << std::setw(6) << draft.lines.size() << std::setw(18)
        << money_text(draft.total_minor, draft.currency) << '\n';
    totals[draft.currency] += draft.total_minor;
  }
  out << plan.invoices.size() << (plan.invoices.size() == 1 ? " invoice" : " invoices")
      << " for " << period;
  const char* separator = ": ";
  for (const auto& [currency, total] : totals) {
    out << separator << money_text(total, currency);
    separator = ", ";
  }
  if (!plan.already_invoiced.empty())
    out << "; " << plan.already_invoiced.size()
        << (plan.already_invoiced.size() == 1 ? " partner" : " partners")
        << " already invoiced for " << period;
  out << '\n';
  return out.str();
}

int run_invoice_run(const InvoiceRunOptions& options) {
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
  std::error_code ec;
  if (!std::filesystem::is_directory(options.path, ec)) {
    std::cerr << "partnerops: " << options.path << " is not a folder\n";
    return k_exit_usage;
  }
  std::string usage_text;
  if (!options.usage.empty()) {
    std::ifstream in(options.usage, std::ios::binary);
    if (!in) {
      std::cerr << "partnerops: cannot read the usage file " << options.usage << '\n';
      return k_exit_usage;
    }
    usage_text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  // One committing command at a time, holding the lock from before it
  // reads the workspace until it has committed (a dry run writes nothing).
  git::CommandLock lock;
  std::string lock_error;
  if (!options.dry_run && !transitions::lock_workspace(options.path, &lock, &lock_error)) {
    std::cerr << "partnerops: " << lock_error << '\n';
    return k_exit_problems;
  }
  // Committing needs the index; it is read on its own thread meanwhile.
  std::optional<git::RepositoryInBackground> repository;
  if (!options.no_commit && !options.dry_run) repository.emplace(options.path);

  // Only agreements, SOWs, invoices and credit notes are loaded: the rest of
  // a partner folder plays no part in billing. Files that passed before
  // come from the parse cache, and the loaded workspace is never freed.
  const std::unique_ptr<Source> tree = open_directory_source(options.path);
  const std::unique_ptr<Source> billing_view = billing::scope_to_billing(*tree);
  Diagnostics loaded;
  LoadOptions load_options;
  load_options.cache_dir = parse_cache_dir(options.path);
  const Workspace& workspace = keep_until_exit(
      std::make_unique<Workspace>(load_workspace(*billing_view, load_options, loaded)));
  if (loaded.has_errors()) {
    // Numbers and amounts come from every invoice and agreement: a file
    // that did not load could hide a number or a fee.
    loaded.sort();
    print_problems(loaded, workspace);
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
  std::cout << table_of(*plan, period->iso());
  if (options.dry_run || plan->invoices.empty()) return k_exit_clean;

  transitions::ChangeSet changes;
  changes.protected_paths = {std::string(k_partners_dir)};
  for (const billing::DraftInvoice& draft : plan->invoices)
    changes.edits.push_back({draft.path, draft.content});
  std::ostringstream message;
  message << "invoice run " << period->iso() << ": " << plan->invoices.size()
          << (plan->invoices.size() == 1 ? " draft invoice" : " draft invoices") << "\n\n";
  for (const billing::DraftInvoice& draft : plan->invoices)
    message << draft.number << ' ' << draft.slug << ' '
            << money_text(draft.total_minor, draft.currency) << '\n';
  changes.message = message.str();
  std::string pattern = transitions::branch_patterns(workspace).invoice_run.value;
  for (std::size_t at = pattern.find("{period}"); at != std::string::npos;
       at = pattern.find("{period}"))
    pattern.replace(at, 8, period->iso());
  changes.suggested_branch = pattern;

  transitions::ApplyOptions apply;
  apply.commit_mode =
      options.no_commit ? transitions::CommitMode::write_only : transitions::CommitMode::commit;
  apply.branch_mode = options.no_branch ? git::BranchMode::current : git::BranchMode::create;
  apply.branch_name = options.branch.empty() ? changes.suggested_branch : options.branch;
  if (repository) apply.repository = &*repository;
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
  return [options] { return run_invoice_run(*options); };
}

}  // namespace partnerops::cli
