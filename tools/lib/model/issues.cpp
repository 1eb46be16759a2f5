#include "model/issues.hpp"

#include <algorithm>
#include <tuple>

namespace partnerops {

std::string_view name_of(IssueStatus status) {
  switch (status) {
    case IssueStatus::open:
      return "open";
    case IssueStatus::in_progress:
      return "in-progress";
    case IssueStatus::escalated:
      return "escalated";
    case IssueStatus::resolved:
      return "resolved";
  }
  return "open";
}

namespace {

IssueStatus status_from(const std::string& text) {
  if (text == "in-progress") return IssueStatus::in_progress;
  if (text == "escalated") return IssueStatus::escalated;
  if (text == "resolved") return IssueStatus::resolved;
  return IssueStatus::open;  // the schema allows nothing else
}

int severity_rank(const std::string& severity) {
  if (severity == "high") return 0;
  if (severity == "medium") return 1;
  if (severity == "low") return 2;
  return 3;
}

}  // namespace

bool Issue::escalated() const {
  return status.value == IssueStatus::escalated || (!resolved() && escalation.has_value());
}

std::optional<int> Issue::days_open(Date today) const {
  if (!date_reported) return std::nullopt;
  const Date end = resolved() && resolved_on ? resolved_on->value : today;
  return end.days_since(date_reported->value);
}

IssueLog read_issue_log(Reader& reader) {
  IssueLog log;
  log.file = reader.file();
  for (const yaml::Node* item : reader.list(reader.root(), "issues")) {
    Issue issue;
    issue.id = reader.text_field(*item, "id");
    issue.description = reader.text(*item, "description");
    issue.category = reader.text(*item, "category");
    issue.severity = reader.text(*item, "severity");
    issue.date_reported = reader.date(*item, "date_reported");
    issue.responsible = reader.text(*item, "responsible");
    const Field<std::string> status = reader.text_field(*item, "status");
    issue.status = {status_from(status.value), status.position};
    issue.resolution = reader.text(*item, "resolution");
    issue.resolved_on = reader.date(*item, "resolved_on");
    if (const yaml::Node* escalation = item->find("escalation");
        escalation && escalation->is_mapping()) {
      issue.escalation =
          IssueEscalation{reader.date(*escalation, "date"), reader.text(*escalation, "to"),
                          reader.text(*escalation, "reason")};
    }
    for (const yaml::Node* action : reader.list(*item, "follow_up"))
      if (action->is_scalar()) issue.follow_up.push_back(std::string(action->text()));
    issue.notes = reader.text(*item, "notes");
    issue.position = item->position();
    log.issues.push_back(std::move(issue));
  }
  return log;
}

std::vector<const Issue*> issue_log_order(const IssueLog& log) {
  std::vector<const Issue*> order;
  order.reserve(log.issues.size());
  for (const Issue& issue : log.issues) order.push_back(&issue);
  const auto key = [](const Issue* issue) {
    const bool open = !issue->resolved();
    return std::make_tuple(open ? 0 : 1, open && issue->escalated() ? 0 : 1,
                           open ? severity_rank(issue->severity) : 0, !issue->date_reported,
                           issue->date_reported ? issue->date_reported->value : Date{},
                           issue->id.value);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&key](const Issue* a, const Issue* b) { return key(a) < key(b); });
  return order;
}

}  // namespace partnerops
