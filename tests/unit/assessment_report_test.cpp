// documents/assessment_report: who the assessment report covers (the stages
// that list it), the shortlist's order, the leads waiting for an assessment
// past its due date, and the job that builds it.

#include "documents/assessment_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

AssessedPartner assessed(std::string slug, std::string name, int fit, int stability,
                         int contribution, AssessmentPriority priority) {
  AssessedPartner out;
  out.slug = std::move(slug);
  out.name = std::move(name);
  out.assessment.strategic_fit = fit;
  out.assessment.financial_stability = stability;
  out.assessment.potential_contribution = contribution;
  out.assessment.priority = priority;
  return out;
}

std::vector<std::string> slugs(const std::vector<AssessedPartner>& partners) {
  std::vector<std::string> out;
  for (const AssessedPartner& partner : partners) out.push_back(partner.slug);
  return out;
}

TEST(AssessmentOrder, PriorityFirstThenTheHighestScoreThenTheName) {
  std::vector<AssessedPartner> partners = {
      assessed("low-top", "Aardvark", 5, 5, 5, AssessmentPriority::low),
      assessed("medium-9", "Beta", 3, 3, 3, AssessmentPriority::medium),
      assessed("high-7", "Alpha", 1, 1, 5, AssessmentPriority::high),
      assessed("medium-12", "Zeta", 4, 4, 4, AssessmentPriority::medium),
      assessed("high-12-z", "Zulu", 4, 4, 4, AssessmentPriority::high),
      assessed("high-12-a", "Alder", 5, 2, 5, AssessmentPriority::high),
      assessed("medium-9-same-name-b", "Beta", 3, 3, 3, AssessmentPriority::medium),
  };
  std::sort(partners.begin(), partners.end(), ranks_before);
  EXPECT_EQ(slugs(partners),
            (std::vector<std::string>{"high-12-a", "high-12-z", "high-7", "medium-12", "medium-9",
                                      "medium-9-same-name-b", "low-top"}));
}

TEST(AssessmentOrder, TheScoreIsTheSumOfTheThree) {
  EXPECT_EQ(assessed("a", "A", 5, 4, 3, AssessmentPriority::low).assessment.score(), 12);
  EXPECT_EQ(assessed("a", "A", 1, 1, 1, AssessmentPriority::low).assessment.score(), 3);
}

class AssessmentReportTest : public ::testing::Test {
 protected:
  Workspace load() {
    testing::MemorySource source;
    for (const auto& [path, text] : files) source.add(path, text);
    Diagnostics diagnostics;
    Workspace workspace = load_workspace(source, {}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return workspace;
  }
  void edit(const std::string& path, const std::string& from, const std::string& to) {
    std::string& text = files.at(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }
  std::map<std::string, std::string> files = testing::fixture_files();
};

TEST_F(AssessmentReportTest, RanksTheAssessedLeadsAndProspectsOnly) {
  const Workspace workspace = load();
  const AssessmentReport report = build_assessment_report(workspace, *Date::parse("2026-11-23"));
  // Cascadia (prospect) and Northbay (lead) are both high with 13: by name.
  // Lakeshore and Noordzee are partners, Ironwood is closed: not covered.
  EXPECT_EQ(slugs(report.shortlist),
            (std::vector<std::string>{"cascadia-climate", "northbay-earth-sciences",
                                      "prairie-public-health"}));
  const AssessedPartner& first = report.shortlist.front();
  EXPECT_EQ(first.name, "Cascadia Climate Modeling Consortium");
  EXPECT_EQ(first.stage, "Prospect");
  EXPECT_EQ(first.assessment.strategic_fit, 5);
  EXPECT_EQ(first.assessment.financial_stability, 3);
  EXPECT_EQ(first.assessment.potential_contribution, 5);
  EXPECT_EQ(first.assessment.score(), 13);
  EXPECT_EQ(report.shortlist[2].assessment.priority, AssessmentPriority::medium);
  EXPECT_EQ(report.shortlist[1].stage, "Lead");
}

TEST_F(AssessmentReportTest, ALeadWithoutAnAssessmentIsListedOnceItsItemIsPastDue) {
  const Workspace workspace = load();
  // Halden became a lead on 2026-11-16; lead-assessed is due 14 days later.
  EXPECT_TRUE(build_assessment_report(workspace, *Date::parse("2026-11-30")).overdue.empty());
  const AssessmentReport report = build_assessment_report(workspace, *Date::parse("2026-12-06"));
  ASSERT_EQ(report.overdue.size(), 1u);
  EXPECT_EQ(report.overdue[0].slug, "halden-hydrology-group");
  EXPECT_EQ(report.overdue[0].name, "Halden Hydrology Group");
  EXPECT_EQ(report.overdue[0].stage, "Lead");
  EXPECT_EQ(report.overdue[0].due, *Date::parse("2026-11-30"));
  EXPECT_EQ(report.overdue[0].days_overdue, 6);
}

TEST_F(AssessmentReportTest, ARecordedAssessmentItemOrAnAssessmentEndsTheWait) {
  edit("partners/halden-hydrology-group/partner.yaml", "  hail-the-lead: 2026-11-17\n",
       "  hail-the-lead: 2026-11-17\n  lead-assessed: 2026-11-20\n");
  EXPECT_TRUE(build_assessment_report(load(), *Date::parse("2026-12-06")).overdue.empty());
}

TEST_F(AssessmentReportTest, TheLongestOverdueComesFirst) {
  // Northbay loses its assessment: its item was done, so it is not waiting;
  // once the record goes too, it is overdue since 2026-11-16.
  edit("partners/northbay-earth-sciences/partner.yaml", "  lead-assessed: 2026-11-06\n", "");
  // The block ends at the next top-level key.
  std::string& text = files.at("partners/northbay-earth-sciences/partner.yaml");
  const std::size_t from = text.find("\nassessment:\n");
  ASSERT_NE(from, std::string::npos);
  std::size_t to = text.find('\n', from + 1);
  while (to + 1 < text.size() && text[to + 1] == ' ') to = text.find('\n', to + 1);
  text.erase(from, to - from);
  const Workspace workspace = load();
  const AssessmentReport report = build_assessment_report(workspace, *Date::parse("2026-12-06"));
  ASSERT_EQ(report.overdue.size(), 2u);
  EXPECT_EQ(report.overdue[0].slug, "northbay-earth-sciences");
  EXPECT_EQ(report.overdue[0].due, *Date::parse("2026-11-16"));
  EXPECT_EQ(report.overdue[0].days_overdue, 20);
  EXPECT_EQ(report.overdue[1].slug, "halden-hydrology-group");
  EXPECT_EQ(slugs(report.shortlist),
            (std::vector<std::string>{"cascadia-climate", "prairie-public-health"}));
}

TEST_F(AssessmentReportTest, TheJobIsMadeFromTheLifecycleAndEveryCoveredPartner) {
  const Workspace workspace = load();
  const std::optional<DocumentJob> job = assessment_report_document(workspace);
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->kind, DocumentKind::assessment_report);
  EXPECT_EQ(job->slug, "");
  EXPECT_EQ(job->output, "assessment-report.pdf");
  EXPECT_EQ(job->inputs, (std::vector<std::string>{"schemas/lifecycle.yaml",
                                                   "partners/cascadia-climate/partner.yaml",
                                                   "partners/halden-hydrology-group/partner.yaml",
                                                   "partners/northbay-earth-sciences/partner.yaml",
                                                   "partners/prairie-public-health/partner.yaml"}));
}

TEST_F(AssessmentReportTest, PlannedBesideTheServiceDescriptionNotForOnePartner) {
  const Workspace workspace = load();
  const Date today = *Date::parse("2026-11-23");
  const std::vector<DocumentJob> all = plan_documents(workspace, PlanOptions{today, {}, {}});
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[0].output, "service-description.pdf");
  EXPECT_EQ(all[1].output, "assessment-report.pdf");
  const std::vector<DocumentJob> alone =
      plan_documents(workspace, PlanOptions{today, {}, DocumentKind::assessment_report});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].output, "assessment-report.pdf");
  for (const DocumentJob& job :
       plan_documents(workspace, PlanOptions{today, std::string("halden-hydrology-group"), {}}))
    EXPECT_NE(job.kind, DocumentKind::assessment_report);
}

TEST_F(AssessmentReportTest, NotPlannedWhenNoStageListsIt) {
  edit("schemas/lifecycle.yaml", "documents: [notes, assessment-report]", "documents: [notes]");
  edit("schemas/lifecycle.yaml", "documents: [notes, quote, agreement, sow, assessment-report]",
       "documents: [notes, quote, agreement, sow]");
  const Workspace workspace = load();
  EXPECT_FALSE(assessment_report_document(workspace).has_value());
  EXPECT_TRUE(build_assessment_report(workspace, *Date::parse("2026-12-06")).shortlist.empty());
}

}  // namespace
}  // namespace partnerops
