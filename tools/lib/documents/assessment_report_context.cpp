// The assessment report's part of the template context: the ranked
// shortlist (SOP 6 template 1), the prioritisation matrix as SVG, and the
// leads waiting for an assessment past its due date.

#include "documents/assessment_matrix.hpp"
#include "documents/assessment_report.hpp"
#include "documents/kind_context.hpp"

namespace partnerops {

void add_assessment_report(const KindInput& in, nlohmann::json& context) {
  using json = nlohmann::json;
  const Formatter& format = in.format;
  const AssessmentReport report = build_assessment_report(in.workspace, in.options.today);
  json shortlist = json::array();
  for (std::size_t i = 0; i < report.shortlist.size(); ++i) {
    const AssessedPartner& partner = report.shortlist[i];
    const Assessment& a = partner.assessment;
    shortlist.push_back(
        json{{"rank", i + 1},
             {"slug", partner.slug},
             {"name", partner.name},
             {"industry", partner.industry},
             {"stage", partner.stage},
             {"strategic_fit", a.strategic_fit},
             {"financial_stability", a.financial_stability},
             {"potential_contribution", a.potential_contribution},
             {"score", a.score()},
             {"priority", name_of(a.priority)},
             {"colour", priority_colour(a.priority)},
             {"assessed_on", a.assessed_on ? format.date(*a.assessed_on) : std::string()},
             {"notes_html", format.markdown(a.notes)}});
  }
  json overdue = json::array();
  for (const AwaitingAssessment& lead : report.overdue) {
    overdue.push_back(json{{"slug", lead.slug},
                           {"name", lead.name},
                           {"stage", lead.stage},
                           {"due", format.date(lead.due)},
                           {"days_overdue", lead.days_overdue}});
  }
  context["assessment_report"] = json{{"as_of", format.date(in.options.today)},
                                      {"has_shortlist", !shortlist.empty()},
                                      {"shortlist", shortlist},
                                      {"matrix_svg_html", assessment_matrix_svg(report.shortlist)},
                                      {"has_overdue", !overdue.empty()},
                                      {"overdue", overdue}};
}

}  // namespace partnerops
