// The compliance audit's context: each requirement of the agreement with
// the result of the latest audit that covered it (model/compliance), the
// latest audit itself, and when the next one is due by the lifecycle's
// `compliance-audit` checklist item.

#include "documents/kind_context.hpp"

namespace partnerops {

using json = nlohmann::json;

void add_compliance_audit(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  json requirements = json::array();
  int met = 0;
  int not_met = 0;
  const ComplianceLog* log = in.folder && in.folder->compliance ? &*in.folder->compliance : nullptr;
  if (in.folder && in.folder->agreement) {
    int number = 0;
    for (const RequirementStanding& standing : requirement_standings(*in.folder->agreement, log)) {
      const ComplianceResult* result = standing.result;
      if (result && result->met) ++met;
      if (result && !result->met) ++not_met;
      requirements.push_back(
          json{{"number", ++number},
               {"requirement", standing.requirement},
               {"is_met", result && result->met},
               {"is_not_met", result && !result->met},
               {"is_not_audited", !result},
               {"result", !result       ? "Not audited"
                          : result->met ? "Met"
                                        : "Not met"},
               {"finding", result ? result->finding : ""},
               {"action", result ? result->action : ""},
               {"auditor", standing.audit ? standing.audit->auditor : ""},
               {"date", standing.audit ? format.date(standing.audit->date->value) : ""}});
    }
  }
  const ComplianceAudit* latest = log ? log->latest() : nullptr;
  std::optional<Date> next;
  if (in.folder && in.folder->partner && in.workspace.lifecycle())
    next = next_compliance_audit_due(*in.workspace.lifecycle(), *in.folder->partner, log);
  const int total = static_cast<int>(requirements.size());
  context["compliance"] = json{
      {"requirements", requirements},
      {"total", total},
      {"met", met},
      {"not_met", not_met},
      {"has_not_met", not_met > 0},
      {"not_audited", total - met - not_met},
      {"has_audit", latest != nullptr},
      {"audit_date", latest ? format.date(latest->date->value) : ""},
      {"auditor", latest ? latest->auditor : ""},
      {"notes_html", format.markdown(latest ? latest->notes : "")},
      {"has_notes", latest && !latest->notes.empty()},
      {"agreement_title", in.folder && in.folder->agreement ? in.folder->agreement->title : ""},
      {"audit_count", log ? static_cast<int>(log->audits.size()) : 0},
      {"next_due", next ? format.date(*next) : ""},
      {"is_next_overdue", next && *next < in.options.today},
      {"has_next_due", next.has_value()}};
}

}  // namespace partnerops
