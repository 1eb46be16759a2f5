#pragma once
// Compliance audits (partners/<slug>/compliance.yaml): each audit of the
// agreement's compliance requirements, with its date, its auditor and a
// result per requirement it covered (met, or not met with the finding and
// the action agreed). Audits name a requirement by its text as the
// agreement lists it, so the validator can tell when one names a
// requirement the agreement does not have. The compliance-audit document,
// the tickler and `record SLUG compliance-audit` read them from here.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/agreement.hpp"
#include "model/date.hpp"
#include "model/field.hpp"
#include "model/lifecycle.hpp"
#include "model/partner.hpp"
#include "model/reader.hpp"

namespace partnerops {

/// The checklist item of schemas/lifecycle.yaml whose due rule spaces the
/// audits: the first is due as the item falls due, each next one that many
/// days after the last.
inline constexpr std::string_view k_compliance_audit_item = "compliance-audit";

struct ComplianceResult {
  Field<std::string> requirement;  ///< the requirement's text, as the agreement lists it
  bool met = false;
  std::string finding;  ///< what was found, when not met
  std::string action;   ///< what will be done about it, when not met
  Position position;    ///< the list item
};

struct ComplianceAudit {
  std::optional<Field<Date>> date;
  std::string auditor;
  std::vector<ComplianceResult> results;
  std::string notes;
  Position position;  ///< the list item
};

struct ComplianceLog {
  std::string file;
  std::vector<ComplianceAudit> audits;  ///< in file order

  /// The latest dated audit (the later in the file on the same date), or
  /// nullptr when no audit has a date.
  const ComplianceAudit* latest() const;
};

/// Reads a schema-checked compliance.yaml; dates it cannot accept are
/// reported through the reader's diagnostics and left empty.
ComplianceLog read_compliance_log(Reader& reader);

/// One requirement of the agreement with the result of the latest dated
/// audit that covered it; `audit` and `result` are null when none did.
struct RequirementStanding {
  std::string requirement;
  const ComplianceAudit* audit = nullptr;
  const ComplianceResult* result = nullptr;
};

/// Every requirement of `agreement`, in its order, with its latest result
/// in `log` (which may be null: nothing audited yet).
std::vector<RequirementStanding> requirement_standings(const Agreement& agreement,
                                                       const ComplianceLog* log);

/// When the next audit is due: the lifecycle's `compliance-audit` item of
/// the partner's current stage spaces them, so it is `due_days` after the
/// last audit (the latest of the audits in `log` and the item's recorded
/// date), or as the checklist falls due (model/checklist) before any.
/// Nullopt when the stage has no such item or it has no due rule.
std::optional<Date> next_compliance_audit_due(const Lifecycle& lifecycle, const Partner& partner,
                                              const ComplianceLog* log);

}  // namespace partnerops
