// Factur-X invoices as `build` makes them on the base workspace, read back by
// poppler and by an independent EN 16931 reader from the npm registry
// (@fin.cx/einvoice, tests/einvoice/check.mjs), which shares no code with
// partnerops: the PDFs of the e-invoiced partner (noordzee-marine-data, an
// EU VAT number) carry their XML, every other PDF stays plain, and what the
// reader extracts and checks is accepted, to the cent.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};

/// The reader's folder; its packages are installed on first use, once per
/// machine (flock keeps two test processes from installing at once).
fs::path reader_dir() { return source_dir() / "tests" / "einvoice"; }

/// Runs the independent reader on `files`: its lines, then "exit N".
std::string independent_reader(const std::vector<fs::path>& files, const fs::path& cwd) {
  const std::string dir = reader_dir().string();
  const std::string install = "flock '" + dir + "/.install.lock' sh -c \"cd '" + dir +
                              "' && { [ -d node_modules/@fin.cx/einvoice ] || npm ci --no-audit "
                              "--no-fund --silent; }\" >&2";
  std::string command = install + " && cd '" + cwd.string() + "' && node '" + dir + "/check.mjs'";
  for (const fs::path& file : files) command += " '" + file.string() + "'";
  return run_tool(command + " 2>&1; echo exit $?");
}

class FacturXTest : public GitWorkspaceTest {
 protected:
  FacturXTest() : GitWorkspaceTest(k_epoch) {}

  std::string detached(const std::string& pdf) const {
    return run_tool("pdfdetach -list '" + (dir.path() / "out" / pdf).string() + "' 2>&1");
  }
};

TEST_F(FacturXTest, TheEInvoicedPartnersInvoicesCarryTheirXmlAndNothingElseDoes) {
  const RunResult build = partnerops({"build"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_EQ(build.err.find("einvoice"), std::string::npos) << build.err;
  for (const char* number : {"INV-2026-0003", "INV-2026-0005"}) {
    const std::string pdf = std::string("noordzee-marine-data/invoice-") + number + ".pdf";
    EXPECT_EQ(detached(pdf), "1 embedded files\n1: factur-x.xml\n") << pdf;
    // The embedded XML is the one `invoice export` writes, byte for byte.
    const RunResult exported = partnerops({"invoice", "export", number});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_EQ(
        run_tool("pdfdetach -save 1 -o /dev/stdout '" + (dir.path() / "out" / pdf).string() + "'"),
        exported.out)
        << pdf;
  }
  // A partner without an EU VAT number, and every other kind of document.
  for (const char* pdf :
       {"lakeshore-college/invoice-INV-2026-0001.pdf", "noordzee-marine-data/statement.pdf",
        "noordzee-marine-data/receipt-INV-2026-0003-1.pdf"})
    EXPECT_EQ(detached(pdf), "0 embedded files\n") << pdf;
  const std::string info =
      run_tool("pdfinfo '" +
               (dir.path() / "out/noordzee-marine-data/invoice-INV-2026-0005.pdf").string() + "'");
  EXPECT_NE(info.find("PDF version:     1.7\n"), std::string::npos) << info;
}

TEST_F(FacturXTest, TheIndependentReaderAcceptsEveryEInvoiceInBothSyntaxes) {
  // A credit note too (type 381), made as a user makes one.
  RunResult run = partnerops({"invoice", "credit", "INV-2026-0005", "--reason",
                              "One month of the hub was not delivered", "--line", "1=1500.00",
                              "--date", "2026-11-20", "--no-commit"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  run = partnerops({"build", "--partner", "noordzee-marine-data"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<fs::path> files = {"out/noordzee-marine-data/invoice-INV-2026-0003.pdf",
                                 "out/noordzee-marine-data/invoice-INV-2026-0005.pdf",
                                 "out/noordzee-marine-data/credit-note-CN-2026-0002.pdf"};
  for (const char* number : {"INV-2026-0003", "INV-2026-0005", "CN-2026-0002"}) {
    for (const char* format : {"cii", "ubl"}) {
      const std::string out = std::string(number) + "." + format + ".xml";
      run = partnerops({"invoice", "export", number, "--format", format, "--out", out});
      ASSERT_EQ(run.exit_code, 0) << run.err;
      files.push_back(out);
    }
  }
  // FORMAT NUMBER CURRENCY NET GROSS LINES, as the reader decodes them. Its
  // UBL decoder reads cac:InvoiceLine only, so a UBL credit note decodes
  // with no lines (its UBL rule set still checks them).
  EXPECT_EQ(independent_reader(files, dir.path()),
            "out/noordzee-marine-data/invoice-INV-2026-0003.pdf: facturx INV-2026-0003 EUR 5250 "
            "5250 2 valid\n"
            "out/noordzee-marine-data/invoice-INV-2026-0005.pdf: facturx INV-2026-0005 EUR 4500 "
            "4500 1 valid\n"
            "out/noordzee-marine-data/credit-note-CN-2026-0002.pdf: facturx CN-2026-0002 EUR 1500 "
            "1500 1 valid\n"
            "INV-2026-0003.cii.xml: facturx INV-2026-0003 EUR 5250 5250 2 valid\n"
            "INV-2026-0003.ubl.xml: ubl INV-2026-0003 EUR 5250 5250 2 valid\n"
            "INV-2026-0005.cii.xml: facturx INV-2026-0005 EUR 4500 4500 1 valid\n"
            "INV-2026-0005.ubl.xml: ubl INV-2026-0005 EUR 4500 4500 1 valid\n"
            "CN-2026-0002.cii.xml: facturx CN-2026-0002 EUR 1500 1500 1 valid\n"
            "CN-2026-0002.ubl.xml: ubl CN-2026-0002 EUR 0 0 0 valid\n"
            "exit 0\n");
}

TEST_F(FacturXTest, TheIndependentReaderRejectsATotalThatDoesNotAddUp) {
  const RunResult run = partnerops({"invoice", "export", "INV-2026-0003", "--out", "x.xml"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  write_file(dir.path() / "x.xml", replaced(read_file(dir.path() / "x.xml"),
                                            "<ram:DuePayableAmount>0.00</ram:DuePayableAmount>",
                                            "<ram:DuePayableAmount>1.00</ram:DuePayableAmount>"));
  EXPECT_EQ(independent_reader({"x.xml"}, dir.path()),
            "x.xml: facturx INV-2026-0003 EUR 5250 5250 2 invalid: BR-16 Amount due for payment "
            "(1) must equal Invoice total amount with VAT (5250) - Paid amount (5250)\n"
            "exit 1\n");
}

TEST_F(FacturXTest, AnInvoiceThatCannotBeAnEInvoiceIsBuiltPlainWithTheLackAtItsPosition) {
  write_file(dir.path() / "partners/noordzee-marine-data/partner.yaml",
             replaced(read_file(dir.path() / "partners/noordzee-marine-data/partner.yaml"),
                      "    country_code: NL\n", ""));
  const RunResult build = partnerops({"build", "--kind", "invoice"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string lack =
      "partners/noordzee-marine-data/partner.yaml:105:3: warning[einvoice-incomplete]: an "
      "e-invoice needs the buyer's country as a code, and billing.address has no country_code";
  // Said once, by the validation every build starts with, not once per invoice.
  const std::size_t first = build.err.find(lack);
  ASSERT_NE(first, std::string::npos) << build.err;
  EXPECT_EQ(build.err.find(lack, first + 1), std::string::npos) << build.err;
  EXPECT_EQ(detached("noordzee-marine-data/invoice-INV-2026-0005.pdf"), "0 embedded files\n");
}

}  // namespace
}  // namespace partnerops::e2e
