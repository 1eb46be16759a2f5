// Lifecycle invariants: the history walks only allowed transitions from an
// initial stage, every guard of every transition taken still holds, and the
// current stage's SOP checklist is on time.

#include <algorithm>

#include "check/checks.hpp"
#include "model/checklist.hpp"
#include "util/text.hpp"

namespace partnerops {

void check_lifecycle(const CheckContext& context) {
  const std::optional<Lifecycle>& lifecycle = context.workspace.lifecycle();
  if (!lifecycle) return;
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.partner) continue;
    const Partner& partner = *folder.partner;
    if (partner.history.empty()) continue;

    const HistoryEntry& first = partner.history.front();
    const Stage* first_stage = lifecycle->stage(first.stage.value);
    if (!first_stage) {
      out.error("lifecycle-unknown-stage", partner.file, first.stage.position,
                "the history names the stage '" + first.stage.value +
                    "', which is not defined in schemas/lifecycle.yaml",
                util::closest(first.stage.value, lifecycle->stage_ids(), 2).empty()
                    ? std::string()
                    : "did you mean '" +
                          util::closest(first.stage.value, lifecycle->stage_ids(), 2) + "'?");
      continue;
    }
    if (!first_stage->initial) {
      out.error("lifecycle-initial-stage", partner.file, first.stage.position,
                "the history starts in '" + first.stage.value + "', which is not an initial stage",
                "a partner starts as a lead; add the earlier history");
    }

    const FolderDocuments documents = folder.documents();
    for (std::size_t i = 1; i < partner.history.size(); ++i) {
      const std::string& from = partner.history[i - 1].stage.value;
      const HistoryEntry& entry = partner.history[i];
      if (!lifecycle->stage(entry.stage.value)) {
        out.error("lifecycle-unknown-stage", partner.file, entry.stage.position,
                  "the history names the stage '" + entry.stage.value +
                      "', which is not defined in schemas/lifecycle.yaml");
        break;
      }
      const Transition* transition = lifecycle->transition(from, entry.stage.value);
      if (!transition) {
        std::vector<std::string> allowed;
        for (const Transition& t : lifecycle->transitions())
          if (t.from == from) allowed.push_back(t.to);
        out.error("lifecycle-illegal-transition", partner.file, entry.stage.position,
                  "the history moves from '" + from + "' to '" + entry.stage.value +
                      "', which schemas/lifecycle.yaml does not allow",
                  allowed.empty()
                      ? "nothing leaves '" + from + "'"
                      : "from '" + from + "' a partner moves to " + util::join(allowed, " or "));
        continue;
      }
      // A transition's guards describe the files as they must stay: a
      // partner must still have the verbal close that made it a prospect.
      for (const UnmetGuard& unmet : unmet_guards(*transition, documents, folder.path)) {
        out.error("lifecycle-guard", unmet.file, unmet.position,
                  "'" + partner.slug.value + "' is past '" + from + " → " + entry.stage.value +
                      "', which requires: " + unmet.guard->message + " (" + unmet.detail + ")",
                  "fix " + unmet.guard->field + " in " + unmet.guard->file);
      }
    }
  }
}

namespace {

/// Where the checklist item `id` is written in partner.yaml: its key.
Position checklist_key_position(const PartnerFolder& folder, std::string_view id) {
  const Position fallback = folder.partner->checklist_position;
  const std::shared_ptr<const yaml::Document> tree =
      folder.partner_file ? folder.partner_file->document() : nullptr;
  const yaml::Node* checklist = tree ? tree->root().find("checklist") : nullptr;
  const yaml::Entry* entry = checklist ? checklist->find_entry(id) : nullptr;
  return entry ? entry->key_position : fallback;
}

}  // namespace

void check_checklists(const CheckContext& context) {
  const std::optional<Lifecycle>& lifecycle = context.workspace.lifecycle();
  if (!lifecycle) return;
  Diagnostics& out = context.diagnostics;

  std::vector<std::string> known_items;
  for (const Stage& stage : lifecycle->stages())
    for (const ChecklistItem& item : stage.checklist) known_items.push_back(item.id);

  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.partner) continue;
    const Partner& partner = *folder.partner;
    for (const auto& [id, done] : partner.checklist) {
      if (std::find(known_items.begin(), known_items.end(), id) == known_items.end()) {
        const std::string suggestion = util::closest(id, known_items, 3);
        out.error("checklist-unknown-item", partner.file, checklist_key_position(folder, id),
                  "the checklist item '" + id + "' is not defined in schemas/lifecycle.yaml",
                  suggestion.empty() ? "see the stages' checklists in schemas/lifecycle.yaml"
                                     : "did you mean '" + suggestion + "'?");
      }
    }

    const Stage* stage = lifecycle->stage(partner.stage.value);
    if (!stage) continue;
    for (const ChecklistItem& item : stage->checklist) {
      const std::optional<Date> due_date = checklist_item_due(item, partner);
      if (!due_date) continue;
      const Date due = *due_date;
      if (context.today > due) {
        out.warning("checklist-overdue", partner.file, partner.stage.position,
                    "'" + item.title + "' was due on " + due.iso() + " (" +
                        std::to_string(context.today.days_since(due)) + " days ago)",
                    "when it is done, run `partnerops record " + partner.slug.value + " " +
                        item.id + "` or add `" + item.id + ": <date>` under checklist");
      }
    }
  }
}

}  // namespace partnerops
