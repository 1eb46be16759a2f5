// Documents that are not final say so on every page, read back page by page
// with pdftotext: draft, shared and ready agreements, draft, sent, declined
// and expired quotes, draft and void invoices; final documents carry no mark.
// Each PDF's Title is the document's own title, read back with pdfinfo. The
// agreement prints how its term renews.

#include <gtest/gtest.h>

#include <regex>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};

/// Words only a mark prints; none may appear on a final document.
const char* const k_mark_words[] = {"DRAFT",         "VOID",    "EXPIRED",          "DECLINED",
                                    "READY TO SIGN", "SIGNING", "Offer valid until"};

int page_count(const fs::path& pdf) {
  const std::string info = run_tool("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) return 0;
  return std::stoi(m[1]);
}

std::string title_of(const fs::path& pdf) {
  const std::string info = run_tool("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(Title:\s+([^\n]*)\n)"))) return "";
  return m[1];
}

/// The text of each page, from pdftotext -f N -l N.
std::vector<std::string> page_texts(const fs::path& pdf) {
  std::vector<std::string> pages;
  const int count = page_count(pdf);
  for (int p = 1; p <= count; ++p) {
    pages.push_back(run_tool("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) +
                             " '" + pdf.string() + "' -"));
  }
  return pages;
}

/// Every page holds `mark` exactly once, on its own line.
void expect_mark_on_every_page(const fs::path& pdf, const std::string& mark, int min_pages = 1) {
  const std::vector<std::string> pages = page_texts(pdf);
  ASSERT_GE(static_cast<int>(pages.size()), min_pages) << pdf;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const std::size_t at = pages[p].find("\n" + mark + "\n");
    EXPECT_NE(at, std::string::npos) << pdf << " page " << p + 1 << ":\n" << pages[p];
    EXPECT_EQ(pages[p].find(mark, at + 1 + mark.size()), std::string::npos)
        << pdf << " page " << p + 1;
  }
}

void expect_no_mark(const fs::path& pdf) {
  const std::vector<std::string> pages = page_texts(pdf);
  ASSERT_FALSE(pages.empty()) << pdf;
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (const char* word : k_mark_words)
      EXPECT_EQ(pages[p].find(word), std::string::npos)
          << pdf << " page " << p + 1 << " holds " << word << ":\n"
          << pages[p];
}

std::string two_digits(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

/// INV-2026-0007, a draft of 60 lines for Lakeshore: several pages.
void add_sixty_line_draft(const fs::path& dir) {
  std::string yaml =
      "number: INV-2026-0007\nstatus: draft\nissue_date: 2026-12-01\ndue_date: 2026-12-31\n"
      "currency: USD\nperiod: \"2026-12\"\nlines:\n";
  for (int i = 1; i <= 60; ++i) {
    yaml += "  - description: \"Course section " + two_digits(i) +
            ": notebooks, environments and a shared data volume for the term\"\n"
            "    quantity: 1\n    unit_price: \"10.00\"\n    amount: \"10.00\"\n";
  }
  yaml +=
      "subtotal: \"600.00\"\ntax:\n  label: Sales tax (exempt services)\n  rate_percent: \"0\"\n"
      "  amount: \"0.00\"\ntotal: \"600.00\"\npayments: []\n";
  write_file(dir / "partners/lakeshore-college/invoices/INV-2026-0007.yaml", yaml);
}

/// Q-2026-003, declined, for Cascadia.
void add_declined_quote(const fs::path& dir) {
  const fs::path sent = dir / "partners/cascadia-climate/quotes/Q-2026-002.yaml";
  std::string yaml = replaced(read_file(sent), "number: Q-2026-002", "number: Q-2026-003");
  yaml = replaced(yaml, "status: sent", "status: declined");
  write_file(dir / "partners/cascadia-climate/quotes/Q-2026-003.yaml", yaml);
}

class StatusMarksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace = new TempDir;
    const fs::path dir = workspace->path();
    make_base_workspace(dir);
    add_sixty_line_draft(dir);
    add_declined_quote(dir);
    const fs::path agreement = dir / "partners/cascadia-climate/agreement.yaml";
    write_file(agreement, replaced(read_file(agreement), "  notice_days: 90\n",
                                   "  notice_days: 90\n  renewal_months: 6\n"));
    build = new RunResult(run_partnerops(
        {"build", dir.string(), "--today", "2026-11-23", "--out", (dir / "out").string()}, dir,
        k_epoch));
  }
  static void TearDownTestSuite() {
    delete build;
    delete workspace;
  }
  static fs::path out(const std::string& output) { return workspace->path() / "out" / output; }
  static TempDir* workspace;
  static RunResult* build;
};

TempDir* StatusMarksTest::workspace = nullptr;
RunResult* StatusMarksTest::build = nullptr;

TEST_F(StatusMarksTest, ADraftInvoiceSaysSoOnEveryPage) {
  ASSERT_EQ(build->exit_code, 0) << build->err;
  expect_mark_on_every_page(out("lakeshore-college/invoice-INV-2026-0007.pdf"),
                            "DRAFT — not an invoice until issued", 2);
  EXPECT_EQ(title_of(out("lakeshore-college/invoice-INV-2026-0007.pdf")), "Invoice INV-2026-0007");
}

TEST_F(StatusMarksTest, IssuedAndPaidInvoicesReceiptsAndCreditNotesCarryNoMark) {
  ASSERT_EQ(build->exit_code, 0) << build->err;
  for (const char* output :
       {"lakeshore-college/invoice-INV-2026-0006.pdf",
        "lakeshore-college/invoice-INV-2026-0004.pdf",
        "lakeshore-college/receipt-INV-2026-0004-1.pdf",
        "lakeshore-college/credit-note-CN-2026-0001.pdf", "lakeshore-college/statement.pdf",
        "lakeshore-college/agreement.pdf", "lakeshore-college/quote-Q-2026-001.pdf",
        "cascadia-climate/sow-hub-migration.pdf"}) {
    SCOPED_TRACE(output);
    expect_no_mark(out(output));
  }
  EXPECT_EQ(title_of(out("lakeshore-college/invoice-INV-2026-0006.pdf")), "Invoice INV-2026-0006");
  EXPECT_EQ(title_of(out("lakeshore-college/agreement.pdf")),
            "Managed JupyterHub Teaching Service Agreement");
  EXPECT_EQ(title_of(out("cascadia-climate/sow-hub-migration.pdf")),
            "Migration of the Consortium Hub to Managed Hosting");
  EXPECT_EQ(title_of(out("lakeshore-college/statement.pdf")),
            "Statement of Account — Lakeshore Community College");
}

TEST_F(StatusMarksTest, AgreementsNotYetSignedSaySoOnEveryPage) {
  ASSERT_EQ(build->exit_code, 0) << build->err;
  expect_mark_on_every_page(out("cascadia-climate/agreement.pdf"), "READY TO SIGN — not yet signed",
                            2);
  expect_mark_on_every_page(out("prairie-public-health/agreement.pdf"),
                            "DRAFT SHARED FOR REVIEW — not for signature", 2);
}

TEST_F(StatusMarksTest, QuotesSayUntilWhenTheyHoldAndWhenDeclined) {
  ASSERT_EQ(build->exit_code, 0) << build->err;
  expect_mark_on_every_page(out("cascadia-climate/quote-Q-2026-002.pdf"),
                            "Offer valid until 31 December 2026");
  expect_mark_on_every_page(out("cascadia-climate/quote-Q-2026-003.pdf"), "DECLINED");
  EXPECT_EQ(title_of(out("cascadia-climate/quote-Q-2026-003.pdf")), "Quote Q-2026-003");
}

TEST_F(StatusMarksTest, TheAgreementPrintsHowItsTermRenews) {
  ASSERT_EQ(build->exit_code, 0) << build->err;
  std::string text = run_tool("pdftotext '" + out("cascadia-climate/agreement.pdf").string() +
                              "' - | tr -s ' \\n' ' '");
  EXPECT_NE(text.find("It then renews automatically for further terms of 6 months each, the "
                      "first from 1 January 2028 to 30 June 2028."),
            std::string::npos)
      << text;
  text = run_tool("pdftotext '" + out("lakeshore-college/agreement.pdf").string() +
                  "' - | tr -s ' \\n' ' '");
  EXPECT_NE(text.find("It is renewed only by a renewal signed by both parties."), std::string::npos)
      << text;
}

// Built by a later date, a sent quote past its last day says EXPIRED; a draft
// quote and a void invoice are marked as such.
TEST(StatusMarks, ASentQuoteExpiresByTheBuildsDateAndVoidAndDraftAreMarked) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path quote = dir.path() / "partners/cascadia-climate/quotes/Q-2026-002.yaml";
  std::string draft = replaced(read_file(quote), "number: Q-2026-002", "number: Q-2026-003");
  write_file(dir.path() / "partners/cascadia-climate/quotes/Q-2026-003.yaml",
             replaced(draft, "status: sent", "status: draft"));
  const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  write_file(invoice, replaced(read_file(invoice), "status: issued", "status: void"));
  const RunResult run = run_partnerops({"build", dir.path().string(), "--today", "2027-01-05",
                                        "--out", (dir.path() / "out").string()},
                                       dir.path(), k_epoch);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  expect_mark_on_every_page(dir.path() / "out/cascadia-climate/quote-Q-2026-002.pdf",
                            "EXPIRED — was valid until 31 December 2026");
  expect_mark_on_every_page(dir.path() / "out/cascadia-climate/quote-Q-2026-003.pdf",
                            "DRAFT — not yet sent");
  expect_mark_on_every_page(dir.path() / "out/lakeshore-college/invoice-INV-2026-0006.pdf",
                            "VOID — nothing is payable");
}

}  // namespace
}  // namespace partnerops::e2e
