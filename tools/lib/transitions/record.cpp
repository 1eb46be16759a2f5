#include "transitions/record.hpp"

#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::transitions {

std::optional<ChangeSet> plan_record(const Workspace& workspace, const RecordRequest& request,
                                     Diagnostics& diagnostics) {
  const PartnerFolder* folder = find_partner(workspace, request.slug, diagnostics);
  if (!folder) return std::nullopt;
  const std::string partner_path = folder->path + "/partner.yaml";
  std::vector<std::string> items;
  bool known = false;
  if (workspace.lifecycle())
    for (const Stage& stage : workspace.lifecycle()->stages())
      for (const ChecklistItem& item : stage.checklist) {
        items.push_back(item.id);
        known = known || item.id == request.item;
      }
  if (!known) {
    const std::string near = util::closest(request.item, items, 4);
    diagnostics.error("record-unknown-item", "schemas/lifecycle.yaml", {},
                      "'" + request.item + "' is not a checklist item of schemas/lifecycle.yaml",
                      near.empty() ? "the items are " + util::join(items, ", ")
                                   : "did you mean '" + near + "'?");
    return std::nullopt;
  }
  if (!folder->partner || !folder->partner_file) {
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml does not load, so its checklist cannot be changed",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  std::string error;
  const std::optional<std::string> text =
      yaml::set_in_mapping(folder->partner_file->content, "checklist", request.item,
                           yaml::Scalar::raw(request.date.iso()), "verbal_close", &error);
  if (!text) {
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml cannot be edited safely: " + error,
                      "edit the checklist by hand, or rewrite it in block style");
    return std::nullopt;
  }
  if (!revalidate(workspace, partner_path, *text, diagnostics)) return std::nullopt;

  ChangeSet changes;
  changes.folder = folder->path;
  changes.edits.push_back({partner_path, *text});
  changes.message = request.slug + ": record " + request.item + "\n\nPartner: " + request.slug +
                    "\nChecklist-Item: " + request.item + "\n";
  changes.suggested_branch =
      expand_branch_pattern(std::string(k_default_record_branch), request.slug, request.item);
  return changes;
}

}  // namespace partnerops::transitions
