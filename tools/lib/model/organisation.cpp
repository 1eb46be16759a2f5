#include "model/organisation.hpp"

namespace partnerops {

Organisation read_organisation(Reader& reader) {
  const yaml::Node& root = reader.root();
  Organisation organisation;
  organisation.file = reader.file();
  if (const yaml::Node* org = root.find("organisation"); org && org->is_mapping()) {
    organisation.name = reader.text(*org, "name");
    organisation.legal_name = reader.text(*org, "legal_name", organisation.name);
    organisation.email = reader.text(*org, "email");
  }
  if (const yaml::Node* numbering = root.find("numbering"); numbering && numbering->is_mapping()) {
    for (const yaml::Entry& entry : numbering->entries())
      if (entry.value->is_scalar()) {
        organisation.numbering[entry.key] = entry.value->text();
        organisation.numbering_positions[entry.key] = entry.value->position();
      }
  }
  if (const yaml::Node* defaults = root.find("defaults"); defaults && defaults->is_mapping()) {
    organisation.default_currency = reader.text(*defaults, "currency");
    organisation.payment_terms_days = reader.integer(*defaults, "payment_terms_days");
    organisation.lead_inactive_days = reader.integer(*defaults, "lead_inactive_days");
    organisation.renewal_notice_days = reader.integer(*defaults, "renewal_notice_days");
    organisation.negotiation_stall_days = reader.integer(*defaults, "negotiation_stall_days");
  }
  if (const yaml::Node* branding = root.find("branding"); branding && branding->is_mapping()) {
    if (branding->find("logo")) organisation.logo = reader.text_field(*branding, "logo");
  }
  if (const yaml::Node* outreach = root.find("outreach"); outreach && outreach->is_mapping()) {
    if (outreach->find("service_description"))
      organisation.service_description = reader.text_field(*outreach, "service_description");
  }
  if (const yaml::Node* roles = root.find("roles"); roles && roles->is_mapping()) {
    for (const yaml::Entry& entry : roles->entries()) {
      std::vector<std::string>& emails = organisation.roles[entry.key];
      if (entry.value->is_sequence())
        for (const yaml::Node* item : entry.value->items()) emails.push_back(item->text());
    }
  }
  return organisation;
}

}  // namespace partnerops
