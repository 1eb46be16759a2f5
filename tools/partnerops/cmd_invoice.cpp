// partnerops invoice <sub-command> ...
//
// The money operations on invoices, one sub-command each in its own
// cmd_invoice_<name>.cpp, listed in the plain table below in the order
// `partnerops invoice --help` shows them.

#include <memory>

#include "command.hpp"

namespace partnerops::cli {

namespace {

struct InvoiceCommand {
  const char* name;
  const char* summary;
  Runner (*define)(CLI::App& sub);
};

const std::vector<InvoiceCommand>& invoice_commands() {
  static const std::vector<InvoiceCommand> table = {
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
  auto runners = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
  for (const InvoiceCommand& command : invoice_commands()) {
    CLI::App* child = sub.add_subcommand(command.name, command.summary);
    runners->emplace_back(child, command.define(*child));
  }
  return [runners] {
    for (const auto& [child, runner] : *runners)
      if (child->parsed()) return runner();
    return static_cast<int>(k_exit_usage);
  };
}

}  // namespace partnerops::cli
