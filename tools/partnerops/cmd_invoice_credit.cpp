// partnerops invoice credit NUMBER --reason TEXT [--line N[=AMOUNT]]... [--date D]
//                           [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Writes a credit note that cancels all of the issued invoice NUMBER, or the
// lines named by --line (whole, or by AMOUNT), and commits that one new file
// on the current branch unless --branch. Credit notes are numbered in their
// own sequence across the repository, so the whole workspace is loaded.
// Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <iostream>

#include "billing/credit.hpp"
#include "billing/issue.hpp"
#include "bookkeeping.hpp"
#include "command.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceCreditOptions {
  BookkeepingOptions common;
  std::string number;
  std::string reason;
  std::vector<std::string> lines;
};

int run_invoice_credit(const Loader& loader, InvoiceCreditOptions options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  if (options.reason.find_first_not_of(" \t") == std::string::npos) {
    std::cerr << "partnerops: --reason needs the reason printed on the credit note\n";
    return k_exit_usage;
  }
  billing::CreditRequest request{options.number, options.reason, {}, *date};
  for (const std::string& text : options.lines) {
    const std::optional<billing::CreditLineRequest> line = billing::parse_credit_line(text);
    if (!line) {
      std::cerr << "partnerops: --line takes N or N=AMOUNT (N counts the invoice's lines from "
                   "1), not '"
                << text << "'\n";
      return k_exit_usage;
    }
    request.lines.push_back(*line);
  }
  options.common.slug = billing::find_invoice_owner(options.common.path, options.number);
  if (options.common.slug.empty()) {
    std::cerr << "partnerops: there is no invoice " << options.number << " under "
              << options.common.path << "/partners/*/invoices/\n";
    return k_exit_problems;
  }
  options.common.scope = LoadScope::organisation;
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return billing::plan_credit(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_invoice_credit(CLI::App& sub) {
  auto options = std::make_shared<InvoiceCreditOptions>();
  sub.add_option("number", options->number, "The issued invoice's number, e.g. INV-2026-0006")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--reason", options->reason, "Why the invoice is credited (printed)")->required();
  sub.add_option("--line", options->lines,
                 "Credit line N of the invoice in full, or N=AMOUNT of it; repeat for more lines "
                 "(default: every line in full)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--date", options->common.date,
                 "The credit note's date (YYYY-MM-DD; default today)");
  CLI::Option* branch = add_commit_options(sub, options->common, "invoice-credit/<number>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_invoice_credit(loader, *options);
  };
}

}  // namespace partnerops::cli
