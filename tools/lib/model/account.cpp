#include "model/account.hpp"

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
  if (folder.partner_file && folder.partner_file->document) {
    const yaml::Node* entity = folder.partner_file->document->root().find("legal_entity");
    if (entity && entity->is_string() && !entity->text().empty()) return entity->text();
  }
  return folder.partner ? folder.partner->name : folder.slug;
}

std::string billing_email(const PartnerFolder& folder) {
  if (folder.partner && folder.partner->billing.accounts_payable)
    return folder.partner->billing.accounts_payable->email.value;
  if (!folder.partner || folder.partner->contacts.empty()) return "";
  for (const Contact& contact : folder.partner->contacts)
    if (contact.primary) return contact.email.value;
  return folder.partner->contacts.front().email.value;
}

std::string purchase_order_of(const PartnerFolder& folder, const Invoice* invoice) {
  if (invoice && !invoice->purchase_order.empty()) return invoice->purchase_order;
  return folder.agreement ? folder.agreement->purchase_order : "";
}

}  // namespace partnerops
