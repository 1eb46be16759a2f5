#include "deployments/adapter.hpp"

#include "deployments/jupyterhub_adapter.hpp"
#include "deployments/list_adapter.hpp"

namespace partnerops::deployments {

std::unique_ptr<InventoryAdapter> make_adapter(std::string_view name) {
  if (name == "list") return make_list_adapter();
  if (name == "jupyterhub") return make_jupyterhub_adapter();
  return nullptr;
}

const std::vector<std::string>& adapter_names() {
  static const std::vector<std::string> names = {"jupyterhub", "list"};
  return names;
}

}  // namespace partnerops::deployments
