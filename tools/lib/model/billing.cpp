#include "model/billing.hpp"

namespace partnerops {

std::vector<std::string> PostalAddress::printed_lines() const {
  std::vector<std::string> out = lines;
  // With a region, the North American order "City, Region Postal"; without
  // one, the order most of Europe writes, "Postal City".
  std::string place;
  if (!region.empty())
    place =
        city + (city.empty() ? "" : ", ") + region + (postal_code.empty() ? "" : " ") + postal_code;
  else
    place = postal_code + (postal_code.empty() || city.empty() ? "" : " ") + city;
  if (!place.empty()) out.push_back(place);
  if (!country.empty()) out.push_back(country);
  return out;
}

std::vector<std::string> Billing::missing_for_invoice() const {
  std::vector<std::string> missing;
  if (!address) missing.emplace_back("billing.address");
  if (!accounts_payable) missing.emplace_back("billing.accounts_payable");
  return missing;
}

Billing read_billing(Reader& reader, const yaml::Node& root) {
  Billing billing;
  billing.position = reader.position_of(root, "billing");
  const yaml::Node* node = root.find("billing");
  if (!node || !node->is_mapping()) return billing;
  if (const yaml::Node* address = node->find("address"); address && address->is_mapping()) {
    PostalAddress out;
    for (const yaml::Node* line : reader.list(*address, "lines"))
      if (line->is_string()) out.lines.push_back(std::string(line->text()));
    out.city = reader.text(*address, "city");
    out.region = reader.text(*address, "region");
    out.postal_code = reader.text(*address, "postal_code");
    out.country = reader.text(*address, "country");
    out.country_code = reader.text(*address, "country_code");
    billing.address = std::move(out);
  }
  if (const yaml::Node* contact = node->find("accounts_payable");
      contact && contact->is_mapping()) {
    billing.accounts_payable =
        BillingContact{reader.text(*contact, "name"), reader.text_field(*contact, "email")};
  }
  billing.tax_id = reader.text(*node, "tax_id");
  if (node->find("einvoice")) billing.einvoice = reader.boolean(*node, "einvoice");
  return billing;
}

}  // namespace partnerops
