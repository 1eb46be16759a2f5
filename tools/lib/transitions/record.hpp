#pragma once
// Marking an SOP checklist item as done: `checklist: {<item>: <date>}` in
// partner.yaml, edited in place like `advance` does, committed with trailers
// so the bookkeeping is as traceable as a stage change. Item ids come from
// schemas/lifecycle.yaml, so a typo is refused with the nearest real id.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::transitions {

struct RecordRequest {
  std::string slug;
  std::string item;  ///< a checklist item id of any stage
  Date date;         ///< when it was done
};

/// The branch `record --branch` uses when no name is given.
inline constexpr std::string_view k_default_record_branch = "record/{slug}-{item}";

/// Plans the edit. Returns the change, or nullopt with the reasons appended to
/// `diagnostics`: `advance-unknown-partner`, `record-unknown-item` (with a
/// did-you-mean hint), `advance-edit-refused`, or schema codes when the edited
/// file would not pass.
std::optional<ChangeSet> plan_record(const Workspace& workspace, const RecordRequest& request,
                                     Diagnostics& diagnostics);

}  // namespace partnerops::transitions
