#pragma once
// Bookkeeping on an issued invoice: a payment received (`invoice pay`) and
// the number the fiscal sponsor's accounting system gave it (`invoice
// sponsor-number`). Both are the only edits an issued invoice allows
// (check-range enforces that), so they are made here as surgical edits of
// the invoice file, checked against the money already received and credited
// before anything is written, and committed like `record`.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::transitions {

/// Where an invoice lives: its partner's slug, found by the file name
/// partners/<slug>/invoices/<number>.yaml in the working tree at `root`.
struct InvoiceLocation {
  std::string slug;     ///< empty when no partner has the invoice
  std::string nearest;  ///< the nearest existing number, for a did-you-mean
};

/// Looks for `number` under `root`/partners without loading anything. A
/// number that cannot be a file name (a '/', a leading '.') is never found.
InvoiceLocation locate_invoice(const std::filesystem::path& root, const std::string& number);

/// Reports `invoice-unknown` for `number` with `location.nearest` as hint.
void report_unknown_invoice(const std::string& number, const InvoiceLocation& location,
                            Diagnostics& diagnostics);

struct PaymentRequest {
  std::string slug;
  std::string number;
  std::string amount;     ///< as typed: "1200", "1200.50", "1200.50 USD"
  Date date;              ///< when the money arrived
  std::string reference;  ///< bank or remittance reference; may be empty
};

/// Plans appending the payment to the invoice (and setting `status: paid`
/// when payments and credits now cover the total). Returns nullopt with the
/// reasons in `diagnostics`: `invoice-unknown`, `invoice-not-issued` (a
/// draft or void invoice), `payment-amount-invalid`, `payment-before-issue`,
/// `payment-overpays`, `advance-edit-refused`, or schema codes.
std::optional<ChangeSet> plan_payment(const Workspace& workspace, const PaymentRequest& request,
                                      Diagnostics& diagnostics);

enum class Overwrite { refuse, allow };

struct SponsorNumberRequest {
  std::string slug;
  std::string number;
  std::string sponsor_number;
  Overwrite overwrite = Overwrite::refuse;
};

/// Plans setting `sponsor_number`. Returns a ChangeSet without edits when
/// the invoice already has exactly this sponsor number, or nullopt with the
/// reasons: `invoice-unknown`, `invoice-not-issued` (a draft),
/// `sponsor-number-conflict` (a different one is set and `overwrite` is
/// refuse), `advance-edit-refused`, or schema codes.
std::optional<ChangeSet> plan_sponsor_number(const Workspace& workspace,
                                             const SponsorNumberRequest& request,
                                             Diagnostics& diagnostics);

}  // namespace partnerops::transitions
