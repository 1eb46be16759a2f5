// partnerops invoice <run|issue|renumber|credit|pay|sponsor-number|handoff> …
//
// The money operations on invoices, one sub-command per file
// (cmd_invoice_<name>.cpp). This file only holds their table and dispatches
// to the one that was named.

#include <map>

#include "command.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceCommand {
  const char* name;
  const char* summary;
  Runner (*define)(CLI::App& sub);
};

/// Every invoice sub-command, in the order `partnerops invoice --help` lists them.
const std::vector<InvoiceCommand>& invoice_commands() {
  static const std::vector<InvoiceCommand> table = {
      {"run", "Create the draft invoices a billing month calls for and commit them on a branch",
       &define_invoice_run},
      {"issue", "Issue a draft invoice: from then on it is never edited", &define_invoice_issue},
      {"renumber", "Move a draft invoice to the next free number of its sequence",
       &define_invoice_renumber},
      {"credit", "Credit all or part of an issued invoice with a credit note",
       &define_invoice_credit},
      {"pay", "Record a payment received on an issued invoice and commit it",
       &define_invoice_pay},
      {"sponsor-number", "Record the number the fiscal sponsor's system gave an invoice",
       &define_invoice_sponsor_number},
      {"handoff", "Bundle issued invoices for the fiscal sponsor: PDFs, a CSV for import, a note",
       &define_invoice_handoff},
  };
  return table;
}

}  // namespace

Runner define_invoice(CLI::App& sub) {
  sub.require_subcommand(1);
  auto runners = std::make_shared<std::map<const CLI::App*, Runner>>();
  for (const InvoiceCommand& command : invoice_commands()) {
    CLI::App* child = sub.add_subcommand(command.name, command.summary);
    (*runners)[child] = command.define(*child);
  }
  return [runners] {
    for (const auto& [child, runner] : *runners)
      if (child->parsed()) return runner();
    return static_cast<int>(k_exit_usage);
  };
}

}  // namespace partnerops::cli
