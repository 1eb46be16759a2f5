#include "transitions/record.hpp"

#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::transitions {

namespace {

/// The stage whose checklist holds `item`, or nullptr.
const Stage* stage_of_item(const Lifecycle& lifecycle, const std::string& item) {
  for (const Stage& stage : lifecycle.stages())
    if (stage.item(item)) return &stage;
  return nullptr;
}

/// Refuses, unless forced, an item the partner's current stage does not
/// list or whose required items are not recorded yet. Returns false when it
/// reported something.
bool check_stage_and_order(const Partner& partner, const Stage& stage, const ChecklistItem& item,
                           const RecordRequest& request, Diagnostics& diagnostics) {
  bool ok = true;
  const std::string force_hint = "; pass --force to record it anyway";
  if (stage.id != partner.stage.value) {
    diagnostics.error("record-other-stage", partner.file, partner.stage.position,
                      "'" + item.id + "' is a checklist item of the stage '" + stage.id +
                          "', and '" + request.slug + "' is at '" + partner.stage.value + "'",
                      "record the items of '" + partner.stage.value + "'" + force_hint);
    ok = false;
  }
  std::vector<std::string> missing;
  for (const std::string& required : item.required_items)
    if (!partner.checklist.contains(required)) missing.push_back(required);
  if (!missing.empty()) {
    const Position where =
        partner.checklist_position.line > 0 ? partner.checklist_position : partner.stage.position;
    diagnostics.error("record-requires-missing", partner.file, where,
                      "'" + item.id + "' requires " + util::join(missing, ", ") +
                          (missing.size() == 1 ? ", which is" : ", which are") + " not recorded",
                      "record " + util::join(missing, " and ") + " first" + force_hint);
    ok = false;
  }
  return ok;
}

}  // namespace

std::optional<std::string> set_checklist_date(const std::string& partner_text,
                                              const std::string& partner_path,
                                              const std::string& item, Date date,
                                              Diagnostics& diagnostics) {
  std::string error;
  std::optional<std::string> text = yaml::set_in_mapping(
      partner_text, "checklist", item, yaml::Scalar::raw(date.iso()), "verbal_close", &error);
  if (!text)
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml cannot be edited safely: " + error,
                      "edit the checklist by hand, or rewrite it in block style");
  return text;
}

std::optional<ChangeSet> plan_record(const Workspace& workspace, const RecordRequest& request,
                                     Diagnostics& diagnostics) {
  const PartnerFolder* folder = find_partner(workspace, request.slug, diagnostics);
  if (!folder) return std::nullopt;
  const std::string partner_path = folder->path + "/partner.yaml";
  std::vector<std::string> items;
  const Stage* stage = nullptr;
  if (workspace.lifecycle()) {
    for (const Stage& each : workspace.lifecycle()->stages())
      for (const ChecklistItem& item : each.checklist) items.push_back(item.id);
    stage = stage_of_item(*workspace.lifecycle(), request.item);
  }
  if (!stage) {
    const std::string near = util::closest(request.item, items, 4);
    diagnostics.error(
        "record-unknown-item", "schemas/lifecycle.yaml", {},
        "'" + request.item + "' is not a checklist item of schemas/lifecycle.yaml",
        near.empty() ? "the items are " + util::join(items, ", ") : "did you mean '" + near + "'?");
    return std::nullopt;
  }
  if (!folder->partner || !folder->partner_file) {
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml does not load, so its checklist cannot be changed",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  const Partner& partner = *folder->partner;
  ChangeSet changes;
  changes.folder = folder->path;
  changes.suggested_branch =
      expand_branch_pattern(std::string(k_default_record_branch), request.slug, request.item);

  std::string replaced;
  if (const auto recorded = partner.checklist.find(request.item);
      recorded != partner.checklist.end()) {
    const Date& before = recorded->second.value;
    if (before == request.date) {
      changes.message =
          request.slug + ": " + request.item + " is already recorded on " + before.iso();
      return changes;
    }
    if (!request.force) {
      diagnostics.error(
          "record-already-done", partner_path, recorded->second.position,
          "'" + request.item + "' is already recorded on " + before.iso() +
              "; recording it again would change the date to " + request.date.iso(),
          "keep the recorded date, or pass --force to replace it with " + request.date.iso());
      return std::nullopt;
    }
    replaced = before.iso();
  } else if (!request.force && !check_stage_and_order(partner, *stage, *stage->item(request.item),
                                                      request, diagnostics)) {
    return std::nullopt;
  }

  const std::optional<std::string> text = set_checklist_date(
      folder->partner_file->content(), partner_path, request.item, request.date, diagnostics);
  if (!text) return std::nullopt;
  if (!revalidate(workspace, partner_path, *text, diagnostics)) return std::nullopt;

  changes.edits.push_back({partner_path, *text});
  changes.message =
      request.slug + ": record " + request.item + "\n\n" +
      (replaced.empty() ? std::string()
                        : "Replaces the date recorded before, " + replaced + ".\n\n") +
      "Partner: " + request.slug + "\nChecklist-Item: " + request.item + "\n";
  return changes;
}

}  // namespace partnerops::transitions
