// check/kpi_checks on the fixture workspace (checked on 2026-11-23), one
// change at a time: each yields exactly its own diagnostic, at the line
// and column of the KPI, the value or the last review.

#include <gtest/gtest.h>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

constexpr const char* k_lakeshore = "partners/lakeshore-college/kpis.yaml";
constexpr const char* k_noordzee = "partners/noordzee-marine-data/kpis.yaml";

class KpiChecks : public testing::FixtureChecksTest {
 protected:
  /// The one diagnostic the change made, with its message and hint.
  Diagnostic only() {
    const Diagnostics found = diagnostics();
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? Diagnostic{} : *found.begin();
  }
};

TEST_F(KpiChecks, TheFixtureIsClean) { EXPECT_EQ(validate(), std::vector<std::string>{}); }

TEST_F(KpiChecks, AKpiWithoutATargetIsAWarningAtItsLine) {
  edit(k_lakeshore, "  - metric: Courses using the hub\n    target: 12\n",
       "  - metric: Courses using the hub\n");
  EXPECT_EQ(validate(), std::vector<std::string>{"warning kpi-target-missing " +
                                                 std::string(k_lakeshore) + ":34:5"});
  const Diagnostic d = only();
  EXPECT_EQ(d.message, "the KPI 'Courses using the hub' has no target");
}

TEST_F(KpiChecks, AReviewPastItsNextDateIsOverdueAtTheLastReviewsDate) {
  // Three months after 2026-07-17 is 2026-10-17, 37 days before 2026-11-23.
  edit(k_noordzee, "  - date: 2026-09-17\n", "  - date: 2026-07-17\n");
  EXPECT_EQ(validate(), std::vector<std::string>{"warning review-overdue " +
                                                 std::string(k_noordzee) + ":34:11"});
  const Diagnostic d = only();
  EXPECT_EQ(d.message,
            "the next performance review was due on 2026-10-17 (37 days ago): three months after "
            "the last, a quarterly review on 2026-07-17");
}

TEST_F(KpiChecks, TheDateAgreedAtTheReviewDecidesWhenItIsOverdue) {
  // Lakeshore's last review (2026-11-12, line 89) would be due 2027-02-12.
  edit(k_lakeshore, "  - date: 2026-11-12\n    kind: quarterly\n",
       "  - date: 2026-11-12\n    kind: quarterly\n    next_review: 2026-11-20\n");
  EXPECT_EQ(validate(), std::vector<std::string>{"warning review-overdue " +
                                                 std::string(k_lakeshore) + ":89:11"});
  EXPECT_EQ(only().message,
            "the next performance review was due on 2026-11-20 (3 days ago): as agreed at the "
            "review (next_review) on 2026-11-12");
}

TEST_F(KpiChecks, AnAnnualReviewIsDueTwelveMonthsOn) {
  edit(k_noordzee, "  - date: 2026-09-17\n    kind: quarterly\n",
       "  - date: 2025-09-17\n    kind: annual\n");
  EXPECT_EQ(only().message,
            "the next performance review was due on 2026-09-17 (67 days ago): twelve months after "
            "the last, an annual review on 2025-09-17");
}

TEST_F(KpiChecks, AClosedPartnerHoldsNoMoreReviews) {
  edit(k_noordzee, "  - date: 2026-09-17\n", "  - date: 2026-07-17\n");
  edit("partners/noordzee-marine-data/partner.yaml", "\nstage: partner\n",
       "\nstage: closed\nclosed_reason: ended\n");
  for (const std::string& line : validate())
    EXPECT_EQ(line.find("review-overdue"), std::string::npos) << line;
}

TEST_F(KpiChecks, AReviewNamingNoKpiIsAnErrorWithTheNearestName) {
  edit(k_noordzee, "      - metric: Workshop participants\n        actual: 60\n",
       "      - metric: Workshop participant\n        actual: 60\n");
  EXPECT_EQ(validate(), std::vector<std::string>{"error kpi-metric-unknown " +
                                                 std::string(k_noordzee) + ":48:17"});
  const Diagnostic d = only();
  EXPECT_EQ(
      d.message,
      "the review of 2026-09-17 records 'Workshop participant', which is not one of the kpis");
  EXPECT_EQ(d.hint, "did you mean 'Workshop participants'?");
}

TEST_F(KpiChecks, MoneyInAnotherCurrencyThanTheTargetCannotBeCompared) {
  edit(k_noordzee, "    actual: \"9750.00 EUR\"\n", "    actual: \"9750.00 USD\"\n");
  edit(k_noordzee, "        actual: \"5250.00 EUR\"\n", "        actual: 5250\n");
  EXPECT_EQ(validate(), (std::vector<std::string>{
                            "error kpi-value-mismatch " + std::string(k_noordzee) + ":6:13",
                            "error kpi-value-mismatch " + std::string(k_noordzee) + ":46:17"}));
  const Diagnostics found = diagnostics();
  EXPECT_EQ(found.begin()->message,
            "the actual of 'Revenue contribution (invoices paid)' cannot be compared with its "
            "target 9000.00 EUR: money in USD against money in EUR");
  EXPECT_EQ(std::next(found.begin())->message,
            "the value recorded on 2026-09-17 of 'Revenue contribution (invoices paid)' cannot be "
            "compared with its target 9000.00 EUR: a number against money in EUR");
}

}  // namespace
}  // namespace partnerops
