#include "model/organisation.hpp"

#include "yaml/to_json.hpp"

namespace partnerops {

namespace {

/// A margin in millimetres, converted as the schema saw it (an integer or a
/// float, ±.inf included); `fallback` when it is not written as a number.
double margin(const yaml::Node& margins, std::string_view key, double fallback) {
  const yaml::Node* node = margins.find(key);
  if (!node) return fallback;
  const nlohmann::json value = yaml::to_json(*node);
  return value.is_number() ? value.get<double>() : fallback;
}

PageSetup read_page_setup(const Reader& reader, const yaml::Node& defaults) {
  PageSetup page;
  if (const std::optional<PaperSize> paper = parse_paper_size(reader.text(defaults, "paper", "a4")))
    page.paper = *paper;
  if (const yaml::Node* margins = defaults.find("margins_mm"); margins && margins->is_mapping()) {
    page.margins_mm.top = margin(*margins, "top", page.margins_mm.top);
    page.margins_mm.right = margin(*margins, "right", page.margins_mm.right);
    page.margins_mm.bottom = margin(*margins, "bottom", page.margins_mm.bottom);
    page.margins_mm.left = margin(*margins, "left", page.margins_mm.left);
  }
  return page;
}

/// A branch pattern replaces the default only when it is non-empty text.
void read_branch_pattern(const yaml::Node& branches, std::string_view key,
                         Field<std::string>& pattern) {
  const yaml::Node* node = branches.find(key);
  if (node && node->is_string() && !node->text().empty())
    pattern = {std::string(node->text()), node->position()};
}

std::optional<std::string> handoff_setting(const yaml::Node& handoff, std::string_view key) {
  const yaml::Node* node = handoff.find(key);
  if (!node || !node->is_scalar() || node->is_null()) return std::nullopt;
  return std::string(node->text());
}

FiscalSponsor read_fiscal_sponsor(const Reader& reader, const yaml::Node& sponsor) {
  FiscalSponsor out;
  out.position = sponsor.position();
  out.name = reader.text(sponsor, "name");
  out.legal_name = reader.text(sponsor, "legal_name");
  out.email = reader.text(sponsor, "email");
  out.tax_id = reader.text(sponsor, "tax_id");
  out.issues_invoices = reader.boolean(sponsor, "issues_invoices");
  out.signs_agreements = reader.boolean(sponsor, "signs_agreements");
  if (const yaml::Node* handoff = sponsor.find("handoff"); handoff && handoff->is_mapping()) {
    out.handoff_account_code = handoff_setting(*handoff, "account_code");
    out.handoff_tax_type = handoff_setting(*handoff, "tax_type");
  }
  return out;
}

EInvoicing read_einvoicing(const Reader& reader, const yaml::Node& node) {
  EInvoicing out;
  out.position = node.position();
  if (const yaml::Node* seller = node.find("seller"); seller && seller->is_mapping()) {
    out.seller.name = reader.text(*seller, "name");
    out.seller.trading_name = reader.text(*seller, "trading_name");
    out.seller.vat_id = reader.text(*seller, "vat_id");
    out.seller.tax_registration = reader.text(*seller, "tax_registration");
    if (const yaml::Node* address = seller->find("address"); address && address->is_mapping()) {
      for (const yaml::Node* line : reader.list(*address, "lines"))
        if (line->is_string()) out.seller.address.lines.push_back(std::string(line->text()));
      out.seller.address.city = reader.text(*address, "city");
      out.seller.address.region = reader.text(*address, "region");
      out.seller.address.postal_code = reader.text(*address, "postal_code");
      out.seller.address.country_code = reader.text(*address, "country_code");
    }
  }
  out.unit_code = reader.text(node, "unit_code");
  out.all_partners = reader.boolean(node, "all_partners");
  return out;
}

}  // namespace

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
        organisation.numbering[std::string(entry.key)] = entry.value->text();
        organisation.numbering_positions[std::string(entry.key)] = entry.value->position();
      }
  }
  if (const yaml::Node* defaults = root.find("defaults"); defaults && defaults->is_mapping()) {
    organisation.default_currency = reader.text(*defaults, "currency");
    organisation.payment_terms_days = reader.integer(*defaults, "payment_terms_days");
    organisation.lead_inactive_days = reader.integer(*defaults, "lead_inactive_days");
    organisation.renewal_notice_days = reader.integer(*defaults, "renewal_notice_days");
    organisation.negotiation_stall_days = reader.integer(*defaults, "negotiation_stall_days");
    if (reader.text(*defaults, "date_style") == "long")
      organisation.date_style = DateStyle::long_form;
    organisation.page = read_page_setup(reader, *defaults);
    organisation.default_tax = read_tax_rule(reader, *defaults, "tax");
  }
  for (const yaml::Node* item : reader.list(root, "signatories")) {
    organisation.signatories.push_back(OurSignatory{
        reader.text(*item, "name"), reader.text(*item, "title"), reader.text(*item, "email")});
  }
  if (const yaml::Node* branding = root.find("branding"); branding && branding->is_mapping()) {
    if (branding->find("logo")) organisation.logo = reader.text_field(*branding, "logo");
  }
  if (const yaml::Node* outreach = root.find("outreach"); outreach && outreach->is_mapping()) {
    if (outreach->find("service_description"))
      organisation.service_description = reader.text_field(*outreach, "service_description");
    organisation.outreach_from = reader.text_field(*outreach, "from");
  }
  if (const yaml::Node* branches = root.find("branches"); branches && branches->is_mapping()) {
    read_branch_pattern(*branches, "advance", organisation.branches.advance);
    read_branch_pattern(*branches, "new", organisation.branches.new_lead);
    read_branch_pattern(*branches, "invoice_run", organisation.branches.invoice_run);
  }
  if (const yaml::Node* sponsor = root.find("fiscal_sponsor"); sponsor && sponsor->is_mapping())
    organisation.fiscal_sponsor = read_fiscal_sponsor(reader, *sponsor);
  if (const yaml::Node* einvoicing = root.find("einvoicing");
      einvoicing && einvoicing->is_mapping())
    organisation.einvoicing = read_einvoicing(reader, *einvoicing);
  if (const yaml::Node* payment = root.find("payment"); payment && payment->is_mapping()) {
    organisation.payment.bank = reader.text(*payment, "bank");
    organisation.payment.account_name = reader.text(*payment, "account_name");
    organisation.payment.account_number = reader.text(*payment, "account_number");
    organisation.payment.iban = reader.text(*payment, "iban");
    organisation.payment.swift = reader.text(*payment, "swift");
  }
  if (const yaml::Node* roles = root.find("roles"); roles && roles->is_mapping()) {
    for (const yaml::Entry& entry : roles->entries()) {
      std::vector<std::string>& emails = organisation.roles[std::string(entry.key)];
      if (entry.value->is_sequence())
        for (const yaml::Node* item : entry.value->items())
          emails.push_back(std::string(item->text()));
    }
  }
  return organisation;
}

}  // namespace partnerops
