#pragma once
// Typed access to a schema-checked YAML document. The schema has already
// checked shapes and types; the reader adds what JSON Schema cannot say
// precisely: dates that exist on the calendar and exact money. Each value it
// cannot accept becomes a diagnostic at the value's own line and column.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"
#include "yaml/node.hpp"

namespace partnerops {

class Reader {
 public:
  Reader(const yaml::Document& document, Diagnostics& diagnostics)
      : m_document(document), m_diagnostics(diagnostics) {}

  const std::string& file() const { return m_document.path(); }
  const yaml::Node& root() const { return m_document.root(); }
  Diagnostics& diagnostics() { return m_diagnostics; }

  /// The text of `key` in `map`, or `fallback` when absent or not a scalar.
  std::string text(const yaml::Node& map, std::string_view key,
                   const std::string& fallback = {}) const;
  Field<std::string> text_field(const yaml::Node& map, std::string_view key) const;
  bool boolean(const yaml::Node& map, std::string_view key, bool fallback = false) const;
  std::optional<std::int64_t> integer(const yaml::Node& map, std::string_view key) const;

  /// A calendar date; reports `date-invalid` for text that is not one.
  std::optional<Field<Date>> date(const yaml::Node& map, std::string_view key);
  /// Exact money in `currency`; reports `money-invalid` for text that is not
  /// an amount (grouping separators, too many decimals, another currency).
  std::optional<Field<Money>> money(const yaml::Node& map, std::string_view key,
                                    std::string_view currency);
  /// A quantity: a whole number or decimal text; reports `quantity-invalid`.
  std::optional<Field<Quantity>> quantity(const yaml::Node& map, std::string_view key);

  /// The items of a list under `key` (empty when absent).
  std::span<const yaml::Node* const> list(const yaml::Node& map, std::string_view key) const;

  /// Where `key` is written in `map` (its value, or the mapping itself when
  /// the key is absent), for diagnostics about a field.
  Position position_of(const yaml::Node& map, std::string_view key) const;

 private:
  const yaml::Document& m_document;
  Diagnostics& m_diagnostics;
};

/// Reports `date-invalid` for every string in `document` written as
/// YYYY-MM-DD that is not a day on the calendar (2026-02-30), wherever it is:
/// the model reads only some dates, but every one ends up in a document or a
/// report. The schemas check the form; this checks the day exists.
void check_calendar_dates(const yaml::Document& document, Diagnostics& diagnostics);

}  // namespace partnerops
