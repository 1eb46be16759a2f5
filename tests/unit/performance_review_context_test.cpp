// The performance review's template context on the fixture workspace: the
// plan makes one document per review, and each review's context holds the
// KPI table at that review (exact money in its currency, the change since
// the review before or "no previous value"), and the issues, invoices and
// payments of its period only (after the review before, up to its date).

#include <gtest/gtest.h>

#include "documents/context.hpp"
#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

using json = nlohmann::json;
using testing::MemorySource;

const Date k_today = *Date::parse("2026-11-23");

class PerformanceReviewContext : public ::testing::Test {
 protected:
  void SetUp() override { workspace = testing::load_clean(source); }

  std::vector<DocumentJob> jobs() const {
    PlanOptions options;
    options.today = k_today;
    options.kind = DocumentKind::performance_review;
    return plan_documents(*workspace, options);
  }

  json review(const std::string& output) const {
    for (const DocumentJob& job : jobs())
      if (job.output == output)
        return document_context(*workspace, job, ContextOptions{k_today, {}})["review"];
    ADD_FAILURE() << "no job " << output;
    return json::object();
  }

  /// One KPI row as "metric | target | actual | change | from | status | against".
  static std::vector<std::string> rows(const json& review) {
    std::vector<std::string> out;
    for (const json& kpi : review["kpis"])
      out.push_back(
          kpi["metric"].get<std::string>() + " | " + kpi["target"].get<std::string>() + " | " +
          kpi["actual"].get<std::string>() + " | " + kpi["change"].get<std::string>() + " | " +
          kpi["change_from"].get<std::string>() + " | " + kpi["status"].get<std::string>() + " | " +
          kpi["against_target"].get<std::string>());
    return out;
  }

  MemorySource source = testing::fixture_workspace();
  std::unique_ptr<Workspace> workspace;
};

TEST_F(PerformanceReviewContext, OneDocumentPerReviewNamedByItsDate) {
  std::vector<std::string> outputs;
  for (const DocumentJob& job : jobs()) outputs.push_back(job.output);
  EXPECT_EQ(outputs, (std::vector<std::string>{
                         "lakeshore-college/performance-review-2026-05-07.pdf",
                         "lakeshore-college/performance-review-2026-08-13.pdf",
                         "lakeshore-college/performance-review-2026-11-12.pdf",
                         "noordzee-marine-data/performance-review-2026-09-17.pdf",
                     }));
  // Its inputs: what it prints from.
  EXPECT_EQ(jobs()[0].inputs, (std::vector<std::string>{
                                  "partners/lakeshore-college/partner.yaml",
                                  "partners/lakeshore-college/kpis.yaml",
                                  "partners/lakeshore-college/issues.yaml",
                                  "partners/lakeshore-college/invoices/INV-2026-0001.yaml",
                                  "partners/lakeshore-college/invoices/INV-2026-0002.yaml",
                                  "partners/lakeshore-college/invoices/INV-2026-0004.yaml",
                                  "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
                                  "partners/lakeshore-college/credit-notes/CN-2026-0001.yaml",
                              }));
}

TEST_F(PerformanceReviewContext, ASecondReviewOnTheSameDayGetsADocumentOfItsOwn) {
  testing::replace_in(source, "partners/noordzee-marine-data/kpis.yaml", "reviews:\n",
                      "reviews:\n  - date: 2026-09-17\n    kind: annual\n    summary: Same day\n"
                      "    improvements: []\n");
  workspace = testing::load_clean(source);
  std::vector<std::string> outputs;
  for (const DocumentJob& job : jobs())
    if (job.slug == "noordzee-marine-data") outputs.push_back(job.output);
  EXPECT_EQ(outputs, (std::vector<std::string>{
                         "noordzee-marine-data/performance-review-2026-09-17.pdf",
                         "noordzee-marine-data/performance-review-2026-09-17-2.pdf",
                     }));
  EXPECT_EQ(review("noordzee-marine-data/performance-review-2026-09-17.pdf")["kind"], "Annual");
  EXPECT_EQ(review("noordzee-marine-data/performance-review-2026-09-17-2.pdf")["kind"],
            "Quarterly");
}

TEST_F(PerformanceReviewContext, TheKpiTableShowsTheChangeSinceTheReviewBefore) {
  const json november = review("lakeshore-college/performance-review-2026-11-12.pdf");
  EXPECT_EQ(november["date"], "12 November 2026");
  EXPECT_EQ(november["kind"], "Quarterly");
  EXPECT_EQ(november["period"], "after the review of 13 August 2026, up to 12 November 2026");
  EXPECT_EQ(rows(november),
            (std::vector<std::string>{
                "Revenue contribution (invoices paid) | $30,300.00 | $23,702.50 | +$7,682.50 | "
                "from $16,020.00 | On track | $6,597.50 below target",
                "Students active on the hub per term | 450 students | 512 students | +82 "
                "students | from 430 students | On track | 62 students above target",
                "Hub availability during terms | 99.5 % | 99.82 % | +0.11 % | from 99.71 % | On "
                "track | 0.32 % above target",
                "Partner satisfaction score | 4 score (1–5) | 4.5 score (1–5) | +0.2 score (1–5) "
                "| from 4.3 score (1–5) | On track | 0.5 score (1–5) above target",
                "Courses using the hub | 12 courses | 14 courses | +3 courses | from 11 courses | "
                "On track | 2 courses above target",
                "Median first response to instructor tickets | 8 business hours | 9.5 business "
                "hours | +3.0 business hours | from 6.5 business hours | At risk | 1.5 business "
                "hours above target",
            }));
  EXPECT_EQ(november["next_date"], "12 February 2027");
  EXPECT_EQ(november["next_rule"], "three months after this quarterly review");
}

TEST_F(PerformanceReviewContext, AKpiWithoutAPreviousValueSaysSo) {
  // August follows May, which recorded no values.
  const json august = review("lakeshore-college/performance-review-2026-08-13.pdf");
  for (const json& kpi : august["kpis"]) {
    EXPECT_EQ(kpi["change"], "no previous value") << kpi["metric"];
    EXPECT_EQ(kpi["change_from"], "") << kpi["metric"];
  }
  EXPECT_EQ(august["kpis"][1]["actual"], "430 students");
  EXPECT_EQ(august["kpis"][1]["status"], "At risk");
  // May, the first review, recorded nothing and is not the latest.
  const json may = review("lakeshore-college/performance-review-2026-05-07.pdf");
  EXPECT_EQ(may["kpis"][0]["actual"], "not recorded");
  EXPECT_EQ(may["kpis"][0]["change"], "");
  EXPECT_EQ(may["period"], "up to 7 May 2026, the first review");
  // noordzee's only review, in euros.
  const json noordzee = review("noordzee-marine-data/performance-review-2026-09-17.pdf");
  EXPECT_EQ(noordzee["kpis"][0]["actual"], "€5,250.00");
  EXPECT_EQ(noordzee["kpis"][0]["change"], "no previous value");
  EXPECT_EQ(noordzee["kpis"][0]["against_target"], "€3,750.00 below target");
}

TEST_F(PerformanceReviewContext, ATargetInAnotherCurrencyIsNotComparedAndAMissingOneSaysSo) {
  testing::replace_in(source, "partners/noordzee-marine-data/kpis.yaml",
                      "    target: \"9000.00 EUR\"\n", "    target: \"9000.00 USD\"\n");
  testing::replace_in(source, "partners/noordzee-marine-data/kpis.yaml", "    target: 160\n", "");
  Diagnostics ignored;
  const Workspace changed = load_workspace(source, {}, ignored);
  PlanOptions options;
  options.today = k_today;
  options.partner = "noordzee-marine-data";
  options.kind = DocumentKind::performance_review;
  const std::vector<DocumentJob> planned = plan_documents(changed, options);
  ASSERT_EQ(planned.size(), 1u);
  const json noordzee =
      document_context(changed, planned[0], ContextOptions{k_today, {}})["review"];
  EXPECT_EQ(noordzee["kpis"][0]["against_target"], "not comparable with the target");
  EXPECT_EQ(noordzee["kpis"][1]["target"], "no target");
  EXPECT_EQ(noordzee["kpis"][1]["against_target"], "no target");
}

TEST_F(PerformanceReviewContext, IssuesOfThePeriodWithTheirEscalations) {
  const json november = review("lakeshore-college/performance-review-2026-11-12.pdf");
  // ISS-003 was reported, escalated and resolved between 14 August and 12
  // November; ISS-004 came on 16 November, ISS-001 and -002 in February.
  ASSERT_EQ(november["issues"].size(), 1u);
  const json& issue = november["issues"][0];
  EXPECT_EQ(issue["id"], "ISS-003");
  EXPECT_EQ(issue["date_reported"], "15 September 2026");
  EXPECT_EQ(issue["resolved_on"], "21 October 2026");
  EXPECT_TRUE(issue["is_resolved_in_period"]);
  ASSERT_EQ(issue["escalations"].size(), 1u);
  EXPECT_EQ(issue["escalations"][0]["date"], "29 September 2026");
  EXPECT_EQ(issue["escalations"][0]["to"], "maya@commonscompute.org");

  const json may = review("lakeshore-college/performance-review-2026-05-07.pdf");
  std::vector<std::string> ids;
  for (const json& row : may["issues"]) ids.push_back(row["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"ISS-002", "ISS-001"}));  // by date reported
  EXPECT_FALSE(review("lakeshore-college/performance-review-2026-08-13.pdf")["has_issues"]);
}

TEST_F(PerformanceReviewContext, InvoicesAndPaymentsOfThePeriodWithTheBalanceOfTheAccount) {
  const json august = review("lakeshore-college/performance-review-2026-08-13.pdf");
  // INV-2026-0004 was issued 3 August; paid in full on 1 September and
  // credited 40.00 on 10 November, it is a credit balance now.
  ASSERT_EQ(august["invoices"].size(), 1u);
  EXPECT_EQ(august["invoices"][0]["number"], "INV-2026-0004");
  EXPECT_EQ(august["invoices"][0]["total"], "$7,682.50");
  EXPECT_EQ(august["invoices"][0]["balance"], "$40.00");
  EXPECT_TRUE(august["invoices"][0]["is_credit_balance"]);
  // The payment received in the period is INV-2026-0002's of 28 May.
  ASSERT_EQ(august["payments"].size(), 1u);
  EXPECT_EQ(august["payments"][0]["invoice"], "INV-2026-0002");
  EXPECT_EQ(august["payments"][0]["date"], "28 May 2026");
  EXPECT_EQ(august["payments"][0]["amount"], "$7,320.00");

  const json november = review("lakeshore-college/performance-review-2026-11-12.pdf");
  ASSERT_EQ(november["invoices"].size(), 1u);
  EXPECT_EQ(november["invoices"][0]["number"], "INV-2026-0006");
  EXPECT_EQ(november["invoices"][0]["status"], "issued");
  EXPECT_EQ(november["invoices"][0]["balance"], "$7,320.00");
  ASSERT_EQ(november["payments"].size(), 1u);
  EXPECT_EQ(november["payments"][0]["amount"], "$7,682.50");
  EXPECT_EQ(november["payments"][0]["date"], "1 September 2026");

  const json noordzee = review("noordzee-marine-data/performance-review-2026-09-17.pdf");
  ASSERT_EQ(noordzee["invoices"].size(), 1u);
  EXPECT_EQ(noordzee["invoices"][0]["total"], "€5,250.00");
  EXPECT_EQ(noordzee["invoices"][0]["balance"], "€0.00");
}

}  // namespace
}  // namespace partnerops
