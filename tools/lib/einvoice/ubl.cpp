#include "einvoice/ubl.hpp"

#include "einvoice/cii.hpp"
#include "einvoice/xml_writer.hpp"

namespace partnerops::einvoice {

namespace {

void amount(XmlWriter& xml, std::string_view element, const Document& document,
            std::int64_t minor) {
  xml.start(element);
  xml.attribute("currencyID", document.currency);
  xml.text(document.amount(minor));
  xml.end();
}

void tax_scheme(XmlWriter& xml, std::string_view id) {
  xml.start("cac:TaxScheme");
  xml.element("cbc:ID", id);
  xml.end();
}

void party(XmlWriter& xml, std::string_view element, const Party& party) {
  xml.start(element);
  xml.start("cac:Party");
  if (!party.contact_email.empty()) {
    xml.start("cbc:EndpointID");
    xml.attribute("schemeID", "EM");
    xml.text(party.contact_email);
    xml.end();
  }
  if (!party.trading_name.empty()) {
    xml.start("cac:PartyName");
    xml.element("cbc:Name", party.trading_name);
    xml.end();
  }
  const PostalAddress& address = party.address;
  xml.start("cac:PostalAddress");
  if (!address.lines.empty()) xml.element("cbc:StreetName", address.lines[0]);
  if (address.lines.size() > 1) xml.element("cbc:AdditionalStreetName", address.lines[1]);
  xml.optional("cbc:CityName", address.city);
  xml.optional("cbc:PostalZone", address.postal_code);
  xml.optional("cbc:CountrySubentity", address.region);
  if (address.lines.size() > 2) {
    xml.start("cac:AddressLine");
    xml.element("cbc:Line", address.lines[2]);
    xml.end();
  }
  xml.start("cac:Country");
  xml.element("cbc:IdentificationCode", address.country_code);
  xml.end();
  xml.end();
  const auto registration = [&xml](std::string_view scheme, const std::string& id) {
    if (id.empty()) return;
    xml.start("cac:PartyTaxScheme");
    xml.element("cbc:CompanyID", id);
    tax_scheme(xml, scheme);
    xml.end();
  };
  registration("VAT", party.vat_id);
  registration("FC", party.tax_registration);
  xml.start("cac:PartyLegalEntity");
  xml.element("cbc:RegistrationName", party.name);
  xml.end();
  if (!party.contact_name.empty() || !party.contact_email.empty()) {
    xml.start("cac:Contact");
    xml.optional("cbc:Name", party.contact_name);
    xml.optional("cbc:ElectronicMail", party.contact_email);
    xml.end();
  }
  xml.end();
  xml.end();
}

void tax_category(XmlWriter& xml, std::string_view element, const Vat& vat, bool with_reason) {
  xml.start(element);
  xml.element("cbc:ID", vat.category);
  xml.element("cbc:Percent", vat.rate_percent);
  if (with_reason) {
    xml.optional("cbc:TaxExemptionReasonCode", vat.exemption_code);
    xml.optional("cbc:TaxExemptionReason", vat.exemption_reason);
  }
  tax_scheme(xml, "VAT");
  xml.end();
}

}  // namespace

std::string write_ubl(const Document& document) {
  const bool credit = document.type == TypeCode::credit_note;
  const std::string root = credit ? "CreditNote" : "Invoice";
  XmlWriter xml;
  xml.start(root);
  xml.attribute("xmlns", "urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2");
  xml.attribute("xmlns:cac",
                "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
  xml.attribute("xmlns:cbc",
                "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
  xml.element("cbc:CustomizationID", k_en16931);
  xml.element("cbc:ID", document.number);
  xml.element("cbc:IssueDate", document.issue_date.iso());
  if (!credit && document.due_date) xml.element("cbc:DueDate", document.due_date->iso());
  xml.element(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode",
              std::to_string(static_cast<int>(document.type)));
  xml.optional("cbc:Note", document.note);
  xml.element("cbc:DocumentCurrencyCode", document.currency);
  if (!document.purchase_order.empty()) {
    xml.start("cac:OrderReference");
    xml.element("cbc:ID", document.purchase_order);
    xml.end();
  }
  if (!document.preceding_invoice.empty()) {
    xml.start("cac:BillingReference");
    xml.start("cac:InvoiceDocumentReference");
    xml.element("cbc:ID", document.preceding_invoice);
    if (document.preceding_date) xml.element("cbc:IssueDate", document.preceding_date->iso());
    xml.end();
    xml.end();
  }
  party(xml, "cac:AccountingSupplierParty", document.seller);
  party(xml, "cac:AccountingCustomerParty", document.buyer);

  const PaymentInstructions& payment = document.payment;
  if (!payment.means_code.empty()) {
    xml.start("cac:PaymentMeans");
    xml.element("cbc:PaymentMeansCode", payment.means_code);
    if (credit && document.due_date) xml.element("cbc:PaymentDueDate", document.due_date->iso());
    xml.optional("cbc:PaymentID", payment.remittance);
    xml.start("cac:PayeeFinancialAccount");
    xml.element("cbc:ID", payment.account);
    xml.optional("cbc:Name", payment.account_name);
    if (!payment.bic.empty()) {
      xml.start("cac:FinancialInstitutionBranch");
      xml.element("cbc:ID", payment.bic);
      xml.end();
    }
    xml.end();
    xml.end();
  }

  xml.start("cac:TaxTotal");
  amount(xml, "cbc:TaxAmount", document, document.vat.amount);
  xml.start("cac:TaxSubtotal");
  amount(xml, "cbc:TaxableAmount", document, document.vat.taxable);
  amount(xml, "cbc:TaxAmount", document, document.vat.amount);
  tax_category(xml, "cac:TaxCategory", document.vat, true);
  xml.end();
  xml.end();

  xml.start("cac:LegalMonetaryTotal");
  amount(xml, "cbc:LineExtensionAmount", document, document.line_total);
  amount(xml, "cbc:TaxExclusiveAmount", document, document.tax_exclusive);
  amount(xml, "cbc:TaxInclusiveAmount", document, document.tax_inclusive);
  amount(xml, "cbc:PrepaidAmount", document, document.paid);
  amount(xml, "cbc:PayableAmount", document, document.due);
  xml.end();

  for (const Line& line : document.lines) {
    xml.start(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine");
    xml.element("cbc:ID", line.id);
    xml.start(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity");
    xml.attribute("unitCode", line.unit_code);
    xml.text(format_quantity(line.quantity));
    xml.end();
    amount(xml, "cbc:LineExtensionAmount", document, line.net_amount);
    xml.start("cac:Item");
    xml.element("cbc:Name", line.name);
    tax_category(xml, "cac:ClassifiedTaxCategory", document.vat, false);
    xml.end();
    xml.start("cac:Price");
    amount(xml, "cbc:PriceAmount", document, line.net_price);
    xml.end();
    xml.end();
  }
  return xml.finish();
}

}  // namespace partnerops::einvoice
