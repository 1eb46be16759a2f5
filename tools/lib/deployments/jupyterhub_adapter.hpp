#pragma once
// The `jupyterhub` adapter: a JupyterHub operator's infrastructure
// repository. Each cluster is a folder `config/clusters/<cluster>/` whose
// `cluster.yaml` names its `provider` (gcp, aws, azure, kubeconfig), its
// `tenancy` and `account`, who pays (`billing.paid_by_us` under the
// provider's block, e.g. `gcp: {billing: {paid_by_us: true}}`), and its
// `hubs:`, each with `name`, `domain`, `helm_chart`, an optional
// `display_name` and its `helm_chart_values_files` (relative to the
// cluster's folder). A hub's key is `<cluster>/<name>`. The community
// behind a hub is read from its values files
// (`jupyterhub.custom.homepage.templateVars.funded_by.name` and `.org.name`,
// also under `basehub:` for a daskhub), for suggestions only.

#include <memory>

#include "deployments/adapter.hpp"

namespace partnerops::deployments {

std::unique_ptr<InventoryAdapter> make_jupyterhub_adapter();

}  // namespace partnerops::deployments
