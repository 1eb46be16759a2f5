#pragma once
// The assessment report's model (SOP 6 §1, template 1): the leads and
// prospects ranked by their assessment, and the leads still waiting for one
// past its due date. Which partners it covers is data: those whose stage
// lists `assessment-report` under `documents:` in schemas/lifecycle.yaml.
// The template context (assessment_report_context.cpp) and the
// prioritisation matrix (assessment_matrix) are made from it.

#include <string>
#include <string_view>
#include <vector>

#include "documents/plan.hpp"
#include "model/assessment.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// The lifecycle's checklist item for assessing a lead: a partner whose
/// stage has it, and no assessment, is waiting for one once it is due.
inline constexpr std::string_view k_assessment_item = "lead-assessed";

/// One row of the shortlist.
struct AssessedPartner {
  std::string slug;
  std::string name;
  std::string industry;
  std::string stage;  ///< the stage's title ("Lead")
  Assessment assessment;
};

/// A partner without an assessment whose assessment item is past due.
struct AwaitingAssessment {
  std::string slug;
  std::string name;
  std::string stage;  ///< the stage's title
  Date due;
  int days_overdue = 0;
};

struct AssessmentReport {
  std::vector<AssessedPartner> shortlist;   ///< ranked (ranks_before)
  std::vector<AwaitingAssessment> overdue;  ///< longest overdue first, then by name
};

/// The partners the report covers (their partner.yaml loaded and their
/// stage lists the report), in the workspace's order.
std::vector<const PartnerFolder*> assessment_report_partners(const Workspace& workspace);

/// The job that builds the report, `assessment-report.pdf`, made from the
/// lifecycle and the partner.yaml of every partner it covers; nullopt while
/// it covers none (plan_documents plans it beside the service description).
std::optional<DocumentJob> assessment_report_document(const Workspace& workspace);

/// The shortlist's order: priority (high, medium, low), then the score
/// (Assessment::score, highest first), then the name, then the slug, so
/// the order is total and does not depend on the folders' order.
bool ranks_before(const AssessedPartner& a, const AssessedPartner& b);

/// The report as of `today`: an item due on `today` is not yet overdue.
AssessmentReport build_assessment_report(const Workspace& workspace, const Date& today);

}  // namespace partnerops
