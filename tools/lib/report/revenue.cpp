#include "report/revenue.hpp"

#include <map>
#include <utility>

#include "model/account.hpp"

namespace partnerops {

std::vector<RevenueMonth> revenue_by_month(const std::vector<const PartnerFolder*>& folders) {
  std::map<std::pair<std::string, std::string>, RevenueMonth> months;
  const auto month_of = [&months](const Date& date, const std::string& currency) -> RevenueMonth& {
    const std::string month = date.iso().substr(0, 7);
    RevenueMonth& row = months[{month, currency}];
    row.month = month;
    row.currency = currency;
    return row;
  };
  for (const PartnerFolder* folder : folders) {
    for (const Invoice& invoice : folder->invoices) {
      if (!is_receivable(invoice)) continue;
      if (invoice.issue_date && invoice.priced.total)
        month_of(invoice.issue_date->value, invoice.priced.currency).invoiced +=
            invoice.priced.total->value.minor;
      // Money counts when it arrives, whether or not it settles the invoice.
      for (const Payment& payment : invoice.payments)
        if (payment.date && payment.amount)
          month_of(payment.date->value, payment.amount->value.currency).received +=
              payment.amount->value.minor;
    }
    for (const CreditNote& note : folder->credit_notes) {
      const Invoice* invoice = folder->invoice(note.invoice.value);
      if (!note.credits() || !note.issue_date || !invoice || !is_receivable(*invoice)) continue;
      month_of(note.issue_date->value, note.priced.currency).invoiced -= note.credited_minor();
    }
  }
  std::vector<RevenueMonth> out;
  out.reserve(months.size());
  for (auto& [key, row] : months) out.push_back(std::move(row));
  return out;
}

}  // namespace partnerops
