// Who is billed, end to end: the "Bill to" block read back with pdftotext
// from an invoice, a quote, a credit note, a receipt and a statement; the
// organisation's payment details alike on invoices and statements; `invoice
// issue` refusing a partner without billing details; `new lead` writing
// them.

#include <gtest/gtest.h>

#include <algorithm>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

// Cascadia is a prospect with a quote: given billing details and a purchase
// order on its agreement here, so the quote's block shows every part.
const char* const k_cascadia_billing =
    "billing:\n"
    "  address:\n"
    "    lines:\n"
    "      - Finance Office\n"
    "      - 410 Harbor Street, Suite 2\n"
    "    city: Seattle\n"
    "    region: WA\n"
    "    postal_code: \"98101\"\n"
    "    country: United States\n"
    "  accounts_payable:\n"
    "    name: Accounts Payable\n"
    "    email: ap@cascadiaclimate.org\n"
    "  tax_id: 91-1234567\n";

// The blocks of the two partners with issued invoices, as pdftotext -raw
// reads them (the heading is upper-cased by the style sheet).
const char* const k_lakeshore_block =
    "BILL TO\n"
    "Lakeshore Community College District\n"
    "Accounts Payable, Business Office\n"
    "2800 Lakeshore Drive\n"
    "Muskegon, MI 49442\n"
    "United States\n"
    "Attn. Rosa Delgado\n"
    "accountspayable@lakeshorecc.edu\n"
    "PO number 26-00417\n";
const char* const k_noordzee_block =
    "BILL TO\n"
    "Stichting Noordzee Mariene Data\n"
    "t.a.v. Crediteurenadministratie\n"
    "Havenkade 12\n"
    "1781 AB Den Helder\n"
    "Netherlands\n"
    "Attn. Joost Bakker\n"
    "facturen@noordzeedata.nl\n"
    "Tax ID NL862245901B01\n";

class BillToBuildTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace = new TempDir;
    const fs::path root = workspace->path();
    make_base_workspace(root);
    const fs::path partner = root / "partners/cascadia-climate/partner.yaml";
    write_file(partner, read_file(partner) + k_cascadia_billing);
    const fs::path agreement = root / "partners/cascadia-climate/agreement.yaml";
    write_file(agreement, read_file(agreement) + "purchase_order: CCI-PO-7781\n");
    result = new RunResult(run_partnerops(
        {"build", root.string(), "--today", "2026-11-23", "--out", (root / "out").string()}, root,
        {"SOURCE_DATE_EPOCH=1790000000"}));
  }
  static void TearDownTestSuite() {
    delete result;
    delete workspace;
  }
  /// The PDF's text in reading order, one line per line of text, so a
  /// block of the right-hand column reads on its own.
  static std::string text(const std::string& output) {
    return run_tool("pdftotext -raw '" + (workspace->path() / "out" / output).string() + "' -");
  }
  static TempDir* workspace;
  static RunResult* result;
};

TempDir* BillToBuildTest::workspace = nullptr;
RunResult* BillToBuildTest::result = nullptr;

TEST_F(BillToBuildTest, Builds) { ASSERT_EQ(result->exit_code, 0) << result->err; }

TEST_F(BillToBuildTest, InvoiceBillsTheAccountsPayableOfficeWithTheAgreementsPurchaseOrder) {
  const std::string t = text("lakeshore-college/invoice-INV-2026-0004.pdf");
  EXPECT_NE(t.find(k_lakeshore_block), std::string::npos) << t;
}

TEST_F(BillToBuildTest, EuroInvoicePrintsTheVatNumber) {
  const std::string t = text("noordzee-marine-data/invoice-INV-2026-0003.pdf");
  EXPECT_NE(t.find(k_noordzee_block), std::string::npos) << t;
  EXPECT_EQ(t.find("PO number"), std::string::npos) << t;
}

TEST_F(BillToBuildTest, QuoteCarriesTheBlockWithTaxIdAndPurchaseOrder) {
  const std::string t = text("cascadia-climate/quote-Q-2026-002.pdf");
  EXPECT_NE(t.find("BILL TO\n"
                   "Cascadia Climate Modeling Consortium, a\n"
                   "Washington nonprofit corporation\n"
                   "Finance Office\n"
                   "410 Harbor Street, Suite 2\n"
                   "Seattle, WA 98101\n"
                   "United States\n"
                   "Attn. Accounts Payable\n"
                   "ap@cascadiaclimate.org\n"
                   "Tax ID 91-1234567\n"
                   "PO number CCI-PO-7781\n"),
            std::string::npos)
      << t;
}

TEST_F(BillToBuildTest, CreditNoteAndReceiptNameTheirInvoicesPurchaseOrder) {
  for (const char* output : {"lakeshore-college/credit-note-CN-2026-0001.pdf",
                             "lakeshore-college/receipt-INV-2026-0004-1.pdf"}) {
    const std::string t = text(output);
    EXPECT_NE(t.find(k_lakeshore_block), std::string::npos) << output << "\n" << t;
  }
}

// A statement covers invoices that may answer to different purchase orders,
// so its block names none.
TEST_F(BillToBuildTest, StatementBillsTheOfficeWithoutAPurchaseOrder) {
  const std::string t = text("noordzee-marine-data/statement.pdf");
  EXPECT_NE(t.find(k_noordzee_block), std::string::npos) << t;
  EXPECT_EQ(text("lakeshore-college/statement.pdf").find("PO number"), std::string::npos);
}

// One partial prints the payment details: the statement used to leave out
// the routing number the invoice gives.
TEST_F(BillToBuildTest, InvoiceAndStatementPrintTheSamePaymentDetails) {
  const auto payment = [](const std::string& t) {
    const std::size_t from = t.find("How to pay");
    const std::size_t to = t.find("\nSWIFT ", from);
    return from == std::string::npos || to == std::string::npos ? std::string()
                                                                : t.substr(from, to - from);
  };
  const fs::path out = workspace->path() / "out";
  const std::string invoice = fold(pdf_text(out / "lakeshore-college/invoice-INV-2026-0004.pdf"));
  const std::string statement = fold(pdf_text(out / "lakeshore-college/statement.pdf"));
  EXPECT_NE(payment(statement).find("Routing 123006800"), std::string::npos) << statement;
  EXPECT_EQ(payment(statement), payment(invoice));
}

// The "To" block stays on the documents that bill nobody: the agreement is
// addressed to the primary contact.
TEST_F(BillToBuildTest, AnAgreementKeepsItsToBlock) {
  const std::string t = text("cascadia-climate/agreement.pdf");
  EXPECT_EQ(t.find("BILL TO"), std::string::npos) << t;
  EXPECT_NE(t.find("TO\n"), std::string::npos) << t;
}

class BillToCliTest : public GitWorkspaceTest {};

TEST_F(BillToCliTest, InvoiceIssueRefusesAPartnerWithoutBillingDetails) {
  // Noordzee before its first invoice, and before anyone wrote down who
  // pays it.
  const fs::path partner = dir.path() / "partners/noordzee-marine-data/partner.yaml";
  std::string text = read_file(partner);
  text = replaced(text, "  first-invoice: 2026-07-01\n", "");
  text = replaced(
      text, "  accounts_payable:\n    name: Joost Bakker\n    email: facturen@noordzeedata.nl\n",
      "");
  write_file(partner, text);
  git("rm -q partners/noordzee-marine-data/invoices/INV-2026-0003.yaml "
      "partners/noordzee-marine-data/invoices/INV-2026-0005.yaml");
  git("commit -q -am 'before the first invoice'");
  ASSERT_EQ(
      partnerops({"invoice", "run", "2027-01", "--today", "2026-12-20", "--no-branch"}).exit_code,
      0);
  // validate warns while the invoice is a draft (among the gaps the removed
  // invoices leave)...
  const RunResult validate = partnerops({"validate", "--today", "2026-12-20", "--format", "json"});
  const std::vector<std::string> lines = diagnostic_lines(validate.out);
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "warning billing-details-missing "
                      "partners/noordzee-marine-data/partner.yaml:104:3"),
            lines.end())
      << validate.out;
  // ...and issuing it is refused with the same message, changing nothing.
  const std::string head = git("rev-parse HEAD");
  const RunResult issue = partnerops({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-04"});
  EXPECT_EQ(issue.exit_code, 1);
  EXPECT_NE(issue.err.find("partners/noordzee-marine-data/partner.yaml:104:3: "
                           "error[billing-details-missing]: partner.yaml has no "
                           "billing.accounts_payable, which invoice INV-2027-0001 needs once "
                           "issued\n"),
            std::string::npos)
      << issue.out << issue.err;
  EXPECT_EQ(git("rev-parse HEAD"), head);
  EXPECT_EQ(git("status --porcelain"), "");
}

TEST_F(BillToCliTest, NewLeadWritesTheBillingDetailsGiven) {
  const RunResult result = partnerops({"new",
                                       "lead",
                                       "Fjord Data Lab",
                                       "--contact",
                                       "Ida Berg <ida@fjorddata.example.no>",
                                       "--billing-street",
                                       "Postboks 112",
                                       "--billing-street",
                                       "Strandgaten 5",
                                       "--billing-postal-code",
                                       "5013",
                                       "--billing-city",
                                       "Bergen",
                                       "--billing-country",
                                       "Norway",
                                       "--ap-contact",
                                       "Fakturamottak <faktura@fjorddata.example.no>",
                                       "--tax-id",
                                       "NO 912 345 678 MVA",
                                       "--date",
                                       "2026-11-23"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir.path() / "partners/fjord-data-lab/partner.yaml"),
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "slug: fjord-data-lab\n"
            "name: Fjord Data Lab\n"
            "qualified: false\n"
            "stage: lead\n"
            "owner: tomas@commonscompute.org\n"
            "contacts:\n"
            "  - name: Ida Berg\n"
            "    email: ida@fjorddata.example.no\n"
            "    role: Main contact\n"
            "    primary: true\n"
            "billing:\n"
            "  address:\n"
            "    lines:\n"
            "      - Postboks 112\n"
            "      - Strandgaten 5\n"
            "    city: Bergen\n"
            "    postal_code: \"5013\"\n"
            "    country: Norway\n"
            "  accounts_payable:\n"
            "    name: Fakturamottak\n"
            "    email: faktura@fjorddata.example.no\n"
            "  tax_id: NO 912 345 678 MVA\n"
            "history:\n"
            "  - date: 2026-11-23\n"
            "    stage: lead\n"
            "    reason: new lead\n");
}

TEST_F(BillToCliTest, NewLeadRefusesAnAddressWithoutACityAndABadAccountsPayableAddress) {
  const RunResult no_city =
      partnerops({"new", "lead", "Fjord Data Lab", "--contact", "ida@fjorddata.example.no",
                  "--billing-street", "Strandgaten 5", "--billing-country", "Norway"});
  EXPECT_EQ(no_city.exit_code, 1);
  EXPECT_NE(no_city.err.find("error[schema-required]"), std::string::npos) << no_city.err;
  EXPECT_NE(no_city.err.find("city"), std::string::npos) << no_city.err;
  const RunResult bad_ap = partnerops({"new", "lead", "Fjord Data Lab", "--contact",
                                       "ida@fjorddata.example.no", "--ap-contact", "Faktura <x>"});
  EXPECT_EQ(bad_ap.exit_code, 1);
  EXPECT_NE(bad_ap.err.find("error[new-email-invalid]: the accounts-payable contact: 'x' is not "
                            "an email address"),
            std::string::npos)
      << bad_ap.err;
  EXPECT_FALSE(fs::exists(dir.path() / "partners/fjord-data-lab"));
}

}  // namespace
}  // namespace partnerops::e2e
