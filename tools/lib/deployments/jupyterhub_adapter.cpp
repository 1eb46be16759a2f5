#include "deployments/jupyterhub_adapter.hpp"

#include <map>

#include "deployments/inventory_file.hpp"

namespace partnerops::deployments {

namespace {

constexpr std::string_view k_clusters = "config/clusters/";

/// `custom.homepage.templateVars` of a hub's values: at the top for a
/// basehub chart's own values, under `jupyterhub:`, or under
/// `basehub: jupyterhub:` for a daskhub.
const yaml::Node* template_vars(const yaml::Node& root) {
  const yaml::Node* places[] = {&root, root.find("jupyterhub"), nullptr};
  if (const yaml::Node* basehub = root.find("basehub")) places[2] = basehub->find("jupyterhub");
  for (const yaml::Node* place : places) {
    if (!place) continue;
    const yaml::Node* custom = place->find("custom");
    const yaml::Node* homepage = custom ? custom->find("homepage") : nullptr;
    const yaml::Node* vars = homepage ? homepage->find("templateVars") : nullptr;
    if (vars && vars->is_mapping()) return vars;
  }
  return nullptr;
}

/// The `name` of `vars[key]`, when it is text.
void add_name(const yaml::Node& vars, std::string_view key, std::vector<std::string>& names) {
  const yaml::Node* holder = vars.find(key);
  const yaml::Node* name = holder ? holder->find("name") : nullptr;
  if (name && name->is_scalar() && !name->text().empty())
    names.push_back(std::string(name->text()));
}

/// The community names each values file gives, by path: values files are
/// shared between hubs (common.values.yaml), so each is read once.
using ValuesNames = std::map<std::string, std::vector<std::string>, std::less<>>;

class JupyterHubAdapter final : public InventoryAdapter {
 public:
  std::string_view name() const override { return "jupyterhub"; }

  Inventory read(const Source& source, std::string_view prefix,
                 Diagnostics& diagnostics) const override {
    Inventory inventory;
    std::string error;
    const std::vector<SourceEntry> entries = source.list("config/clusters", &error);
    if (!error.empty() || entries.empty()) {
      diagnostics.error("inventory-unreadable", std::string(prefix) + "config/clusters", {},
                        error.empty() ? "the inventory has no clusters" : error,
                        "the jupyterhub adapter reads config/clusters/<cluster>/cluster.yaml");
      return inventory;
    }
    ValuesNames values_names;
    for (const SourceEntry& entry : entries) {
      // config/clusters/<cluster>/cluster.yaml, one level down only.
      if (entry.type != EntryType::file || !entry.path.starts_with(k_clusters)) continue;
      const std::string_view rest = std::string_view(entry.path).substr(k_clusters.size());
      const std::size_t slash = rest.find('/');
      if (slash == std::string_view::npos || rest.substr(slash + 1) != "cluster.yaml") continue;
      read_cluster(source, prefix, std::string(rest.substr(0, slash)), entry.path, values_names,
                   inventory, diagnostics);
    }
    return inventory;
  }

 private:
  static void read_cluster(const Source& source, std::string_view prefix,
                           const std::string& cluster, const std::string& path,
                           ValuesNames& values_names, Inventory& inventory,
                           Diagnostics& diagnostics) {
    inventory.groups.push_back(cluster);
    const std::unique_ptr<yaml::Document> document =
        read_inventory_file(source, prefix, path, true, inventory, diagnostics);
    if (!document) return;
    FieldReader fields(*document, diagnostics);
    const yaml::Node& root = document->root();
    if (!root.is_mapping()) {
      fields.invalid(root.position(), "cluster.yaml must be a mapping with `hubs:`");
      return;
    }
    // Who pays: billing.paid_by_us under the provider's block, or at the top.
    CloudPayer paid_by = CloudPayer::unknown;
    const std::optional<std::string> provider = fields.text(root, "provider");
    for (const yaml::Node* holder : {provider ? fields.mapping(root, *provider) : nullptr, &root}) {
      if (!holder || paid_by != CloudPayer::unknown) continue;
      if (const yaml::Node* billing = fields.mapping(*holder, "billing"))
        if (const std::optional<bool> ours = fields.boolean(*billing, "paid_by_us"))
          paid_by = *ours ? CloudPayer::us : CloudPayer::partner;
    }
    const std::string folder =
        path.substr(0, path.size() - std::string_view("cluster.yaml").size());
    for (const yaml::Node* hub : fields.list(root, "hubs", true)) {
      if (!hub->is_mapping()) {
        fields.invalid(hub->position(), "a hub must be a mapping with `name` and `domain`");
        continue;
      }
      const std::optional<std::string> name = fields.text(*hub, "name", true);
      if (!name) continue;
      Deployment deployment;
      deployment.key = cluster + "/" + *name;
      deployment.domain = fields.text(*hub, "domain").value_or("");
      deployment.name = fields.text(*hub, "display_name").value_or("");
      fields.text(*hub, "helm_chart");
      deployment.paid_by = paid_by;
      deployment.file = document->path();
      deployment.position = hub->position();
      for (const yaml::Node* values : fields.list(*hub, "helm_chart_values_files")) {
        if (!values->is_scalar()) {
          fields.invalid(values->position(), "a values file must be a path");
          continue;
        }
        // Encrypted values (enc-*.secret.values.yaml) hold no community details.
        if (values->text().starts_with("enc-")) continue;
        const std::string values_path = folder + std::string(values->text());
        if (!is_safe_relative_path(values_path) || !source.is_file(values_path)) {
          fields.invalid(values->position(), "the values file " + std::string(values->text()) +
                                                 " is not in " + std::string(prefix) + folder);
          continue;
        }
        auto known = values_names.find(values_path);
        if (known == values_names.end())
          known = values_names
                      .emplace(values_path,
                               read_values(source, prefix, values_path, inventory, diagnostics))
                      .first;
        for (const std::string& community : known->second)
          deployment.community_names.push_back(community);
      }
      inventory.deployments.push_back(std::move(deployment));
    }
  }

  static std::vector<std::string> read_values(const Source& source, std::string_view prefix,
                                              const std::string& path, Inventory& inventory,
                                              Diagnostics& diagnostics) {
    std::vector<std::string> names;
    const std::unique_ptr<yaml::Document> values =
        read_inventory_file(source, prefix, path, true, inventory, diagnostics);
    if (!values || !values->root().is_mapping()) return names;
    if (const yaml::Node* vars = template_vars(values->root())) {
      add_name(*vars, "funded_by", names);
      add_name(*vars, "org", names);
    }
    return names;
  }
};

}  // namespace

std::unique_ptr<InventoryAdapter> make_jupyterhub_adapter() {
  return std::make_unique<JupyterHubAdapter>();
}

}  // namespace partnerops::deployments
