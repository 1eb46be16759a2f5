#pragma once
// Values as the plain text that CSV and JSON reports carry: amounts without
// symbol or grouping ("1234.50"), dates in ISO form, nothing for a date
// the file does not give.

#include <cstdint>
#include <optional>
#include <string>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"

namespace partnerops {

/// `minor` in the currency `code` as "1234.50"; the minor units as they are
/// when the code is not a known currency.
inline std::string plain_amount(std::int64_t minor, const std::string& code) {
  const std::optional<Currency> currency = find_currency(code);
  return currency ? format_plain(minor, *currency) : std::to_string(minor);
}

/// "2026-11-02", or "" when the file gives no date.
inline std::string plain_date(const std::optional<Field<Date>>& date) {
  return date ? date->value.iso() : "";
}

}  // namespace partnerops
