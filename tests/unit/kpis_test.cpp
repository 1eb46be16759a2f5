// model/kpis: kpis.yaml read into exact values (money in its currency,
// numbers as written), each review's period (after the review before, up
// to its date), the value of a KPI at a review, the change between two
// values (only within one currency or between numbers) and the next
// review's date.

#include "model/kpis.hpp"

#include <gtest/gtest.h>

#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

using testing::MemorySource;

constexpr const char* k_lakeshore = "partners/lakeshore-college/kpis.yaml";

Date day(const char* iso) { return *Date::parse(iso); }

/// kpis.yaml `text` read on its own, with the diagnostics it caused.
Kpis read(const std::string& text, Diagnostics& diagnostics) {
  const std::unique_ptr<yaml::Document> document = yaml::parse(k_lakeshore, text, diagnostics);
  EXPECT_TRUE(document);
  Reader reader(*document, diagnostics);
  return read_kpis(reader);
}

KpiValue value(const std::string& text) {
  Diagnostics diagnostics;
  const Kpis kpis = read("kpis:\n  - metric: m\n    actual: " + text + "\n", diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << text;
  return *kpis.kpis.at(0).actual;
}

TEST(Kpis, TheFixtureLoadsWithTheWorkspaceIntoExactValues) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = testing::load_clean(source);
  const PartnerFolder* folder = workspace->partner("lakeshore-college");
  ASSERT_TRUE(folder && folder->kpis);
  const Kpis& kpis = *folder->kpis;
  EXPECT_EQ(kpis.file, k_lakeshore);
  EXPECT_EQ(kpis.period, "2026");
  ASSERT_EQ(kpis.kpis.size(), 6u);
  const Kpi& revenue = kpis.kpis[0];
  EXPECT_EQ(revenue.metric.value, "Revenue contribution (invoices paid)");
  EXPECT_EQ(revenue.target->money, (Money{3030000, "USD"}));
  EXPECT_EQ(revenue.actual->money, (Money{2370250, "USD"}));
  EXPECT_EQ(revenue.position.line, 4);
  const Kpi& availability = kpis.kpis[2];
  EXPECT_EQ(availability.actual->number->units, 9982);
  EXPECT_EQ(availability.actual->number->scale, 2);
  EXPECT_EQ(availability.unit, "%");
  ASSERT_EQ(kpis.reviews.size(), 3u);
  EXPECT_EQ(kpis.reviews[1].date->value, day("2026-08-13"));
  EXPECT_EQ(kpis.reviews[1].date->position.line, 61);
  ASSERT_EQ(kpis.reviews[1].actuals.size(), 6u);
  EXPECT_EQ(kpis.reviews[1].actuals[0].actual->money, (Money{1602000, "USD"}));
  EXPECT_EQ(kpis.reviews[1].actuals[1].status, "at-risk");
  EXPECT_TRUE(kpis.reviews[0].actuals.empty());
  // noordzee's values are in euros.
  const Kpis& euro = *workspace->partner("noordzee-marine-data")->kpis;
  EXPECT_EQ(euro.kpis[0].target->money, (Money{900000, "EUR"}));
}

TEST(Kpis, EachReviewCoversTheDaysAfterTheOneBeforeUpToItsDate) {
  Diagnostics diagnostics;
  // Written out of order: the period follows the dates, not the file.
  const Kpis kpis = read(
      "kpis: []\n"
      "reviews:\n"
      "  - {date: 2026-08-13, kind: quarterly, summary: b, improvements: []}\n"
      "  - {date: 2026-05-07, kind: quarterly, summary: a, improvements: []}\n"
      "  - {date: 2026-11-12, kind: quarterly, summary: c, improvements: []}\n",
      diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  const Review& august = kpis.reviews[0];
  const Review& may = kpis.reviews[1];
  const Review& november = kpis.reviews[2];
  EXPECT_EQ(kpis.previous(may), nullptr);
  EXPECT_EQ(kpis.previous(august), &may);
  EXPECT_EQ(kpis.previous(november), &august);
  EXPECT_EQ(kpis.latest(), &november);

  const ReviewPeriod first = kpis.period_of(may);
  EXPECT_FALSE(first.after);
  EXPECT_EQ(first.until, day("2026-05-07"));
  EXPECT_TRUE(first.contains(day("2025-01-01")));
  EXPECT_TRUE(first.contains(day("2026-05-07")));
  EXPECT_FALSE(first.contains(day("2026-05-08")));

  const ReviewPeriod second = kpis.period_of(august);
  EXPECT_EQ(second.after, day("2026-05-07"));
  EXPECT_FALSE(second.contains(day("2026-05-07")));  // the review before's own day
  EXPECT_TRUE(second.contains(day("2026-05-08")));
  EXPECT_TRUE(second.contains(day("2026-08-13")));
  EXPECT_FALSE(second.contains(day("2026-08-14")));
}

TEST(Kpis, AReviewsValueIsItsOwnReadingAndOnlyTheLatestFallsBackToTheActual) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = testing::load_clean(source);
  const Kpis& kpis = *workspace->partner("lakeshore-college")->kpis;
  const Kpi& students = kpis.kpis[1];
  EXPECT_FALSE(kpis.value_at(kpis.reviews[0], students));  // May recorded nothing
  EXPECT_EQ(kpis.value_at(kpis.reviews[1], students)->text, "430");
  EXPECT_EQ(kpis.value_at(kpis.reviews[2], students)->text, "512");
  EXPECT_EQ(kpis.status_at(kpis.reviews[1], students), "at-risk");
  // November records no status for it: the latest review takes the KPI's.
  EXPECT_EQ(kpis.status_at(kpis.reviews[2], students), "on-track");
  EXPECT_EQ(kpis.status_at(kpis.reviews[0], students), "");

  // A file written before reviews recorded values: the latest review
  // shows the KPI's actual, the earlier ones nothing.
  MemorySource old = testing::fixture_workspace();
  old.add(k_lakeshore, testing::fixture_text(k_lakeshore)
                           .substr(0, testing::fixture_text(k_lakeshore).find("    actuals:")));
  const auto before = testing::load_clean(old);
  const Kpis& plain = *before->partner("lakeshore-college")->kpis;
  ASSERT_EQ(plain.reviews.size(), 2u);
  EXPECT_EQ(plain.value_at(plain.reviews[1], plain.kpis[1])->text, "512");
  EXPECT_FALSE(plain.value_at(plain.reviews[0], plain.kpis[1]));
}

TEST(Kpis, MoneyComparesExactlyAndOnlyWithinItsCurrency) {
  const std::optional<KpiValue> gain =
      difference(value("\"23702.50 USD\""), value("\"16020.00 USD\""));
  ASSERT_TRUE(gain);
  EXPECT_EQ(gain->money, (Money{768250, "USD"}));
  EXPECT_EQ(gain->text, "7682.50 USD");
  const std::optional<KpiValue> loss = difference(value("\"0.10 USD\""), value("\"0.30 USD\""));
  EXPECT_EQ(loss->money, (Money{-20, "USD"}));
  EXPECT_EQ(sign_of(*loss), -1);
  // A currency of no minor digits stays whole.
  EXPECT_EQ(difference(value("\"1200 JPY\""), value("\"200 JPY\""))->money, (Money{1000, "JPY"}));

  EXPECT_FALSE(difference(value("\"9750.00 EUR\""), value("\"9000.00 USD\"")));
  EXPECT_EQ(mismatch(value("\"9750.00 EUR\""), value("\"9000.00 USD\"")),
            "money in EUR against money in USD");
  EXPECT_FALSE(difference(value("\"9750.00 EUR\""), value("9000")));
  EXPECT_EQ(mismatch(value("9000"), value("\"9750.00 EUR\"")), "a number against money in EUR");
  EXPECT_EQ(mismatch(value("\"1.00 EUR\""), value("\"2.00 EUR\"")), "");
}

TEST(Kpis, NumbersCompareExactlyAtTheFinerScale) {
  const std::optional<KpiValue> up = difference(value("99.82"), value("99.71"));
  EXPECT_EQ(up->text, "0.11");
  EXPECT_EQ(difference(value("512"), value("430"))->text, "82");
  EXPECT_EQ(difference(value("9.5"), value("6.5"))->text, "3.0");
  EXPECT_EQ(difference(value("4"), value("4.5"))->text, "-0.5");
  EXPECT_EQ(difference(value("-2"), value("3"))->text, "-5");
  EXPECT_EQ(sign_of(*difference(value("4.50"), value("4.5"))), 0);
}

TEST(Kpis, TheNextReviewIsThreeOrTwelveMonthsOnOrTheDateAgreed) {
  Diagnostics diagnostics;
  const Kpis kpis = read(
      "kpis: []\n"
      "reviews:\n"
      "  - {date: 2026-11-30, kind: quarterly, summary: a, improvements: []}\n"
      "  - {date: 2026-05-31, kind: annual, summary: b, improvements: []}\n"
      "  - {date: 2026-06-01, kind: quarterly, summary: c, improvements: [],"
      " next_review: 2026-07-15}\n",
      diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  EXPECT_EQ(kpis.reviews[0].next_due(), day("2027-02-28"));  // clamped to February's end
  EXPECT_EQ(kpis.reviews[1].next_due(), day("2027-05-31"));
  EXPECT_EQ(kpis.reviews[2].next_due(), day("2026-07-15"));
  EXPECT_EQ(kpis.reviews[2].next_review->position.line, 5);
}

TEST(Kpis, ATargetMayBeLeftOutAndBadValuesAreReportedAtTheValue) {
  Diagnostics diagnostics;
  const Kpis kpis = read(
      "kpis:\n"
      "  - metric: a\n"
      "    actual: 3\n"
      "  - metric: b\n"
      "    target: \"12.345 USD\"\n"
      "    actual: 1e3\n",
      diagnostics);
  EXPECT_FALSE(kpis.kpis[0].target);
  ASSERT_EQ(diagnostics.size(), 2u);
  diagnostics.sort();
  const Diagnostic& money = *diagnostics.begin();
  EXPECT_EQ(money.code, "money-invalid");
  EXPECT_EQ(money.position.line, 5);
  EXPECT_EQ(money.position.column, 13);
  const Diagnostic& number = *std::next(diagnostics.begin());
  EXPECT_EQ(number.code, "quantity-invalid");
  EXPECT_EQ(number.position.line, 6);
  EXPECT_TRUE(kpis.kpis[1].target->unreadable());
  EXPECT_TRUE(kpis.kpis[1].actual->unreadable());
}

}  // namespace
}  // namespace partnerops
