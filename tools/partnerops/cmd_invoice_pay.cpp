// partnerops invoice pay NUMBER --amount A --date D [--reference R]
//                        [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Appends a payment to an issued invoice and commits that one file on the
// current branch, like `record`; the payment that settles the invoice also
// sets `status: paid`. Partial payments are fine; more than is still open
// (after earlier payments and credit notes) is refused.
// Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "transitions/payment.hpp"

namespace partnerops::cli {

namespace {

struct PayOptions {
  BookkeepingOptions common;
  std::string number;
  std::string amount;
  std::string reference;
};

int run_invoice_pay(const Loader& loader, const PayOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  return run_invoice_bookkeeping(
      loader, options.common, options.number,
      [&](const std::string& slug, const Workspace& workspace, Diagnostics& diagnostics) {
        const transitions::PaymentRequest request{slug, options.number, options.amount, *date,
                                                  options.reference};
        return transitions::plan_payment(workspace, request, diagnostics);
      });
}

}  // namespace

Runner define_invoice_pay(CLI::App& sub) {
  auto options = std::make_shared<PayOptions>();
  sub.add_option("number", options->number, "The invoice number, e.g. INV-2026-0006")->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--amount", options->amount,
                 "Amount received in the invoice's currency (1200.50 or \"1200.50 USD\")")
      ->required();
  sub.add_option("--date", options->common.date, "When the money arrived (YYYY-MM-DD)")->required();
  sub.add_option("--reference", options->reference, "Bank or remittance reference");
  CLI::Option* branch = add_commit_options(sub, options->common, "pay/<number>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_invoice_pay(loader, *options);
  };
}

}  // namespace partnerops::cli
