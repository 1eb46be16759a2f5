#include "deployments/list_adapter.hpp"

#include "deployments/inventory_file.hpp"

namespace partnerops::deployments {

namespace {

constexpr const char* k_list_files[] = {"deployments.yaml", "deployments.yml", "deployments.json"};

class ListAdapter final : public InventoryAdapter {
 public:
  std::string_view name() const override { return "list"; }

  Inventory read(const Source& source, std::string_view prefix,
                 Diagnostics& diagnostics) const override {
    Inventory inventory;
    std::string path;
    for (const char* candidate : k_list_files)
      if (source.is_file(candidate)) {
        path = candidate;
        break;
      }
    if (path.empty()) {
      diagnostics.error("inventory-unreadable", std::string(prefix), {},
                        "the inventory holds no deployments.yaml, deployments.yml or "
                        "deployments.json",
                        "the list adapter reads one of those files at the inventory's root");
      return inventory;
    }
    const std::unique_ptr<yaml::Document> document =
        read_inventory_file(source, prefix, path, true, inventory, diagnostics);
    if (!document) return inventory;
    FieldReader fields(*document, diagnostics);
    const yaml::Node& root = document->root();
    std::vector<const yaml::Node*> items;
    if (root.is_sequence())
      items.assign(root.items().begin(), root.items().end());
    else if (root.is_mapping())
      items = fields.list(root, "deployments", true);
    else
      fields.invalid(root.position(), "the inventory must be a list of deployments",
                     "write `deployments:` followed by one `- key: ...` entry per deployment");
    for (const yaml::Node* item : items) {
      if (!item->is_mapping()) {
        fields.invalid(item->position(), "a deployment must be a mapping with at least `key`");
        continue;
      }
      const std::optional<std::string> key = fields.text(*item, "key", true);
      if (!key) continue;
      Deployment deployment;
      deployment.key = *key;
      deployment.domain = fields.text(*item, "domain").value_or("");
      deployment.name = fields.text(*item, "name").value_or("");
      deployment.started = fields.date(*item, "started");
      if (const std::optional<std::string> payer = fields.text(*item, "paid_by")) {
        deployment.paid_by = parse_payer(*payer);
        if (deployment.paid_by == CloudPayer::unknown)
          fields.invalid(item->find("paid_by")->position(),
                         "`paid_by` must be us or partner, not '" + *payer + "'");
      }
      if (const std::optional<std::string> cost = fields.text(*item, "monthly_cost")) {
        std::string error;
        deployment.monthly_cost = parse_cost(*cost, &error);
        if (!deployment.monthly_cost)
          fields.invalid(item->find("monthly_cost")->position(), "`monthly_cost`: " + error,
                         "write an amount and its currency, e.g. \"380.00 USD\"");
      }
      deployment.file = document->path();
      deployment.position = item->position();
      inventory.deployments.push_back(std::move(deployment));
    }
    return inventory;
  }
};

}  // namespace

std::unique_ptr<InventoryAdapter> make_list_adapter() { return std::make_unique<ListAdapter>(); }

std::optional<Money> parse_cost(std::string_view text, std::string* error) {
  const std::size_t space = text.rfind(' ');
  if (space == std::string_view::npos) {
    *error = "'" + std::string(text) + "' names no currency";
    return std::nullopt;
  }
  const std::string_view code = text.substr(space + 1);
  if (!find_currency(code)) {
    *error = "unknown currency '" + std::string(code) + "'";
    return std::nullopt;
  }
  const MoneyParse parsed = parse_money(text, code);
  if (!parsed.money) *error = describe(parsed.error, code);
  return parsed.money;
}

CloudPayer parse_payer(std::string_view text) {
  if (text == "us") return CloudPayer::us;
  if (text == "partner") return CloudPayer::partner;
  return CloudPayer::unknown;
}

}  // namespace partnerops::deployments
