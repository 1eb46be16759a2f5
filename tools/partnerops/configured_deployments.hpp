#pragma once
// The deployments check as the tickler and the report run it: only when
// partnerops.yaml names an inventory, with no options, on the report's day.

#include <optional>
#include <string>

#include "deployments/run.hpp"

namespace partnerops::cli {

/// The check's result when partnerops.yaml names an inventory and it could
/// be read; nullopt otherwise. When it is named but cannot be opened (a
/// tickler run whose checkout lacks the inventory repository), says so on
/// standard error and the command goes on without it: the rest of the list
/// is still worth having.
std::optional<deployments::CheckResult> configured_deployments(const Workspace& workspace,
                                                               const std::string& root, Date today);

}  // namespace partnerops::cli
