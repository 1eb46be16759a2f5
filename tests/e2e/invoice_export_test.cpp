// partnerops invoice export as a user runs it on the base workspace: the
// reverse-charge invoice in both syntaxes, to standard output and to a
// file, and the refusals (an unknown number, a lacking file) with their
// diagnostics and nothing written.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

class InvoiceExportTest : public GitWorkspaceTest {};

TEST_F(InvoiceExportTest, WritesTheCrossIndustryInvoiceToStandardOutput) {
  const RunResult run = partnerops({"invoice", "export", "INV-2026-0005"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(
      run.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<rsm:CrossIndustryInvoice"))
      << run.out;
  for (const char* expected :
       {"<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:ID>INV-2026-0005</ram:ID>",
        "<ram:TypeCode>380</ram:TypeCode>", "<ram:CountryID>NL</ram:CountryID>",
        "<ram:ID schemeID=\"VA\">NL862245901B01</ram:ID>",
        "<ram:CategoryCode>AE</ram:CategoryCode>",
        "<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>",
        "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"})
    EXPECT_NE(run.out.find(expected), std::string::npos) << expected << "\n" << run.out;
  EXPECT_TRUE(run.err.empty()) << run.err;
}

TEST_F(InvoiceExportTest, WritesUblToAFile) {
  const RunResult run =
      partnerops({"invoice", "export", "INV-2026-0003", "--format", "ubl", "--out", "x.xml"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty()) << run.out;
  const std::string xml = read_file(dir.path() / "x.xml");
  EXPECT_NE(xml.find("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<cbc:PayableAmount currencyID=\"EUR\">0.00</cbc:PayableAmount>"),
            std::string::npos)
      << xml;
}

TEST_F(InvoiceExportTest, RefusesAnUnknownNumberAndWhatTheFilesLack) {
  RunResult run = partnerops({"invoice", "export", "INV-2026-0099", "--out", "x.xml"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("error[invoice-unknown]: there is no invoice or credit note numbered "
                         "'INV-2026-0099'"),
            std::string::npos)
      << run.err;
  write_file(dir.path() / "partners/noordzee-marine-data/partner.yaml",
             replaced(read_file(dir.path() / "partners/noordzee-marine-data/partner.yaml"),
                      "    country_code: NL\n", ""));
  run = partnerops({"invoice", "export", "INV-2026-0005", "--out", "x.xml"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("partners/noordzee-marine-data/partner.yaml:105:3: "
                         "error[einvoice-incomplete]: an e-invoice needs the buyer's country as a "
                         "code, and billing.address has no country_code"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "x.xml"));
}

}  // namespace
}  // namespace partnerops::e2e
