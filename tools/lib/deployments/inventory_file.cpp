#include "deployments/inventory_file.hpp"

namespace partnerops::deployments {

namespace {

/// Files larger than this are refused unread, as the workspace's are.
constexpr std::uint64_t k_max_bytes = 1 << 20;

}  // namespace

std::unique_ptr<yaml::Document> read_inventory_file(const Source& source, std::string_view prefix,
                                                    const std::string& path, bool required,
                                                    Inventory& inventory,
                                                    Diagnostics& diagnostics) {
  const std::string shown = std::string(prefix) + path;
  ReadResult result = source.read(path, k_max_bytes);
  if (!result.ok()) {
    if (result.status != ReadResult::Status::missing || required)
      diagnostics.error("inventory-unreadable", shown, {},
                        result.status == ReadResult::Status::missing
                            ? "the inventory has no " + path
                            : "cannot read the inventory file: " + result.error);
    return nullptr;
  }
  inventory.files.emplace_back(shown, std::move(result.content));
  return yaml::parse(shown, inventory.files.back().second, diagnostics);
}

void FieldReader::invalid(Position position, std::string message, std::string hint) {
  m_diagnostics.error("inventory-invalid", m_document.path(), position, std::move(message),
                      std::move(hint));
}

std::optional<std::string> FieldReader::text(const yaml::Node& map, std::string_view key,
                                             bool required) {
  const yaml::Node* value = map.find(key);
  if (!value || value->is_null()) {
    if (required) invalid(map.position(), "missing `" + std::string(key) + "`");
    return std::nullopt;
  }
  if (!value->is_scalar()) {
    invalid(value->position(), "`" + std::string(key) + "` must be text, not a " +
                                   std::string(yaml::to_string(value->kind())));
    return std::nullopt;
  }
  if (required && value->text().empty()) {
    invalid(value->position(), "`" + std::string(key) + "` is empty");
    return std::nullopt;
  }
  return std::string(value->text());
}

std::optional<bool> FieldReader::boolean(const yaml::Node& map, std::string_view key) {
  const yaml::Node* value = map.find(key);
  if (!value || value->is_null()) return std::nullopt;
  if (value->kind() != yaml::Kind::boolean) {
    invalid(value->position(), "`" + std::string(key) + "` must be true or false");
    return std::nullopt;
  }
  return value->boolean();
}

std::optional<Date> FieldReader::date(const yaml::Node& map, std::string_view key) {
  const std::optional<std::string> text_value = text(map, key);
  if (!text_value) return std::nullopt;
  std::optional<Date> parsed = Date::parse(*text_value);
  if (!parsed)
    invalid(map.find(key)->position(),
            "`" + std::string(key) + "` is not a calendar date: '" + *text_value + "'",
            "write it as YYYY-MM-DD");
  return parsed;
}

const yaml::Node* FieldReader::mapping(const yaml::Node& map, std::string_view key) {
  const yaml::Node* value = map.find(key);
  if (!value || value->is_null()) return nullptr;
  if (!value->is_mapping()) {
    invalid(value->position(), "`" + std::string(key) + "` must be a mapping, not a " +
                                   std::string(yaml::to_string(value->kind())));
    return nullptr;
  }
  return value;
}

std::vector<const yaml::Node*> FieldReader::list(const yaml::Node& map, std::string_view key,
                                                 bool required) {
  const yaml::Node* value = map.find(key);
  if (!value || value->is_null()) {
    if (required) invalid(map.position(), "missing `" + std::string(key) + "`");
    return {};
  }
  if (!value->is_sequence()) {
    invalid(value->position(), "`" + std::string(key) + "` must be a list, not a " +
                                   std::string(yaml::to_string(value->kind())));
    return {};
  }
  const auto items = value->items();
  return {items.begin(), items.end()};
}

}  // namespace partnerops::deployments
