#pragma once
// Exact money: integer minor units plus an ISO 4217 currency code. Amounts
// are parsed from the text the user wrote, digit by digit, and never pass
// through a floating-point number.
//
// Accepted text (docs/data-model.md): an optional minus sign, digits, an
// optional decimal point with at most the currency's minor digits, and an
// optional space and currency code: "1200", "1234.5" (= 1234.50),
// "1234.50 USD". Grouping separators ("1,234.50") are refused, since the same
// text means another amount in locales that write "1.234,50".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace partnerops {

/// What a currency needs for exact amounts and for printing them.
struct Currency {
  std::string_view code;    ///< ISO 4217, e.g. "USD"
  int minor_digits = 2;     ///< digits after the decimal point
  std::string_view symbol;  ///< printed before the amount, e.g. "$"
};

/// The currency with this code, or nullopt for a code the toolkit does not
/// know (a typo, or a currency to add to the table in money.cpp).
std::optional<Currency> find_currency(std::string_view code);

struct Money {
  std::int64_t minor = 0;  ///< amount in minor units (cents)
  std::string currency;    ///< ISO 4217 code

  friend bool operator==(const Money&, const Money&) = default;
};

/// Why a money text was refused, for a precise diagnostic.
enum class MoneyError {
  none,
  empty,
  grouping_separator,  ///< "1,234.50"
  malformed,           ///< anything else that is not digits with one point
  too_many_decimals,   ///< "12.345" in a two-digit currency
  unknown_currency,    ///< "12.00 XYZ"
  currency_mismatch,   ///< "12.00 EUR" in a USD document
  too_large,           ///< does not fit in 64-bit minor units
};

struct MoneyParse {
  std::optional<Money> money;
  MoneyError error = MoneyError::none;
};

/// Parses `text` as an amount in `document_currency`; a currency code in the
/// text must equal it.
MoneyParse parse_money(std::string_view text, std::string_view document_currency);

/// A sentence explaining `error`, for diagnostics.
std::string describe(MoneyError error, std::string_view document_currency);

/// A decimal quantity ("3", "1.5", "0.25"): value = units / 10^scale.
struct Quantity {
  std::int64_t units = 0;
  int scale = 0;
};

/// Parses an integer or a decimal with up to 6 fraction digits.
std::optional<Quantity> parse_quantity(std::string_view text);

/// "3", "1.5", "0.25": the quantity with the decimals it was written with.
std::string format_quantity(const Quantity& quantity);

/// a + b, exactly, at the finer of the two scales; nullopt on overflow.
std::optional<Quantity> add(const Quantity& a, const Quantity& b);

/// Negative, zero or positive as a is less than, equal to or more than b.
int compare(const Quantity& a, const Quantity& b);

/// quantity × unit price, rounded half away from zero to the minor unit.
/// Returns nullopt on overflow.
std::optional<std::int64_t> multiply(const Quantity& quantity, std::int64_t unit_minor);

/// "1234.50" (no symbol, no grouping): the canonical text written to files.
std::string format_plain(std::int64_t minor, const Currency& currency);
/// "$1,234.50", "-€80.00", "¥1,200": for documents.
std::string format_display(const Money& money);

}  // namespace partnerops
