// `partnerops build --kind assessment-report` end to end on the fixture
// workspace: the shortlist's names, scores and order, the matrix's marks
// and key, and the lead waiting for an assessment, read back from the PDF
// (pdftotext) and from the kept HTML's SVG, and checked against what this
// test reads itself from the partner.yaml files and the lifecycle.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "model/date.hpp"
#include "run_support.hpp"
#include "util/svg.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

/// What this test reads from one partner.yaml, line by line.
struct PartnerFile {
  std::string slug;
  std::string name;
  std::string stage;
  bool assessed = false;
  int fit = 0, stability = 0, contribution = 0;
  std::string priority;
  bool assessment_recorded = false;  ///< checklist lead-assessed
  std::string entered;               ///< the last history entry's date
  int score() const { return fit + stability + contribution; }
  int rank_of_priority() const { return priority == "high" ? 0 : priority == "medium" ? 1 : 2; }
};

std::string unquote(std::string text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    return text.substr(1, text.size() - 2);
  return text;
}

std::vector<PartnerFile> partner_files(const fs::path& partners) {
  std::vector<PartnerFile> out;
  for (const auto& folder : fs::directory_iterator(partners)) {
    std::istringstream in(read_file(folder.path() / "partner.yaml"));
    PartnerFile partner;
    partner.slug = folder.path().filename().string();
    std::string block;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != ' ' && line[0] != '-' && line[0] != '#')
        block = line.substr(0, line.find(':'));
      const auto value = [&line](std::string_view key) -> std::optional<std::string> {
        if (line.rfind(key, 0) != 0) return std::nullopt;
        return unquote(line.substr(key.size()));
      };
      if (auto v = value("name: ")) partner.name = *v;
      if (auto v = value("stage: ")) partner.stage = *v;
      if (block == "assessment") {
        partner.assessed = true;
        if (auto v = value("  strategic_fit: ")) partner.fit = std::stoi(*v);
        if (auto v = value("  financial_stability: ")) partner.stability = std::stoi(*v);
        if (auto v = value("  potential_contribution: ")) partner.contribution = std::stoi(*v);
        if (auto v = value("  priority: ")) partner.priority = *v;
      }
      if (block == "checklist" && value("  lead-assessed: ")) partner.assessment_recorded = true;
      if (block == "history")
        if (auto v = value("  - date: ")) partner.entered = *v;
    }
    out.push_back(partner);
  }
  return out;
}

/// The stages whose `documents:` list the report, and the due_days of the
/// lead-assessed item, from schemas/lifecycle.yaml.
struct LifecycleFacts {
  std::set<std::string> reporting_stages;
  std::map<std::string, std::string> titles;
  int assessment_due_days = 0;
};

LifecycleFacts lifecycle_facts(const fs::path& lifecycle) {
  LifecycleFacts facts;
  std::istringstream in(read_file(lifecycle));
  std::string stage;
  bool in_item = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  - id: ", 0) == 0) stage = line.substr(8);
    if (line.rfind("    title: ", 0) == 0) facts.titles[stage] = line.substr(11);
    if (line.rfind("    documents: ", 0) == 0 &&
        line.find("assessment-report") != std::string::npos)
      facts.reporting_stages.insert(stage);
    if (line.rfind("      - id: ", 0) == 0) in_item = line == "      - id: lead-assessed";
    if (in_item && line.rfind("        due_days: ", 0) == 0)
      facts.assessment_due_days = std::stoi(line.substr(18));
  }
  return facts;
}

/// The assessed partners the report covers, in the order it must print
/// them: priority, then score (highest first), then name.
std::vector<PartnerFile> expected_shortlist(const fs::path& workspace) {
  const LifecycleFacts facts = lifecycle_facts(workspace / "schemas/lifecycle.yaml");
  std::vector<PartnerFile> out;
  for (const PartnerFile& partner : partner_files(workspace / "partners"))
    if (partner.assessed && facts.reporting_stages.count(partner.stage)) out.push_back(partner);
  std::sort(out.begin(), out.end(), [](const PartnerFile& a, const PartnerFile& b) {
    return std::make_tuple(a.rank_of_priority(), -a.score(), a.name) <
           std::make_tuple(b.rank_of_priority(), -b.score(), b.name);
  });
  return out;
}

std::vector<std::string> folded_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(fold(text));
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

/// The index of the first line after `from` that starts with `prefix`, or -1.
int line_starting(const std::vector<std::string>& lines, const std::string& prefix, int from = 0) {
  for (int i = from; i < static_cast<int>(lines.size()); ++i)
    if (lines[static_cast<std::size_t>(i)].rfind(prefix, 0) == 0) return i;
  return -1;
}

RunResult build_report(const fs::path& dir, const std::string& today, bool html = false) {
  std::vector<std::string> args = {
      "build",  dir.string(),        "--today", today,
      "--kind", "assessment-report", "--out",   (dir / "out").string()};
  if (html) args.push_back("--html");
  return run_partnerops(args, dir, {"SOURCE_DATE_EPOCH=1790000000"});
}

TEST(AssessmentReport, PrintsTheShortlistInOrderWithItsScoresAndTheOverdueLead) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = build_report(dir.path(), "2026-12-06");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("built 1, skipped 0 (unchanged), failed 0"), std::string::npos) << run.err;
  const std::vector<std::string> lines =
      folded_lines(pdf_text(dir.path() / "out/assessment-report.pdf"));
  std::string all;
  for (const std::string& line : lines) all += line + "\n";

  const std::vector<PartnerFile> shortlist = expected_shortlist(dir.path());
  ASSERT_EQ(shortlist.size(), 3u);  // the fixture: two high, one medium
  // Each row: its rank, the name's first line, the three scores, their
  // sum and the priority; in rank order.
  int at = line_starting(lines, "# Partner and industry");
  ASSERT_GE(at, 0) << all;
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    const PartnerFile& p = shortlist[i];
    const std::string rank = std::to_string(i + 1) + " ";
    at = line_starting(lines, rank, at + 1);
    ASSERT_GE(at, 0) << p.name << "\n" << all;
    const std::string& row = lines[static_cast<std::size_t>(at)];
    const std::string figures = " " + std::to_string(p.fit) + " " + std::to_string(p.stability) +
                                " " + std::to_string(p.contribution) + " " +
                                std::to_string(p.score()) + " ● " + p.priority;
    EXPECT_NE(row.find(figures), std::string::npos) << row << " wants " << figures;
    // The name starts the row (long names continue on the next line).
    EXPECT_EQ(p.name.rfind(row.substr(rank.size(), row.find(figures) - rank.size()), 0), 0u)
        << row << " / " << p.name;
  }
  // The matrix's key names each rank in the same order, whole.
  int key = 0;
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    key = line_starting(lines, std::to_string(i + 1) + ". " + shortlist[i].name, key + 1);
    EXPECT_GE(key, 0) << shortlist[i].name << "\n" << all;
  }

  // The lead without an assessment, its item not recorded, past due.
  const LifecycleFacts facts = lifecycle_facts(dir.path() / "schemas/lifecycle.yaml");
  std::vector<std::string> overdue;
  for (const PartnerFile& p : partner_files(dir.path() / "partners")) {
    if (p.assessed || p.assessment_recorded || !facts.reporting_stages.count(p.stage)) continue;
    const Date due = Date::parse(p.entered)->plus_days(facts.assessment_due_days);
    const int days = Date::parse("2026-12-06")->days_since(due);
    if (days > 0)
      overdue.push_back(p.name + " " + facts.titles.at(p.stage) + " " + due.long_form() + " " +
                        std::to_string(days));
  }
  ASSERT_EQ(overdue, std::vector<std::string>{"Halden Hydrology Group Lead 30 November 2026 6"});
  EXPECT_GE(line_starting(lines, overdue[0]), line_starting(lines, "Waiting for an assessment"))
      << all;
  EXPECT_EQ(all.find("No lead is waiting"), std::string::npos);
  EXPECT_NE(all.find("The score is the sum of strategic fit"), std::string::npos) << all;
}

TEST(AssessmentReport, NoLeadIsOverdueBeforeTheDueDate) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = build_report(dir.path(), "2026-11-30");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = fold(pdf_text(dir.path() / "out/assessment-report.pdf"));
  EXPECT_NE(text.find("No lead is waiting for an assessment past its due date."), std::string::npos)
      << text;
  EXPECT_EQ(text.find("Halden Hydrology Group"), std::string::npos) << text;
}

/// The marks of the kept HTML's matrix: cx, cy, r, fill and the title.
std::vector<std::vector<std::string>> marks_of(const std::string& html) {
  static const std::regex mark(
      "<circle class=\"mark\" cx=\"([^\"]*)\" cy=\"([^\"]*)\" r=\"([^\"]*)\" "
      "fill=\"([^\"]*)\"[^>]*>"
      "<title>([^<]*)</title>");
  std::vector<std::vector<std::string>> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), mark); it != std::sregex_iterator();
       ++it)
    out.push_back({(*it)[1], (*it)[2], (*it)[3], (*it)[4], (*it)[5]});
  return out;
}

TEST(AssessmentReport, TheMatrixHasAMarkPerAssessedPartnerAtItsScoresAndHostileNamesAreText) {
  TempDir dir;
  make_base_workspace(dir.path());
  // Halden gets a hostile name and Prairie's scores, so two marks share a cell.
  const fs::path halden = dir.path() / "partners/halden-hydrology-group/partner.yaml";
  std::string yaml = replaced(read_file(halden), "name: Halden Hydrology Group",
                              "name: \"<script>alert('x')</script> & <b>Halden</b>\"");
  yaml = replaced(yaml, "checklist:\n",
                  "assessment:\n  strategic_fit: 4\n  financial_stability: 2\n"
                  "  potential_contribution: 3\n  priority: low\nchecklist:\n");
  write_file(halden, yaml);
  const RunResult run = build_report(dir.path(), "2026-12-06", true);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string html = read_file(dir.path() / "out/assessment-report.html");
  const std::vector<PartnerFile> shortlist = expected_shortlist(dir.path());
  ASSERT_EQ(shortlist.size(), 4u);
  const std::vector<std::vector<std::string>> marks = marks_of(html);
  ASSERT_EQ(marks.size(), shortlist.size()) << html;
  const std::map<std::string, std::string> colours = {
      {"high", "#1f4e79"}, {"medium", "#e07a1f"}, {"low", "#7a8794"}};
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    const PartnerFile& p = shortlist[i];
    // The cell's centre (84 units a step, the plot's corner at 70, 10).
    double x = 70 + (p.fit - 0.5) * 84;
    const double y = 10 + (5.5 - p.contribution) * 84;
    if (p.fit == 4 && p.contribution == 3) x += p.priority == "medium" ? -20 : 20;  // shared
    EXPECT_EQ(marks[i][0], util::svg_number(x)) << p.name;
    EXPECT_EQ(marks[i][1], util::svg_number(y)) << p.name;
    EXPECT_EQ(marks[i][2], util::svg_number(4 + 3 * p.stability)) << p.name;
    EXPECT_EQ(marks[i][3], colours.at(p.priority)) << p.name;
  }
  EXPECT_EQ(marks.back()[4],
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Halden&lt;/b&gt;");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>Halden"), std::string::npos);
  const std::string text = fold(pdf_text(dir.path() / "out/assessment-report.pdf"));
  EXPECT_NE(text.find("4. <script>alert('x')</script> & <b>Halden</b>"), std::string::npos) << text;
}

}  // namespace
}  // namespace partnerops::e2e
