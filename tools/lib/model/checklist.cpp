#include "model/checklist.hpp"

#include <algorithm>

namespace partnerops {

std::optional<Date> checklist_item_due(const ChecklistItem& item, const Partner& partner) {
  if (!item.due_days || partner.checklist.count(item.id)) return std::nullopt;
  const std::optional<Date> entered = partner.stage_entered();
  if (!entered) return std::nullopt;
  Date start = *entered;
  for (const std::string& required : item.required_items) {
    const auto done = partner.checklist.find(required);
    if (done == partner.checklist.end()) return std::nullopt;
    start = std::max(start, done->second.value);
  }
  return start.plus_days(*item.due_days);
}

}  // namespace partnerops
