#include "command.hpp"

namespace partnerops::cli {

namespace {

constexpr Needs k_tree = Needs::working_tree;
constexpr Needs k_tree_or_rev = Needs::working_tree | Needs::revision;
constexpr Needs k_cached = Needs::working_tree | Needs::revision | Needs::parse_cache;
constexpr Needs k_commit = Needs::working_tree | Needs::commit;

/// `partnerops new <kind>`: files that validate from the start.
const std::vector<Command>& new_commands() {
  static const std::vector<Command> table = {
      {"lead", "Start a partner folder at the initial stage", k_commit, &define_new_lead},
      {"quote", "Scaffold the partner's next quote", k_commit, &define_new_quote},
      {"sow", "Scaffold a statement of work", k_commit, &define_new_sow},
      {"agreement", "Scaffold the partner's agreement", k_commit, &define_new_agreement},
  };
  return table;
}

/// `partnerops invoice <name>`: the money operations on invoices.
const std::vector<Command>& invoice_commands() {
  static const std::vector<Command> table = {
      {"run", "Create the draft invoices a billing month calls for and commit them on a branch",
       k_commit | Needs::parse_cache, &define_invoice_run},
      {"issue", "Issue a draft invoice: from then on it is never edited", k_commit,
       &define_invoice_issue},
      {"renumber", "Move a draft invoice to the next free number of its sequence", k_commit,
       &define_invoice_renumber},
      {"credit", "Credit all or part of an issued invoice with a credit note", k_commit,
       &define_invoice_credit},
      {"pay", "Record a payment received on an issued invoice and commit it", k_commit,
       &define_invoice_pay},
      {"sponsor-number", "Record the number the fiscal sponsor's system gave an invoice", k_commit,
       &define_invoice_sponsor_number},
      {"handoff", "Bundle issued invoices for the fiscal sponsor: PDFs, a CSV for import, a note",
       k_tree_or_rev, &define_invoice_handoff},
      {"export", "Write an issued invoice or credit note as EN 16931 XML (CII or UBL)",
       k_tree_or_rev, &define_invoice_export},
  };
  return table;
}

/// `partnerops deployments <name>`: agreements against what runs.
const std::vector<Command>& deployments_commands() {
  static const std::vector<Command> table = {
      {"check", "Check the agreements' deployments against the inventory of what runs", k_cached,
       &define_deployments_check},
  };
  return table;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      // Reads no workspace: it makes one (or updates one's defaults).
      {"init",
       "Start a new organisation's repository from the installed defaults (--update: refresh them)",
       Needs::nothing, &define_init},
      {"validate", "Check every file against the schemas, lifecycle and cross-file rules",
       k_cached, &define_validate},
      {"build", "Build the PDFs each partner's stage calls for into out/", k_tree_or_rev,
       &define_build},
      {"new", "Start a lead's folder, or scaffold a partner's next quote, SOW or agreement",
       Needs::nothing, nullptr, &new_commands()},
      {"advance", "Move a partner to its next stage and commit it on a branch", k_commit,
       &define_advance},
      {"record", "Mark an SOP checklist item as done and commit it", k_commit, &define_record},
      // Loads BASE and HEAD itself: each side only the folders the range touched.
      {"check-range", "Check the commits BASE..HEAD of a pull request (stages, history, invoices)",
       Needs::revision | Needs::parse_cache, &define_check_range},
      {"invoice",
       "Invoices: run a billing month, issue drafts, credit, record payments and sponsor "
       "numbers, hand off to the fiscal sponsor",
       Needs::nothing, nullptr, &invoice_commands()},
      // Reads the repository's history, not a workspace.
      {"log",
       "Print a partner's story: its history entries with their commits (--all: and bookkeeping)",
       Needs::revision, &define_log},
      {"statement", "Statement of account: open invoices, payments, credits, balance and ageing",
       k_cached, &define_statement},
      {"tickler", "List everything due: renewals, overdue invoices, checklist items, quiet leads",
       k_cached, &define_tickler},
      {"report", "Pipeline and KPI report: stages, conversion, revenue, issues, renewals", k_cached,
       &define_report},
      {"site", "Build the static site: pipeline, partner pages, tickler, report, statements",
       k_cached, &define_site},
      {"codeowners", "Write .github/CODEOWNERS from the roles in partnerops.yaml", k_tree,
       &define_codeowners},
      // --record commits the checklist step like `record`.
      {"message", "Write a canned message to a partner as an .eml file, with its PDF attached",
       k_cached | Needs::commit, &define_message},
      // Loads the working tree itself, again after every change on disk.
      {"preview", "Serve the documents on 127.0.0.1, reloading open pages as files are saved",
       Needs::nothing, &define_preview},
      {"deployments",
       "Deployments: check what runs against what the agreements cover (an inventory of hubs)",
       Needs::nothing, nullptr, &deployments_commands()},
  };
  return table;
}

}  // namespace partnerops::cli
