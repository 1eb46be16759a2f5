// E-invoices from the model: the EN 16931 view of the fixture's reverse-
// charge invoice, its CII and UBL read back by business term, every rule our
// checker knows broken on purpose once, and what the files lack reported
// where it is written.

#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "einvoice/cii.hpp"
#include "einvoice/from_model.hpp"
#include "einvoice/ubl.hpp"
#include "en16931_rules_support.hpp"
#include "fixture_workspace.hpp"

namespace partnerops::einvoice {
namespace {

using partnerops::testing::checked_rules;
using partnerops::testing::cii_violations;
using partnerops::testing::ubl_violations;

class EInvoiceTest : public ::testing::Test {
 protected:
  void edit(const std::string& path, const std::string& from, const std::string& to) {
    std::string& text = m_files.at(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }

  /// The e-invoice of `number` in the fixture as edited; the diagnostics
  /// of what it lacks go to `lacks`.
  std::optional<Document> of(const std::string& number, Diagnostics& lacks) {
    partnerops::testing::MemorySource source;
    for (const auto& [path, text] : m_files) source.add(path, text);
    Diagnostics loading;
    m_workspace = std::make_unique<Workspace>(load_workspace(source, {}, loading));
    EXPECT_FALSE(loading.has_errors());
    for (const PartnerFolder& folder : m_workspace->partners()) {
      for (const Invoice& invoice : folder.invoices)
        if (invoice.number.value == number)
          return einvoice_of(*m_workspace, folder, invoice, Severity::warning, lacks);
      for (const CreditNote& note : folder.credit_notes)
        if (note.number.value == number)
          return einvoice_of(*m_workspace, folder, note, Severity::warning, lacks);
    }
    ADD_FAILURE() << "no document " << number;
    return std::nullopt;
  }

  std::vector<std::string> lacks_of(const std::string& number) {
    Diagnostics lacks;
    EXPECT_FALSE(of(number, lacks));
    std::vector<std::string> lines;
    for (const Diagnostic& d : lacks)
      lines.push_back(d.code + " " + d.file + ":" + std::to_string(d.position.line) + " " +
                      d.message);
    return lines;
  }

  /// The line, counted from 1, where `needle` first stands in `path`.
  int line_of(const std::string& path, const std::string& needle) const {
    const std::string& text = m_files.at(path);
    const std::size_t at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  }

  std::map<std::string, std::string> m_files = partnerops::testing::fixture_files();
  std::unique_ptr<Workspace> m_workspace;
};

TEST_F(EInvoiceTest, TheReverseChargeInvoiceConformsInBothSyntaxes) {
  Diagnostics lacks;
  const std::optional<Document> document = of("INV-2026-0003", lacks);
  ASSERT_TRUE(document) << lacks.size();
  EXPECT_TRUE(lacks.empty());
  EXPECT_EQ(document->type, TypeCode::invoice);
  EXPECT_EQ(document->seller.name, "Civic Works Fiscal Partners, Inc.");
  EXPECT_EQ(document->buyer.name, "Stichting Noordzee Mariene Data");
  EXPECT_EQ(document->buyer.vat_id, "NL862245901B01");
  EXPECT_EQ(document->buyer.address.country_code, "NL");
  EXPECT_EQ(document->vat.category, "AE");
  EXPECT_EQ(document->vat.exemption_code, "VATEX-EU-AE");
  ASSERT_EQ(document->lines.size(), 2u);
  EXPECT_EQ(document->lines[1].unit_code, "C62");
  EXPECT_EQ(document->amount(document->line_total), "5250.00");
  EXPECT_EQ(document->amount(document->paid), "5250.00");
  EXPECT_EQ(document->amount(document->due), "0.00");

  const std::string cii = write_cii(*document);
  EXPECT_EQ(cii_violations(cii), std::vector<std::string>{}) << cii;
  EXPECT_NE(cii.find("<ram:BilledQuantity unitCode=\"C62\">60</ram:BilledQuantity>"),
            std::string::npos)
      << cii;
  EXPECT_NE(cii.find("<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>"),
            std::string::npos);
  const std::string ubl = write_ubl(*document);
  EXPECT_EQ(ubl_violations(ubl), std::vector<std::string>{}) << ubl;
  EXPECT_NE(ubl.find("<cbc:PayableAmount currencyID=\"EUR\">0.00</cbc:PayableAmount>"),
            std::string::npos)
      << ubl;
}

TEST_F(EInvoiceTest, ACreditNoteNamesTheInvoiceItCredits) {
  // Lakeshore bills in the United States at 0 %: outside the scope of EU VAT.
  edit("partnerops.yaml", "tax: {label: Sales tax (exempt services), rate_percent: \"0\"}",
       "tax: {label: Sales tax (exempt services), rate_percent: \"0\", vat_category: O}");
  edit("partners/lakeshore-college/partner.yaml", "    country: United States\n",
       "    country: United States\n    country_code: US\n");
  Diagnostics lacks;
  const std::optional<Document> document = of("CN-2026-0001", lacks);
  ASSERT_TRUE(document) << (lacks.empty() ? "" : lacks.items()[0].message);
  EXPECT_EQ(document->type, TypeCode::credit_note);
  EXPECT_EQ(document->preceding_invoice, "INV-2026-0004");
  ASSERT_TRUE(document->preceding_date);
  EXPECT_EQ(document->preceding_date->iso(), "2026-08-03");
  EXPECT_EQ(document->vat.exemption_code, "VATEX-EU-O");
  const std::string cii = write_cii(*document);
  EXPECT_EQ(cii_violations(cii), std::vector<std::string>{}) << cii;
  EXPECT_NE(cii.find("<ram:TypeCode>381</ram:TypeCode>"), std::string::npos);
  const std::string ubl = write_ubl(*document);
  EXPECT_EQ(ubl_violations(ubl), std::vector<std::string>{}) << ubl;
  EXPECT_TRUE(ubl.find("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
                       "CreditNote-2\"") != std::string::npos)
      << ubl;
}

/// One rule broken on purpose: what is changed in the document, and the
/// rule that must then be reported (in both syntaxes).
struct Breakage {
  std::string rule;
  std::function<void(Document&)> change;
};

std::vector<Breakage> breakages() {
  return {
      {"BR-02", [](Document& d) { d.number.clear(); }},
      {"BR-05", [](Document& d) { d.currency.clear(); }},
      {"BR-06", [](Document& d) { d.seller.name.clear(); }},
      {"BR-07", [](Document& d) { d.buyer.name.clear(); }},
      {"BR-08", [](Document& d) { d.seller.address.city.clear(); }},
      {"BR-09", [](Document& d) { d.seller.address.country_code.clear(); }},
      {"BR-10", [](Document& d) { d.buyer.address.city.clear(); }},
      {"BR-11", [](Document& d) { d.buyer.address.country_code.clear(); }},
      {"BR-16", [](Document& d) { d.lines.clear(); }},
      {"BR-21", [](Document& d) { d.lines[0].id.clear(); }},
      {"BR-23", [](Document& d) { d.lines[0].unit_code.clear(); }},
      {"BR-25", [](Document& d) { d.lines[0].name.clear(); }},
      {"BR-27", [](Document& d) { d.lines[0].net_price = -1; }},
      {"BR-55", [](Document& d) { d.type = TypeCode::credit_note; }},
      {"BR-61", [](Document& d) { d.payment.account.clear(); }},
      {"BR-CO-04", [](Document& d) { d.vat.category.clear(); }},
      {"BR-CO-10",
       [](Document& d) {
         d.line_total += 1;
         d.tax_exclusive += 1;
         d.tax_inclusive += 1;
       }},
      {"BR-CO-13",
       [](Document& d) {
         d.tax_exclusive += 100;
         d.tax_inclusive += 100;
       }},
      {"BR-CO-15", [](Document& d) { d.tax_inclusive += 1; }},
      {"BR-CO-16", [](Document& d) { d.due += 1; }},
      {"BR-CO-25",
       [](Document& d) {
         d.paid = 0;
         d.due = d.tax_inclusive;
         d.due_date.reset();
       }},
      {"BR-CO-26", [](Document& d) { d.seller.tax_registration.clear(); }},
      {"BR-AE-02", [](Document& d) { d.buyer.vat_id.clear(); }},
      {"BR-AE-06", [](Document& d) { d.vat.rate_percent = "21"; }},
      {"BR-AE-08", [](Document& d) { d.vat.taxable -= 1; }},
      {"BR-AE-09",
       [](Document& d) {
         d.vat.amount = 1;
         d.tax_inclusive += 1;
         d.due += 1;
       }},
      {"BR-AE-10",
       [](Document& d) {
         d.vat.exemption_reason.clear();
         d.vat.exemption_code.clear();
       }},
  };
}

TEST_F(EInvoiceTest, EachRuleBrokenOnPurposeIsReportedInBothSyntaxes) {
  Diagnostics lacks;
  const std::optional<Document> conforming = of("INV-2026-0003", lacks);
  ASSERT_TRUE(conforming);
  for (const Breakage& breakage : breakages()) {
    SCOPED_TRACE(breakage.rule);
    Document broken = *conforming;
    breakage.change(broken);
    const std::vector<std::string> cii = cii_violations(write_cii(broken));
    const std::vector<std::string> ubl = ubl_violations(write_ubl(broken));
    EXPECT_NE(std::find(cii.begin(), cii.end(), breakage.rule), cii.end())
        << ::testing::PrintToString(cii);
    EXPECT_NE(std::find(ubl.begin(), ubl.end(), breakage.rule), ubl.end())
        << ::testing::PrintToString(ubl);
  }
}

TEST_F(EInvoiceTest, TheStandardRateRulesCheckTheVatSums) {
  Diagnostics lacks;
  std::optional<Document> document = of("INV-2026-0003", lacks);
  ASSERT_TRUE(document);
  // 5250.00 at 21 %: 1102.50 of VAT.
  document->vat = Vat{"S", "21", 525000, 110250, "", ""};
  document->tax_inclusive = 525000 + 110250;
  document->paid = 0;
  document->due = document->tax_inclusive;
  EXPECT_EQ(cii_violations(write_cii(*document)), std::vector<std::string>{});
  Document wrong_vat = *document;
  wrong_vat.vat.amount = 110249;
  wrong_vat.tax_inclusive -= 1;
  wrong_vat.due -= 1;
  EXPECT_EQ(cii_violations(write_cii(wrong_vat)), std::vector<std::string>{"BR-S-09"});
  Document wrong_basis = *document;
  wrong_basis.vat.taxable = 525001;
  const std::vector<std::string> broken = ubl_violations(write_ubl(wrong_basis));
  EXPECT_NE(std::find(broken.begin(), broken.end(), "BR-S-08"), broken.end());
}

TEST_F(EInvoiceTest, TheCheckerItselfCatchesAGuidelineAndDecimalsItCannotRead) {
  Diagnostics lacks;
  const std::optional<Document> document = of("INV-2026-0003", lacks);
  ASSERT_TRUE(document);
  std::string cii = write_cii(*document);
  const std::string guideline = std::string(k_en16931);
  cii.replace(cii.find(guideline), guideline.size(), "");
  const std::size_t total = cii.find("<ram:GrandTotalAmount>5250.00");
  ASSERT_NE(total, std::string::npos);
  cii.replace(total, 29, "<ram:GrandTotalAmount>5250.001");
  const std::vector<std::string> broken = cii_violations(cii);
  EXPECT_NE(std::find(broken.begin(), broken.end(), "BR-01"), broken.end());
  EXPECT_NE(std::find(broken.begin(), broken.end(), "BR-DEC"), broken.end());
  EXPECT_EQ(cii_violations("<not-closed>"), std::vector<std::string>{"XML"});
}

TEST_F(EInvoiceTest, WhatTheFilesLackIsReportedWhereItIsWritten) {
  const std::string partner = "partners/noordzee-marine-data/partner.yaml";
  const std::string invoice = "partners/noordzee-marine-data/invoices/INV-2026-0003.yaml";
  edit(partner, "    country_code: NL\n", "");
  edit(partner, "  tax_id: NL862245901B01\n", "");
  edit("partnerops.yaml", "  unit_code: C62\n", "");
  const std::vector<std::string> lacks = lacks_of("INV-2026-0003");
  // Reported at the mapping under `billing:`, the line after the key.
  const std::string billing = partner + ":" + std::to_string(line_of(partner, "billing:\n") + 1);
  ASSERT_EQ(lacks.size(), 4u) << ::testing::PrintToString(lacks);
  EXPECT_EQ(lacks[0], "einvoice-incomplete " + billing +
                          " an e-invoice needs the buyer's country as a code, and "
                          "billing.address has no country_code");
  EXPECT_EQ(lacks[1], "einvoice-incomplete " + invoice + ":" +
                          std::to_string(line_of(invoice, "quantity: 1\n")) +
                          " an e-invoice counts every quantity in a unit, and line 1 names none");
  EXPECT_EQ(lacks[2], "einvoice-incomplete " + invoice + ":" +
                          std::to_string(line_of(invoice, "quantity: 60\n")) +
                          " an e-invoice counts every quantity in a unit, and line 2 names none");
  EXPECT_EQ(lacks[3], "einvoice-incomplete " + billing +
                          " a reverse-charge e-invoice names the buyer's VAT number, and "
                          "billing.tax_id is not an EU VAT number");
}

TEST_F(EInvoiceTest, WhichPartnersAreEInvoiced) {
  EXPECT_TRUE(is_eu_vat_number("NL862245901B01"));
  EXPECT_TRUE(is_eu_vat_number("DE123456789"));
  EXPECT_FALSE(is_eu_vat_number("EIN 93-4417208"));
  EXPECT_FALSE(is_eu_vat_number("GB123456789"));  // no longer in the EU
  EXPECT_FALSE(is_eu_vat_number("NL"));
  Diagnostics lacks;
  ASSERT_TRUE(of("INV-2026-0003", lacks));
  EXPECT_TRUE(is_einvoiced(*m_workspace, *m_workspace->partner("noordzee-marine-data")));
  EXPECT_FALSE(is_einvoiced(*m_workspace, *m_workspace->partner("lakeshore-college")));
}

/// A rule broken in the XML itself, for terms the writers always write
/// from values the model always has: a regular expression and its
/// replacement in each syntax, on the fixture's INV-2026-0003.
struct TextBreakage {
  std::string rule;
  std::string cii_pattern, cii_with;
  std::string ubl_pattern, ubl_with;
};

std::vector<TextBreakage> text_breakages() {
  return {
      {"BR-03", R"(<udt:DateTimeString format="102">20260701</udt:DateTimeString>)", "",
       R"(<cbc:IssueDate>2026-07-01</cbc:IssueDate>)", ""},
      {"BR-04", R"(<ram:TypeCode>380</ram:TypeCode>)", "",
       R"(<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>)", ""},
      {"BR-12", R"(<ram:LineTotalAmount>5250.00</ram:LineTotalAmount>)", "",
       R"(<cbc:LineExtensionAmount currencyID="EUR">5250.00</cbc:LineExtensionAmount>)", ""},
      {"BR-13", R"(<ram:TaxBasisTotalAmount>5250.00</ram:TaxBasisTotalAmount>)", "",
       R"(<cbc:TaxExclusiveAmount currencyID="EUR">5250.00</cbc:TaxExclusiveAmount>)", ""},
      {"BR-14", R"(<ram:GrandTotalAmount>5250.00</ram:GrandTotalAmount>)", "",
       R"(<cbc:TaxInclusiveAmount currencyID="EUR">5250.00</cbc:TaxInclusiveAmount>)", ""},
      {"BR-15", R"(<ram:DuePayableAmount>0.00</ram:DuePayableAmount>)", "",
       R"(<cbc:PayableAmount currencyID="EUR">0.00</cbc:PayableAmount>)", ""},
      {"BR-22", R"(<ram:BilledQuantity unitCode="C62">60</ram:BilledQuantity>)", "",
       R"(<cbc:InvoicedQuantity unitCode="C62">60</cbc:InvoicedQuantity>)", ""},
      {"BR-24", R"(<ram:LineTotalAmount>750.00</ram:LineTotalAmount>)", "",
       R"(<cbc:LineExtensionAmount currencyID="EUR">750.00</cbc:LineExtensionAmount>)", ""},
      {"BR-26", R"(<ram:ChargeAmount>12.50</ram:ChargeAmount>)", "",
       R"(<cbc:PriceAmount currencyID="EUR">12.50</cbc:PriceAmount>)", ""},
      {"BR-CO-14", R"((<ram:TaxTotalAmount currencyID="EUR">)0.00)", "$011.00",
       R"((<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="EUR">)0.00)", "$011.00"},
      {"BR-CO-18",
       R"(<ram:ApplicableTradeTax>\s*<ram:CalculatedAmount>[\s\S]*?</ram:ApplicableTradeTax>)", "",
       R"(<cac:TaxSubtotal>[\s\S]*?</cac:TaxSubtotal>)", ""},
      {"BR-AE-05", R"((<ram:CategoryCode>AE</ram:CategoryCode>\s*<ram:RateApplicablePercent>)0<)",
       "$0121<", R"((<cac:ClassifiedTaxCategory>\s*<cbc:ID>AE</cbc:ID>\s*<cbc:Percent>)0<)",
       "$0121<"},
  };
}

std::string replaced(const std::string& xml, const std::string& pattern, const std::string& with) {
  const std::regex expression(pattern);
  EXPECT_TRUE(std::regex_search(xml, expression)) << pattern;
  return std::regex_replace(xml, expression, with, std::regex_constants::format_first_only);
}

TEST_F(EInvoiceTest, EachRuleBrokenInTheXmlIsReported) {
  Diagnostics lacks;
  const std::optional<Document> document = of("INV-2026-0003", lacks);
  ASSERT_TRUE(document);
  const std::string cii = write_cii(*document);
  const std::string ubl = write_ubl(*document);
  for (const TextBreakage& breakage : text_breakages()) {
    SCOPED_TRACE(breakage.rule);
    const std::vector<std::string> in_cii =
        cii_violations(replaced(cii, breakage.cii_pattern, breakage.cii_with));
    const std::vector<std::string> in_ubl =
        ubl_violations(replaced(ubl, breakage.ubl_pattern, breakage.ubl_with));
    EXPECT_NE(std::find(in_cii.begin(), in_cii.end(), breakage.rule), in_cii.end())
        << ::testing::PrintToString(in_cii);
    EXPECT_NE(std::find(in_ubl.begin(), in_ubl.end(), breakage.rule), in_ubl.end())
        << ::testing::PrintToString(in_ubl);
  }
}

TEST(EInvoiceRules, EveryCheckedRuleIsBrokenByATest) {
  std::vector<std::string> broken;
  for (const Breakage& breakage : breakages())
    if (breakage.change) broken.push_back(breakage.rule);
  for (const TextBreakage& breakage : text_breakages()) broken.push_back(breakage.rule);
  // Broken by the tests of their own above: the standard rate's sums, the
  // guideline and the decimals.
  for (const char* rule : {"BR-S-08", "BR-S-09", "BR-01", "BR-DEC"}) broken.emplace_back(rule);
  for (const std::string& rule : checked_rules())
    EXPECT_NE(std::find(broken.begin(), broken.end(), rule), broken.end()) << rule;
}

}  // namespace
}  // namespace partnerops::einvoice

namespace partnerops {
namespace {

class EInvoiceChecksTest : public testing::FixtureChecksTest {};

TEST_F(EInvoiceChecksTest, TheFixtureNeedsNothingMore) {
  for (const std::string& line : validate()) EXPECT_EQ(line.find("einvoice"), std::string::npos);
}

TEST_F(EInvoiceChecksTest, ValidateWarnsOnceWhereALackIsWritten) {
  // Both of the partner's invoices lack the country: said once, at billing.
  edit("partners/noordzee-marine-data/partner.yaml", "    country_code: NL\n", "");
  edit("partners/noordzee-marine-data/agreement.yaml", "  vat_category: AE\n", "");
  std::vector<std::string> lacks;
  for (const std::string& line : validate())
    if (line.find("einvoice") != std::string::npos) lacks.push_back(line);
  EXPECT_EQ(lacks,
            (std::vector<std::string>{
                "warning einvoice-incomplete partners/noordzee-marine-data/invoices/"
                "INV-2026-0003.yaml:21:17",
                "warning einvoice-incomplete partners/noordzee-marine-data/invoices/"
                "INV-2026-0005.yaml:17:17",
                "warning einvoice-incomplete partners/noordzee-marine-data/partner.yaml:105:3",
            }));
}

TEST_F(EInvoiceChecksTest, APartnerWithoutAnEuVatNumberIsNotAsked) {
  edit("partners/noordzee-marine-data/partner.yaml", "    country_code: NL\n", "");
  edit("partners/noordzee-marine-data/partner.yaml", "  tax_id: NL862245901B01\n",
       "  tax_id: EIN 12-3456789\n");
  for (const std::string& line : validate()) EXPECT_EQ(line.find("einvoice"), std::string::npos);
}

}  // namespace
}  // namespace partnerops
