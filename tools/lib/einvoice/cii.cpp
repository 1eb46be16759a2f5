#include "einvoice/cii.hpp"

#include "einvoice/xml_writer.hpp"

namespace partnerops::einvoice {

namespace {

/// CII dates: format 102, CCYYMMDD.
std::string date_102(const Date& date) {
  std::string iso = date.iso();
  std::erase(iso, '-');
  return iso;
}

void date_time(XmlWriter& xml, std::string_view element, const Date& date,
               std::string_view prefix = "udt") {
  xml.start(element);
  xml.start(std::string(prefix) + ":DateTimeString");
  xml.attribute("format", "102");
  xml.text(date_102(date));
  xml.end();
  xml.end();
}

void party(XmlWriter& xml, std::string_view element, const Party& party) {
  xml.start(element);
  xml.element("ram:Name", party.name);
  if (!party.trading_name.empty()) {
    xml.start("ram:SpecifiedLegalOrganization");
    xml.element("ram:TradingBusinessName", party.trading_name);
    xml.end();
  }
  if (!party.contact_name.empty() || !party.contact_email.empty()) {
    xml.start("ram:DefinedTradeContact");
    xml.optional("ram:PersonName", party.contact_name);
    if (!party.contact_email.empty()) {
      xml.start("ram:EmailURIUniversalCommunication");
      xml.element("ram:URIID", party.contact_email);
      xml.end();
    }
    xml.end();
  }
  const PostalAddress& address = party.address;
  xml.start("ram:PostalTradeAddress");
  xml.optional("ram:PostcodeCode", address.postal_code);
  static constexpr std::string_view k_lines[] = {"ram:LineOne", "ram:LineTwo", "ram:LineThree"};
  for (std::size_t i = 0; i < address.lines.size() && i < std::size(k_lines); ++i)
    xml.element(k_lines[i], address.lines[i]);
  xml.optional("ram:CityName", address.city);
  xml.element("ram:CountryID", address.country_code);
  xml.optional("ram:CountrySubDivisionName", address.region);
  xml.end();
  if (!party.contact_email.empty()) {
    xml.start("ram:URIUniversalCommunication");
    xml.start("ram:URIID");
    xml.attribute("schemeID", "EM");
    xml.text(party.contact_email);
    xml.end();
    xml.end();
  }
  const auto registration = [&xml](std::string_view scheme, const std::string& id) {
    if (id.empty()) return;
    xml.start("ram:SpecifiedTaxRegistration");
    xml.start("ram:ID");
    xml.attribute("schemeID", scheme);
    xml.text(id);
    xml.end();
    xml.end();
  };
  registration("VA", party.vat_id);
  registration("FC", party.tax_registration);
  xml.end();
}

void line_item(XmlWriter& xml, const Document& document, const Line& line) {
  xml.start("ram:IncludedSupplyChainTradeLineItem");
  xml.start("ram:AssociatedDocumentLineDocument");
  xml.element("ram:LineID", line.id);
  xml.end();
  xml.start("ram:SpecifiedTradeProduct");
  xml.element("ram:Name", line.name);
  xml.end();
  xml.start("ram:SpecifiedLineTradeAgreement");
  xml.start("ram:NetPriceProductTradePrice");
  xml.element("ram:ChargeAmount", document.amount(line.net_price));
  xml.end();
  xml.end();
  xml.start("ram:SpecifiedLineTradeDelivery");
  xml.start("ram:BilledQuantity");
  xml.attribute("unitCode", line.unit_code);
  xml.text(format_quantity(line.quantity));
  xml.end();
  xml.end();
  xml.start("ram:SpecifiedLineTradeSettlement");
  xml.start("ram:ApplicableTradeTax");
  xml.element("ram:TypeCode", "VAT");
  xml.element("ram:CategoryCode", document.vat.category);
  xml.element("ram:RateApplicablePercent", document.vat.rate_percent);
  xml.end();
  xml.start("ram:SpecifiedTradeSettlementLineMonetarySummation");
  xml.element("ram:LineTotalAmount", document.amount(line.net_amount));
  xml.end();
  xml.end();
  xml.end();
}

void settlement(XmlWriter& xml, const Document& document) {
  xml.start("ram:ApplicableHeaderTradeSettlement");
  xml.optional("ram:PaymentReference", document.payment.remittance);
  xml.element("ram:InvoiceCurrencyCode", document.currency);
  const PaymentInstructions& payment = document.payment;
  if (!payment.means_code.empty()) {
    xml.start("ram:SpecifiedTradeSettlementPaymentMeans");
    xml.element("ram:TypeCode", payment.means_code);
    xml.start("ram:PayeePartyCreditorFinancialAccount");
    xml.optional(payment.means_code == "58" ? "ram:IBANID" : "ram:ProprietaryID", payment.account);
    xml.optional("ram:AccountName", payment.account_name);
    xml.end();
    if (!payment.bic.empty()) {
      xml.start("ram:PayeeSpecifiedCreditorFinancialInstitution");
      xml.element("ram:BICID", payment.bic);
      xml.end();
    }
    xml.end();
  }
  const Vat& vat = document.vat;
  xml.start("ram:ApplicableTradeTax");
  xml.element("ram:CalculatedAmount", document.amount(vat.amount));
  xml.element("ram:TypeCode", "VAT");
  xml.optional("ram:ExemptionReason", vat.exemption_reason);
  xml.element("ram:BasisAmount", document.amount(vat.taxable));
  xml.element("ram:CategoryCode", vat.category);
  xml.optional("ram:ExemptionReasonCode", vat.exemption_code);
  xml.element("ram:RateApplicablePercent", vat.rate_percent);
  xml.end();
  if (document.due_date) {
    xml.start("ram:SpecifiedTradePaymentTerms");
    date_time(xml, "ram:DueDateDateTime", *document.due_date);
    xml.end();
  }
  xml.start("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  xml.element("ram:LineTotalAmount", document.amount(document.line_total));
  xml.element("ram:TaxBasisTotalAmount", document.amount(document.tax_exclusive));
  xml.start("ram:TaxTotalAmount");
  xml.attribute("currencyID", document.currency);
  xml.text(document.amount(vat.amount));
  xml.end();
  xml.element("ram:GrandTotalAmount", document.amount(document.tax_inclusive));
  xml.element("ram:TotalPrepaidAmount", document.amount(document.paid));
  xml.element("ram:DuePayableAmount", document.amount(document.due));
  xml.end();
  if (!document.preceding_invoice.empty()) {
    xml.start("ram:InvoiceReferencedDocument");
    xml.element("ram:IssuerAssignedID", document.preceding_invoice);
    if (document.preceding_date)
      date_time(xml, "ram:FormattedIssueDateTime", *document.preceding_date, "qdt");
    xml.end();
  }
  xml.end();
}

}  // namespace

std::string write_cii(const Document& document) {
  XmlWriter xml;
  xml.start("rsm:CrossIndustryInvoice");
  xml.attribute("xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
  xml.attribute("xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100");
  xml.attribute(
      "xmlns:ram",
      "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
  xml.attribute("xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

  xml.start("rsm:ExchangedDocumentContext");
  xml.start("ram:GuidelineSpecifiedDocumentContextParameter");
  xml.element("ram:ID", k_en16931);
  xml.end();
  xml.end();

  xml.start("rsm:ExchangedDocument");
  xml.element("ram:ID", document.number);
  xml.element("ram:TypeCode", std::to_string(static_cast<int>(document.type)));
  date_time(xml, "ram:IssueDateTime", document.issue_date);
  if (!document.note.empty()) {
    xml.start("ram:IncludedNote");
    xml.element("ram:Content", document.note);
    xml.end();
  }
  xml.end();

  xml.start("rsm:SupplyChainTradeTransaction");
  for (const Line& line : document.lines) line_item(xml, document, line);
  xml.start("ram:ApplicableHeaderTradeAgreement");
  party(xml, "ram:SellerTradeParty", document.seller);
  party(xml, "ram:BuyerTradeParty", document.buyer);
  if (!document.purchase_order.empty()) {
    xml.start("ram:BuyerOrderReferencedDocument");
    xml.element("ram:IssuerAssignedID", document.purchase_order);
    xml.end();
  }
  xml.end();
  xml.start("ram:ApplicableHeaderTradeDelivery");
  xml.end();
  settlement(xml, document);
  xml.end();
  return xml.finish();
}

}  // namespace partnerops::einvoice
