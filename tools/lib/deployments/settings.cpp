#include "deployments/settings.hpp"

#include <fnmatch.h>

#include "deployments/list_adapter.hpp"

namespace partnerops::deployments {

Settings read_settings(const Workspace& workspace, Diagnostics& diagnostics) {
  Settings settings;
  const WorkspaceFile* file = workspace.file("partnerops.yaml");
  const std::shared_ptr<const yaml::Document> tree =
      file && file->valid ? file->document() : nullptr;
  const yaml::Node* block = tree ? tree->root().find("deployments") : nullptr;
  if (!block || !block->is_mapping()) return settings;
  Reader reader(*tree, diagnostics);
  if (const yaml::Node* inventory = block->find("inventory");
      inventory && inventory->is_mapping()) {
    settings.inventory_path = reader.text(*inventory, "path");
    settings.adapter = reader.text(*inventory, "adapter");
    settings.inventory_rev = reader.text(*inventory, "rev");
  }
  for (const yaml::Node* item : reader.list(*block, "internal"))
    if (item->is_scalar())
      settings.internal.push_back({std::string(item->text()), item->position()});
  if (const yaml::Node* grace = block->find("grace_days"); grace && grace->is_mapping()) {
    settings.uncovered_grace_days = static_cast<int>(
        reader.integer(*grace, "uncovered").value_or(k_default_uncovered_grace_days));
    settings.after_end_grace_days = static_cast<int>(
        reader.integer(*grace, "after_end").value_or(k_default_after_end_grace_days));
    settings.launch_grace_days =
        static_cast<int>(reader.integer(*grace, "launch").value_or(k_default_launch_grace_days));
  }
  if (const yaml::Node* cost = block->find("monthly_cost"); cost && cost->is_scalar()) {
    std::string error;
    settings.monthly_cost = parse_cost(cost->text(), &error);
    if (!settings.monthly_cost)
      diagnostics.error("money-invalid", file->path, cost->position(),
                        "deployments.monthly_cost: " + error,
                        "write an amount and its currency, e.g. \"400.00 USD\"");
  }
  return settings;
}

bool matches_pattern(std::string_view pattern, std::string_view key) {
  return fnmatch(std::string(pattern).c_str(), std::string(key).c_str(), FNM_PATHNAME) == 0;
}

}  // namespace partnerops::deployments
