#include "model/compliance.hpp"

#include "model/checklist.hpp"

namespace partnerops {

const ComplianceAudit* ComplianceLog::latest() const {
  const ComplianceAudit* latest = nullptr;
  for (const ComplianceAudit& audit : audits)
    if (audit.date && (!latest || !(audit.date->value < latest->date->value))) latest = &audit;
  return latest;
}

ComplianceLog read_compliance_log(Reader& reader) {
  ComplianceLog log;
  log.file = reader.file();
  for (const yaml::Node* item : reader.list(reader.root(), "audits")) {
    ComplianceAudit audit;
    audit.date = reader.date(*item, "date");
    audit.auditor = reader.text(*item, "auditor");
    audit.notes = reader.text(*item, "notes");
    audit.position = item->position();
    for (const yaml::Node* entry : reader.list(*item, "results")) {
      audit.results.push_back(ComplianceResult{
          reader.text_field(*entry, "requirement"), reader.text(*entry, "result") == "met",
          reader.text(*entry, "finding"), reader.text(*entry, "action"), entry->position()});
    }
    log.audits.push_back(std::move(audit));
  }
  return log;
}

std::vector<RequirementStanding> requirement_standings(const Agreement& agreement,
                                                       const ComplianceLog* log) {
  std::vector<RequirementStanding> standings;
  standings.reserve(agreement.compliance.size());
  for (const Field<std::string>& requirement : agreement.compliance) {
    RequirementStanding standing{requirement.value, nullptr, nullptr};
    for (std::size_t i = 0; log && i < log->audits.size(); ++i) {
      const ComplianceAudit& audit = log->audits[i];
      if (!audit.date) continue;
      // On the same date the later audit in the file wins, as in latest().
      if (standing.audit && audit.date->value < standing.audit->date->value) continue;
      for (const ComplianceResult& result : audit.results) {
        if (result.requirement.value != requirement.value) continue;
        standing.audit = &audit;
        standing.result = &result;
      }
    }
    standings.push_back(standing);
  }
  return standings;
}

std::optional<Date> next_compliance_audit_due(const Lifecycle& lifecycle, const Partner& partner,
                                              const ComplianceLog* log) {
  const Stage* stage = lifecycle.stage(partner.stage.value);
  const ChecklistItem* item = stage ? stage->item(k_compliance_audit_item) : nullptr;
  if (!item || !item->due_days) return std::nullopt;
  std::optional<Date> last;
  if (const auto done = partner.checklist.find(item->id); done != partner.checklist.end())
    last = done->second.value;
  if (const ComplianceAudit* latest = log ? log->latest() : nullptr)
    if (!last || *last < latest->date->value) last = latest->date->value;
  if (last) return last->plus_days(*item->due_days);
  return checklist_item_due(*item, partner);
}

}  // namespace partnerops
