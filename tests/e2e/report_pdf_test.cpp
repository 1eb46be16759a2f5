// `partnerops report --format pdf` end to end on the fixture workspace with
// --today pinned: the figures read back from the PDF with pdftotext are the
// ones this test computes itself from the fixture's files, and two runs
// give the same bytes.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

struct Stage {
  std::string id;
  std::string title;
  bool terminal = false;
};

/// The stages of schemas/lifecycle.yaml in order, read line by line: each
/// stage opens with `  - id: ` and names its `    title: ` and, when it
/// ends the lifecycle, `    terminal: true`.
std::vector<Stage> lifecycle_stages(const fs::path& lifecycle) {
  std::vector<Stage> stages;
  std::istringstream in(read_file(lifecycle));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  - id: ", 0) == 0)
      stages.push_back({line.substr(8), "", false});
    else if (!stages.empty() && line.rfind("    title: ", 0) == 0)
      stages.back().title = line.substr(11);
    else if (!stages.empty() && line == "    terminal: true")
      stages.back().terminal = true;
  }
  return stages;
}

/// A partner's current stage (the top-level `stage:`) and every stage of
/// its `history:` list (`    stage: ` inside it).
struct PartnerStages {
  std::string current;
  std::set<std::string> entered;
};

std::string unquote(std::string text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    return text.substr(1, text.size() - 2);
  return text;
}

std::vector<PartnerStages> partner_stages(const fs::path& partners) {
  std::vector<PartnerStages> out;
  for (const auto& folder : fs::directory_iterator(partners)) {
    std::istringstream in(read_file(folder.path() / "partner.yaml"));
    PartnerStages partner;
    bool in_history = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("stage: ", 0) == 0) partner.current = unquote(line.substr(7));
      if (!line.empty() && line[0] != ' ' && line[0] != '-') in_history = line == "history:";
      if (in_history && line.rfind("    stage: ", 0) == 0)
        partner.entered.insert(unquote(line.substr(11)));
    }
    out.push_back(partner);
  }
  return out;
}

/// part / whole as a percentage with one decimal, rounded half up.
std::string percent(std::size_t part, std::size_t whole) {
  const std::size_t tenths = (part * 2000 + whole) / (2 * whole);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " %";
}

/// Runs of spaces folded to one, lines kept.
std::vector<std::string> folded_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string out;
    for (char c : line) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    lines.push_back(out);
  }
  return lines;
}

bool has_line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
  for (const std::string& line : lines)
    if (line == prefix || line.rfind(prefix + " ", 0) == 0) return true;
  return false;
}

TEST(ReportPdf, PrintsTheStageCountsAndConversionsOfTheFixtureReproducibly) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path out_a = dir.path() / "a";
  const fs::path out_b = dir.path() / "b";
  const RunResult first = run_partnerops({"report", dir.path().string(), "--today", "2026-11-23",
                                          "--format", "pdf", "--out", out_a.string()},
                                         dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "");
  EXPECT_EQ(first.err, "partnerops: wrote " + (out_a / "pipeline-report.pdf").string() + "\n");
  const RunResult second = run_partnerops({"report", dir.path().string(), "--today", "2026-11-23",
                                           "--format", "pdf", "--out", out_b.string()},
                                          dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string bytes = read_file(out_a / "pipeline-report.pdf");
  ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(read_file(out_b / "pipeline-report.pdf"), bytes);

  const std::vector<std::string> lines = folded_lines(pdf_text(out_a / "pipeline-report.pdf"));
  const std::vector<Stage> stages = lifecycle_stages(source_dir() / "schemas" / "lifecycle.yaml");
  const std::vector<PartnerStages> partners = partner_stages(dir.path() / "partners");
  ASSERT_EQ(stages.size(), 4u);
  ASSERT_EQ(partners.size(), 7u);

  std::size_t counted = 0;
  for (const Stage& stage : stages) {
    std::size_t count = 0;
    for (const PartnerStages& partner : partners) count += partner.current == stage.id;
    counted += count;
    EXPECT_TRUE(has_line_starting(lines, stage.title + " " + std::to_string(count)))
        << stage.title << " " << count;
  }
  EXPECT_EQ(counted, partners.size());

  // Conversions between consecutive open stages, then first to last.
  std::vector<const Stage*> open;
  for (const Stage& stage : stages)
    if (!stage.terminal) open.push_back(&stage);
  std::vector<std::pair<const Stage*, const Stage*>> pairs;
  for (std::size_t i = 1; i < open.size(); ++i) pairs.emplace_back(open[i - 1], open[i]);
  if (open.size() > 2) pairs.emplace_back(open.front(), open.back());
  ASSERT_EQ(pairs.size(), 3u);
  for (const auto& [from, to] : pairs) {
    std::size_t entered_from = 0, entered_both = 0;
    for (const PartnerStages& partner : partners) {
      if (!partner.entered.count(from->id)) continue;
      ++entered_from;
      entered_both += partner.entered.count(to->id);
    }
    const std::string row = from->id + " " + to->id + " " + std::to_string(entered_from) + " " +
                            std::to_string(entered_both) + " " +
                            percent(entered_both, entered_from);
    EXPECT_TRUE(has_line_starting(lines, row)) << row;
  }
}

}  // namespace
}  // namespace partnerops::e2e
