#include "configured_deployments.hpp"

#include <iostream>

namespace partnerops::cli {

std::optional<deployments::CheckResult> configured_deployments(const Workspace& workspace,
                                                               const std::string& root,
                                                               Date today) {
  if (!deployments::inventory_configured(workspace)) return std::nullopt;
  deployments::CheckRequest request;
  request.workspace_root = root;
  request.today = today;
  std::string error;
  std::optional<deployments::CheckResult> result =
      deployments::run_check(workspace, request, &error);
  if (!result) std::cerr << "partnerops: deployments: " << error << "; its findings are left out\n";
  return result;
}

}  // namespace partnerops::cli
