#pragma once
// One check of a workspace's agreements against its inventory, as
// `deployments check`, the tickler and the pipeline report run it: the
// settings of partnerops.yaml, overridden by what the command line gives,
// the inventory opened and read, the findings; and the findings as JSON.

#include <filesystem>
#include <optional>
#include <string>

#include "deployments/check.hpp"
#include "deployments/inventory.hpp"
#include "deployments/settings.hpp"
#include "model/workspace.hpp"

namespace partnerops::deployments {

struct CheckRequest {
  std::filesystem::path workspace_root;  ///< relative inventory paths start here
  std::string inventory;                 ///< overrides deployments.inventory.path
  std::string adapter;                   ///< overrides deployments.inventory.adapter
  std::string inventory_rev;             ///< overrides deployments.inventory.rev
  Date today;
};

struct CheckResult {
  Settings settings;
  Inventory inventory;
  Findings findings;
  /// Everything to print: the settings' and the inventory's problems, then
  /// the findings' diagnostics, sorted.
  Diagnostics diagnostics;
};

/// True when partnerops.yaml names an inventory, so the tickler and the
/// report should run the check.
bool inventory_configured(const Workspace& workspace);

/// Runs the check. Returns nullopt and fills `error` when no inventory is
/// named, or it cannot be opened (not a folder, unknown revision, unknown
/// adapter); problems inside the inventory are diagnostics of the result.
std::optional<CheckResult> run_check(const Workspace& workspace, const CheckRequest& request,
                                     std::string* error);

/// The result as one JSON object: the inventory, the counts, and every
/// finding with its code, position, partner, days, exposure and suggestions.
std::string findings_json(const CheckResult& result);

}  // namespace partnerops::deployments
