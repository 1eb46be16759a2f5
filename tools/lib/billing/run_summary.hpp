#pragma once
// What an invoice run shows and commits once planned (billing/invoice_run):
// the table of drafts with the total per currency, and the change that
// writes exactly the new files with its commit message and branch.

#include <cstdint>
#include <string>

#include "billing/invoice_run.hpp"
#include "billing/period.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::billing {

/// "7200.00 USD": minor units in the currency's own decimals, then the
/// code (the bare number of minor units for a currency we do not know).
std::string money_text(std::int64_t minor, const std::string& currency);

/// The table of the drafts (number, partner, issue and due date, lines,
/// total), then "N invoices for PERIOD: totals per currency" and how many
/// partners were already invoiced for it; just the summary line when no
/// draft is made.
std::string run_table(const RunPlan& plan, const Month& period);

/// The run as a change: the drafts' files (nothing else under partners/
/// may change), the message "invoice run PERIOD: N draft invoices" listing
/// each draft, and the branch of partnerops.yaml `branches.invoice_run`
/// with `{period}` expanded.
transitions::ChangeSet run_changes(const Workspace& workspace, const RunPlan& plan,
                                   const Month& period);

}  // namespace partnerops::billing
