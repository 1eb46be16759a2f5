#pragma once
// The deployments check as the tickler and the report run it: only when
// partnerops.yaml names an inventory, with no options, on the report's day.

#include <optional>
#include <string>

#include "deployments/run.hpp"

namespace partnerops::cli {

/// The check's result when partnerops.yaml names an inventory and it could
/// be read; nullopt otherwise. When it is named but cannot be opened, says
/// why on standard error and sets `*failed` (the items are missing).
std::optional<deployments::CheckResult> configured_deployments(const Workspace& workspace,
                                                               const std::string& root, Date today,
                                                               bool* failed);

}  // namespace partnerops::cli
