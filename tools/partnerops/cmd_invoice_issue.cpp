// partnerops invoice issue NUMBER [--date D] [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Issues a draft invoice: status issued, issue date (default today) and due
// date from the payment terms, one surgical edit committed like `record`
// (on the current branch unless --branch). From then on the invoice is
// never edited. Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <iostream>

#include "billing/issue.hpp"
#include "bookkeeping.hpp"
#include "command.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceIssueOptions {
  BookkeepingOptions common;
  std::string number;
};

int run_invoice_issue(const Loader& loader, InvoiceIssueOptions options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  // The owning partner's folder is loaded, as for `record`, and of the
  // other partners only their invoices: the issue date must follow the
  // numbers of the whole sequence.
  options.common.slug = billing::find_invoice_owner(options.common.path, options.number);
  if (options.common.slug.empty()) {
    std::cerr << "partnerops: there is no invoice " << options.number << " under "
              << options.common.path << "/partners/*/invoices/\n";
    return k_exit_problems;
  }
  options.common.view = [slug = options.common.slug](std::string_view path, EntryType type) {
    return billing::issue_input(path, type, slug);
  };
  const billing::IssueRequest request{options.number, *date};
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return billing::plan_issue(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_invoice_issue(CLI::App& sub) {
  auto options = std::make_shared<InvoiceIssueOptions>();
  sub.add_option("number", options->number, "The draft invoice's number, e.g. INV-2026-0007")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--date", options->common.date, "The issue date (YYYY-MM-DD; default today)");
  CLI::Option* branch = add_commit_options(sub, options->common, "invoice-issue/<number>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_invoice_issue(loader, *options);
  };
}

}  // namespace partnerops::cli
