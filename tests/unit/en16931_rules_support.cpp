#include "en16931_rules_support.hpp"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

namespace partnerops::testing {

namespace {

/// The terms of one document, by business term, as text.
struct Terms {
  std::map<std::string, std::string> one;  ///< BT-… → its value ("" when absent)
  struct Line {
    std::string id, quantity, unit, net_amount, name, net_price, category, rate;
  };
  std::vector<Line> lines;
  struct Vat {
    std::string taxable, amount, category, rate, reason, reason_code;
  };
  std::vector<Vat> breakdown;
  const std::string& operator[](const std::string& term) const {
    static const std::string empty;
    const auto found = one.find(term);
    return found == one.end() ? empty : found->second;
  }
};

struct Paths {
  std::vector<std::pair<std::string, std::string>> terms;  ///< BT → path from the root
  std::string line, vat;                                   ///< the repeated groups
  std::vector<std::pair<std::string, std::string>> line_terms, vat_terms;
};

const Paths& cii_paths() {
  static const Paths paths = [] {
    Paths p;
    const std::string header = "rsm:SupplyChainTradeTransaction/";
    const std::string agreement = header + "ram:ApplicableHeaderTradeAgreement/";
    const std::string settlement = header + "ram:ApplicableHeaderTradeSettlement/";
    const std::string sums = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
    const std::string seller = agreement + "ram:SellerTradeParty/";
    const std::string buyer = agreement + "ram:BuyerTradeParty/";
    p.terms = {
        {"BT-24",
         "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"},
        {"BT-1", "rsm:ExchangedDocument/ram:ID"},
        {"BT-2", "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"},
        {"BT-3", "rsm:ExchangedDocument/ram:TypeCode"},
        {"BT-5", settlement + "ram:InvoiceCurrencyCode"},
        {"BT-9",
         settlement + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"},
        {"BT-25", settlement + "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"},
        {"BT-27", seller + "ram:Name"},
        {"BT-31", seller + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"},
        {"BT-32", seller + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']"},
        {"BG-5", seller + "ram:PostalTradeAddress/ram:CityName"},
        {"BT-40", seller + "ram:PostalTradeAddress/ram:CountryID"},
        {"BT-44", buyer + "ram:Name"},
        {"BT-48", buyer + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"},
        {"BG-8", buyer + "ram:PostalTradeAddress/ram:CityName"},
        {"BT-55", buyer + "ram:PostalTradeAddress/ram:CountryID"},
        {"BT-81", settlement + "ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode"},
        {"BT-84", settlement + "ram:SpecifiedTradeSettlementPaymentMeans/"
                               "ram:PayeePartyCreditorFinancialAccount/*[self::ram:IBANID or "
                               "self::ram:ProprietaryID]"},
        {"BT-106", sums + "ram:LineTotalAmount"},
        {"BT-109", sums + "ram:TaxBasisTotalAmount"},
        {"BT-110", sums + "ram:TaxTotalAmount"},
        {"BT-112", sums + "ram:GrandTotalAmount"},
        {"BT-113", sums + "ram:TotalPrepaidAmount"},
        {"BT-115", sums + "ram:DuePayableAmount"},
    };
    p.line = header + "ram:IncludedSupplyChainTradeLineItem";
    p.line_terms = {
        {"id", "ram:AssociatedDocumentLineDocument/ram:LineID"},
        {"quantity", "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"},
        {"unit", "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode"},
        {"net_amount",
         "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/"
         "ram:LineTotalAmount"},
        {"name", "ram:SpecifiedTradeProduct/ram:Name"},
        {"net_price",
         "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount"},
        {"category", "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"},
        {"rate",
         "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent"},
    };
    p.vat = settlement + "ram:ApplicableTradeTax";
    p.vat_terms = {{"taxable", "ram:BasisAmount"},    {"amount", "ram:CalculatedAmount"},
                   {"category", "ram:CategoryCode"},  {"rate", "ram:RateApplicablePercent"},
                   {"reason", "ram:ExemptionReason"}, {"reason_code", "ram:ExemptionReasonCode"}};
    return p;
  }();
  return paths;
}

const Paths& ubl_paths() {
  static const Paths paths = [] {
    Paths p;
    const std::string seller = "cac:AccountingSupplierParty/cac:Party/";
    const std::string buyer = "cac:AccountingCustomerParty/cac:Party/";
    const std::string sums = "cac:LegalMonetaryTotal/";
    p.terms = {
        {"BT-24", "cbc:CustomizationID"},
        {"BT-1", "cbc:ID"},
        {"BT-2", "cbc:IssueDate"},
        {"BT-3", "*[self::cbc:InvoiceTypeCode or self::cbc:CreditNoteTypeCode]"},
        {"BT-5", "cbc:DocumentCurrencyCode"},
        {"BT-9", "*[self::cbc:DueDate or self::cac:PaymentMeans/cbc:PaymentDueDate]"},
        {"BT-25", "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"},
        {"BT-27", seller + "cac:PartyLegalEntity/cbc:RegistrationName"},
        {"BT-31", seller + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"},
        {"BT-32", seller + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID!='VAT']/cbc:CompanyID"},
        {"BG-5", seller + "cac:PostalAddress/cbc:CityName"},
        {"BT-40", seller + "cac:PostalAddress/cac:Country/cbc:IdentificationCode"},
        {"BT-44", buyer + "cac:PartyLegalEntity/cbc:RegistrationName"},
        {"BT-48", buyer + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"},
        {"BG-8", buyer + "cac:PostalAddress/cbc:CityName"},
        {"BT-55", buyer + "cac:PostalAddress/cac:Country/cbc:IdentificationCode"},
        {"BT-81", "cac:PaymentMeans/cbc:PaymentMeansCode"},
        {"BT-84", "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"},
        {"BT-106", sums + "cbc:LineExtensionAmount"},
        {"BT-109", sums + "cbc:TaxExclusiveAmount"},
        {"BT-110", "cac:TaxTotal/cbc:TaxAmount"},
        {"BT-112", sums + "cbc:TaxInclusiveAmount"},
        {"BT-113", sums + "cbc:PrepaidAmount"},
        {"BT-115", sums + "cbc:PayableAmount"},
    };
    p.line = "*[self::cac:InvoiceLine or self::cac:CreditNoteLine]";
    const std::string quantity = "*[self::cbc:InvoicedQuantity or self::cbc:CreditedQuantity]";
    p.line_terms = {{"id", "cbc:ID"},
                    {"quantity", quantity},
                    {"unit", quantity + "/@unitCode"},
                    {"net_amount", "cbc:LineExtensionAmount"},
                    {"name", "cac:Item/cbc:Name"},
                    {"net_price", "cac:Price/cbc:PriceAmount"},
                    {"category", "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"},
                    {"rate", "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"}};
    p.vat = "cac:TaxTotal/cac:TaxSubtotal";
    p.vat_terms = {{"taxable", "cbc:TaxableAmount"},
                   {"amount", "cbc:TaxAmount"},
                   {"category", "cac:TaxCategory/cbc:ID"},
                   {"rate", "cac:TaxCategory/cbc:Percent"},
                   {"reason", "cac:TaxCategory/cbc:TaxExemptionReason"},
                   {"reason_code", "cac:TaxCategory/cbc:TaxExemptionReasonCode"}};
    return p;
  }();
  return paths;
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct ObjectFree {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};

/// The string value of the first node `path` finds under `node`.
std::string value(xmlXPathContext* context, xmlNode* node, const std::string& path) {
  context->node = node;
  std::unique_ptr<xmlXPathObject, ObjectFree> found(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path.c_str()), context));
  if (!found || !found->nodesetval || found->nodesetval->nodeNr == 0) return "";
  xmlChar* text = xmlNodeGetContent(found->nodesetval->nodeTab[0]);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

std::vector<xmlNode*> nodes(xmlXPathContext* context, xmlNode* node, const std::string& path) {
  context->node = node;
  std::unique_ptr<xmlXPathObject, ObjectFree> found(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path.c_str()), context));
  std::vector<xmlNode*> out;
  if (found && found->nodesetval)
    for (int i = 0; i < found->nodesetval->nodeNr; ++i)
      out.push_back(found->nodesetval->nodeTab[i]);
  return out;
}

std::optional<Terms> read_terms(const std::string& xml, const Paths& paths) {
  std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()),
                                                     "einvoice.xml", "UTF-8", XML_PARSE_NONET));
  if (!doc) return std::nullopt;
  std::unique_ptr<xmlXPathContext, ContextFree> context(xmlXPathNewContext(doc.get()));
  for (const auto& [prefix, uri] : std::initializer_list<std::pair<const char*, const char*>>{
           {"rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"},
           {"ram",
            "urn:un:unece:uncefact:data:standard:"
            "ReusableAggregateBusinessInformationEntity:100"},
           {"udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"},
           {"qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"},
           {"cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
           {"cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}})
    xmlXPathRegisterNs(context.get(), reinterpret_cast<const xmlChar*>(prefix),
                       reinterpret_cast<const xmlChar*>(uri));
  xmlNode* root = xmlDocGetRootElement(doc.get());
  Terms terms;
  for (const auto& [term, path] : paths.terms) terms.one[term] = value(context.get(), root, path);
  for (xmlNode* line : nodes(context.get(), root, paths.line)) {
    std::map<std::string, std::string> read;
    for (const auto& [name, path] : paths.line_terms) read[name] = value(context.get(), line, path);
    terms.lines.push_back({read["id"], read["quantity"], read["unit"], read["net_amount"],
                           read["name"], read["net_price"], read["category"], read["rate"]});
  }
  for (xmlNode* vat : nodes(context.get(), root, paths.vat)) {
    std::map<std::string, std::string> read;
    for (const auto& [name, path] : paths.vat_terms) read[name] = value(context.get(), vat, path);
    terms.breakdown.push_back({read["taxable"], read["amount"], read["category"], read["rate"],
                               read["reason"], read["reason_code"]});
  }
  return terms;
}

/// An amount in hundredths, when it has at most two decimals (BR-DEC).
std::optional<std::int64_t> cents(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (negative) ++i;
  std::int64_t whole = 0;
  std::size_t digits = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits)
    whole = whole * 10 + (text[i] - '0');
  if (digits == 0) return std::nullopt;
  std::int64_t fraction = 0;
  int places = 0;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++places)
      fraction = fraction * 10 + (text[i] - '0');
    if (places == 0) return std::nullopt;
  }
  if (i != text.size() || places > 2) return std::nullopt;
  if (places == 1) fraction *= 10;
  const std::int64_t value = whole * 100 + fraction;
  return negative ? -value : value;
}

/// A rate in hundredths of a percent ("21" → 2100, "7.5" → 750).
std::optional<std::int64_t> rate_of(const std::string& text) { return cents(text); }

std::vector<std::string> violations(const std::optional<Terms>& read) {
  std::vector<std::string> broken;
  if (!read) return {"XML"};
  const Terms& t = *read;
  const auto need = [&](const char* rule, const std::string& term) {
    if (t[term].empty()) broken.emplace_back(rule);
  };
  need("BR-01", "BT-24");
  need("BR-02", "BT-1");
  need("BR-03", "BT-2");
  need("BR-04", "BT-3");
  need("BR-05", "BT-5");
  need("BR-06", "BT-27");
  need("BR-07", "BT-44");
  need("BR-08", "BG-5");
  need("BR-09", "BT-40");
  need("BR-10", "BG-8");
  need("BR-11", "BT-55");
  need("BR-12", "BT-106");
  need("BR-13", "BT-109");
  need("BR-14", "BT-112");
  need("BR-15", "BT-115");
  if (t.lines.empty()) broken.emplace_back("BR-16");

  // Every amount has at most two decimals (BR-DEC-…): an unreadable one
  // counts as broken here, and the sums below skip it.
  bool decimals = true;
  const auto amount = [&](const std::string& text) {
    const std::optional<std::int64_t> value = cents(text);
    if (!value && !text.empty()) decimals = false;
    return value;
  };
  std::int64_t line_sum = 0;
  bool lines_readable = true;
  for (const Terms::Line& line : t.lines) {
    if (line.id.empty()) broken.emplace_back("BR-21");
    if (line.quantity.empty()) broken.emplace_back("BR-22");
    if (line.unit.empty()) broken.emplace_back("BR-23");
    if (line.net_amount.empty()) broken.emplace_back("BR-24");
    if (line.name.empty()) broken.emplace_back("BR-25");
    if (line.net_price.empty()) broken.emplace_back("BR-26");
    const std::optional<std::int64_t> price = amount(line.net_price);
    if (price && *price < 0) broken.emplace_back("BR-27");
    if (line.category.empty()) broken.emplace_back("BR-CO-04");
    const std::optional<std::int64_t> net = amount(line.net_amount);
    if (net)
      line_sum += *net;
    else
      lines_readable = false;
  }
  const std::optional<std::int64_t> bt106 = amount(t["BT-106"]);
  const std::optional<std::int64_t> bt109 = amount(t["BT-109"]);
  const std::optional<std::int64_t> bt110 = amount(t["BT-110"]);
  const std::optional<std::int64_t> bt112 = amount(t["BT-112"]);
  const std::optional<std::int64_t> bt113 = amount(t["BT-113"]);
  const std::optional<std::int64_t> bt115 = amount(t["BT-115"]);
  if (lines_readable && bt106 && line_sum != *bt106) broken.emplace_back("BR-CO-10");
  // No document-level allowances or charges: BT-109 is BT-106.
  if (bt106 && bt109 && *bt106 != *bt109) broken.emplace_back("BR-CO-13");
  std::int64_t vat_sum = 0;
  for (const Terms::Vat& vat : t.breakdown) vat_sum += amount(vat.amount).value_or(0);
  if (bt110 && vat_sum != *bt110) broken.emplace_back("BR-CO-14");
  if (bt109 && bt112 && *bt112 != *bt109 + bt110.value_or(0)) broken.emplace_back("BR-CO-15");
  if (bt112 && bt115 && *bt115 != *bt112 - bt113.value_or(0)) broken.emplace_back("BR-CO-16");
  if (t.breakdown.empty()) broken.emplace_back("BR-CO-18");
  if (bt115 && *bt115 > 0 && t["BT-9"].empty() && t["BT-3"] != "381")
    broken.emplace_back("BR-CO-25");
  if (t["BT-31"].empty() && t["BT-32"].empty()) broken.emplace_back("BR-CO-26");
  if ((t["BT-81"] == "30" || t["BT-81"] == "58") && t["BT-84"].empty())
    broken.emplace_back("BR-61");
  if (t["BT-3"] == "381" && t["BT-25"].empty()) broken.emplace_back("BR-55");

  for (const Terms::Vat& vat : t.breakdown) {
    std::int64_t taxable_lines = 0;
    for (const Terms::Line& line : t.lines)
      if (line.category == vat.category && rate_of(line.rate) == rate_of(vat.rate))
        taxable_lines += amount(line.net_amount).value_or(0);
    const std::optional<std::int64_t> taxable = amount(vat.taxable);
    const std::optional<std::int64_t> tax = amount(vat.amount);
    const std::optional<std::int64_t> rate = rate_of(vat.rate);
    if (vat.category == "S") {
      if (taxable && *taxable != taxable_lines) broken.emplace_back("BR-S-08");
      // BT-117 = BT-116 × BT-119 / 100, rounded to the cent, half away from zero.
      if (taxable && tax && rate) {
        const std::int64_t exact = *taxable * *rate;  // in 1/10000 of a cent
        const std::int64_t rounded = (exact >= 0 ? exact + 5000 : exact - 5000) / 10000;
        if (*tax != rounded) broken.emplace_back("BR-S-09");
      }
    }
    if (vat.category == "AE") {
      if (t["BT-48"].empty() || (t["BT-31"].empty() && t["BT-32"].empty()))
        broken.emplace_back("BR-AE-02");
      for (const Terms::Line& line : t.lines)
        if (line.category == "AE" && rate_of(line.rate) != 0) broken.emplace_back("BR-AE-05");
      if (rate != 0) broken.emplace_back("BR-AE-06");
      if (taxable && *taxable != taxable_lines) broken.emplace_back("BR-AE-08");
      if (tax != 0) broken.emplace_back("BR-AE-09");
      if (vat.reason.empty() && vat.reason_code.empty()) broken.emplace_back("BR-AE-10");
    }
  }
  if (!decimals) broken.emplace_back("BR-DEC");
  return broken;
}

}  // namespace

std::vector<std::string> cii_violations(const std::string& xml) {
  return violations(read_terms(xml, cii_paths()));
}

std::vector<std::string> ubl_violations(const std::string& xml) {
  return violations(read_terms(xml, ubl_paths()));
}

const std::vector<std::string>& checked_rules() {
  static const std::vector<std::string> rules = {
      "BR-01",    "BR-02",    "BR-03",    "BR-04",    "BR-05",    "BR-06",    "BR-07",
      "BR-08",    "BR-09",    "BR-10",    "BR-11",    "BR-12",    "BR-13",    "BR-14",
      "BR-15",    "BR-16",    "BR-21",    "BR-22",    "BR-23",    "BR-24",    "BR-25",
      "BR-26",    "BR-27",    "BR-55",    "BR-61",    "BR-CO-04", "BR-CO-10", "BR-CO-13",
      "BR-CO-14", "BR-CO-15", "BR-CO-16", "BR-CO-18", "BR-CO-25", "BR-CO-26", "BR-S-08",
      "BR-S-09",  "BR-AE-02", "BR-AE-05", "BR-AE-06", "BR-AE-08", "BR-AE-09", "BR-AE-10",
      "BR-DEC"};
  return rules;
}

}  // namespace partnerops::testing
