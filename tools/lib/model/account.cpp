#include "model/account.hpp"

namespace partnerops {

bool is_receivable(const Invoice& invoice) {
  return invoice.status.value == "issued" || invoice.status.value == "paid";
}

std::int64_t credited_minor(const PartnerFolder& folder, const Invoice& invoice) {
  return folder.credited_minor(invoice.number.value);
}

std::int64_t open_minor(const PartnerFolder& folder, const Invoice& invoice) {
  if (!invoice.priced.total) return 0;
  return invoice.priced.total->value.minor - invoice.paid_minor() -
         credited_minor(folder, invoice);
}

std::string billing_name(const PartnerFolder& folder) {
  if (folder.partner_file && folder.partner_file->document) {
    const yaml::Node* entity = folder.partner_file->document->root().find("legal_entity");
    if (entity && entity->is_string() && !entity->text().empty()) return entity->text();
  }
  return folder.partner ? folder.partner->name : folder.slug;
}

std::string billing_email(const PartnerFolder& folder) {
  if (!folder.partner || folder.partner->contacts.empty()) return "";
  for (const Contact& contact : folder.partner->contacts)
    if (contact.primary) return contact.email.value;
  return folder.partner->contacts.front().email.value;
}

}  // namespace partnerops
