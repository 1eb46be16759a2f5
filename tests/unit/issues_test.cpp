// The issue log's model: issues.yaml read into typed issues, the order the
// issue-log document prints them in, and days open.

#include "model/issues.hpp"

#include <gtest/gtest.h>

#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

using testing::load_clean;
using testing::MemorySource;

const Date k_today = *Date::parse("2026-11-23");

constexpr const char* k_log_path = "partners/lakeshore-college/issues.yaml";

/// Five issues, in file order: resolved; open low; in progress high; open
/// high (reported before it); escalated by status, severity medium.
constexpr const char* k_mixed = R"(issues:
  - id: ISS-001
    description: Resolved long ago
    severity: high
    date_reported: 2026-02-01
    responsible: priya@commonscompute.org
    status: resolved
    resolved_on: 2026-02-03
  - id: ISS-002
    description: Open and low
    severity: low
    date_reported: 2026-10-01
    responsible: priya@commonscompute.org
    status: open
  - id: ISS-003
    description: In progress and high
    severity: high
    date_reported: 2026-11-01
    responsible: priya@commonscompute.org
    status: in-progress
  - id: ISS-004
    description: Open and high, older
    severity: high
    date_reported: 2026-10-15
    responsible: priya@commonscompute.org
    status: open
  - id: ISS-005
    description: Escalated
    severity: medium
    date_reported: 2026-11-10
    responsible: priya@commonscompute.org
    status: escalated
    escalation:
      date: 2026-11-12
      to: maya@commonscompute.org
      reason: Needs leadership
)";

std::vector<std::string> ids(const std::vector<const Issue*>& issues) {
  std::vector<std::string> out;
  for (const Issue* issue : issues) out.push_back(issue->id.value);
  return out;
}

TEST(Issues, ReadsTheFixtureLogWithItsEscalationFollowUpAndPositions) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  const PartnerFolder* folder = workspace->partner("lakeshore-college");
  ASSERT_TRUE(folder && folder->issue_log);
  const IssueLog& log = *folder->issue_log;
  EXPECT_EQ(log.file, k_log_path);
  ASSERT_EQ(log.issues.size(), 4u);
  const Issue& passback = log.issues[2];
  EXPECT_EQ(passback.id.value, "ISS-003");
  EXPECT_EQ(passback.id.position.line, 23);
  EXPECT_EQ(passback.id.position.column, 9);
  EXPECT_EQ(passback.category, "technical");
  EXPECT_EQ(passback.severity, "high");
  EXPECT_EQ(passback.date_reported->value, *Date::parse("2026-09-15"));
  EXPECT_EQ(passback.status.value, IssueStatus::resolved);
  ASSERT_TRUE(passback.escalation.has_value());
  EXPECT_EQ(passback.escalation->date->value, *Date::parse("2026-09-29"));
  EXPECT_EQ(passback.escalation->to, "maya@commonscompute.org");
  EXPECT_EQ(passback.escalation->reason,
            "Needs a fix from the LMS vendor; the college asked for leadership contact with the "
            "vendor");
  EXPECT_EQ(passback.resolved_on->value, *Date::parse("2026-10-21"));
  // Resolved, so no longer counted as escalated.
  EXPECT_FALSE(passback.escalated());
  EXPECT_EQ(log.issues[0].follow_up,
            std::vector<std::string>{
                "Pre-pull images the day before each term starts (added to the term checklist)"});
  EXPECT_EQ(log.issues[3].status.value, IssueStatus::in_progress);
  EXPECT_EQ(name_of(log.issues[3].status.value), "in-progress");
}

TEST(Issues, OpenAndEscalatedFirstThenBySeverityThenByDateReported) {
  MemorySource source = testing::fixture_workspace();
  source.add(k_log_path, k_mixed);
  const auto workspace = load_clean(source);
  const IssueLog& log = *workspace->partner("lakeshore-college")->issue_log;
  EXPECT_EQ(ids(issue_log_order(log)),
            (std::vector<std::string>{"ISS-005", "ISS-004", "ISS-003", "ISS-002", "ISS-001"}));
}

TEST(Issues, AnUnresolvedIssueWithAnEscalationRecordCountsAsEscalated) {
  MemorySource source = testing::fixture_workspace();
  std::string text = k_mixed;
  // ISS-002 (open, low) gains an escalation record but keeps its status.
  text.replace(text.find("    status: open\n"), 17,
               "    status: open\n    escalation:\n      date: 2026-10-02\n      to: maya\n"
               "      reason: asked\n");
  source.add(k_log_path, text);
  const auto workspace = load_clean(source);
  const IssueLog& log = *workspace->partner("lakeshore-college")->issue_log;
  EXPECT_EQ(ids(issue_log_order(log)),
            (std::vector<std::string>{"ISS-005", "ISS-002", "ISS-004", "ISS-003", "ISS-001"}));
}

TEST(Issues, DaysOpenRunToTheResolutionOrToToday) {
  MemorySource source = testing::fixture_workspace();
  source.add(k_log_path, k_mixed);
  const auto workspace = load_clean(source);
  const IssueLog& log = *workspace->partner("lakeshore-college")->issue_log;
  EXPECT_EQ(log.issues[0].days_open(k_today), 2);   // 2026-02-01 to its resolution 02-03
  EXPECT_EQ(log.issues[1].days_open(k_today), 53);  // 2026-10-01 to 11-23
  EXPECT_EQ(log.issues[4].days_open(k_today), 13);  // 2026-11-10 to 11-23
}

class IssueChecks : public testing::FixtureChecksTest {};

TEST_F(IssueChecks, AResolutionOrEscalationBeforeTheReportIsAnErrorAtItsDate) {
  edit(k_log_path, "    resolved_on: 2026-02-11\n", "    resolved_on: 2026-02-08\n");
  edit(k_log_path, "      date: 2026-09-29\n", "      date: 2026-09-14\n");
  const Diagnostics found = diagnostics();
  std::vector<std::string> lines;
  for (const Diagnostic& d : found)
    lines.push_back(d.code + " " + d.file + ":" + std::to_string(d.position.line) + ":" +
                    std::to_string(d.position.column) + " " + d.message);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "issue-date-before-reported partners/lakeshore-college/issues.yaml:11:18 "
                       "ISS-001 is resolved on 2026-02-08, before it was reported on 2026-02-09",
                       "issue-date-before-reported partners/lakeshore-college/issues.yaml:31:13 "
                       "ISS-003 is escalated on 2026-09-14, before it was reported on 2026-09-15",
                   }));
  // The same day is allowed.
  m_files = testing::fixture_files();
  edit(k_log_path, "    resolved_on: 2026-02-11\n", "    resolved_on: 2026-02-09\n");
  EXPECT_EQ(validate(), std::vector<std::string>{});
}

}  // namespace
}  // namespace partnerops
