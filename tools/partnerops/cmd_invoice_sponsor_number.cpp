// partnerops invoice sponsor-number NUMBER SPONSOR_NUMBER [--force]
//                                   [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Records the number the fiscal sponsor's accounting system gave one of our
// invoices (printed on the invoice, its receipts and statements) and commits
// that one file. A different number already recorded is kept unless --force.
// Exit 0 done (or already recorded), 1 refused, 2 usage error.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "transitions/payment.hpp"

namespace partnerops::cli {

namespace {

struct SponsorNumberOptions {
  BookkeepingOptions common;
  std::string number;
  std::string sponsor_number;
  bool force = false;
};

int run_invoice_sponsor_number(const Loader& loader, const SponsorNumberOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  if (options.sponsor_number.empty() ||
      options.sponsor_number.find_first_of("\r\n") != std::string::npos) {
    std::cerr << "partnerops: the sponsor number must be one line of text\n";
    return k_exit_usage;
  }
  return run_invoice_bookkeeping(
      loader, options.common, options.number,
      [&](const std::string& slug, const Workspace& workspace, Diagnostics& diagnostics) {
        const transitions::SponsorNumberRequest request{
            slug, options.number, options.sponsor_number,
            options.force ? transitions::Overwrite::allow : transitions::Overwrite::refuse};
        return transitions::plan_sponsor_number(workspace, request, diagnostics);
      });
}

}  // namespace

Runner define_invoice_sponsor_number(CLI::App& sub) {
  auto options = std::make_shared<SponsorNumberOptions>();
  sub.add_option("number", options->number, "Our invoice number, e.g. INV-2026-0006")->required();
  sub.add_option("sponsor_number", options->sponsor_number,
                 "The number in the sponsor's system, e.g. CWFP-2026-0917")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_flag("--force", options->force, "Replace a different sponsor number already recorded");
  CLI::Option* branch = add_commit_options(sub, options->common, "sponsor-number/<number>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_invoice_sponsor_number(loader, *options);
  };
}

}  // namespace partnerops::cli
