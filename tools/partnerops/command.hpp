#pragma once
// The command table. Each command lives in its own cmd_<name>.cpp, which
// defines its options on a CLI11 subcommand and returns the function that
// runs it. main.cpp only parses global flags and dispatches through this table.

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace partnerops::cli {

/// Exit codes shared by every command.
enum ExitCode : int { k_exit_clean = 0, k_exit_problems = 1, k_exit_usage = 2 };

/// Runs a command after parsing; returns its exit code.
using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  /// Adds the command's options to `sub` and returns its runner.
  Runner (*define)(CLI::App& sub);
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
Runner define_new(CLI::App& sub);
Runner define_message(CLI::App& sub);
Runner define_statement(CLI::App& sub);
Runner define_invoice(CLI::App& sub);

// The sub-commands of `invoice` (table in cmd_invoice.cpp).
Runner define_invoice_run(CLI::App& sub);
Runner define_invoice_issue(CLI::App& sub);
Runner define_invoice_renumber(CLI::App& sub);
Runner define_invoice_credit(CLI::App& sub);
Runner define_invoice_pay(CLI::App& sub);
Runner define_invoice_sponsor_number(CLI::App& sub);
Runner define_invoice_handoff(CLI::App& sub);

}  // namespace partnerops::cli
