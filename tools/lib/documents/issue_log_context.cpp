// The issue log's context (SOP template 5): every issue of issues.yaml in
// the order of model/issues (what is still open first, escalations at the
// top), with its days open counted to the build's date while it is not
// resolved, its escalation and its follow-up actions.

#include "documents/kind_context.hpp"

namespace partnerops {

using json = nlohmann::json;

namespace {

std::string days_text(std::optional<int> days) {
  if (!days) return "";
  return std::to_string(*days) + (*days == 1 ? " day" : " days");
}

json issue_row(const Issue& issue, const KindInput& in) {
  const Formatter& format = in.format;
  const auto date = [&format](const std::optional<Field<Date>>& value) {
    return value ? format.date(value->value) : std::string();
  };
  json escalation = json::array();
  if (issue.escalation)
    escalation.push_back(json{{"date", date(issue.escalation->date)},
                              {"to", issue.escalation->to},
                              {"reason", issue.escalation->reason}});
  json follow_up = json::array();
  for (const std::string& action : issue.follow_up)
    follow_up.push_back(json{{"text_html", format.inline_markdown(action)}});
  return json{{"id", issue.id.value},
              {"description", issue.description},
              {"category", issue.category},
              {"severity", issue.severity},
              {"date_reported", date(issue.date_reported)},
              {"responsible", issue.responsible},
              {"status", name_of(issue.status.value)},
              {"is_resolved", issue.resolved()},
              {"is_escalated", issue.escalated()},
              {"resolved_on", date(issue.resolved_on)},
              {"days_open", days_text(issue.days_open(in.options.today))},
              {"resolution_html", format.markdown(issue.resolution)},
              {"notes_html", format.markdown(issue.notes)},
              {"has_resolution", !issue.resolution.empty()},
              {"has_notes", !issue.notes.empty()},
              {"escalations", escalation},
              {"has_escalations", !escalation.empty()},
              {"follow_up", follow_up},
              {"has_follow_up", !follow_up.empty()}};
}

}  // namespace

void add_issue_log(const KindInput& in, json& context) {
  json issues = json::array();
  int open = 0;
  int escalated = 0;
  if (in.folder && in.folder->issue_log) {
    for (const Issue* issue : issue_log_order(*in.folder->issue_log)) {
      issues.push_back(issue_row(*issue, in));
      if (!issue->resolved()) ++open;
      if (issue->escalated()) ++escalated;
    }
  }
  const int total = static_cast<int>(issues.size());
  context["issue_log"] = json{{"issues", issues},
                              {"has_issues", total > 0},
                              {"total", total},
                              {"open", open},
                              {"resolved", total - open},
                              {"escalated", escalated},
                              {"as_of", in.format.date(in.options.today)}};
}

}  // namespace partnerops
