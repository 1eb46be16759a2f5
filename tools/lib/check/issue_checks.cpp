// Checks of the issue log (issues.yaml): an issue is resolved and escalated
// on or after the day it was reported, so the days it stayed open, which the
// issue log prints, are never negative.

#include "check/checks.hpp"

namespace partnerops {

void check_issues(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.issue_log) continue;
    for (const Issue& issue : folder.issue_log->issues) {
      if (!issue.date_reported) continue;
      const Date reported = issue.date_reported->value;
      const auto before = [&](const std::optional<Field<Date>>& date, const char* what) {
        if (!date || !(date->value < reported)) return;
        out.error("issue-date-before-reported", folder.issue_log->file, date->position,
                  issue.id.value + " is " + what + " on " + date->value.iso() +
                      ", before it was reported on " + reported.iso(),
                  "check both dates; an issue is " + std::string(what) +
                      " on or after the day it is reported");
      };
      before(issue.resolved_on, "resolved");
      if (issue.escalation) before(issue.escalation->date, "escalated");
    }
  }
}

}  // namespace partnerops
