#pragma once
// Reading one inventory file, for the adapters: its bytes through the
// Source (so a folder and a git revision read alike, and no link is
// followed), parsed into the positioned YAML tree (JSON is YAML, so a JSON
// list parses too), and typed access to its fields that reports a value of
// the wrong shape as `inventory-invalid` at its line and column.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "deployments/inventory.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "yaml/node.hpp"

namespace partnerops::deployments {

/// Reads and parses `path` of `source`; diagnostics name it `prefix + path`.
/// Returns null when it is missing (reported only when `required`), cannot
/// be read or does not parse (reported). The text is kept in
/// `inventory.files` for quoting.
std::unique_ptr<yaml::Document> read_inventory_file(const Source& source, std::string_view prefix,
                                                    const std::string& path, bool required,
                                                    Inventory& inventory, Diagnostics& diagnostics);

/// Field access that reports what it cannot use.
class FieldReader {
 public:
  FieldReader(const yaml::Document& document, Diagnostics& diagnostics)
      : m_document(document), m_diagnostics(diagnostics) {}

  const std::string& file() const { return m_document.path(); }

  /// The text of scalar `key` in `map`; nullopt when absent (reported when
  /// `required`) or not a scalar (reported).
  std::optional<std::string> text(const yaml::Node& map, std::string_view key,
                                  bool required = false);
  /// A boolean `key`; nullopt when absent or not true/false (reported).
  std::optional<bool> boolean(const yaml::Node& map, std::string_view key);
  /// A calendar date `key` (YYYY-MM-DD); nullopt when absent or not a day.
  std::optional<Date> date(const yaml::Node& map, std::string_view key);
  /// `key` as a mapping; null when absent or not one (reported).
  const yaml::Node* mapping(const yaml::Node& map, std::string_view key);
  /// The items of list `key`; empty when absent or not a list (reported).
  std::vector<const yaml::Node*> list(const yaml::Node& map, std::string_view key,
                                      bool required = false);
  /// Reports `inventory-invalid` at `position`.
  void invalid(Position position, std::string message, std::string hint = {});

 private:
  const yaml::Document& m_document;
  Diagnostics& m_diagnostics;
};

}  // namespace partnerops::deployments
