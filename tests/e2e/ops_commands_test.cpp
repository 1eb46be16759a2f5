// The pipeline commands as a user runs them on the fixture workspace with
// --today pinned: tickler (the .ics read back by an independent parser in
// Python's standard library), report and codeowners.

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_today = "2026-11-23";

/// A line-unfolding iCalendar reader written against RFC 5545 only: CRLF
/// line ends, folded lines joined, content lines split into name,
/// parameters and value, TEXT values unescaped.
constexpr const char* k_python_ics_reader = R"PY(
import json, sys
data = open(sys.argv[1], 'rb').read()
physical = data.split(b'\r\n')
assert physical[-1] == b'', 'the file must end with CRLF'
physical = physical[:-1]
assert all(b'\n' not in line and b'\r' not in line for line in physical), 'bare LF or CR'
max_octets = max(len(line) for line in physical)
for line in physical:
    line.decode('utf-8')  # a fold must not split a UTF-8 sequence
lines = []
for line in physical:
    if line[:1] in (b' ', b'\t'):
        lines[-1] += line[1:]
    else:
        lines.append(line)
def unescape(value):
    out, i = '', 0
    while i < len(value):
        if value[i] == '\\' and i + 1 < len(value):
            out += {'n': '\n', 'N': '\n'}.get(value[i + 1], value[i + 1]); i += 2
        else:
            out += value[i]; i += 1
    return out
stack, calendar, events = [], {}, []
for raw in lines:
    text = raw.decode('utf-8')
    head, value = text.split(':', 1)
    name, *params = head.split(';')
    if name == 'BEGIN':
        stack.append((value, {})); continue
    if name == 'END':
        kind, props = stack.pop()
        assert kind == value
        if kind == 'VEVENT': events.append(props)
        if kind == 'VCALENDAR': calendar = props
        continue
    stack[-1][1][name] = {'params': params, 'value': unescape(value)}
assert not stack
print(json.dumps({'max_octets': max_octets, 'calendar': calendar, 'events': events}))
)PY";

nlohmann::json read_ics_with_python(const fs::path& ics, const fs::path& dir) {
  write_file(dir / "ics_reader.py", k_python_ics_reader);
  const fs::path out = dir / "ics.json";
  const std::string command = "python3 '" + (dir / "ics_reader.py").string() + "' '" +
                              ics.string() + "' > '" + out.string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return nlohmann::json::parse(read_file(out), nullptr, false);
}

class OpsCommands : public ::testing::Test {
 protected:
  void SetUp() override { make_base_workspace(dir.path()); }
  TempDir dir;
  TempDir scratch;
};

TEST_F(OpsCommands, TicklerIcsReadBackByAnIndependentParserWithStableUids) {
  const RunResult first = run_partnerops(
      {"tickler", dir.path().string(), "--today", k_today, "--within", "60d", "--format", "ics"});
  const RunResult second = run_partnerops(
      {"tickler", dir.path().string(), "--today", k_today, "--within", "60d", "--format", "ics"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);  // same bytes, so the same UIDs and stamps
  write_file(scratch.path() / "tickler.ics", first.out);

  const nlohmann::json ics = read_ics_with_python(scratch.path() / "tickler.ics", scratch.path());
  ASSERT_FALSE(ics.is_discarded());
  EXPECT_LE(ics["max_octets"].get<int>(), 75);
  EXPECT_EQ(ics["calendar"]["PRODID"]["value"], "-//partnerops//tickler//EN");
  EXPECT_EQ(ics["calendar"]["VERSION"]["value"], "2.0");
  std::vector<std::string> events;
  for (const nlohmann::json& event : ics["events"]) {
    EXPECT_EQ(event["DTSTART"]["params"], nlohmann::json::array({"VALUE=DATE"}));
    EXPECT_EQ(event["DTSTAMP"]["value"], "20261123T000000Z");
    events.push_back(event["DTSTART"]["value"].get<std::string>() + " " +
                     event["UID"]["value"].get<std::string>());
  }
  EXPECT_EQ(
      events,
      (std::vector<std::string>{
          "20261102 renewal-notice.lakeshore-college.2027-01-31@commonscompute.org",
          "20261130 checklist.halden-hydrology-group.lead-assessed@commonscompute.org",
          "20261203 checklist.prairie-public-health.technical-scoping@commonscompute.org",
          "20261208 checklist.halden-hydrology-group.first-meeting-prepared@commonscompute.org",
          "20261209 compliance-audit.noordzee-marine-data.compliance-audit@commonscompute.org",
          "20261210 checklist.prairie-public-health.negotiation-started@commonscompute.org",
          "20261212 checklist.northbay-earth-sciences.first-meeting-held@commonscompute.org",
          "20261217 review.noordzee-marine-data.performance-review@commonscompute.org",
          "20261227 lead-inactive.northbay-earth-sciences.activity@commonscompute.org",
          "20261228 checklist.cascadia-climate.technical-deployment@commonscompute.org",
          "20270101 renewal.lakeshore-college.2027-01-31@commonscompute.org",
          "20270101 lead-inactive.halden-hydrology-group.activity@commonscompute.org",
          "20270118 compliance-audit.lakeshore-college.compliance-audit@commonscompute.org",
      }));
  ASSERT_EQ(ics["events"].size(), 13u);
  EXPECT_EQ(ics["events"][0]["SUMMARY"]["value"],
            "[renewal-notice] lakeshore-college: Send the renewal notice and record the decision");
  EXPECT_EQ(ics["events"][0]["DESCRIPTION"]["value"],
            "in the renewal window since 2026-11-02 (notice deadline 2027-01-01, term ends "
            "2027-01-31); no renewal-reviewed record since then\n"
            "File: partners/lakeshore-college/partner.yaml");
}

TEST_F(OpsCommands, TicklerAWeekLaterKeepsTheUidsOfTheSameItems) {
  const RunResult now =
      run_partnerops({"tickler", dir.path().string(), "--today", k_today, "--format", "json"});
  const RunResult later =
      run_partnerops({"tickler", dir.path().string(), "--today", "2026-11-30", "--format", "json"});
  ASSERT_EQ(now.exit_code, 0);
  ASSERT_EQ(later.exit_code, 0);
  const nlohmann::json now_json = nlohmann::json::parse(now.out);
  const nlohmann::json later_json = nlohmann::json::parse(later.out);
  std::map<std::string, std::string> uid_by_subject;
  for (const auto& item : now_json["items"])
    uid_by_subject[item["kind"].get<std::string>() + item["partner"].get<std::string>() +
                   item["subject"].get<std::string>()] = item["uid"];
  std::size_t shared = 0;
  for (const auto& item : later_json["items"]) {
    const auto found =
        uid_by_subject.find(item["kind"].get<std::string>() + item["partner"].get<std::string>() +
                            item["subject"].get<std::string>());
    if (found == uid_by_subject.end()) continue;
    EXPECT_EQ(found->second, item["uid"]);
    ++shared;
  }
  EXPECT_EQ(shared, 13u);
}

TEST_F(OpsCommands, TicklerReadsACommittedRevision) {
  const std::string git =
      "git -C '" + dir.path().string() + "' -c user.name=T -c user.email=t@example.org ";
  run_tool(git + "init -q -b main && " + git + "add -A && " + git + "commit -q -m base");
  const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  std::string yaml = read_file(invoice);
  yaml.replace(yaml.find("due_date: 2026-12-02"), 20, "due_date: 2026-11-20");
  write_file(invoice, yaml);

  const RunResult working = run_partnerops({"tickler", dir.path().string(), "--today", k_today});
  const RunResult committed =
      run_partnerops({"tickler", dir.path().string(), "--today", k_today, "--rev", "HEAD"});
  ASSERT_EQ(working.exit_code, 0) << working.err;
  ASSERT_EQ(committed.exit_code, 0) << committed.err;
  EXPECT_NE(working.out.find("invoice-overdue  lakeshore-college"), std::string::npos)
      << working.out;
  EXPECT_EQ(committed.out.find("invoice-overdue"), std::string::npos) << committed.out;
  EXPECT_EQ(committed.out.rfind("13 items due by 2027-01-22", 0), 0u) << committed.out;
}

TEST_F(OpsCommands, TicklerAndReportKeepTheirOutputThroughTheParseCache) {
  const std::vector<std::string> tickler = {"tickler", dir.path().string(), "--today",
                                            k_today,   "--format",          "json"};
  const std::vector<std::string> report = {"report", dir.path().string(), "--today",
                                           k_today,  "--format",          "json"};
  const RunResult tickler_cold = run_partnerops(tickler);
  const RunResult report_cold = run_partnerops(report);
  ASSERT_EQ(tickler_cold.exit_code, 0) << tickler_cold.err;
  ASSERT_EQ(report_cold.exit_code, 0) << report_cold.err;
  EXPECT_TRUE(fs::is_regular_file(dir.path() / ".partnerops/cache/parse-cache.bin"));
  EXPECT_EQ(read_file(dir.path() / ".partnerops/cache/.gitignore"), "*\n");
  const RunResult tickler_warm = run_partnerops(tickler);
  const RunResult report_warm = run_partnerops(report);
  EXPECT_EQ(tickler_warm.exit_code, 0);
  EXPECT_EQ(tickler_warm.out, tickler_cold.out);
  EXPECT_EQ(tickler_warm.err, tickler_cold.err);
  EXPECT_EQ(report_warm.out, report_cold.out);

  // A file changed since it was cached is read again, problems included.
  const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  std::string yaml = read_file(invoice);
  yaml.replace(yaml.find("due_date: 2026-12-02"), 20, "due_date: 2026-11-31");
  write_file(invoice, yaml);
  const RunResult broken = run_partnerops(tickler);
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_EQ(broken.err,
            "partnerops: 1 error while loading; items of files that did not load are missing "
            "(run `partnerops validate`)\n");
  EXPECT_EQ(run_partnerops(tickler).err, broken.err);

  // A damaged cache is ignored.
  write_file(dir.path() / ".partnerops/cache/parse-cache.bin", "partnerops parse cache 1\ngarbage");
  write_file(invoice, read_file(invoice).replace(yaml.find("due_date: 2026-11-31"), 20,
                                                 "due_date: 2026-12-02"));
  const RunResult repaired = run_partnerops(tickler);
  EXPECT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_EQ(repaired.out, tickler_cold.out);
}

TEST_F(OpsCommands, TicklerUsageErrors) {
  EXPECT_EQ(run_partnerops({"tickler", dir.path().string(), "--within", "two months"}).exit_code,
            2);
  EXPECT_EQ(run_partnerops({"tickler", dir.path().string(), "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(run_partnerops({"tickler", dir.path().string(), "--today", "2026-02-30"}).exit_code, 2);
  EXPECT_EQ(run_partnerops({"tickler", (dir.path() / "partners").string()}).exit_code, 2);
}

TEST_F(OpsCommands, TicklerMarkdownForTheWeeklyIssue) {
  const RunResult run = run_partnerops({"tickler", dir.path().string(), "--today", k_today,
                                        "--within", "7d", "--format", "markdown"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "# Tickler: due by 2026-11-30\n\n"
            "As of 2026-11-23: 2 items due within 7 days, 1 of them already past their date.\n\n"
            "## Renewal notices not yet sent (1)\n\n"
            "| Due | Partner | What | Details | File |\n|---|---|---|---|---|\n"
            "| 2026-11-02 (overdue) | lakeshore-college | Send the renewal notice and record the "
            "decision | in the renewal window since 2026-11-02 (notice deadline 2027-01-01, term "
            "ends 2027-01-31); no renewal-reviewed record since then | "
            "partners/lakeshore-college/partner.yaml |\n\n"
            "## SOP checklist items (1)\n\n"
            "| Due | Partner | What | Details | File |\n|---|---|---|---|---|\n"
            "| 2026-11-30 | halden-hydrology-group | Assess the lead — strategic fit, financial "
            "stability, potential contribution, priority | SOP 6 §1 Partner Identification: due "
            "14 days after entering 'lead' on 2026-11-16; record it as checklist lead-assessed | "
            "partners/halden-hydrology-group/partner.yaml |\n");
}

TEST_F(OpsCommands, ReportWritesJsonAndHtmlWithoutScriptEvenForAHostileName) {
  const fs::path partner = dir.path() / "partners" / "lakeshore-college" / "partner.yaml";
  std::string text = read_file(partner);
  const std::string name = "name: Lakeshore Community College\n";
  text.replace(text.find(name), name.size(), "name: \"<script>alert(1)</script>\"\n");
  write_file(partner, text);

  const RunResult json = run_partnerops({"report", dir.path().string(), "--today", k_today,
                                         "--format", "json", "--out", scratch.path().string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json report =
      nlohmann::json::parse(read_file(scratch.path() / "pipeline-report.json"));
  EXPECT_EQ(report["renewals"][0]["name"], "<script>alert(1)</script>");
  EXPECT_EQ(report["stages"][2]["count"], 2);

  const RunResult html = run_partnerops({"report", dir.path().string(), "--today", k_today});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_NE(html.out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.out.find("<svg"), std::string::npos);
}

TEST_F(OpsCommands, CodeownersWriteCheckAndValidate) {
  const std::string root = dir.path().string();
  EXPECT_EQ(run_partnerops({"codeowners", root, "--check"}).exit_code, 1);  // missing
  ASSERT_EQ(run_partnerops({"codeowners", root}).exit_code, 0);
  const std::string written = read_file(dir.path() / ".github" / "CODEOWNERS");
  EXPECT_NE(written.find("\n/partners/lakeshore-college/ priya@commonscompute.org\n"),
            std::string::npos);
  EXPECT_EQ(run_partnerops({"codeowners", root, "--check"}).exit_code, 0);
  EXPECT_EQ(run_partnerops({"validate", root, "--today", k_today}).out, "");

  const fs::path partner = dir.path() / "partners" / "halden-hydrology-group" / "partner.yaml";
  std::string text = read_file(partner);
  const std::string owner = "owner: priya@commonscompute.org";
  text.replace(text.find(owner), owner.size(), "owner: tomas@commonscompute.org");
  write_file(partner, text);
  const RunResult check = run_partnerops({"codeowners", root, "--check"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.out,
            ".github/CODEOWNERS:12: out of date with partnerops.yaml and the partners' owners; run "
            "`partnerops codeowners`\n");
  const RunResult validate =
      run_partnerops({"validate", root, "--today", k_today, "--format", "json"});
  EXPECT_EQ(validate.exit_code, 0);  // a warning
  const nlohmann::json diagnostics = nlohmann::json::parse(validate.out)["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "codeowners-stale");
  EXPECT_EQ(diagnostics[0]["line"], 12);
}

}  // namespace
}  // namespace partnerops::e2e
