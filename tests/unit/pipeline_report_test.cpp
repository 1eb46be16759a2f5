#include "report/pipeline_report.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;
using testing::load_clean;
using testing::MemorySource;
using testing::replace_in;

const Date k_today = *Date::parse("2026-11-23");

fs::path fixture_partners() {
  return fs::path(PARTNEROPS_SOURCE_DIR) / "tests" / "fixtures" / "base" / "partners";
}

/// "1234.5 USD" → 123450: the test's own reading of an amount, independent
/// of model/money (two-digit currencies only, as in the fixture).
std::int64_t cents(std::string text) {
  if (const std::size_t space = text.find(' '); space != std::string::npos) text.resize(space);
  const std::size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  fraction.resize(2, '0');
  return std::stoll(whole) * 100 + std::stoll(fraction);
}

/// What the report must say, computed here from the fixture files with
/// yaml-cpp rather than through the workspace model.
struct Expected {
  std::map<std::string, std::size_t> count;                          // stage → partners
  std::map<std::string, std::map<std::string, std::int64_t>> value;  // stage → currency → cents
  std::map<std::string, std::set<std::string>> entered;              // stage → slugs
  std::map<std::pair<std::string, std::string>, std::int64_t>
      invoiced;  // (month, currency) → cents
  std::map<std::pair<std::string, std::string>, std::int64_t>
      received;  // (month, currency) → cents
  std::size_t kpi_rows = 0;
  std::vector<std::string> open_issues;  // "slug ID"
};

Expected compute_expected() {
  Expected e;
  for (const fs::directory_entry& dir : fs::directory_iterator(fixture_partners())) {
    const std::string slug = dir.path().filename().string();
    const YAML::Node partner = YAML::LoadFile((dir.path() / "partner.yaml").string());
    const std::string stage = partner["stage"].as<std::string>();
    ++e.count[stage];
    for (const YAML::Node& entry : partner["history"])
      e.entered[entry["stage"].as<std::string>()].insert(slug);
    if (fs::exists(dir.path() / "agreement.yaml")) {
      const YAML::Node agreement = YAML::LoadFile((dir.path() / "agreement.yaml").string());
      const std::string currency = agreement["currency"].as<std::string>();
      for (const YAML::Node& fee : agreement["fees"]) {
        const std::string schedule = fee["schedule"].as<std::string>();
        const int times = schedule == "monthly" ? 12 : schedule == "quarterly" ? 4 : 1;
        e.value[stage][currency] += cents(fee["amount"].as<std::string>()) * times;
      }
    }
    if (fs::exists(dir.path() / "invoices")) {
      for (const fs::directory_entry& file : fs::directory_iterator(dir.path() / "invoices")) {
        const YAML::Node invoice = YAML::LoadFile(file.path().string());
        const std::string status = invoice["status"].as<std::string>();
        if (status != "issued" && status != "paid") continue;
        const std::string currency = invoice["currency"].as<std::string>();
        e.invoiced[{invoice["issue_date"].as<std::string>().substr(0, 7), currency}] +=
            cents(invoice["total"].as<std::string>());
        for (const YAML::Node& payment : invoice["payments"]) {
          e.received[{payment["date"].as<std::string>().substr(0, 7), currency}] +=
              cents(payment["amount"].as<std::string>());
        }
      }
    }
    if (fs::exists(dir.path() / "credit-notes")) {
      for (const fs::directory_entry& file : fs::directory_iterator(dir.path() / "credit-notes")) {
        const YAML::Node note = YAML::LoadFile(file.path().string());
        if (note["status"].as<std::string>() == "void") continue;
        e.invoiced[{note["issue_date"].as<std::string>().substr(0, 7),
                    note["currency"].as<std::string>()}] -= cents(note["total"].as<std::string>());
      }
    }
    if (fs::exists(dir.path() / "kpis.yaml"))
      e.kpi_rows += YAML::LoadFile((dir.path() / "kpis.yaml").string())["kpis"].size();
    if (fs::exists(dir.path() / "issues.yaml")) {
      for (const YAML::Node& issue :
           YAML::LoadFile((dir.path() / "issues.yaml").string())["issues"])
        if (issue["status"].as<std::string>() != "resolved")
          e.open_issues.push_back(slug + " " + issue["id"].as<std::string>());
    }
  }
  std::sort(e.open_issues.begin(), e.open_issues.end());
  return e;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace = load_clean(source);
    json = nlohmann::json::parse(report_json(build_pipeline_report(*workspace, k_today)));
  }
  MemorySource source = testing::fixture_workspace();
  std::unique_ptr<Workspace> workspace;
  nlohmann::json json;
};

TEST_F(ReportTest, CountsAndValuesByStageMatchTheFiles) {
  const Expected e = compute_expected();
  ASSERT_EQ(json["stages"].size(), 4u);
  std::size_t total = 0;
  for (const nlohmann::json& row : json["stages"]) {
    const std::string stage = row["stage"];
    EXPECT_EQ(row["count"], e.count.count(stage) ? e.count.at(stage) : 0) << stage;
    total += row["count"].get<std::size_t>();
    std::map<std::string, std::int64_t> value;
    for (const nlohmann::json& amount : row["annual_value"]) {
      value[amount["currency"]] = amount["minor"];
      EXPECT_EQ(cents(amount["amount"]), amount["minor"].get<std::int64_t>());
    }
    const std::map<std::string, std::int64_t> expected =
        e.value.count(stage) ? e.value.at(stage) : std::map<std::string, std::int64_t>();
    EXPECT_EQ(value, expected) << stage;
  }
  EXPECT_EQ(total, 7u);
  // The same figures written out, so a change in the fixture is noticed.
  EXPECT_EQ(json["stages"][1]["annual_value"][0]["amount"], "80475.00");  // prospects, USD
  EXPECT_EQ(json["stages"][2]["annual_value"][0]["amount"], "18000.00");  // partners, EUR
  EXPECT_EQ(json["stages"][2]["annual_value"][1]["amount"], "30300.00");  // partners, USD
}

TEST_F(ReportTest, FunnelAndConversionFromHistory) {
  const Expected e = compute_expected();
  const std::size_t leads = e.entered.at("lead").size();
  const std::size_t prospects = e.entered.at("prospect").size();
  const std::size_t partners = e.entered.at("partner").size();
  EXPECT_EQ(json["funnel"], nlohmann::json::parse(R"([
      {"stage": "lead", "title": "Lead", "entered": )" +
                                                  std::to_string(leads) + R"(},
      {"stage": "prospect", "title": "Prospect", "entered": )" +
                                                  std::to_string(prospects) + R"(},
      {"stage": "partner", "title": "Partner", "entered": )" +
                                                  std::to_string(partners) + R"(}])"));
  ASSERT_EQ(json["conversions"].size(), 3u);
  EXPECT_EQ(json["conversions"][0]["entered_from"], leads);
  EXPECT_EQ(json["conversions"][0]["entered_both"], prospects);
  EXPECT_EQ(json["conversions"][1]["entered_from"], prospects);
  EXPECT_EQ(json["conversions"][1]["entered_both"], partners);
  EXPECT_EQ(json["conversions"][2]["from"], "lead");
  EXPECT_EQ(json["conversions"][2]["to"], "partner");
  // 4 of 7, 2 of 4, 2 of 7, to one decimal.
  EXPECT_EQ(json["conversions"][0]["percent"], "57.1");
  EXPECT_EQ(json["conversions"][1]["percent"], "50.0");
  EXPECT_EQ(json["conversions"][2]["percent"], "28.6");
}

TEST_F(ReportTest, MedianDaysOverCompletedStays) {
  // Lead stays: lakeshore 9, ironwood 36, noordzee 42, prairie 50, cascadia 70
  // days → median 42. Prospect stays: lakeshore 15, noordzee 60 → 37.5.
  EXPECT_EQ(json["median_days_in_stage"], nlohmann::json::parse(R"([
      {"stage": "lead", "completed_stays": 5, "median_days": 42},
      {"stage": "prospect", "completed_stays": 2, "median_days": 37.5},
      {"stage": "partner", "completed_stays": 0, "median_days": null},
      {"stage": "closed", "completed_stays": 0, "median_days": null}])"));
}

TEST_F(ReportTest, RevenueByMonthInvoicedAndReceivedPerCurrency) {
  const Expected e = compute_expected();
  std::map<std::pair<std::string, std::string>, std::int64_t> invoiced, received;
  for (const nlohmann::json& row : json["revenue_by_month"]) {
    const std::pair<std::string, std::string> key{row["month"], row["currency"]};
    EXPECT_EQ(cents(row["invoiced"]["amount"]), row["invoiced"]["minor"].get<std::int64_t>());
    EXPECT_EQ(cents(row["received"]["amount"]), row["received"]["minor"].get<std::int64_t>());
    if (row["invoiced"]["minor"] != 0) invoiced[key] = row["invoiced"]["minor"];
    if (row["received"]["minor"] != 0) received[key] = row["received"]["minor"];
  }
  EXPECT_EQ(invoiced, e.invoiced);
  EXPECT_EQ(received, e.received);
  // INV-2026-0001 issued 2026-02-02 and paid 2026-02-26, both 8700.00.
  EXPECT_EQ(json["revenue_by_month"][0], nlohmann::json::parse(R"({"month": "2026-02",
      "currency": "USD", "invoiced": {"amount": "8700.00", "minor": 870000},
      "received": {"amount": "8700.00", "minor": 870000}})"));
  // November: INV-2026-0006 issued (7320.00), less CN-2026-0001 (40.00);
  // nothing received yet.
  nlohmann::json november;
  for (const nlohmann::json& row : json["revenue_by_month"])
    if (row["month"] == "2026-11" && row["currency"] == "USD") november = row;
  EXPECT_EQ(november["invoiced"]["amount"], "7280.00");
  EXPECT_EQ(november["received"]["amount"], "0.00");
}

TEST(ReportRevenue, APartialPaymentCountsInItsMonthAndPastMonthsNeverChange) {
  MemorySource source = testing::fixture_workspace();
  const std::string invoice = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  replace_in(source, invoice, "payments: []\n",
             "payments:\n  - date: 2026-11-20\n    amount: \"2000.00\"\n");
  const auto revenue = [&source] {
    const auto workspace = load_clean(source);
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> usd;
    for (const RevenueMonth& month : build_pipeline_report(*workspace, k_today).revenue)
      if (month.currency == "USD") usd[month.month] = {month.invoiced, month.received};
    return usd;
  };
  const auto partial = revenue();
  EXPECT_EQ(partial.at("2026-11"),
            std::make_pair(std::int64_t{732000 - 4000}, std::int64_t{200000}));
  // The rest arrives in December and settles the invoice: November keeps
  // its 2000.00.
  replace_in(source, invoice, "    amount: \"2000.00\"\n",
             "    amount: \"2000.00\"\n  - date: 2026-12-03\n    amount: \"5320.00\"\n");
  replace_in(source, invoice, "status: issued", "status: paid");
  const auto settled = revenue();
  EXPECT_EQ(settled.at("2026-11"), partial.at("2026-11"));
  EXPECT_EQ(settled.at("2026-12"), std::make_pair(std::int64_t{0}, std::int64_t{532000}));
}

TEST(ReportRevenue, HtmlLabelsInvoicedAndReceivedSideBySide) {
  MemorySource source = testing::fixture_workspace();
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml", "payments: []\n",
             "payments:\n  - date: 2026-11-20\n    amount: \"2000.00\"\n");
  const auto workspace = load_clean(source);
  const std::string html = report_html(build_pipeline_report(*workspace, k_today));
  EXPECT_NE(html.find("<tr><th>Month</th><th class=\"num\">Invoiced (accrual)</th>"
                      "<th class=\"num\">Received (cash)</th></tr>\n"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><td class=\"date\">2026-11</td><td class=\"num\">7280.00 USD</td>"
                      "<td class=\"num\">2000.00 USD</td></tr>\n"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("on paid invoices"), std::string::npos);
}

TEST_F(ReportTest, KpisIssuesAndRenewals) {
  const Expected e = compute_expected();
  EXPECT_EQ(json["kpis"].size(), e.kpi_rows);
  EXPECT_EQ(json["kpis"][0], nlohmann::json::parse(R"j({
      "partner": "lakeshore-college", "name": "Lakeshore Community College", "period": "2026",
      "metric": "Revenue contribution (invoices paid)", "target": "30300.00 USD",
      "actual": "23702.50 USD", "unit": "", "responsible": "daniel@commonscompute.org",
      "action_items": ["Invoice the November–January quarter (done, INV-2026-0006)"],
      "status": "on-track"})j"));
  std::vector<std::string> issues;
  for (const nlohmann::json& row : json["open_issues"])
    issues.push_back(row["partner"].get<std::string>() + " " + row["id"].get<std::string>());
  EXPECT_EQ(issues, e.open_issues);
  EXPECT_EQ(json["open_issues"][0]["escalation"], nullptr);
  EXPECT_EQ(json["renewals"], nlohmann::json::parse(R"([{
      "partner": "lakeshore-college", "name": "Lakeshore Community College",
      "agreement": "Managed JupyterHub Teaching Service Agreement", "term_end": "2027-01-31",
      "notice_deadline": "2027-01-01", "renewal": "manual",
      "annual_value": [{"currency": "USD", "amount": "30300.00", "minor": 3030000}]}])"));
}

TEST(ReportEscalation, AnOpenEscalatedIssueCarriesItsEscalation) {
  MemorySource source = testing::fixture_workspace();
  replace_in(source, "partners/lakeshore-college/issues.yaml", "    status: in-progress\n",
             "    status: escalated\n    escalation:\n      date: 2026-11-20\n      to: "
             "maya@commonscompute.org\n      reason: GPU budget needs a leadership decision\n");
  const auto workspace = load_clean(source);
  const nlohmann::json json =
      nlohmann::json::parse(report_json(build_pipeline_report(*workspace, k_today)));
  ASSERT_EQ(json["open_issues"].size(), 1u);
  EXPECT_EQ(json["open_issues"][0]["status"], "escalated");
  EXPECT_EQ(json["open_issues"][0]["escalation"], nlohmann::json::parse(R"({
      "date": "2026-11-20", "to": "maya@commonscompute.org",
      "reason": "GPU budget needs a leadership decision"})"));
}

TEST(ReportHtml, SelfContainedWithChartsAndNoScript) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  const std::string html = report_html(build_pipeline_report(*workspace, k_today));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("vw"), std::string::npos);
  EXPECT_EQ(html.find("vh;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no external resource
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Funnel: partners that entered each stage\""),
            std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Invoiced and received by month in USD\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Invoiced and received by month in EUR\""), std::string::npos);
  EXPECT_NE(html.find(">Invoiced (accrual)</text>"), std::string::npos);
  EXPECT_NE(html.find(">Received (cash)</text>"), std::string::npos);
  // The USD chart runs from 2026-02 to 2026-11, a month without events
  // (2026-06) included; the table beside it gives the figures.
  EXPECT_NE(html.find(">2026-06</text>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td class=\"date\">2026-02</td><td class=\"num\">8700.00 USD</td>"
                      "<td class=\"num\">8700.00 USD</td></tr>"),
            std::string::npos);
}

TEST(ReportHtml, EscapesAHostilePartnerName) {
  MemorySource source = testing::fixture_workspace();
  replace_in(source, "partners/lakeshore-college/partner.yaml",
             "name: Lakeshore Community College\n", "name: \"<script>alert(1)</script>\"\n");
  replace_in(source, "partnerops.yaml", "  name: Commons Compute\n",
             "  name: \"Commons & <b>Co</b>\"\n");
  const auto workspace = load_clean(source);
  const std::string html = report_html(build_pipeline_report(*workspace, k_today));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Commons &amp; &lt;b&gt;Co&lt;/b&gt;"), std::string::npos);
}

TEST(ReportRenewals, AnAutomaticRenewalIsListedForTheTermItRolledInto) {
  // noordzee (auto, 90 days' notice): a written term of four months that
  // ended on 2026-10-31 rolls into 2026-11-01 to 2027-02-28, deadline
  // 2026-11-30, within the 90 days.
  MemorySource source = testing::fixture_workspace();
  replace_in(source, "partners/noordzee-marine-data/agreement.yaml", "  end: 2027-06-30",
             "  end: 2026-10-31");
  const auto workspace = load_clean(source);
  const nlohmann::json json =
      nlohmann::json::parse(report_json(build_pipeline_report(*workspace, k_today)));
  EXPECT_EQ(json["renewals"], nlohmann::json::parse(R"([{
      "partner": "noordzee-marine-data", "name": "North Sea Marine Data Foundation",
      "agreement": "Memorandum of Understanding on Joint Marine Data Science Training",
      "term_end": "2027-02-28", "notice_deadline": "2026-11-30", "renewal": "auto",
      "annual_value": [{"currency": "EUR", "amount": "18000.00", "minor": 1800000}]}, {
      "partner": "lakeshore-college", "name": "Lakeshore Community College",
      "agreement": "Managed JupyterHub Teaching Service Agreement", "term_end": "2027-01-31",
      "notice_deadline": "2027-01-01", "renewal": "manual",
      "annual_value": [{"currency": "USD", "amount": "30300.00", "minor": 3030000}]}])"));
  // Its value still counts for the partners stage.
  EXPECT_EQ(json["stages"][2]["annual_value"][0]["amount"], "18000.00");
}

TEST(ReportValue, ARenewalLeavesOutOneOffFeesAndAnEndedTermCountsNothing) {
  // Lakeshore's written term made to end on 2026-10-31: renewing by itself,
  // the term current on 2026-11-23 is a renewal, without the one-off
  // onboarding fee (7200.00 × 4 = 28800.00); not renewing, it has ended.
  MemorySource source = testing::fixture_workspace();
  replace_in(source, "partners/lakeshore-college/agreement.yaml", "  end: 2027-01-31",
             "  end: 2026-10-31");
  replace_in(source, "partners/lakeshore-college/agreement.yaml", "  renewal: manual",
             "  renewal: auto");
  auto workspace = load_clean(source);
  nlohmann::json json =
      nlohmann::json::parse(report_json(build_pipeline_report(*workspace, k_today)));
  EXPECT_EQ(json["stages"][2]["annual_value"], nlohmann::json::parse(R"([
      {"currency": "EUR", "amount": "18000.00", "minor": 1800000},
      {"currency": "USD", "amount": "28800.00", "minor": 2880000}])"));
  // The renewal's deadline, 2027-07-01, is beyond the 90 days.
  EXPECT_EQ(json["renewals"], nlohmann::json::array());

  replace_in(source, "partners/lakeshore-college/agreement.yaml", "  renewal: auto",
             "  renewal: manual");
  workspace = load_clean(source);
  json = nlohmann::json::parse(report_json(build_pipeline_report(*workspace, k_today)));
  EXPECT_EQ(json["stages"][2]["annual_value"], nlohmann::json::parse(R"([
      {"currency": "EUR", "amount": "18000.00", "minor": 1800000}])"));
  EXPECT_EQ(json["renewals"], nlohmann::json::array());
}

TEST(ReportValue, AnnualisedFeesBySchedule) {
  Agreement agreement;
  agreement.fees = {{"m", Field<Money>{{100, "USD"}, {}}, "monthly", "", {}},
                    {"q", Field<Money>{{1000, "USD"}, {}}, "quarterly", "", {}},
                    {"a", Field<Money>{{10000, "USD"}, {}}, "annual", "", {}},
                    {"o", Field<Money>{{5, "USD"}, {}}, "one-off", "", {}},
                    {"e", Field<Money>{{7, "EUR"}, {}}, "monthly", "", {}}};
  EXPECT_EQ(annualised_value(agreement), (Amounts{{"EUR", 84}, {"USD", 1200 + 4000 + 10000 + 5}}));
}

}  // namespace
}  // namespace partnerops
