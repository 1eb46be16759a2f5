#pragma once
// Revenue by month, counted two ways side by side, per currency:
//
// - invoiced (accrual): the totals of issued and paid invoices in the month
//   of their issue date, less the credit notes against them in the month of
//   the credit note's date;
// - received (cash): every payment on an issued or paid invoice in the month
//   it arrived, partial payments included.
//
// Both depend only on dated events, so a month, once past, never changes
// when a later payment settles an invoice. Money is never converted.

#include <cstdint>
#include <string>
#include <vector>

#include "model/workspace.hpp"

namespace partnerops {

struct RevenueMonth {
  std::string month;  ///< "YYYY-MM"
  std::string currency;
  std::int64_t invoiced = 0;  ///< accrual: invoices issued less credit notes, minor units
  std::int64_t received = 0;  ///< cash: payments received, minor units
};

/// The months of `folders` with any invoice issued, credit note or payment,
/// sorted by month, then currency. Drafts and void invoices count for
/// nothing, nor do void credit notes.
std::vector<RevenueMonth> revenue_by_month(const std::vector<const PartnerFolder*>& folders);

}  // namespace partnerops
