#include "model/partner.hpp"

namespace partnerops {

const Contact* Partner::primary_contact() const {
  for (const Contact& contact : contacts)
    if (contact.primary) return &contact;
  return contacts.empty() ? nullptr : &contacts.front();
}

std::optional<Date> Partner::stage_entered() const {
  if (history.empty() || !history.back().date) return std::nullopt;
  return history.back().date->value;
}

Partner read_partner(Reader& reader) {
  const yaml::Node& root = reader.root();
  Partner partner;
  partner.file = reader.file();
  partner.slug = reader.text_field(root, "slug");
  partner.name = reader.text(root, "name");
  partner.legal_entity = reader.text(root, "legal_entity");
  partner.qualified = reader.boolean(root, "qualified");
  partner.stage = reader.text_field(root, "stage");
  partner.owner = reader.text_field(root, "owner");
  if (root.find("closed_reason")) partner.closed_reason = reader.text_field(root, "closed_reason");

  partner.billing = read_billing(reader, root);
  for (const yaml::Node* item : reader.list(root, "contacts")) {
    partner.contacts.push_back(
        Contact{reader.text(*item, "name"), reader.text_field(*item, "email"),
                reader.text(*item, "role"), reader.boolean(*item, "primary")});
  }
  if (const yaml::Node* close = root.find("verbal_close"); close && close->is_mapping()) {
    partner.verbal_close =
        VerbalClose{reader.date(*close, "date"), reader.text_field(*close, "outcome")};
  }
  if (const yaml::Node* checklist = root.find("checklist"); checklist && checklist->is_mapping()) {
    partner.checklist_position = checklist->position();
    for (const yaml::Entry& entry : checklist->entries()) {
      if (auto date = reader.date(*checklist, std::string(entry.key)))
        partner.checklist[std::string(entry.key)] = *date;
    }
  }
  if (const yaml::Node* history = root.find("history")) {
    partner.history_position = history->position();
    for (const yaml::Node* item : reader.list(root, "history")) {
      partner.history.push_back(HistoryEntry{reader.date(*item, "date"),
                                             reader.text_field(*item, "stage"),
                                             reader.text(*item, "reason"), item->position()});
    }
  }
  return partner;
}

}  // namespace partnerops
