#pragma once
// When an SOP checklist item falls due. The rule lives here, once, because
// the validator (overdue items are warnings) and the tickler (everything due
// soon) must agree on it: an item is due `due_days` after the partner
// entered its stage, or after the last of its `requires` items was done,
// whichever is later; an item still waiting on a required item is not due.

#include <optional>

#include "model/date.hpp"
#include "model/lifecycle.hpp"
#include "model/partner.hpp"

namespace partnerops {

/// The date `item` (of the partner's current stage) falls due. Returns
/// nullopt when the item has no due rule, is already done, waits on a
/// required item not yet done, or the partner's stage entry has no date.
std::optional<Date> checklist_item_due(const ChecklistItem& item, const Partner& partner);

}  // namespace partnerops
