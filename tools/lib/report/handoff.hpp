#pragma once
// The bundle handed to the fiscal sponsor when it issues our invoices from
// its own accounting system: which invoices go in it, one CSV in the column
// layout of Xero's sales-invoice import (one row per invoice line), and a
// short cover note. The PDFs are printed by the command with the document
// renderer; everything here is text, so it is tested without rendering.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// The accounting codes the CSV carries, from partnerops.yaml
/// `fiscal_sponsor.handoff` (defaults: Xero's default sales account "200"
/// and tax type "Tax Exempt").
struct HandoffSettings {
  std::string account_code = "200";
  std::string tax_type = "Tax Exempt";
};

/// The settings of the loaded partnerops.yaml, with defaults for what it
/// does not set.
HandoffSettings handoff_settings(const Workspace& workspace);

/// One invoice in the bundle.
struct HandoffItem {
  const PartnerFolder* folder = nullptr;
  const Invoice* invoice = nullptr;
};

/// What goes in the bundle: the invoices named in `numbers`, or else those
/// issued in `period` ("YYYY-MM", by issue date; void invoices left out),
/// or else, with neither, every issued or paid invoice without a
/// `sponsor_number` yet. Sorted by number. Returns nullopt with the reasons
/// in `diagnostics`: `invoice-unknown` for a number no partner has,
/// `invoice-not-issued` for each draft selected (and each void invoice
/// named).
std::optional<std::vector<HandoffItem>> select_for_handoff(const Workspace& workspace,
                                                           const std::vector<std::string>& numbers,
                                                           const std::string& period,
                                                           Diagnostics& diagnostics);

/// The errors of `found` (what loading and the checks found) that keep
/// `items` out of the bundle: the sponsor books exactly what it receives,
/// so an invoice is handed over only when its partner's files and the
/// organisation's are clean.
Diagnostics errors_holding_back(const Diagnostics& found, const std::vector<HandoffItem>& items);

/// `field` as one RFC 4180 field: quoted, with quotes doubled, when it holds
/// a comma, a quote, CR or LF (or starts or ends with a blank); as is otherwise.
std::string csv_field(std::string_view field);

/// The header row of the CSV, Xero's column names (required ones starred).
const std::vector<std::string_view>& xero_columns();

/// The CSV: the header row, then one row per invoice line, CRLF after every
/// row. Amounts are plain ("7200.00"), dates ISO, quantities as written.
std::string xero_csv(const std::vector<HandoffItem>& items, const HandoffSettings& settings);

/// The bundle's file name for an invoice's PDF: "<number>.pdf".
std::string handoff_pdf_name(const Invoice& invoice);

/// The file name of the CSV in the bundle.
inline constexpr std::string_view k_handoff_csv = "invoices.csv";
/// The file name of the cover note in the bundle.
inline constexpr std::string_view k_handoff_note = "README.md";

/// The cover note (Markdown): who it is for, each invoice with its partner,
/// dates, total, balance (model/account: "credit 40.00 USD" when money is
/// owed back) and file, the totals per currency, and the files.
std::string handoff_note(const Workspace& workspace, const std::vector<HandoffItem>& items,
                         const HandoffSettings& settings, Date today);

}  // namespace partnerops
