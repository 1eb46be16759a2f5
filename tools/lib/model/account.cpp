#include "model/account.hpp"

#include <tuple>
#include <utility>

namespace partnerops {

bool is_receivable(const Invoice& invoice) {
  return invoice.status.value == InvoiceStatus::issued ||
         invoice.status.value == InvoiceStatus::paid;
}

std::int64_t credited_minor(const PartnerFolder& folder, const Invoice& invoice) {
  return folder.credited_minor(invoice.number.value);
}

InvoiceBalance balance_of(const PartnerFolder& folder, const Invoice& invoice) {
  InvoiceBalance out;
  out.total = invoice.priced.total ? invoice.priced.total->value.minor : 0;
  out.paid = invoice.paid_minor();
  out.credited = credited_minor(folder, invoice);
  out.balance = out.total - out.paid - out.credited;
  return out;
}

std::optional<InvoiceBalance> balance_after_payment(const PartnerFolder& folder,
                                                    const Invoice& invoice,
                                                    std::size_t payment_index) {
  if (payment_index >= invoice.payments.size()) return std::nullopt;
  const Payment& payment = invoice.payments[payment_index];
  InvoiceBalance out;
  out.total = invoice.priced.total ? invoice.priced.total->value.minor : 0;
  for (std::size_t i = 0; i <= payment_index; ++i)
    if (invoice.payments[i].amount) out.paid += invoice.payments[i].amount->value.minor;
  // A receipt shows what was owed right after its payment, so later credit
  // notes are not counted yet.
  for (const CreditNote& note : folder.credit_notes)
    if (note.credits() && note.invoice.value == invoice.number.value &&
        (!payment.date || !note.issue_date || note.issue_date->value <= payment.date->value))
      out.credited += note.credited_minor();
  out.balance = out.total - out.paid - out.credited;
  return out;
}

std::string billing_name(const PartnerFolder& folder) {
  if (!folder.partner) return folder.slug;
  return folder.partner->legal_entity.empty() ? folder.partner->name : folder.partner->legal_entity;
}

namespace {

/// The contact money is asked of, as a name and an address: the
/// accounts-payable contact, else the primary contact (the first when none
/// is marked primary); empty when partner.yaml did not load or names none.
std::pair<std::string, std::string> payer_of(const PartnerFolder& folder) {
  if (!folder.partner) return {};
  if (const std::optional<BillingContact>& payer = folder.partner->billing.accounts_payable)
    return {payer->name, payer->email.value};
  const Contact* primary = folder.partner->primary_contact();
  if (!primary) return {};
  return {primary->name, primary->email.value};
}

}  // namespace

std::string billing_email(const PartnerFolder& folder) { return payer_of(folder).second; }

BillTo bill_to_of(const PartnerFolder& folder) {
  BillTo bill_to;
  bill_to.name = billing_name(folder);
  std::tie(bill_to.attention, bill_to.email) = payer_of(folder);
  if (folder.partner) {
    const Billing& billing = folder.partner->billing;
    if (billing.address) bill_to.address = billing.address->printed_lines();
    bill_to.tax_id = billing.tax_id;
  }
  return bill_to;
}

std::string purchase_order_of(const PartnerFolder& folder, const Invoice* invoice) {
  if (invoice && !invoice->purchase_order.empty()) return invoice->purchase_order;
  return folder.agreement ? folder.agreement->purchase_order : "";
}

}  // namespace partnerops
