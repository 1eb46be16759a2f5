#pragma once
// The command table. Each command lives in its own cmd_<name>.cpp, which
// defines its options on a CLI11 subcommand and returns the function that
// runs it. main.cpp only parses global flags and dispatches through this
// table; each entry says what the command needs loaded, and the loader
// (workspace_loader.hpp) opens and loads exactly that.

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

#include "exit_code.hpp"
#include "workspace_loader.hpp"

namespace partnerops::cli {

/// Runs a command after parsing, with the loader its table entry calls
/// for; returns its exit code.
using Runner = std::function<int(const Loader& loader)>;

struct Command {
  const char* name;
  const char* summary;
  /// What the command loads before it can work (see Needs).
  Needs needs;
  /// Adds the command's options to `sub` and returns its runner; null for a
  /// group of commands (`invoice`, `new`), which only names one of `subcommands`.
  Runner (*define)(CLI::App& sub);
  /// A group's own table, in the order its --help lists them; else null.
  const std::vector<Command>* subcommands = nullptr;
};

/// Every command, in the order `--help` lists them.
const std::vector<Command>& commands();

Runner define_validate(CLI::App& sub);
Runner define_build(CLI::App& sub);
Runner define_tickler(CLI::App& sub);
Runner define_report(CLI::App& sub);
Runner define_codeowners(CLI::App& sub);
Runner define_advance(CLI::App& sub);
Runner define_record(CLI::App& sub);
Runner define_check_range(CLI::App& sub);
Runner define_log(CLI::App& sub);
Runner define_message(CLI::App& sub);
Runner define_statement(CLI::App& sub);
Runner define_init(CLI::App& sub);
Runner define_site(CLI::App& sub);
Runner define_preview(CLI::App& sub);

// The sub-commands of `new` (cmd_new_lead.cpp, cmd_new_document.cpp).
Runner define_new_lead(CLI::App& sub);
Runner define_new_quote(CLI::App& sub);
Runner define_new_sow(CLI::App& sub);
Runner define_new_agreement(CLI::App& sub);

// The sub-commands of `invoice`, one file each (cmd_invoice_<name>.cpp).
Runner define_invoice_run(CLI::App& sub);
Runner define_invoice_issue(CLI::App& sub);
Runner define_invoice_renumber(CLI::App& sub);
Runner define_invoice_credit(CLI::App& sub);
Runner define_invoice_pay(CLI::App& sub);
Runner define_invoice_sponsor_number(CLI::App& sub);
Runner define_invoice_handoff(CLI::App& sub);
Runner define_invoice_export(CLI::App& sub);

// The sub-commands of `deployments` (cmd_deployments.cpp).
Runner define_deployments_check(CLI::App& sub);

}  // namespace partnerops::cli
