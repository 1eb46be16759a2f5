// The onboarding checklist (SOP 6 template 3: task, responsible, completed,
// notes) with training completion as items: rows marked `training: true`
// print as training tasks and the subtitle counts how many are completed,
// read back with pdftotext and checked against the partner.yaml rows.

#include <gtest/gtest.h>

#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string task;
  bool completed = false;
  bool training = false;
};

/// The onboarding rows of a partner.yaml, read line by line.
std::vector<Row> onboarding_rows(const std::string& yaml) {
  std::vector<Row> rows;
  std::istringstream in(yaml);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ' && line[0] != '-') inside = line == "onboarding:";
    if (!inside) continue;
    if (line.rfind("  - task: ", 0) == 0) rows.push_back({line.substr(10)});
    if (!rows.empty() && line == "    completed: true") rows.back().completed = true;
    if (!rows.empty() && line == "    training: true") rows.back().training = true;
  }
  return rows;
}

TEST(Onboarding, TrainingTasksAreMarkedAndCounted) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path partner = dir.path() / "partners/lakeshore-college/partner.yaml";
  std::string yaml = replaced(read_file(partner), "    completed: true\n    date: 2026-02-18\n",
                              "    completed: true\n    training: true\n    date: 2026-02-18\n");
  yaml = replaced(yaml, "collaboration:\n",
                  "  - task: Grading workflow refresher\n    responsible: Operations\n"
                  "    completed: false\n    training: true\n"
                  "    notes: Planned for the spring term.\ncollaboration:\n");
  write_file(partner, yaml);
  const RunResult run = run_partnerops(
      {"build", dir.path().string(), "--today", "2026-11-23", "--partner", "lakeshore-college",
       "--kind", "onboarding", "--out", (dir.path() / "out").string()},
      dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = fold(pdf_text(dir.path() / "out/lakeshore-college/onboarding.pdf"));

  const std::vector<Row> rows = onboarding_rows(yaml);
  std::size_t done = 0, training = 0, training_done = 0;
  for (const Row& row : rows) {
    done += row.completed;
    training += row.training;
    training_done += row.training && row.completed;
  }
  ASSERT_EQ(rows.size(), 6u);
  ASSERT_EQ(training, 2u);
  const std::string subtitle = "Lakeshore Community College · " + std::to_string(done) + " of " +
                               std::to_string(rows.size()) + " tasks completed · " +
                               std::to_string(training_done) + " of " + std::to_string(training) +
                               " training tasks completed";
  EXPECT_NE(text.find(subtitle), std::string::npos) << subtitle << "\n" << text;
  EXPECT_EQ(subtitle,
            "Lakeshore Community College · 5 of 6 tasks completed · 1 of 2 training tasks "
            "completed");
  // Each training task says so under its name; the others do not.
  EXPECT_NE(text.find("Training provided Operations Yes 18 February 2026"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Grading workflow Operations No Planned for the"), std::string::npos) << text;
  std::size_t marked = 0;
  for (std::size_t at = text.find("Training task"); at != std::string::npos;
       at = text.find("Training task", at + 1))
    ++marked;
  EXPECT_EQ(marked, training) << text;
}

TEST(Onboarding, WithoutTrainingItemsTheSubtitleCountsTasksOnly) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = run_partnerops(
      {"build", dir.path().string(), "--today", "2026-11-23", "--partner", "lakeshore-college",
       "--kind", "onboarding", "--out", (dir.path() / "out").string()},
      dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = fold(pdf_text(dir.path() / "out/lakeshore-college/onboarding.pdf"));
  EXPECT_NE(text.find("Lakeshore Community College · 5 of 5 tasks completed\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("training tasks"), std::string::npos) << text;
}

}  // namespace
}  // namespace partnerops::e2e
