#pragma once
// Issuing a draft invoice: status draft → issued with the issue date and the
// due date from the payment terms, as a surgical edit of the file. From then
// on the invoice is never edited (validate and check-range hold it to that):
// only its payments grow and its status moves to paid or void; corrections
// are credit notes.

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::billing {

/// The partner folder slug whose invoices/ holds `number`.yaml under the
/// workspace root `root`, found on disk without loading anything; empty
/// when there is none.
std::string find_invoice_owner(const std::string& root, const std::string& number);

/// The invoice numbered `number` in `workspace`, with its folder, or
/// nullptrs after reporting `invoice-unknown`.
struct FoundInvoice {
  const PartnerFolder* folder = nullptr;
  const Invoice* invoice = nullptr;
};
FoundInvoice find_invoice(const Workspace& workspace, const std::string& number,
                          Diagnostics& diagnostics);

/// Days from issue to due date for invoices of `folder`: the agreement's
/// payment_terms_days, else partnerops.yaml's default, else 30.
std::int64_t payment_terms_days(const Workspace& workspace, const PartnerFolder& folder);

/// The `recorded_by` value of the checklist item issuing an invoice records.
inline constexpr std::string_view k_recorded_by_issue = "invoice-issue";

/// The checklist item of the partner's current stage that issuing an
/// invoice records (`recorded_by: invoice-issue` in schemas/lifecycle.yaml),
/// when there is one and the partner has not recorded it yet; else nullptr.
const ChecklistItem* first_invoice_item(const Workspace& workspace, const PartnerFolder& folder);

/// True for the files `invoice issue` loads: partnerops.yaml, schemas/,
/// the folder of the partner `slug`, and every partner's invoices/ (the
/// issue date is checked against the issued invoices around the draft's
/// number, whoever they bill).
bool issue_input(std::string_view path, EntryType type, std::string_view slug);

struct IssueRequest {
  std::string number;
  Date date;
};

/// Plans issuing the draft `request.number` on `request.date`. Returns the
/// one-file change, or nullopt after reporting why not (`invoice-unknown`,
/// `invoice-not-draft`, `billing-details-missing` when partner.yaml lacks the
/// billing address or the accounts-payable contact, `invoice-issue-year` when the number belongs to
/// another year than the date, `invoice-date-order` when an issued invoice
/// with an earlier number of the sequence is dated after the date (or one
/// with a later number before it), `advance-edit-refused` when the file
/// cannot be edited safely). Every invoice of the sequence must be loaded
/// for the date check (issue_input). When the partner's stage has a
/// checklist item issuing records (first_invoice_item), partner.yaml
/// records it in the same change, dated by the partner's earliest issued
/// invoice (this one, usually).
std::optional<transitions::ChangeSet> plan_issue(const Workspace& workspace,
                                                 const IssueRequest& request,
                                                 Diagnostics& diagnostics);

}  // namespace partnerops::billing
