#include "model/reader.hpp"

#include <unordered_set>

namespace partnerops {

std::string Reader::text(const yaml::Node& map, std::string_view key,
                         const std::string& fallback) const {
  const yaml::Node* node = map.find(key);
  return node && node->is_scalar() && !node->is_null() ? std::string(node->text()) : fallback;
}

Field<std::string> Reader::text_field(const yaml::Node& map, std::string_view key) const {
  return {text(map, key), position_of(map, key)};
}

bool Reader::boolean(const yaml::Node& map, std::string_view key, bool fallback) const {
  const yaml::Node* node = map.find(key);
  return node && node->kind() == yaml::Kind::boolean ? node->boolean() : fallback;
}

std::optional<std::int64_t> Reader::integer(const yaml::Node& map, std::string_view key) const {
  const yaml::Node* node = map.find(key);
  if (!node || node->kind() != yaml::Kind::integer) return std::nullopt;
  return node->integer();
}

std::optional<Field<Date>> Reader::date(const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  if (!node || node->is_null()) return std::nullopt;
  if (const std::optional<Date> date = Date::parse(node->text()))
    return Field<Date>{*date, node->position()};
  m_diagnostics.error(
      "date-invalid", file(), node->position(),
      "'" + std::string(key) + "' is not a calendar date: \"" + std::string(node->text()) + "\"",
      "write dates as YYYY-MM-DD, a day that exists, e.g. 2026-11-23");
  return std::nullopt;
}

std::optional<Field<Money>> Reader::money(const yaml::Node& map, std::string_view key,
                                          std::string_view currency) {
  const yaml::Node* node = map.find(key);
  if (!node || !node->is_string()) return std::nullopt;
  const MoneyParse parsed = parse_money(node->text(), currency);
  if (parsed.money) return Field<Money>{*parsed.money, node->position()};
  const std::optional<Currency> info = find_currency(currency);
  std::string hint = "write the amount as plain digits with a decimal point, e.g. \"1234.50\"";
  if (parsed.error == MoneyError::currency_mismatch)
    hint = "a document has one currency; convert the amount or split the document";
  else if (parsed.error == MoneyError::too_many_decimals && info)
    hint = std::string(currency) + " has " + std::to_string(info->minor_digits) + " decimal digits";
  m_diagnostics.error(
      parsed.error == MoneyError::currency_mismatch ? "currency-mismatch" : "money-invalid", file(),
      node->position(),
      "'" + std::string(key) + "' \"" + std::string(node->text()) +
          "\": " + describe(parsed.error, currency),
      hint);
  return std::nullopt;
}

std::optional<Field<Quantity>> Reader::quantity(const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  if (!node) return std::nullopt;
  if (node->kind() == yaml::Kind::integer || node->is_string()) {
    if (const std::optional<Quantity> quantity = parse_quantity(node->text()))
      return Field<Quantity>{*quantity, node->position()};
  }
  m_diagnostics.error("quantity-invalid", file(), node->position(),
                      "'" + std::string(key) + "' is not a quantity: " + std::string(node->text()),
                      "write a whole number (3) or decimal text with at most 6 decimals "
                      "(\"1.5\")");
  return std::nullopt;
}

std::span<const yaml::Node* const> Reader::list(const yaml::Node& map, std::string_view key) const {
  const yaml::Node* node = map.find(key);
  return node ? node->items() : std::span<const yaml::Node* const>();
}

Position Reader::position_of(const yaml::Node& map, std::string_view key) const {
  const yaml::Node* node = map.find(key);
  return node ? node->position() : map.position();
}

namespace {

bool looks_like_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

void check_dates_below(const yaml::Node& node, std::string_view key, const std::string& file,
                       std::unordered_set<const yaml::Node*>& seen, Diagnostics& diagnostics) {
  if (node.is_string()) {
    if (looks_like_date(node.text()) && !Date::parse(node.text())) {
      diagnostics.error(
          "date-invalid", file, node.position(),
          "'" + std::string(key) + "' is not a calendar date: \"" + std::string(node.text()) + "\"",
          "write dates as YYYY-MM-DD, a day that exists, e.g. 2026-11-23");
    }
    return;
  }
  // Aliases share nodes; each is checked once.
  if (!seen.insert(&node).second) return;
  for (const yaml::Node* item : node.items())
    check_dates_below(*item, key, file, seen, diagnostics);
  for (const yaml::Entry& entry : node.entries())
    check_dates_below(*entry.value, entry.key, file, seen, diagnostics);
}

}  // namespace

void check_calendar_dates(const yaml::Document& document, Diagnostics& diagnostics) {
  std::unordered_set<const yaml::Node*> seen;
  check_dates_below(document.root(), "", document.path(), seen, diagnostics);
}

}  // namespace partnerops
