// partnerops invoice renumber NUMBER [--partner SLUG] [--branch [NAME] | --no-branch]
//                             [--no-commit] [PATH]
//
// Moves the draft invoice NUMBER to the next free number of its sequence,
// renaming its file when the name carries the number, in one commit on the
// current branch unless --branch. The repair for two branches whose invoice
// runs took the same number: merge the base into the branch, then renumber
// the branch's draft. The whole workspace is loaded, since numbers are
// shared by every partner. Exit 0 done (or nothing to do), 1 refused
// (nothing changed), 2 usage error.

#include "billing/renumber.hpp"
#include "bookkeeping.hpp"
#include "command.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceRenumberOptions {
  BookkeepingOptions common;
  std::string number;
  std::string partner;
};

int run_invoice_renumber(const Loader& loader, InvoiceRenumberOptions options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  options.common.scope = LoadScope::organisation;
  const billing::RenumberRequest request{options.number, options.partner};
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return billing::plan_renumber(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_invoice_renumber(CLI::App& sub) {
  auto options = std::make_shared<InvoiceRenumberOptions>();
  sub.add_option("number", options->number, "The draft invoice's number, e.g. INV-2027-0001")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--partner", options->partner,
                 "The partner whose draft to renumber, when drafts of several carry NUMBER");
  CLI::Option* branch = add_commit_options(sub, options->common, "invoice-renumber/<number>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_invoice_renumber(loader, *options);
  };
}

}  // namespace partnerops::cli
