#pragma once
// Recording a compliance audit: `record SLUG compliance-audit --auditor …
// --met REQ --not-met REQ --finding … --action …` appends one audit to
// partners/<slug>/compliance.yaml (creating the file), and marks the
// lifecycle's compliance-audit checklist item done when it is not yet, so
// both land in one commit. Requirements are named as the agreement lists
// them: by their number in its compliance list, their text, or the start of
// their text when only one begins so.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::transitions {

struct UnmetRequirement {
  std::string requirement;  ///< as the user named it
  std::string finding;
  std::string action;
};

struct AuditRequest {
  std::string slug;
  Date date;
  std::string auditor;
  std::vector<std::string> met;  ///< requirements, as the user named them
  std::vector<UnmetRequirement> not_met;
};

/// Plans the audit. Returns the change (compliance.yaml, and partner.yaml
/// when the checklist item is recorded with it), or nullopt with the
/// reasons appended to `diagnostics`: `advance-unknown-partner`,
/// `audit-no-requirements` (no agreement, or it lists none),
/// `audit-unknown-requirement` (no such number or text, or a start shared
/// by several), `audit-duplicate-requirement` (named twice),
/// `advance-edit-refused` (compliance.yaml or partner.yaml cannot be edited
/// safely), or schema codes when an edited file would not pass.
std::optional<ChangeSet> plan_record_audit(const Workspace& workspace, const AuditRequest& request,
                                           Diagnostics& diagnostics);

}  // namespace partnerops::transitions
