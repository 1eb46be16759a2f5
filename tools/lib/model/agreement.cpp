#include "model/agreement.hpp"

namespace partnerops {

std::optional<Date> Agreement::notice_deadline() const {
  if (!term.end) return std::nullopt;
  return term.end->value.plus_days(-static_cast<int>(term.notice_days.value_or(0)));
}

std::optional<Date> Agreement::last_event() const {
  std::optional<Date> last;
  for (const AgreementEvent& event : history)
    if (event.date && (!last || event.date->value > *last)) last = event.date->value;
  return last;
}

Agreement read_agreement(Reader& reader) {
  const yaml::Node& root = reader.root();
  Agreement agreement;
  agreement.file = reader.file();
  agreement.kind = reader.text(root, "kind", "service-agreement");
  agreement.title = reader.text(root, "title");
  agreement.status = reader.text_field(root, "status");
  agreement.currency = reader.text(root, "currency");
  if (const yaml::Node* term = root.find("term"); term && term->is_mapping()) {
    agreement.term = Term{reader.date(*term, "start"), reader.date(*term, "end"),
                          reader.text(*term, "renewal"), reader.integer(*term, "notice_days")};
  }
  for (const yaml::Node* item : reader.list(root, "fees")) {
    agreement.fees.push_back(Fee{reader.text(*item, "description"),
                                 reader.money(*item, "amount", agreement.currency),
                                 reader.text(*item, "schedule"), reader.text(*item, "first_period"),
                                 reader.text_field(*item, "sow"), reader.boolean(*item, "free")});
  }
  agreement.payment_terms_days = reader.integer(root, "payment_terms_days");
  for (const yaml::Node* item : reader.list(root, "signatories")) {
    agreement.signatories.push_back(Signatory{
        reader.text(*item, "name"), reader.text(*item, "title"), reader.text(*item, "party"),
        reader.text(*item, "email"), reader.date(*item, "signed_on"), item->position()});
  }
  for (const yaml::Node* item : reader.list(root, "addenda")) {
    agreement.addenda.push_back(Addendum{reader.text_field(*item, "file"), reader.text(*item, "title")});
  }
  for (const yaml::Node* item : reader.list(root, "history")) {
    agreement.history.push_back(
        AgreementEvent{reader.date(*item, "date"), reader.text(*item, "status"), reader.text(*item, "note")});
  }
  return agreement;
}

}  // namespace partnerops
