#include "command.hpp"

namespace partnerops::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "Check every file against the schemas, lifecycle and cross-file rules",
       &define_validate},
      {"build", "Build the PDFs each partner's stage calls for into out/", &define_build},
      {"new", "Start a lead's folder, or scaffold a partner's next quote, SOW or agreement",
       &define_new},
      {"advance", "Move a partner to its next stage and commit it on a branch", &define_advance},
      {"record", "Mark an SOP checklist item as done and commit it", &define_record},
      {"check-range", "Check the commits BASE..HEAD of a pull request (stages, history, invoices)",
       &define_check_range},
      {"invoice",
       "Invoices: run a billing month, issue drafts, credit, record payments and sponsor "
       "numbers, hand off to the fiscal sponsor",
       &define_invoice},
      {"log", "Print a partner's story: its history entries with their commits (--all: and bookkeeping)",
       &define_log},
      {"statement", "Statement of account: open invoices, payments, credits, balance and ageing",
       &define_statement},
      {"tickler", "List everything due: renewals, overdue invoices, checklist items, quiet leads",
       &define_tickler},
      {"report", "Pipeline and KPI report: stages, conversion, revenue, issues, renewals",
       &define_report},
      {"codeowners", "Write .github/CODEOWNERS from the roles in partnerops.yaml",
       &define_codeowners},
      {"message", "Write a canned message to a partner as an .eml file, with its PDF attached",
       &define_message},
  };
  return table;
}

}  // namespace partnerops::cli
