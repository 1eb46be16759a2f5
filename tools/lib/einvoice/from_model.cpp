#include "einvoice/from_model.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "model/account.hpp"

namespace partnerops::einvoice {

namespace {

/// The parts both kinds of document share, and where each comes from.
struct Source {
  const Workspace& workspace;
  const PartnerFolder& folder;
  const std::string& file;  ///< the invoice's or the credit note's
  const PricedDocument& priced;
  Severity severity;
  Diagnostics& diagnostics;
  bool complete = true;

  void lack(const std::string& where, Position position, std::string message, std::string hint) {
    diagnostics.error("einvoice-incomplete", where, position, std::move(message), std::move(hint))
        .severity = severity;
    complete = false;
  }
};

Party seller_of(Source& in) {
  Party seller;
  const std::optional<Organisation>& organisation = in.workspace.organisation();
  if (!organisation || !organisation->einvoicing) {
    in.lack(organisation ? organisation->file : "partnerops.yaml", {},
            "an e-invoice names its seller with a structured address, and partnerops.yaml has "
            "no einvoicing.seller",
            "add einvoicing: seller: (name, vat_id or tax_registration, address with "
            "country_code); see docs/data-model.md");
    return seller;
  }
  const EInvoicing::Seller& from = organisation->einvoicing->seller;
  seller.name = from.name;
  seller.trading_name = from.trading_name == from.name ? "" : from.trading_name;
  seller.vat_id = from.vat_id;
  seller.tax_registration = from.tax_registration;
  seller.address = from.address;
  seller.contact_email = organisation->email;
  return seller;
}

Party buyer_of(Source& in) {
  Party buyer;
  const BillTo bill_to = bill_to_of(in.folder);
  buyer.name = bill_to.name;
  buyer.contact_name = bill_to.attention;
  buyer.contact_email = bill_to.email;
  const std::string partner_file = in.folder.path + "/partner.yaml";
  if (!in.folder.partner) return buyer;
  // The name the partner goes by, when it is not the one it is billed under.
  if (in.folder.partner->name != buyer.name) buyer.trading_name = in.folder.partner->name;
  const Billing& billing = in.folder.partner->billing;
  if (is_eu_vat_number(billing.tax_id)) buyer.vat_id = billing.tax_id;
  if (!billing.address) {
    // `validate` already reports a missing billing address, once, as
    // billing-details-missing; only a command that needs the e-invoice now
    // (export, with errors) says it again, as what the e-invoice lacks.
    if (in.severity == Severity::error)
      in.lack(partner_file, billing.position,
              "an e-invoice needs the buyer's postal address, and billing has no address",
              "add billing.address (lines, city, postal_code, country, country_code)");
    in.complete = false;
    return buyer;
  }
  buyer.address = *billing.address;
  if (billing.address->country_code.empty())
    in.lack(partner_file, billing.position,
            "an e-invoice needs the buyer's country as a code, and billing.address has no "
            "country_code",
            "add country_code: the ISO 3166-1 alpha-2 code, e.g. NL for the Netherlands");
  return buyer;
}

/// The VAT of the document: its tax's category, else that of the rule it
/// was issued under (the agreement's, else the organisation's default) when
/// the rate is the same, else S for a rate above zero.
Vat vat_of(Source& in) {
  Vat vat;
  const std::optional<Tax>& tax = in.priced.tax;
  vat.rate_percent = tax ? tax->rate_percent.value : "0";
  vat.amount = tax && tax->amount ? tax->amount->value.minor : 0;
  vat.taxable = in.priced.subtotal ? in.priced.subtotal->value.minor : 0;
  if (tax) {
    vat.category = tax->vat_category;
    vat.exemption_reason = tax->exemption_reason;
  }
  std::vector<const TaxRule*> rules;
  if (in.folder.agreement && in.folder.agreement->tax) rules.push_back(&*in.folder.agreement->tax);
  if (in.workspace.organisation() && in.workspace.organisation()->default_tax)
    rules.push_back(&*in.workspace.organisation()->default_tax);
  for (const TaxRule* rule : rules) {
    if (!vat.category.empty() || rule->vat_category.empty()) continue;
    const std::optional<Quantity> a = parse_quantity(rule->rate_percent);
    const std::optional<Quantity> b = parse_quantity(vat.rate_percent);
    if (a && b && compare(*a, *b) == 0) {
      vat.category = rule->vat_category;
      if (vat.exemption_reason.empty()) vat.exemption_reason = rule->exemption_reason;
    }
  }
  const std::optional<Quantity> rate = parse_quantity(vat.rate_percent);
  const bool zero = !rate || compare(*rate, Quantity{}) == 0;
  if (vat.category.empty() && !zero) vat.category = "S";
  const Position where = tax ? tax->rate_percent.position : Position{};
  if (vat.category.empty()) {
    in.lack(in.file, where,
            "an e-invoice says why no VAT is charged, and the tax at 0 % names no vat_category",
            "add vat_category (AE for reverse charge, E exempt, Z zero rated, O outside the "
            "scope of VAT) to the agreement's tax or defaults.tax, with exemption_reason");
    return vat;
  }
  if (vat.category != "S" && vat.category != "Z" && vat.exemption_reason.empty()) {
    // The label says it on the printed invoice, so it says it here too.
    vat.exemption_reason = tax ? tax->label : "";
  }
  vat.exemption_code = exemption_code_of(vat.category);
  return vat;
}

std::vector<Line> lines_of(Source& in) {
  std::vector<Line> lines;
  const std::optional<Organisation>& organisation = in.workspace.organisation();
  const std::string fallback_unit =
      organisation && organisation->einvoicing ? organisation->einvoicing->unit_code : "";
  for (std::size_t i = 0; i < in.priced.lines.size(); ++i) {
    const PricedLine& from = in.priced.lines[i];
    Line line;
    line.id = std::to_string(i + 1);
    line.name = from.description;
    if (from.quantity) line.quantity = from.quantity->value;
    line.net_price = from.unit_price ? from.unit_price->value.minor : 0;
    line.net_amount = from.amount ? from.amount->value.minor : 0;
    line.unit_code = from.unit.empty() ? fallback_unit : from.unit;
    if (line.unit_code.empty())
      in.lack(in.file, from.quantity ? from.quantity->position : Position{},
              "an e-invoice counts every quantity in a unit, and line " + line.id + " names none",
              "add unit: (UN/ECE Rec. 20, e.g. HUR hours, MON months, C62 one) to the line, "
              "or einvoicing.unit_code to partnerops.yaml for all lines");
    lines.push_back(std::move(line));
  }
  return lines;
}

PaymentInstructions payment_of(const Workspace& workspace, const std::string& number) {
  PaymentInstructions payment;
  payment.remittance = number;
  if (!workspace.organisation()) return payment;
  const Organisation::Payment& bank = workspace.organisation()->payment;
  payment.means_code = bank.iban.empty() ? "30" : "58";
  payment.account = bank.iban.empty() ? bank.account_number : bank.iban;
  // Spaces group an account number for the eye; the identifier has none.
  payment.account.erase(std::remove(payment.account.begin(), payment.account.end(), ' '),
                        payment.account.end());
  payment.account_name = bank.account_name;
  payment.bic = bank.swift;
  return payment;
}

/// What both kinds share; nullopt when something is lacking (reported).
std::optional<Document> common(Source& in, TypeCode type, const std::string& number,
                               const std::optional<Field<Date>>& issue_date) {
  Document out;
  out.type = type;
  out.number = number;
  out.currency = in.priced.currency;
  if (issue_date) {
    out.issue_date = issue_date->value;
  } else {
    in.lack(in.file, {}, "an e-invoice needs its issue date", "issue the document first");
  }
  out.seller = seller_of(in);
  out.buyer = buyer_of(in);
  out.lines = lines_of(in);
  out.vat = vat_of(in);
  if (out.vat.category == "AE" && out.buyer.vat_id.empty() && in.folder.partner)
    in.lack(in.folder.path + "/partner.yaml", in.folder.partner->billing.position,
            "a reverse-charge e-invoice names the buyer's VAT number, and billing.tax_id is not "
            "an EU VAT number",
            "set billing.tax_id to the partner's VAT number, e.g. NL862245901B01");
  for (const Line& line : out.lines) out.line_total += line.net_amount;
  out.tax_exclusive = out.line_total;
  out.tax_inclusive = in.priced.total ? in.priced.total->value.minor : 0;
  out.payment = payment_of(in.workspace, number);
  if (!in.complete) return std::nullopt;
  return out;
}

}  // namespace

bool is_eu_vat_number(std::string_view text) {
  static constexpr std::array<std::string_view, 28> k_prefixes = {
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
      "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI"};
  if (text.size() < 4) return false;
  if (std::find(k_prefixes.begin(), k_prefixes.end(), text.substr(0, 2)) == k_prefixes.end())
    return false;
  return std::all_of(text.begin() + 2, text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z');
  });
}

bool is_einvoiced(const Workspace& workspace, const PartnerFolder& folder) {
  if (!folder.partner) return false;
  const Billing& billing = folder.partner->billing;
  if (billing.einvoice) return *billing.einvoice;
  const std::optional<Organisation>& organisation = workspace.organisation();
  if (!organisation || !organisation->einvoicing) return false;
  return organisation->einvoicing->all_partners || is_eu_vat_number(billing.tax_id);
}

std::optional<Document> einvoice_of(const Workspace& workspace, const PartnerFolder& folder,
                                    const Invoice& invoice, Severity severity,
                                    Diagnostics& diagnostics) {
  Source in{workspace, folder, invoice.file, invoice.priced, severity, diagnostics};
  std::optional<Document> out =
      common(in, TypeCode::invoice, invoice.number.value, invoice.issue_date);
  if (!out) return std::nullopt;
  if (invoice.due_date) out->due_date = invoice.due_date->value;
  out->purchase_order = purchase_order_of(folder, &invoice);
  out->paid = invoice.paid_minor();
  out->due = out->tax_inclusive - out->paid;
  return out;
}

std::optional<Document> einvoice_of(const Workspace& workspace, const PartnerFolder& folder,
                                    const CreditNote& note, Severity severity,
                                    Diagnostics& diagnostics) {
  Source in{workspace, folder, note.file, note.priced, severity, diagnostics};
  std::optional<Document> out =
      common(in, TypeCode::credit_note, note.number.value, note.issue_date);
  if (!out) return std::nullopt;
  out->preceding_invoice = note.invoice.value;
  if (const Invoice* invoice = folder.invoice(note.invoice.value)) {
    if (invoice->issue_date) out->preceding_date = invoice->issue_date->value;
    out->purchase_order = purchase_order_of(folder, invoice);
  }
  out->note = note.reason;
  // A credit note is settled by the invoice it credits: nothing is paid on
  // it, and what it credits is its total.
  out->due = out->tax_inclusive;
  return out;
}

std::optional<Document> einvoice_of_number(const Workspace& workspace, const std::string& number,
                                           Diagnostics& diagnostics) {
  for (const PartnerFolder& folder : workspace.partners()) {
    for (const Invoice& invoice : folder.invoices) {
      if (invoice.number.value != number) continue;
      if (!is_receivable(invoice)) {
        diagnostics.error("einvoice-not-issued", invoice.file, invoice.status.position,
                          "invoice " + number + " has status " +
                              std::string(to_string(invoice.status.value)) +
                              ": only an issued invoice is sent, so only it has an e-invoice",
                          "issue it first: partnerops invoice issue " + number);
        return std::nullopt;
      }
      return einvoice_of(workspace, folder, invoice, Severity::error, diagnostics);
    }
    for (const CreditNote& note : folder.credit_notes) {
      if (note.number.value != number) continue;
      if (!note.credits()) {
        diagnostics.error("einvoice-not-issued", note.file, note.status.position,
                          "credit note " + number + " is void, so it has no e-invoice",
                          "export an issued credit note");
        return std::nullopt;
      }
      return einvoice_of(workspace, folder, note, Severity::error, diagnostics);
    }
  }
  diagnostics.error("invoice-unknown", "partners", {},
                    "there is no invoice or credit note numbered '" + number + "'",
                    "the numbers are the file names under partners/<slug>/invoices/ and "
                    "credit-notes/");
  return std::nullopt;
}

}  // namespace partnerops::einvoice
