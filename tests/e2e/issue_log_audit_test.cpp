// The issue log and the compliance audit built end to end and read back
// with pdftotext, their figures checked against the YAML they come from
// (read here with yaml-cpp, the days counted with std::chrono, not with the
// tool's own model); and `record SLUG compliance-audit` recording audits as
// a user runs it: the file written, exactly what is committed.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <chrono>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};
constexpr const char* k_noordzee = "partners/noordzee-marine-data";

/// The fixture's resolved issue plus an open escalated one, reported later.
constexpr const char* k_issues = R"(issues:
  - id: ISS-001
    description: Participant accounts from the summer school not removed within 30 days
    category: compliance
    severity: medium
    date_reported: 2026-09-08
    responsible: priya@commonscompute.org
    status: resolved
    resolution: Accounts removed on 2026-09-09.
    resolved_on: 2026-09-10
    follow_up:
      - Report the removal date of each workshop's accounts in the quarterly review
  - id: ISS-002
    description: October workshop accounts still active
    category: compliance
    severity: high
    date_reported: 2026-11-20
    responsible: priya@commonscompute.org
    status: escalated
    escalation:
      date: 2026-11-23
      to: maya@commonscompute.org
      reason: A breach of the 30-day deletion rule
    follow_up:
      - Remove the remaining accounts by hand
      - Fix the removal job for weekend workshops
)";

/// Two audits: the later (2026-11-20) fails the accounts rule; the
/// licences were audited only by the earlier one.
constexpr const char* k_audits = R"(audits:
  - date: 2026-06-20
    auditor: priya@commonscompute.org
    results:
      - requirement: Dataset licences respected; no redistribution outside the workshops
        result: met
      - requirement: Participant accounts deleted within 30 days after each workshop
        result: met
  - date: 2026-11-20
    auditor: maya@commonscompute.org
    results:
      - requirement: Participant accounts deleted within 30 days after each workshop
        result: not-met
        finding: Fourteen accounts still active after 34 days
        action: Remove them by hand and fix the removal job
)";

std::chrono::sys_days day(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  EXPECT_EQ(std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d), 3) << iso;
  return std::chrono::year{y} / m / d;
}

/// "20 November 2026", as the fixture's long date style prints `iso`.
std::string long_date(const std::string& iso) {
  static const char* months[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  const std::chrono::year_month_day ymd{day(iso)};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         months[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

/// `text` with every run of white space, line breaks included, made one
/// space: a wrapped cell or sentence reads as one line.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  return out;
}

/// `text` without any white space: a table row read in content order, with
/// words a narrow cell broke (an e-mail address) joined again.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f') out += c;
  return out;
}

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

class SopDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    make_base_workspace(dir.path());
    write_file(dir.path() / k_noordzee / "issues.yaml", k_issues);
    write_file(dir.path() / k_noordzee / "compliance.yaml", k_audits);
  }
  /// Builds `kind` for noordzee on 2026-11-25; the PDF's text, spaces folded.
  std::string build(const std::string& kind, const std::string& file) {
    const RunResult result =
        run_partnerops({"build", dir.path().string(), "--partner", "noordzee-marine-data", "--kind",
                        kind, "--today", "2026-11-25", "--out", (dir.path() / "out").string()},
                       dir.path(), k_epoch);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(fs::exists(dir.path() / "out/noordzee-marine-data" / file)) << file;
    return flat(pdf_text(dir.path() / "out/noordzee-marine-data" / file));
  }
  TempDir dir;
};

TEST_F(SopDocumentsTest, IssueLogPutsTheEscalatedIssueFirstWithItsDaysOpenAndEscalation) {
  const std::string text = build("issue-log", "issue-log.pdf");
  const YAML::Node issues = YAML::Load(k_issues)["issues"];
  const std::string escalated = issues[1]["id"].as<std::string>();
  const std::string resolved = issues[0]["id"].as<std::string>();
  // The escalated issue's row and its details both come before the resolved one's.
  const std::size_t first_escalated = text.find(escalated + " · ");
  const std::size_t first_resolved = text.find(resolved + " · ");
  ASSERT_NE(first_escalated, std::string::npos) << text;
  ASSERT_NE(first_resolved, std::string::npos) << text;
  EXPECT_LT(first_escalated, first_resolved);
  EXPECT_LT(text.find(escalated + " · ", first_escalated + 1),
            text.find(resolved + " · ", first_resolved + 1));

  // Days open: to the build's date while open, to the resolution once resolved.
  const int open_days =
      (day("2026-11-25") - day(issues[1]["date_reported"].as<std::string>())).count();
  const int resolved_days = (day(issues[0]["resolved_on"].as<std::string>()) -
                             day(issues[0]["date_reported"].as<std::string>()))
                                .count();
  EXPECT_NE(text.find("escalated · " + days(open_days) + " open"), std::string::npos) << text;
  EXPECT_NE(text.find("resolved on " + long_date(issues[0]["resolved_on"].as<std::string>()) +
                      " · " + days(resolved_days) + " open"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2 issues: 1 not resolved (1 escalated), 1 resolved"), std::string::npos);

  const YAML::Node escalation = issues[1]["escalation"];
  EXPECT_NE(
      text.find("Escalated " + long_date(escalation["date"].as<std::string>()) + " to " +
                escalation["to"].as<std::string>() + ": " + escalation["reason"].as<std::string>()),
      std::string::npos)
      << text;
  for (const YAML::Node& action : issues[1]["follow_up"])
    EXPECT_NE(text.find("• " + action.as<std::string>()), std::string::npos) << text;
  EXPECT_NE(text.find("Responsible " + issues[1]["responsible"].as<std::string>()),
            std::string::npos);
  EXPECT_NE(text.find("Category compliance · severity high"), std::string::npos);
}

TEST_F(SopDocumentsTest, ComplianceAuditGivesEachRequirementItsLatestResultAndTheNextDue) {
  // Named by the latest audit's date.
  const std::string text = build("compliance-audit", "compliance-audit-2026-11-20.pdf");
  const std::string raw = run_tool(
      "pdftotext -raw '" +
      (dir.path() / "out/noordzee-marine-data/compliance-audit-2026-11-20.pdf").string() + "' -");
  const YAML::Node audits = YAML::Load(k_audits)["audits"];
  EXPECT_NE(text.find("latest audit " + long_date(audits[1]["date"].as<std::string>()) + " by " +
                      audits[1]["auditor"].as<std::string>()),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("3 requirements: 1 met, 1 not met, 1 not audited"), std::string::npos)
      << text;
  // 180 days (the lifecycle's compliance-audit item) after the latest audit.
  const std::chrono::year_month_day next{day(audits[1]["date"].as<std::string>()) +
                                         std::chrono::days{180}};
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(next.year()),
                static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
  EXPECT_NE(text.find("Next audit due " + long_date(iso)), std::string::npos) << text;
  EXPECT_NE(text.find("Audits recorded 2"), std::string::npos);

  // Each requirement's row, in the agreement's order, read in content order:
  // its result from the latest audit naming it, computed here from the YAML.
  const YAML::Node agreement =
      YAML::LoadFile((dir.path() / k_noordzee / "agreement.yaml").string());
  const std::string rows = squeezed(raw);
  std::size_t at = rows.find("NO.REQUIREMENTRESULTAUDITORAUDITED");
  ASSERT_NE(at, std::string::npos) << raw;
  int number = 0;
  for (const YAML::Node& requirement : agreement["compliance"]) {
    const std::string text = requirement.as<std::string>();
    std::string row = std::to_string(++number) + text + "Notaudited";
    std::string latest;
    for (const YAML::Node& audit : audits) {
      const std::string date = audit["date"].as<std::string>();
      for (const YAML::Node& result : audit["results"]) {
        if (result["requirement"].as<std::string>() != text || date < latest) continue;
        latest = date;
        row = std::to_string(number) + text +
              (result["result"].as<std::string>() == "met" ? "Met" : "Notmet") +
              audit["auditor"].as<std::string>() + long_date(date);
      }
    }
    const std::size_t found = rows.find(squeezed(row), at);
    EXPECT_NE(found, std::string::npos) << row << "\nnot after " << at << " in\n" << rows;
    if (found != std::string::npos) at = found;
  }
  // The failed requirement's finding and action, from its latest audit.
  const YAML::Node failed = audits[1]["results"][0];
  EXPECT_NE(text.find("Finding " + failed["finding"].as<std::string>()), std::string::npos) << text;
  EXPECT_NE(text.find("Action " + failed["action"].as<std::string>()), std::string::npos) << text;
}

TEST_F(SopDocumentsTest, ComplianceAuditBeforeAnyAuditIsNamedByNothingAndSaysNotAudited) {
  fs::remove(dir.path() / k_noordzee / "compliance.yaml");
  const std::string text = build("compliance-audit", "compliance-audit.pdf");
  EXPECT_NE(text.find("not audited yet · 3 requirements: 0 met, 0 not met, 3 not audited"),
            std::string::npos)
      << text;
  // Entered partner on 2026-06-12: the checklist item falls due 180 days later.
  EXPECT_NE(text.find("Next audit due 9 December 2026"), std::string::npos) << text;
}

class RecordAuditTest : public GitWorkspaceTest {
 protected:
  std::string head() const { return git("rev-parse HEAD"); }
};

TEST_F(RecordAuditTest, TheFirstAuditWritesComplianceYamlAndTheChecklistInOneCommit) {
  const RunResult result = partnerops(
      {"record", "noordzee-marine-data", "compliance-audit", "--date", "2026-11-20", "--auditor",
       "maya@commonscompute.org", "--met", "1", "--met", "dataset licences", "--not-met",
       "Participant accounts deleted within 30 days after each workshop", "--finding",
       "Fourteen accounts still active: 34 days", "--action", "Remove them by hand"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir.path() / k_noordzee / "compliance.yaml"),
            "# yaml-language-server: $schema=../../schemas/compliance.schema.yaml\n"
            "audits:\n"
            "  - date: 2026-11-20\n"
            "    auditor: maya@commonscompute.org\n"
            "    results:\n"
            "      - requirement: GDPR — Commons Compute processes participant names and e-mail "
            "addresses as processor for the Foundation; data processing terms in Annex 1\n"
            "        result: met\n"
            "      - requirement: Dataset licences respected; no redistribution outside the "
            "workshops\n"
            "        result: met\n"
            "      - requirement: Participant accounts deleted within 30 days after each "
            "workshop\n"
            "        result: not-met\n"
            "        finding: \"Fourteen accounts still active: 34 days\"\n"
            "        action: Remove them by hand\n");
  EXPECT_NE(
      read_file(dir.path() / k_noordzee / "partner.yaml").find("  compliance-audit: 2026-11-20\n"),
      std::string::npos);
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/noordzee-marine-data/compliance.yaml\n"
            "partners/noordzee-marine-data/partner.yaml\n");
  EXPECT_EQ(git("log -1 --format=%B"),
            "noordzee-marine-data: record the compliance audit of 2026-11-20\n\n"
            "2 met, 1 not met, audited by maya@commonscompute.org; checklist item "
            "compliance-audit done.\n\n"
            "Partner: noordzee-marine-data\nChecklist-Item: compliance-audit\n"
            "Audit-Date: 2026-11-20\n\n");
  EXPECT_EQ(git("status --porcelain"), "");
  const RunResult validate = partnerops({"validate", ".", "--today", "2026-11-23"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out << validate.err;

  // A second audit is appended and commits compliance.yaml alone.
  const RunResult second =
      partnerops({"record", "noordzee-marine-data", "compliance-audit", "--date", "2026-12-01",
                  "--auditor", "priya@commonscompute.org", "--met", "2"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/noordzee-marine-data/compliance.yaml\n");
  const std::string text = read_file(dir.path() / k_noordzee / "compliance.yaml");
  EXPECT_EQ(text.substr(text.find("  - date: 2026-12-01")),
            "  - date: 2026-12-01\n"
            "    auditor: priya@commonscompute.org\n"
            "    results:\n"
            "      - requirement: Participant accounts deleted within 30 days after each "
            "workshop\n"
            "        result: met\n");
  EXPECT_NE(text.find("  - date: 2026-11-20\n"), std::string::npos);
  EXPECT_EQ(partnerops({"validate", ".", "--today", "2026-12-02"}).exit_code, 0);
}

TEST_F(RecordAuditTest, AnUnknownOrTwiceNamedRequirementIsRefusedWithNothingChanged) {
  const std::string before = head();
  const RunResult unknown = partnerops(
      {"record", "noordzee-marine-data", "compliance-audit", "--auditor", "maya", "--met", "4"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("partners/noordzee-marine-data/agreement.yaml:50:5: "
                             "error[audit-unknown-requirement]: the agreement lists no compliance "
                             "requirement '4'"),
            std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("hint: name one by its number or its text: 1. GDPR"),
            std::string::npos);
  const RunResult twice = partnerops({"record", "noordzee-marine-data", "compliance-audit",
                                      "--auditor", "maya", "--met", "Da", "--met", "1", "--not-met",
                                      "1", "--finding", "f", "--action", "a"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("error[audit-duplicate-requirement]"), std::string::npos) << twice.err;
  EXPECT_EQ(head(), before);
  EXPECT_EQ(git("status --porcelain"), "");
  EXPECT_FALSE(fs::exists(dir.path() / k_noordzee / "compliance.yaml"));
}

TEST_F(RecordAuditTest, ANotMetWithoutItsFindingAndActionIsAUsageError) {
  const RunResult result = partnerops({"record", "noordzee-marine-data", "compliance-audit",
                                       "--auditor", "maya", "--not-met", "2"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "partnerops record: each --not-met needs its own --finding and --action (1 --not-met, "
            "0 --finding, 0 --action)\n");
  const RunResult other =
      partnerops({"record", "noordzee-marine-data", "launch-meeting", "--auditor", "maya"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_EQ(git("status --porcelain"), "");
}

}  // namespace
}  // namespace partnerops::e2e
