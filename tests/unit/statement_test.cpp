// The statement of account: ageing buckets at their edges, and the figures
// of the fixture's partners computed by hand.

#include "report/statement.hpp"

#include <gtest/gtest.h>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

TEST(Ageing, BucketsByDaysPastTheDueDate) {
  EXPECT_EQ(ageing_bucket(-30), AgeingBucket::current);
  EXPECT_EQ(ageing_bucket(-1), AgeingBucket::current);
  EXPECT_EQ(ageing_bucket(0), AgeingBucket::days_0_30);
  EXPECT_EQ(ageing_bucket(1), AgeingBucket::days_0_30);
  EXPECT_EQ(ageing_bucket(30), AgeingBucket::days_0_30);
  EXPECT_EQ(ageing_bucket(31), AgeingBucket::days_31_60);
  EXPECT_EQ(ageing_bucket(60), AgeingBucket::days_31_60);
  EXPECT_EQ(ageing_bucket(61), AgeingBucket::days_61_90);
  EXPECT_EQ(ageing_bucket(90), AgeingBucket::days_61_90);
  EXPECT_EQ(ageing_bucket(91), AgeingBucket::days_over_90);
  EXPECT_EQ(ageing_bucket(4000), AgeingBucket::days_over_90);
}

TEST(Ageing, KeysAndLabels) {
  std::vector<std::string> keys;
  for (const AgeingBucket bucket : k_ageing_buckets) keys.emplace_back(bucket_key(bucket));
  EXPECT_EQ(keys, (std::vector<std::string>{"current", "0-30", "31-60", "61-90", "90+"}));
  EXPECT_EQ(bucket_label(AgeingBucket::days_over_90), "Over 90 days past due");
}

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diagnostics;
    workspace = std::make_unique<Workspace>(load_workspace(source, {}, diagnostics));
    ASSERT_FALSE(diagnostics.has_errors());
  }
  Statement of(const std::string& slug, const char* today) const {
    return build_statement(*workspace->partner(slug), *Date::parse(today));
  }
  testing::MemorySource source = testing::fixture_workspace();
  std::unique_ptr<Workspace> workspace;
};

TEST_F(StatementTest, OnlyPartnersWithIssuedInvoicesHaveOne) {
  EXPECT_TRUE(has_statement(*workspace->partner("lakeshore-college")));
  EXPECT_TRUE(has_statement(*workspace->partner("noordzee-marine-data")));
  EXPECT_FALSE(has_statement(*workspace->partner("cascadia-climate")));
}

TEST_F(StatementTest, TheOpenInvoiceMovesThroughTheBucketsAtTheirEdges) {
  // INV-2026-0006: 7320.00 USD due 2026-12-02, nothing paid. The paid
  // invoices 0001, 0002 and 0004 add to invoiced and paid alike, and
  // CN-2026-0001 credits 40.00 on 0004 after it was paid: a credit balance,
  // owed back, in no ageing bucket.
  const std::int64_t open = 732000;
  const std::int64_t credit = 4000;
  const std::int64_t invoiced = 870000 + 732000 + 768250 + open;
  const struct {
    const char* today;
    int days;
    AgeingBucket bucket;
  } cases[] = {
      {"2026-12-01", -1, AgeingBucket::current},    {"2026-12-02", 0, AgeingBucket::days_0_30},
      {"2027-01-01", 30, AgeingBucket::days_0_30},  {"2027-01-02", 31, AgeingBucket::days_31_60},
      {"2027-01-31", 60, AgeingBucket::days_31_60}, {"2027-02-01", 61, AgeingBucket::days_61_90},
      {"2027-03-02", 90, AgeingBucket::days_61_90}, {"2027-03-03", 91, AgeingBucket::days_over_90}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.today);
    const Statement statement = of("lakeshore-college", c.today);
    ASSERT_EQ(statement.open_invoices.size(), 2u);
    EXPECT_EQ(statement.open_invoices[0].invoice->number.value, "INV-2026-0004");
    EXPECT_EQ(statement.open_invoices[0].open, 0);
    EXPECT_EQ(statement.open_invoices[0].credit, credit);
    EXPECT_EQ(statement.open_invoices[0].bucket, std::nullopt);
    EXPECT_EQ(statement.open_invoices[1].open, open);
    EXPECT_EQ(statement.open_invoices[1].credit, 0);
    EXPECT_EQ(statement.open_invoices[1].invoice->number.value, "INV-2026-0006");
    EXPECT_EQ(statement.open_invoices[1].days_past_due, c.days);
    EXPECT_EQ(statement.open_invoices[1].bucket, c.bucket);
    ASSERT_EQ(statement.credits.size(), 1u);
    EXPECT_EQ(statement.credits[0].number, "CN-2026-0001");
    EXPECT_EQ(statement.credits[0].invoice, "INV-2026-0004");
    EXPECT_EQ(statement.credits[0].amount, credit);
    ASSERT_EQ(statement.currencies.size(), 1u);
    const CurrencyBalance& usd = statement.currencies[0];
    EXPECT_EQ(usd.currency, "USD");
    EXPECT_EQ(usd.invoiced, invoiced);
    EXPECT_EQ(usd.paid, invoiced - open);
    EXPECT_EQ(usd.credited, credit);
    EXPECT_EQ(usd.balance, open - credit);
    EXPECT_EQ(usd.owed, open);
    EXPECT_EQ(usd.credit, credit);
    for (const AgeingBucket bucket : k_ageing_buckets)
      EXPECT_EQ(usd.ageing[static_cast<std::size_t>(bucket)], bucket == c.bucket ? open : 0);
  }
}

TEST_F(StatementTest, PaymentsAreListedByDateAndASettledPartnerOwesNothing) {
  const Statement statement = of("noordzee-marine-data", "2026-11-23");
  EXPECT_TRUE(statement.open_invoices.empty());
  ASSERT_EQ(statement.payments.size(), 2u);
  EXPECT_EQ(statement.payments[0].invoice->number.value, "INV-2026-0003");
  EXPECT_EQ(statement.payments[1].invoice->number.value, "INV-2026-0005");
  ASSERT_EQ(statement.currencies.size(), 1u);
  EXPECT_EQ(statement.currencies[0].currency, "EUR");
  EXPECT_EQ(statement.currencies[0].invoiced, 525000 + 450000);
  EXPECT_EQ(statement.currencies[0].balance, 0);
  const nlohmann::ordered_json json = statement_json(statement);
  EXPECT_EQ(json["balances"].dump(),
            R"([{"currency":"EUR","invoiced":"9750.00","paid":"9750.00","credited":"0.00",)"
            R"("balance":"0.00","owed":"0.00","credit_balance":"0.00",)"
            R"("ageing":{"current":"0.00","0-30":"0.00","31-60":"0.00",)"
            R"("61-90":"0.00","90+":"0.00"}}])");
}

TEST_F(StatementTest, TextAndJsonNameWhomTheStatementIsFor) {
  // The same "Bill to" as the PDF's: a statement read in a terminal or by
  // a script is addressed too.
  const Statement statement = of("lakeshore-college", "2026-12-06");
  const std::string text = statement_text(statement);
  EXPECT_NE(text.find("as of 2026-12-06\n\nBill to\n  Lakeshore Community College District\n"
                      "  Accounts Payable, Business Office\n  2800 Lakeshore Drive\n"
                      "  Muskegon, MI 49442\n  United States\n"
                      "  Attention: Rosa Delgado <accountspayable@lakeshorecc.edu>\n\n"
                      "Open invoices\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(statement_json(statement)["bill_to"].dump(),
            R"({"name":"Lakeshore Community College District","address":)"
            R"(["Accounts Payable, Business Office","2800 Lakeshore Drive",)"
            R"("Muskegon, MI 49442","United States"],"attention":"Rosa Delgado",)"
            R"("email":"accountspayable@lakeshorecc.edu","tax_id":""})");
  const Statement euro = of("noordzee-marine-data", "2026-12-06");
  EXPECT_NE(statement_text(euro).find("  Tax ID: NL862245901B01\n"), std::string::npos)
      << statement_text(euro);
  EXPECT_EQ(statement_json(euro)["bill_to"]["tax_id"], "NL862245901B01");
}

TEST_F(StatementTest, ACreditBalanceIsLabelledAndNeverAged) {
  // CN-2026-0001 credits 40.00 on INV-2026-0004, paid in full in August:
  // the partner is owed 40.00, not late with -40.00.
  const Statement statement = of("lakeshore-college", "2027-01-02");
  const nlohmann::ordered_json json = statement_json(statement);
  EXPECT_EQ(json["open_invoices"][0].dump(),
            R"({"number":"INV-2026-0004","sponsor_number":"CWFP-2026-0642",)"
            R"("issue_date":"2026-08-03","due_date":"2026-09-02","currency":"USD",)"
            R"("total":"7682.50","paid":"7682.50","credited":"40.00","open":"0.00",)"
            R"("credit_balance":"40.00","days_past_due":122,"ageing":null})");
  EXPECT_EQ(json["balances"][0]["balance"], "7280.00");
  EXPECT_EQ(json["balances"][0]["owed"], "7320.00");
  EXPECT_EQ(json["balances"][0]["credit_balance"], "40.00");
  EXPECT_EQ(json["balances"][0]["ageing"].dump(),
            R"({"current":"0.00","0-30":"0.00","31-60":"7320.00","61-90":"0.00","90+":"0.00"})");
  const std::string text = statement_text(statement);
  EXPECT_NE(text.find("  INV-2026-0004  due 2026-09-02  credit balance 40.00 USD of 7682.50  "
                      "owed back to the partner\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  USD 7280.00  (current: 0.00, 0-30: 0.00, 31-60: 7320.00, 61-90: 0.00, "
                      "90+: 0.00; less credit balances 40.00)\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace partnerops
