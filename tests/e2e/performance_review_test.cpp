// `partnerops build --kind performance-review` on the fixture workspace: one
// PDF per review in kpis.yaml, read back with pdftotext. The KPI figures
// are checked against kpis.yaml as this test reads it itself (yaml-cpp, and
// money turned into cents digit by digit), the rest against the fixture's
// issues and invoices, with the dates worked out in the comments.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};

class PerformanceReviewBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace = new TempDir;
    make_base_workspace(workspace->path());
    run = new RunResult(
        run_partnerops({"build", workspace->path().string(), "--kind", "performance-review",
                        "--today", "2026-11-23", "--out", (workspace->path() / "out").string()},
                       workspace->path(), k_epoch));
  }
  static void TearDownTestSuite() {
    delete run;
    delete workspace;
  }
  static std::string text(const std::string& output) {
    return fold(pdf_text(workspace->path() / "out" / output));
  }
  static YAML::Node kpis(const std::string& slug) {
    return YAML::LoadFile((workspace->path() / "partners" / slug / "kpis.yaml").string());
  }
  static TempDir* workspace;
  static RunResult* run;
};

TempDir* PerformanceReviewBuild::workspace = nullptr;
RunResult* PerformanceReviewBuild::run = nullptr;

/// "23702.50 USD" as cents.
long long cents(const std::string& money) {
  long long value = 0;
  for (char c : money.substr(0, money.find(' ')))
    if (c != '.') value = value * 10 + (c - '0');
  return value;
}

/// Cents as a document prints dollars: "$23,702.50".
std::string dollars(long long cents) {
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  const long long rest = cents % 100;
  return "$" + whole + "." + (rest < 10 ? "0" : "") + std::to_string(rest);
}

/// The value `review` recorded for `metric`.
std::string recorded(const YAML::Node& review, const std::string& metric) {
  for (const YAML::Node& reading : review["actuals"])
    if (reading["metric"].as<std::string>() == metric) return reading["actual"].as<std::string>();
  ADD_FAILURE() << metric << " not recorded";
  return "";
}

TEST_F(PerformanceReviewBuild, OnePdfPerReviewNamedByItsDate) {
  EXPECT_EQ(run->exit_code, 0) << run->err;
  EXPECT_NE(run->err.find("built 4, skipped 0 (unchanged), failed 0"), std::string::npos)
      << run->err;
  for (const auto& [slug, count] :
       {std::pair{"lakeshore-college", 3}, {"noordzee-marine-data", 1}}) {
    const YAML::Node reviews = kpis(slug)["reviews"];
    ASSERT_EQ(static_cast<int>(reviews.size()), count);
    for (const YAML::Node& review : reviews) {
      const std::string output =
          std::string(slug) + "/performance-review-" + review["date"].as<std::string>() + ".pdf";
      EXPECT_TRUE(fs::is_regular_file(workspace->path() / "out" / output)) << output;
    }
  }
}

TEST_F(PerformanceReviewBuild, MoneyKpiAndItsChangeAreExactInTheirCurrency) {
  const YAML::Node file = kpis("lakeshore-college");
  const YAML::Node revenue = file["kpis"][0];
  const std::string metric = revenue["metric"].as<std::string>();
  const long long target = cents(revenue["target"].as<std::string>());
  const long long august = cents(recorded(file["reviews"][1], metric));
  const long long november = cents(recorded(file["reviews"][2], metric));
  const std::string t = text("lakeshore-college/performance-review-2026-11-12.pdf");
  EXPECT_NE(t.find(dollars(target)), std::string::npos) << t;
  EXPECT_NE(t.find(dollars(november)), std::string::npos) << t;
  EXPECT_NE(t.find("+" + dollars(november - august)), std::string::npos) << t;
  EXPECT_NE(t.find("from " + dollars(august)), std::string::npos) << t;
  EXPECT_NE(t.find(dollars(target - november) + " below target"), std::string::npos) << t;
  // Every metric, its owner and its action items are in the table.
  for (const YAML::Node& kpi : file["kpis"]) {
    EXPECT_NE(t.find(kpi["responsible"].as<std::string>()), std::string::npos);
    for (const YAML::Node& item : kpi["action_items"])
      EXPECT_NE(t.find(item.as<std::string>().substr(0, 20)), std::string::npos) << item;
  }
}

TEST_F(PerformanceReviewBuild, NumberKpisShowTheirChangeAndUnit) {
  const std::string t = text("lakeshore-college/performance-review-2026-11-12.pdf");
  // Students 430 in August, 512 in November; response time 6.5 → 9.5 hours.
  // (A cell's text may wrap: each phrase checked fits on one line.)
  for (const char* expected :
       {"+82 students", "from 430 students", "62 students above", "+0.11 %", "from 99.71 %",
        "+3.0 business", "1.5 business hours above", "At risk"})
    EXPECT_NE(t.find(expected), std::string::npos) << expected << "\n" << t;
}

TEST_F(PerformanceReviewBuild, AKpiWithoutAPreviousValueSaysSo) {
  // August follows May, which recorded no values; noordzee has one review.
  const std::string august = text("lakeshore-college/performance-review-2026-08-13.pdf");
  std::size_t count = 0;
  for (std::size_t at = august.find("no previous value"); at != std::string::npos;
       at = august.find("no previous value", at + 1))
    ++count;
  EXPECT_EQ(count, kpis("lakeshore-college")["kpis"].size()) << august;
  EXPECT_NE(
      text("noordzee-marine-data/performance-review-2026-09-17.pdf").find("no previous value"),
      std::string::npos);
  EXPECT_NE(text("lakeshore-college/performance-review-2026-05-07.pdf").find("not recorded"),
            std::string::npos);
}

TEST_F(PerformanceReviewBuild, TheReviewsOwnNotes) {
  const YAML::Node november = kpis("lakeshore-college")["reviews"][2];
  const std::string t = text("lakeshore-college/performance-review-2026-11-12.pdf");
  EXPECT_NE(t.find("Fall review. 512 students"), std::string::npos) << t;
  for (const char* list : {"improvements", "opportunities"})
    for (const YAML::Node& item : november[list])
      EXPECT_NE(t.find(item.as<std::string>()), std::string::npos) << item;
}

TEST_F(PerformanceReviewBuild, IssuesInvoicesAndPaymentsOfThePeriodOnly) {
  // 14 August to 12 November: ISS-003 (reported 15 September, escalated 29
  // September, resolved 21 October); INV-2026-0006 issued 2 November, open;
  // INV-2026-0004's payment of 1 September.
  const std::string november = text("lakeshore-college/performance-review-2026-11-12.pdf");
  for (const char* expected :
       {"ISS-003", "Escalated 29 September 2026 to", "maya@commonscompute.org: Needs a",
        "INV-2026-0006", "2 November 2026", "$7,320.00", "1 September 2026", "ACH LCC-AP-0901-022",
        "$7,682.50"})
    EXPECT_NE(november.find(expected), std::string::npos) << expected << "\n" << november;
  for (const char* absent : {"ISS-001", "ISS-002", "ISS-004", "INV-2026-0002", "28 May 2026"})
    EXPECT_EQ(november.find(absent), std::string::npos) << absent;

  // Up to 7 May: ISS-001 and ISS-002; INV-2026-0001 and -0002; the
  // payment of 26 February.
  const std::string may = text("lakeshore-college/performance-review-2026-05-07.pdf");
  for (const char* expected :
       {"ISS-001", "ISS-002", "INV-2026-0001", "INV-2026-0002", "26 February 2026", "$8,700.00"})
    EXPECT_NE(may.find(expected), std::string::npos) << expected << "\n" << may;
  EXPECT_EQ(may.find("ISS-003"), std::string::npos);

  const std::string august = text("lakeshore-college/performance-review-2026-08-13.pdf");
  EXPECT_NE(august.find("No issue was reported, escalated or resolved in the period."),
            std::string::npos);
  // INV-2026-0004, paid and then credited 40.00: a credit balance now.
  EXPECT_NE(august.find("Credit $40.00"), std::string::npos) << august;
}

TEST_F(PerformanceReviewBuild, TheNextReviewDate) {
  // Quarterly: three months after each review.
  EXPECT_NE(text("lakeshore-college/performance-review-2026-11-12.pdf")
                .find("The next review is due on 12 February 2027"),
            std::string::npos);
  EXPECT_NE(text("noordzee-marine-data/performance-review-2026-09-17.pdf")
                .find("The next review is due on 17 December 2026"),
            std::string::npos);
}

TEST_F(PerformanceReviewBuild, EuroReviewComparesInEuros) {
  const YAML::Node revenue = kpis("noordzee-marine-data")["kpis"][0];
  EXPECT_EQ(revenue["target"].as<std::string>(), "9000.00 EUR");
  const std::string t = text("noordzee-marine-data/performance-review-2026-09-17.pdf");
  // 5250.00 recorded at the review against 9000.00.
  for (const char* expected : {"€9,000.00", "€5,250.00", "€3,750.00 below target"})
    EXPECT_NE(t.find(expected), std::string::npos) << expected << "\n" << t;
  EXPECT_EQ(t.find("$"), std::string::npos);
}

}  // namespace
}  // namespace partnerops::e2e
