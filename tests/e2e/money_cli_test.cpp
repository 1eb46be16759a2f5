// invoice pay, invoice sponsor-number, statement and invoice handoff as a
// user runs them on a copy of the demo organisation, with --today pinned:
// the files and commits they make, the figures they print, and what they
// refuse.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::string k_invoice = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
const std::string k_new_invoice = "partners/lakeshore-college/invoices/INV-2026-0007.yaml";

/// An issued invoice without a sponsor number yet, with a line that needs
/// quoting in a CSV.
const std::string k_issued_0007 =
    "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n"
    "number: INV-2026-0007\n"
    "status: issued\n"
    "issue_date: 2026-11-20\n"
    "due_date: 2026-12-20\n"
    "currency: USD\n"
    "reference: PO 26-00502\n"
    "lines:\n"
    "  - description: Custom Julia environment for MATH 340, \"Numerical Methods\" (hours)\n"
    "    quantity: \"1.5\"\n"
    "    unit_price: \"145.00\"\n"
    "    amount: \"217.50\"\n"
    "subtotal: \"217.50\"\n"
    "tax:\n"
    "  label: Sales tax (exempt services)\n"
    "  rate_percent: \"0\"\n"
    "  amount: \"0.00\"\n"
    "total: \"217.50\"\n";

/// Cents as the plain text partnerops writes: 382000 -> "3820.00", -4000 -> "-40.00".
std::string plain(std::int64_t cents) {
  const std::int64_t magnitude = cents < 0 ? -cents : cents;
  const std::string fraction = std::to_string(magnitude % 100);
  return (cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." +
         (fraction.size() == 1 ? "0" : "") + fraction;
}

/// `text` on one line: line breaks read as spaces, runs of spaces folded.
std::string fold_into_one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    if ((c == ' ' || c == '\n') && !out.empty() && out.back() == ' ') continue;
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

class MoneyCliTest : public GitWorkspaceTest {
 protected:
  MoneyCliTest() : GitWorkspaceTest({"SOURCE_DATE_EPOCH=1790000000"}) {}

  std::string file(const std::string& path) const { return read_file(dir.path() / path); }

  void commit_file(const std::string& path, const std::string& content) {
    write_file(dir.path() / path, content);
    git("add -A");
    git("commit -q -m 'add " + path + "'");
  }

  std::string short_head() const {
    const std::string id = git("rev-parse --short HEAD");
    return id.substr(0, id.size() - 1);
  }

  nlohmann::json statement(const std::string& today) const {
    const RunResult run =
        partnerops({"statement", "lakeshore-college", "--today", today, "--format", "json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out);
  }
};

TEST_F(MoneyCliTest, PartialPaymentsLeaveABalanceThatAgesUntilTheLastOneSettlesIt) {
  const std::string original = file(k_invoice);
  const RunResult first =
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "2000.00", "--date", "2026-11-20",
                  "--reference", "ACH LCC-AP-1120-031"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "[main " + short_head() +
                           "] lakeshore-college: payment of 2000.00 USD on INV-2026-0006\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"), k_invoice + "\n");
  std::string expected = original;
  expected.replace(expected.find("payments: []\n"), 13,
                   "payments:\n"
                   "  - date: 2026-11-20\n"
                   "    amount: \"2000.00\"\n"
                   "    reference: ACH LCC-AP-1120-031\n");
  EXPECT_EQ(file(k_invoice), expected);
  EXPECT_EQ(git("log -1 --format=%B"),
            "lakeshore-college: payment of 2000.00 USD on INV-2026-0006\n\nPartner: "
            "lakeshore-college\nInvoice: INV-2026-0006\nPayment-Date: 2026-11-20\n\n");

  const RunResult second = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "1500 USD", "--date", "2026-12-10"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(git("show --name-only --format= HEAD"), k_invoice + "\n");
  EXPECT_NE(file(k_invoice).find("    reference: ACH LCC-AP-1120-031\n"
                                 "  - date: 2026-12-10\n"
                                 "    amount: \"1500.00\"\n"
                                 "sponsor_number: CWFP-2026-0917\n"),
            std::string::npos)
      << file(k_invoice);
  EXPECT_NE(file(k_invoice).find("status: issued\n"), std::string::npos);

  // The figures, from the invoices: 0001, 0002 and 0004 were paid in full,
  // and CN-2026-0001 then credited 40.00 on 0004: owed back to the partner.
  const std::int64_t total_0006 = 732000;
  const std::int64_t paid_before = 870000 + 732000 + 768250;
  const std::int64_t credit = 4000;
  const std::int64_t open = total_0006 - 200000 - 150000;
  ASSERT_EQ(open, 382000);
  const RunResult json =
      partnerops({"statement", "lakeshore-college", "--today", "2027-01-02", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.err, "");
  EXPECT_EQ(json.out,
            "{\n"
            "  \"partner\": \"lakeshore-college\",\n"
            "  \"name\": \"Lakeshore Community College District\",\n"
            "  \"bill_to\": {\n"
            "    \"name\": \"Lakeshore Community College District\",\n"
            "    \"address\": [\n"
            "      \"Accounts Payable, Business Office\",\n"
            "      \"2800 Lakeshore Drive\",\n"
            "      \"Muskegon, MI 49442\",\n"
            "      \"United States\"\n"
            "    ],\n"
            "    \"attention\": \"Rosa Delgado\",\n"
            "    \"email\": \"accountspayable@lakeshorecc.edu\",\n"
            "    \"tax_id\": \"\"\n"
            "  },\n"
            "  \"today\": \"2027-01-02\",\n"
            "  \"balances\": [\n"
            "    {\n"
            "      \"currency\": \"USD\",\n"
            "      \"invoiced\": \"" +
                plain(paid_before + total_0006) +
                "\",\n"
                "      \"paid\": \"" +
                plain(paid_before + 350000) +
                "\",\n"
                "      \"credited\": \"" +
                plain(credit) +
                "\",\n"
                "      \"balance\": \"" +
                plain(open - credit) +
                "\",\n"
                "      \"owed\": \"" +
                plain(open) +
                "\",\n"
                "      \"credit_balance\": \"" +
                plain(credit) +
                "\",\n"
                "      \"ageing\": {\n"
                "        \"current\": \"0.00\",\n"
                "        \"0-30\": \"0.00\",\n"
                "        \"31-60\": \"" +
                plain(open) +
                "\",\n"
                "        \"61-90\": \"0.00\",\n"
                "        \"90+\": \"0.00\"\n"
                "      }\n"
                "    }\n"
                "  ],\n"
                "  \"open_invoices\": [\n"
                "    {\n"
                "      \"number\": \"INV-2026-0004\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0642\",\n"
                "      \"issue_date\": \"2026-08-03\",\n"
                "      \"due_date\": \"2026-09-02\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"total\": \"7682.50\",\n"
                "      \"paid\": \"7682.50\",\n"
                "      \"credited\": \"40.00\",\n"
                "      \"open\": \"0.00\",\n"
                "      \"credit_balance\": \"40.00\",\n"
                "      \"days_past_due\": 122,\n"
                "      \"ageing\": null\n"
                "    },\n"
                "    {\n"
                "      \"number\": \"INV-2026-0006\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0917\",\n"
                "      \"issue_date\": \"2026-11-02\",\n"
                "      \"due_date\": \"2026-12-02\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"total\": \"7320.00\",\n"
                "      \"paid\": \"3500.00\",\n"
                "      \"credited\": \"0.00\",\n"
                "      \"open\": \"3820.00\",\n"
                "      \"credit_balance\": \"0.00\",\n"
                "      \"days_past_due\": 31,\n"
                "      \"ageing\": \"31-60\"\n"
                "    }\n"
                "  ],\n"
                "  \"payments\": [\n"
                "    {\n"
                "      \"date\": \"2026-02-26\",\n"
                "      \"invoice\": \"INV-2026-0001\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0113\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"8700.00\",\n"
                "      \"reference\": \"ACH LCC-AP-0226-118\"\n"
                "    },\n"
                "    {\n"
                "      \"date\": \"2026-05-28\",\n"
                "      \"invoice\": \"INV-2026-0002\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0381\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"7320.00\",\n"
                "      \"reference\": \"ACH LCC-AP-0528-073\"\n"
                "    },\n"
                "    {\n"
                "      \"date\": \"2026-09-01\",\n"
                "      \"invoice\": \"INV-2026-0004\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0642\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"7682.50\",\n"
                "      \"reference\": \"ACH LCC-AP-0901-022\"\n"
                "    },\n"
                "    {\n"
                "      \"date\": \"2026-11-20\",\n"
                "      \"invoice\": \"INV-2026-0006\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0917\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"2000.00\",\n"
                "      \"reference\": \"ACH LCC-AP-1120-031\"\n"
                "    },\n"
                "    {\n"
                "      \"date\": \"2026-12-10\",\n"
                "      \"invoice\": \"INV-2026-0006\",\n"
                "      \"sponsor_number\": \"CWFP-2026-0917\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"1500.00\",\n"
                "      \"reference\": \"\"\n"
                "    }\n"
                "  ],\n"
                "  \"credits\": [\n"
                "    {\n"
                "      \"number\": \"CN-2026-0001\",\n"
                "      \"date\": \"2026-11-10\",\n"
                "      \"invoice\": \"INV-2026-0004\",\n"
                "      \"currency\": \"USD\",\n"
                "      \"amount\": \"40.00\"\n"
                "    }\n"
                "  ]\n"
                "}\n");

  // The open amount moves through the buckets as the days pass (due 2026-12-02).
  const struct {
    const char* today;
    int days;
    const char* bucket;
  } ages[] = {{"2026-12-01", -1, "current"}, {"2026-12-02", 0, "0-30"},
              {"2027-01-01", 30, "0-30"},    {"2027-01-31", 60, "31-60"},
              {"2027-02-01", 61, "61-90"},   {"2027-03-02", 90, "61-90"},
              {"2027-03-03", 91, "90+"}};
  for (const auto& age : ages) {
    SCOPED_TRACE(age.today);
    const nlohmann::json s = statement(age.today);
    EXPECT_EQ(s["open_invoices"][1]["days_past_due"], age.days);
    EXPECT_EQ(s["open_invoices"][1]["ageing"], age.bucket);
    // The credit balance on INV-2026-0004 is in no bucket.
    for (const auto& [bucket, amount] : s["balances"][0]["ageing"].items())
      EXPECT_EQ(amount, plain(bucket == age.bucket ? open : 0)) << bucket;
    EXPECT_EQ(s["balances"][0]["credit_balance"], plain(credit));
  }

  // One cent more than is open is refused, and nothing changes.
  const std::string before_refusal = file(k_invoice);
  const std::string head = short_head();
  const RunResult over = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", plain(open + 1), "--date", "2027-01-05"});
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_EQ(over.out, "");
  EXPECT_NE(over.err.find("error[payment-overpays]: a payment of 3820.01 USD exceeds the 3820.00 "
                          "USD still open on INV-2026-0006 (total 7320.00, paid 3500.00)\n"),
            std::string::npos)
      << over.err;
  EXPECT_TRUE(over.err.ends_with("partnerops: nothing was changed\n")) << over.err;
  EXPECT_EQ(file(k_invoice), before_refusal);
  EXPECT_EQ(short_head(), head);
  EXPECT_EQ(git("status --porcelain"), "");

  // The exact open amount settles it.
  const RunResult last = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", plain(open), "--date", "2027-01-05"});
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(last.out, "[main " + short_head() +
                          "] lakeshore-college: payment of 3820.00 USD on INV-2026-0006, paid in "
                          "full\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"), k_invoice + "\n");
  EXPECT_NE(file(k_invoice).find("status: paid\n"), std::string::npos);
  const nlohmann::json settled = statement("2027-01-05");
  ASSERT_EQ(settled["open_invoices"].size(), 1u);
  EXPECT_EQ(settled["open_invoices"][0]["number"], "INV-2026-0004");
  EXPECT_EQ(settled["balances"][0]["balance"], plain(-credit));
  const RunResult validate = partnerops({"validate", ".", "--today", "2027-01-05"});
  EXPECT_EQ(validate.err.find("invoice"), std::string::npos) << validate.err;

  // A settled invoice takes no more money.
  const RunResult after =
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "0.01", "--date", "2027-01-06"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_NE(after.err.find("hint: the invoice is settled"), std::string::npos) << after.err;
}

TEST_F(MoneyCliTest, PaymentsOnDraftsEarlyDatesAndUnknownInvoicesAreRefused) {
  std::string draft = k_issued_0007;
  draft.replace(draft.find("status: issued"), 14, "status: draft");
  commit_file(k_new_invoice, draft);
  const std::string head = short_head();

  const RunResult on_draft =
      partnerops({"invoice", "pay", "INV-2026-0007", "--amount", "217.50", "--date", "2026-11-23"});
  EXPECT_EQ(on_draft.exit_code, 1);
  EXPECT_NE(on_draft.err.find(k_new_invoice + ":3:9: error[invoice-not-issued]: invoice "
                                              "INV-2026-0007 is a draft; payments are recorded "
                                              "only on issued invoices\n"),
            std::string::npos)
      << on_draft.err;

  const RunResult early =
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "10", "--date", "2026-11-01"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find("error[payment-before-issue]: a payment dated 2026-11-01 is before "
                           "invoice INV-2026-0006 was issued on 2026-11-02\n"),
            std::string::npos)
      << early.err;

  const RunResult unknown =
      partnerops({"invoice", "pay", "INV-2026-006", "--amount", "10", "--date", "2026-11-23"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err,
            "partners: error[invoice-unknown]: no partner has an invoice 'INV-2026-006' "
            "(partners/*/invoices/INV-2026-006.yaml)\n"
            "  hint: did you mean 'INV-2026-0006'?\n"
            "partnerops: nothing was changed\n");

  const RunResult grouping = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "1,000.00", "--date", "2026-11-23"});
  EXPECT_EQ(grouping.exit_code, 1);
  EXPECT_NE(grouping.err.find("error[payment-amount-invalid]: '1,000.00' is not an amount that "
                              "can be paid"),
            std::string::npos)
      << grouping.err;
  EXPECT_EQ(short_head(), head);
  EXPECT_EQ(git("status --porcelain"), "");
}

TEST_F(MoneyCliTest, SponsorNumberIsSetOnceCheckRangeAllowsItAndTheReceiptShowsIt) {
  commit_file(k_new_invoice, k_issued_0007);
  git("tag base");
  const RunResult set =
      partnerops({"invoice", "sponsor-number", "INV-2026-0007", "CWFP-2026-1001"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.out, "[main " + short_head() +
                         "] lakeshore-college: sponsor number CWFP-2026-1001 for INV-2026-0007\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"), k_new_invoice + "\n");
  EXPECT_EQ(file(k_new_invoice), k_issued_0007 + "sponsor_number: CWFP-2026-1001\n");

  const RunResult range = partnerops({"check-range", "base..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(range.exit_code, 0) << range.out << range.err;

  const std::string head = short_head();
  const RunResult again =
      partnerops({"invoice", "sponsor-number", "INV-2026-0007", "CWFP-2026-1001"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out,
            "partnerops: INV-2026-0007 already has sponsor number CWFP-2026-1001; nothing to "
            "change\n");
  const RunResult conflict =
      partnerops({"invoice", "sponsor-number", "INV-2026-0007", "CWFP-2026-1002"});
  EXPECT_EQ(conflict.exit_code, 1);
  EXPECT_NE(conflict.err.find(k_new_invoice + ":19:17: error[sponsor-number-conflict]: invoice "
                                              "INV-2026-0007 already has sponsor number "
                                              "CWFP-2026-1001, not CWFP-2026-1002\n"),
            std::string::npos)
      << conflict.err;
  EXPECT_EQ(short_head(), head);

  const RunResult paid = partnerops({"invoice", "pay", "INV-2026-0007", "--amount", "217.50",
                                     "--date", "2026-11-23", "--reference", "ACH LCC-AP-1123-007"});
  ASSERT_EQ(paid.exit_code, 0) << paid.err;
  const RunResult build = partnerops({"build", ".", "--partner", "lakeshore-college", "--kind",
                                      "receipt", "--today", "2026-11-23", "--out", "out"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string receipt = fold_into_one_line(
      pdf_text(dir.path() / "out/lakeshore-college/receipt-INV-2026-0007-1.pdf"));
  EXPECT_NE(receipt.find("Receipt for invoice INV-2026-0007"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("Amount received $217.50"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("Payment reference ACH LCC-AP-1123-007"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("Sponsor's number CWFP-2026-1001"), std::string::npos) << receipt;

  // Replacing it takes --force, and check-range then flags the edit.
  const RunResult forced =
      partnerops({"invoice", "sponsor-number", "INV-2026-0007", "CWFP-2026-1002", "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  const RunResult flagged = partnerops({"check-range", "HEAD~1..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(flagged.exit_code, 1);
  EXPECT_NE(flagged.out.find("error[invoice-issued-changed]: issued invoice INV-2026-0007 was "
                             "edited (sponsor_number)"),
            std::string::npos)
      << flagged.out << flagged.err;
}

/// One word of `pdftotext -bbox` output: its box in points and its text.
struct PdfWord {
  double x_min = 0, y_min = 0, x_max = 0;
  std::string text;
};

std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf) {
  const std::string html =
      run_tool("pdftotext -bbox -f 1 -l 1 '" + pdf.string() + "' - 2>/dev/null");
  const std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
  std::vector<PdfWord> words;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it)
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
  return words;
}

TEST_F(MoneyCliTest, AStatementsCreditBalanceStaysInsideItsColumn) {
  // Paid in full, the partner is owed the 40.00 credited on INV-2026-0004:
  // "Credit balance $40.00" ran past the table's right edge and was cut off.
  ASSERT_EQ(
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "7320.00", "--date", "2026-11-20"})
          .exit_code,
      0);
  ASSERT_EQ(partnerops({"statement", "lakeshore-college", "--today", "2026-11-23", "--format",
                        "pdf", "--out", "statement.pdf"})
                .exit_code,
            0);
  const std::vector<PdfWord> words = pdf_words(dir.path() / "statement.pdf");
  const auto header = std::find_if(words.begin(), words.end(),
                                   [](const PdfWord& w) { return w.text == "BALANCE"; });
  ASSERT_NE(header, words.end());
  // The balance row: the first "USD" below the header (pdftotext lists
  // words in drawing order, not by place).
  const PdfWord* currency = nullptr;
  for (const PdfWord& w : words)
    if (w.text == "USD" && w.y_min > header->y_min && (!currency || w.y_min < currency->y_min))
      currency = &w;
  ASSERT_NE(currency, nullptr);
  bool credit_seen = false;
  for (const PdfWord& w : words) {
    // The row: from the currency's line to just before the next heading.
    if (w.y_min < currency->y_min - 1 || w.y_min > currency->y_min + 20) continue;
    credit_seen = credit_seen || w.text == "Credit";
    EXPECT_LE(w.x_max, header->x_max + 1.0) << w.text << " ends at " << w.x_max;
  }
  const std::string text = fold_into_one_line(pdf_text(dir.path() / "statement.pdf"));
  EXPECT_TRUE(credit_seen) << text;
  EXPECT_NE(text.find("USD $31,022.50 $31,022.50 $40.00 Credit balance $40.00"), std::string::npos)
      << text;
}

TEST_F(MoneyCliTest, StatementPdfReadsBack) {
  ASSERT_EQ(
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "2000", "--date", "2026-11-20"})
          .exit_code,
      0);
  const RunResult pdf = partnerops({"statement", "lakeshore-college", "--today", "2027-01-02",
                                    "--format", "pdf", "--out", "statement.pdf"});
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_EQ(pdf.out, "wrote statement.pdf\n");
  const std::string text = fold_into_one_line(pdf_text(dir.path() / "statement.pdf"));
  for (const char* expected :
       {"Statement of account", "As of 2 January 2027", "Lakeshore Community College District",
        "2 December 2026 $7,320.00 $2,000.00 $0.00 $5,320.00 31–60 days",
        "USD $31,022.50 $25,702.50 $40.00 $5,280.00", "31–60 days past due $5,320.00",
        "Current (not yet due) $0.00", "Over 90 days past due $0.00",
        "Less credit balances $40.00 Balance USD $5,280.00",
        "2 September 2026 $7,682.50 $7,682.50 $40.00 Credit $40.00 Credit balance",
        "CN-2026-0001 10 November 2026 INV-2026-0004 $40.00",
        "20 November 2026 INV-2026-0006 (CWFP-2026-0917) $2,000.00"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  // Money owed back is a credit balance, never a negative amount.
  EXPECT_EQ(text.find("-$"), std::string::npos) << text;
}

TEST_F(MoneyCliTest, AnInvoicePaidInPartAndCreditedForTheRestOwesNothingAnywhere) {
  // 120.00 of storage credited, then the 7200.00 left paid: settled.
  const RunResult credit = partnerops({"invoice", "credit", "INV-2026-0006", "--reason",
                                       "Storage not used", "--line", "2", "--date", "2026-11-15"});
  ASSERT_EQ(credit.exit_code, 0) << credit.err;
  const RunResult pay = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "7200.00", "--date", "2026-11-20"});
  ASSERT_EQ(pay.exit_code, 0) << pay.err;
  EXPECT_NE(file(k_invoice).find("status: paid\n"), std::string::npos);

  const RunResult build = partnerops(
      {"build", ".", "--partner", "lakeshore-college", "--today", "2026-11-23", "--out", "out"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string invoice =
      fold_into_one_line(pdf_text(dir.path() / "out/lakeshore-college/invoice-INV-2026-0006.pdf"));
  EXPECT_NE(invoice.find("Paid $7,200.00 Credited $120.00 Balance due $0.00"), std::string::npos)
      << invoice;
  const std::string receipt = fold_into_one_line(
      pdf_text(dir.path() / "out/lakeshore-college/receipt-INV-2026-0006-1.pdf"));
  EXPECT_NE(receipt.find("Balance remaining $0.00"), std::string::npos) << receipt;

  // The statement agrees: INV-2026-0006 is not open.
  const nlohmann::json s = statement("2026-11-23");
  ASSERT_EQ(s["open_invoices"].size(), 1u);
  EXPECT_EQ(s["open_invoices"][0]["number"], "INV-2026-0004");

  // So does the sponsor's cover note.
  const RunResult handoff = partnerops(
      {"invoice", "handoff", "INV-2026-0006", "--out", "bundle", "--today", "2026-11-23"});
  ASSERT_EQ(handoff.exit_code, 0) << handoff.err;
  EXPECT_NE(read_file(dir.path() / "bundle/README.md")
                .find("| 7320.00 USD | 0.00 USD | INV-2026-0006.pdf |\n"),
            std::string::npos)
      << read_file(dir.path() / "bundle/README.md");
}

TEST_F(MoneyCliTest, ACreditBalancePrintsAsACreditNeverAsAnAmountDue) {
  // CN-2026-0001 credited 40.00 on INV-2026-0004 after it was paid in full.
  const RunResult build = partnerops({"build", ".", "--partner", "lakeshore-college", "--kind",
                                      "invoice", "--today", "2026-11-23", "--out", "out"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string invoice =
      fold_into_one_line(pdf_text(dir.path() / "out/lakeshore-college/invoice-INV-2026-0004.pdf"));
  EXPECT_NE(invoice.find("Paid $7,682.50 Credited $40.00 Credit balance $40.00"), std::string::npos)
      << invoice;
  EXPECT_EQ(invoice.find("Balance due"), std::string::npos) << invoice;
  EXPECT_EQ(invoice.find("-$"), std::string::npos) << invoice;

  const RunResult handoff = partnerops(
      {"invoice", "handoff", "INV-2026-0004", "--out", "bundle", "--today", "2026-11-23"});
  ASSERT_EQ(handoff.exit_code, 0) << handoff.err;
  EXPECT_NE(read_file(dir.path() / "bundle/README.md")
                .find("| 7682.50 USD | credit 40.00 USD | INV-2026-0004.pdf |\n"),
            std::string::npos)
      << read_file(dir.path() / "bundle/README.md");
}

TEST_F(MoneyCliTest, EachReceiptShowsItsPaymentAndTheBalanceRightAfterIt) {
  ASSERT_EQ(partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "2000", "--date",
                        "2026-11-20", "--reference", "ACH LCC-AP-1120-031"})
                .exit_code,
            0);
  ASSERT_EQ(
      partnerops({"invoice", "pay", "INV-2026-0006", "--amount", "1500", "--date", "2026-12-10"})
          .exit_code,
      0);
  const RunResult build = partnerops({"build", ".", "--partner", "lakeshore-college", "--kind",
                                      "receipt", "--today", "2026-12-10", "--out", "out"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string first = fold_into_one_line(
      pdf_text(dir.path() / "out/lakeshore-college/receipt-INV-2026-0006-1.pdf"));
  EXPECT_NE(first.find("Received on 20 November 2026"), std::string::npos) << first;
  EXPECT_NE(first.find("Amount received $2,000.00"), std::string::npos) << first;
  EXPECT_NE(first.find("Sponsor's number CWFP-2026-0917"), std::string::npos) << first;
  EXPECT_NE(first.find("Balance remaining $"
                       "5,320.00"),
            std::string::npos)
      << first;
  const std::string second = fold_into_one_line(
      pdf_text(dir.path() / "out/lakeshore-college/receipt-INV-2026-0006-2.pdf"));
  EXPECT_NE(second.find("Amount received $1,500.00"), std::string::npos) << second;
  EXPECT_NE(second.find("Balance remaining $"
                        "3,820.00"),
            std::string::npos)
      << second;
}

TEST_F(MoneyCliTest, HandoffWritesPdfsACsvAnyParserReadsAndACoverNote) {
  commit_file(k_new_invoice, k_issued_0007);
  const RunResult run = partnerops({"invoice", "handoff", "INV-2026-0007", "INV-2026-0006", "--out",
                                    "bundle", "--today", "2026-11-23"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote bundle: 2 invoices, invoices.csv, README.md\n");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path() / "bundle"))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"INV-2026-0006.pdf", "INV-2026-0007.pdf", "README.md",
                                             "invoices.csv"}));
  // No staging folder is left beside it.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".bundle"), std::string::npos);

  // Python's csv module, not ours, reads the file back.
  const std::string rows = run_tool(
      "python3 -c 'import csv, json, sys; "
      "print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\"))), "
      "ensure_ascii=False))' '" +
      (dir.path() / "bundle/invoices.csv").string() + "'");
  const nlohmann::json table = nlohmann::json::parse(rows);
  ASSERT_EQ(table.size(), 4u) << rows;
  EXPECT_EQ(table[0].dump(),
            R"(["*ContactName","EmailAddress","POAddressLine1","POAddressLine2","POAddressLine3",)"
            R"("POAddressLine4","POCity","PORegion","POPostalCode","POCountry","*InvoiceNumber",)"
            R"("Reference","*InvoiceDate","*DueDate","Total","InventoryItemCode","*Description",)"
            R"("*Quantity","*UnitAmount","Discount","*AccountCode","*TaxType","TaxAmount",)"
            R"("TrackingName1","TrackingOption1","TrackingName2","TrackingOption2","Currency",)"
            R"("BrandingTheme"])");
  const auto column = [&table](std::size_t row, const std::string& name) {
    for (std::size_t i = 0; i < table[0].size(); ++i)
      if (table[0][i] == name) return table[row][i].get<std::string>();
    return std::string("<no column " + name + ">");
  };
  for (std::size_t row = 1; row < 4; ++row) {
    EXPECT_EQ(table[row].size(), table[0].size());
    EXPECT_EQ(column(row, "*ContactName"), "Lakeshore Community College District");
    // Invoices go to the accounts-payable mailbox (partner.yaml billing).
    EXPECT_EQ(column(row, "EmailAddress"), "accountspayable@lakeshorecc.edu");
    EXPECT_EQ(column(row, "POCity"), "Muskegon");
    EXPECT_EQ(column(row, "*AccountCode"), "4100");
    EXPECT_EQ(column(row, "*TaxType"), "Tax Exempt");
    EXPECT_EQ(column(row, "Currency"), "USD");
  }
  EXPECT_EQ(column(1, "*InvoiceNumber"), "INV-2026-0006");
  EXPECT_EQ(column(1, "Reference"), "Managed JupyterHub Teaching Service Agreement; PO 26-00417");
  EXPECT_EQ(column(1, "*InvoiceDate"), "2026-11-02");
  EXPECT_EQ(column(1, "*DueDate"), "2026-12-02");
  EXPECT_EQ(column(1, "Total"), "7320.00");
  EXPECT_EQ(column(1, "*Description"),
            "Managed JupyterHub teaching service, November 2026 – January 2027");
  EXPECT_EQ(column(1, "*Quantity"), "1");
  EXPECT_EQ(column(1, "*UnitAmount"), "7200.00");
  EXPECT_EQ(column(2, "*InvoiceNumber"), "INV-2026-0006");
  EXPECT_EQ(column(2, "*Quantity"), "3");
  EXPECT_EQ(column(2, "*UnitAmount"), "40.00");
  EXPECT_EQ(column(3, "*InvoiceNumber"), "INV-2026-0007");
  EXPECT_EQ(column(3, "Reference"), "PO 26-00502");
  EXPECT_EQ(column(3, "*Description"),
            "Custom Julia environment for MATH 340, \"Numerical Methods\" (hours)");
  EXPECT_EQ(column(3, "*Quantity"), "1.5");
  EXPECT_EQ(column(3, "*UnitAmount"), "145.00");
  EXPECT_EQ(column(3, "Total"), "217.50");
  // The lines add up to the totals: 1 × 7200.00 + 3 × 40.00 and 1.5 × 145.00.
  EXPECT_EQ(720000 + 3 * 4000, 732000);
  EXPECT_EQ(15 * 14500 / 10, 21750);

  EXPECT_EQ(read_file(dir.path() / "bundle/README.md"),
            "# Invoices for Civic Works Fiscal Partners\n"
            "\n"
            "From Commons Compute, prepared 2026-11-23: 2 invoices to issue from your accounting "
            "system. Please tell us the number each one receives there.\n"
            "\n"
            "| Invoice | Partner | Issued | Due | Total | Balance | PDF |\n"
            "|---|---|---|---|---:|---:|---|\n"
            "| INV-2026-0006 | Lakeshore Community College District | 2026-11-02 | 2026-12-02 | "
            "7320.00 USD | 7320.00 USD | INV-2026-0006.pdf |\n"
            "| INV-2026-0007 | Lakeshore Community College District | 2026-11-20 | 2026-12-20 | "
            "217.50 USD | 217.50 USD | INV-2026-0007.pdf |\n"
            "\n"
            "## Totals\n"
            "\n"
            "- USD: 7537.50 (2 invoices)\n"
            "\n"
            "## Files\n"
            "\n"
            "- `invoices.csv`: 3 rows, one per invoice line, in the column layout of Xero's "
            "sales-invoice import (account code 4100, tax type Tax Exempt, dates as YYYY-MM-DD)\n"
            "- `INV-2026-0006.pdf`: invoice INV-2026-0006\n"
            "- `INV-2026-0007.pdf`: invoice INV-2026-0007\n"
            "- `README.md`: this note\n");
  const std::string pdf = fold_into_one_line(pdf_text(dir.path() / "bundle/INV-2026-0007.pdf"));
  EXPECT_NE(pdf.find("Invoice INV-2026-0007"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("$217.50"), std::string::npos) << pdf;

  // An existing bundle is kept unless --force.
  const std::string csv = read_file(dir.path() / "bundle/invoices.csv");
  const RunResult again = partnerops(
      {"invoice", "handoff", "INV-2026-0007", "--out", "bundle", "--today", "2026-11-23"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err,
            "partnerops: bundle is not empty; choose a new folder or pass --force to replace it\n");
  EXPECT_EQ(read_file(dir.path() / "bundle/invoices.csv"), csv);
  const RunResult forced = partnerops({"invoice", "handoff", "--period", "2026-11", "--out",
                                       "bundle", "--force", "--today", "2026-11-23"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(forced.out, "wrote bundle: 2 invoices, invoices.csv, README.md\n");
  // Without a selection: the issued invoices still waiting for a sponsor number.
  const RunResult waiting =
      partnerops({"invoice", "handoff", "--out", "waiting", "--today", "2026-11-23"});
  ASSERT_EQ(waiting.exit_code, 0) << waiting.err;
  EXPECT_EQ(waiting.out, "wrote waiting: 1 invoice, invoices.csv, README.md\n");
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "waiting/INV-2026-0007.pdf"));
}

TEST_F(MoneyCliTest, StatementsOfEveryPartnerWithIssuedInvoices) {
  const RunResult all =
      partnerops({"statement", "--all", ".", "--format", "json", "--today", "2026-11-23"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const nlohmann::json document = nlohmann::json::parse(all.out);
  EXPECT_EQ(document["today"], "2026-11-23");
  ASSERT_EQ(document["statements"].size(), 2u);
  EXPECT_EQ(document["statements"][0]["partner"], "lakeshore-college");
  EXPECT_EQ(document["statements"][1]["partner"], "noordzee-marine-data");
  // Each is the partner's own statement, loaded on its own.
  EXPECT_EQ(document["statements"][0], statement("2026-11-23"));
  // Noordzee: 5250.00 + 4500.00 EUR invoiced and paid (keys sorted by the parse).
  EXPECT_EQ(document["statements"][1]["balances"].dump(),
            R"([{"ageing":{"0-30":"0.00","31-60":"0.00","61-90":"0.00","90+":"0.00",)"
            R"("current":"0.00"},"balance":"0.00","credit_balance":"0.00","credited":"0.00",)"
            R"("currency":"EUR","invoiced":"9750.00","owed":"0.00","paid":"9750.00"}])");
  const RunResult pdf = partnerops({"statement", "--all", "--format", "pdf"});
  EXPECT_EQ(pdf.exit_code, 2);
}

TEST_F(MoneyCliTest, HandoffRefusesDraftsAndWritesNothing) {
  std::string draft = k_issued_0007;
  draft.replace(draft.find("status: issued"), 14, "status: draft");
  commit_file(k_new_invoice, draft);
  const RunResult run = partnerops(
      {"invoice", "handoff", "--period", "2026-11", "--out", "bundle", "--today", "2026-11-23"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(k_new_invoice + ":3:9: error[invoice-not-issued]: invoice INV-2026-0007 "
                                         "is a draft; only issued invoices are handed to the "
                                         "sponsor\n"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(run.err.ends_with("partnerops: no bundle written\n")) << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "bundle"));
}

}  // namespace
}  // namespace partnerops::e2e
