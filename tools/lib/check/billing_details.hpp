#pragma once
// The billing details an issued invoice cannot go without: the partner's
// billing address and accounts-payable contact (partner.yaml `billing`). An
// accounts-payable office returns an invoice that lacks them, so `validate`
// reports their absence as an error once an invoice is issued, as a warning
// while invoices are only drafts, and `invoice issue` refuses with the same
// message.

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// Appends `billing-details-missing` with `severity` on the folder's
/// partner.yaml (at `billing:`, or at the top of the file without it) when
/// `invoice` would go out without a billing address or an accounts-payable
/// contact. Returns false when it reported; true when the details are there
/// or partner.yaml did not load (its own problem is reported elsewhere).
bool report_missing_billing(const PartnerFolder& folder, const Invoice& invoice, Severity severity,
                            Diagnostics& diagnostics);

}  // namespace partnerops
