#pragma once
// Marking an SOP checklist item as done: `checklist: {<item>: <date>}` in
// partner.yaml, edited in place like `advance` does, committed with trailers
// so the bookkeeping is as traceable as a stage change. Item ids come from
// schemas/lifecycle.yaml, so a typo is refused with the nearest real id.
// What was recorded stays recorded: a date already there, an item of another
// stage than the partner's, or one whose `requires` are not done is refused
// unless the request is forced.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::transitions {

struct RecordRequest {
  std::string slug;
  std::string item;    ///< a checklist item id of any stage
  Date date;           ///< when it was done
  bool force = false;  ///< replace a recorded date; record out of stage or order
};

/// The branch `record --branch` uses when no name is given.
inline constexpr std::string_view k_default_record_branch = "record/{slug}-{item}";

/// Plans the edit. Returns the change (without edits when the item is
/// already recorded on that date), or nullopt with the reasons appended to
/// `diagnostics`: `advance-unknown-partner`, `record-unknown-item` (with a
/// did-you-mean hint), `record-already-done` (another date is recorded),
/// `record-other-stage`, `record-requires-missing` (the three unless
/// `force`), `advance-edit-refused`, or schema codes when the edited file
/// would not pass.
std::optional<ChangeSet> plan_record(const Workspace& workspace, const RecordRequest& request,
                                     Diagnostics& diagnostics);

/// `partner_text` (a partner.yaml) with checklist `item` set to `date`, as
/// `record` writes it; nullopt after reporting `advance-edit-refused` at
/// `partner_path` when the checklist cannot be edited safely.
std::optional<std::string> set_checklist_date(const std::string& partner_text,
                                              const std::string& partner_path,
                                              const std::string& item, Date date,
                                              Diagnostics& diagnostics);

}  // namespace partnerops::transitions
