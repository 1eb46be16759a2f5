#include "model/money.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace partnerops {

namespace {

// The currencies partners are billed in. Minor digits follow ISO 4217.
constexpr std::array k_currencies = {
    Currency{"USD", 2, "$"},    Currency{"EUR", 2, "€"},    Currency{"GBP", 2, "£"},
    Currency{"CAD", 2, "CA$"},  Currency{"AUD", 2, "A$"},   Currency{"NZD", 2, "NZ$"},
    Currency{"CHF", 2, "CHF "}, Currency{"SEK", 2, "SEK "}, Currency{"NOK", 2, "NOK "},
    Currency{"DKK", 2, "DKK "}, Currency{"MXN", 2, "MX$"},  Currency{"BRL", 2, "R$"},
    Currency{"INR", 2, "₹"},    Currency{"ZAR", 2, "R"},    Currency{"SGD", 2, "S$"},
    Currency{"JPY", 0, "¥"},    Currency{"KRW", 0, "₩"},    Currency{"CLP", 0, "CLP "},
    Currency{"KWD", 3, "KWD "}, Currency{"BHD", 3, "BHD "}, Currency{"JOD", 3, "JOD "},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool checked_mul_add(std::int64_t value, int factor, int add, std::int64_t* out) {
  __int128 result = static_cast<__int128>(value) * factor + add;
  if (result > std::numeric_limits<std::int64_t>::max()) return false;
  *out = static_cast<std::int64_t>(result);
  return true;
}

}  // namespace

std::optional<Currency> find_currency(std::string_view code) {
  for (const Currency& currency : k_currencies) {
    if (currency.code == code) return currency;
  }
  return std::nullopt;
}

MoneyParse parse_money(std::string_view text, std::string_view document_currency) {
  MoneyParse result;
  auto fail = [&result](MoneyError error) {
    result.error = error;
    return result;
  };
  if (text.empty()) return fail(MoneyError::empty);

  std::string_view amount = text;
  std::string_view code = document_currency;
  if (const std::size_t space = text.find(' '); space != std::string_view::npos) {
    amount = text.substr(0, space);
    code = text.substr(space + 1);
    if (code.size() != 3) return fail(MoneyError::malformed);
  }
  const std::optional<Currency> currency = find_currency(code);
  if (!currency) return fail(MoneyError::unknown_currency);
  if (code != document_currency) return fail(MoneyError::currency_mismatch);
  if (amount.find(',') != std::string_view::npos) return fail(MoneyError::grouping_separator);

  bool negative = false;
  if (!amount.empty() && amount.front() == '-') {
    negative = true;
    amount.remove_prefix(1);
  }
  const std::size_t point = amount.find('.');
  const std::string_view whole = amount.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : amount.substr(point + 1);
  if (whole.empty()) return fail(MoneyError::malformed);
  if (point != std::string_view::npos && fraction.empty()) return fail(MoneyError::malformed);
  for (char c : whole)
    if (!is_digit(c)) return fail(MoneyError::malformed);
  for (char c : fraction)
    if (!is_digit(c)) return fail(MoneyError::malformed);
  if (static_cast<int>(fraction.size()) > currency->minor_digits)
    return fail(MoneyError::too_many_decimals);

  std::int64_t minor = 0;
  for (char c : whole)
    if (!checked_mul_add(minor, 10, c - '0', &minor)) return fail(MoneyError::too_large);
  for (int i = 0; i < currency->minor_digits; ++i) {
    const int digit = i < static_cast<int>(fraction.size()) ? fraction[i] - '0' : 0;
    if (!checked_mul_add(minor, 10, digit, &minor)) return fail(MoneyError::too_large);
  }
  result.money = Money{negative ? -minor : minor, std::string(code)};
  return result;
}

std::string describe(MoneyError error, std::string_view document_currency) {
  const std::string currency(document_currency);
  switch (error) {
    case MoneyError::none:
      return "";
    case MoneyError::empty:
      return "the amount is empty";
    case MoneyError::grouping_separator:
      return "the amount uses a grouping separator";
    case MoneyError::malformed:
      return "the amount is not a decimal number such as \"1200.00\"";
    case MoneyError::too_many_decimals:
      return "the amount has more decimals than " + currency + " allows";
    case MoneyError::unknown_currency:
      return "the currency code is not a known ISO 4217 code";
    case MoneyError::currency_mismatch:
      return "the amount is in another currency than the document's " + currency;
    case MoneyError::too_large:
      return "the amount is too large";
  }
  return "";
}

std::optional<Quantity> parse_quantity(std::string_view text) {
  Quantity quantity;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    seen_digit = true;
    if (seen_point && ++quantity.scale > 6) return std::nullopt;
    if (!checked_mul_add(quantity.units, 10, c - '0', &quantity.units)) return std::nullopt;
  }
  if (!seen_digit || (seen_point && quantity.scale == 0)) return std::nullopt;
  return quantity;
}

std::string format_quantity(const Quantity& quantity) {
  std::string digits = std::to_string(quantity.units < 0 ? -quantity.units : quantity.units);
  if (quantity.scale > 0) {
    if (digits.size() <= static_cast<std::size_t>(quantity.scale))
      digits.insert(0, quantity.scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - quantity.scale, ".");
  }
  return (quantity.units < 0 ? "-" : "") + digits;
}

namespace {

/// `q.units` at `scale` (not below q.scale) as an exact wide integer.
__int128 units_at(const Quantity& q, int scale) {
  __int128 units = q.units;
  for (int i = q.scale; i < scale; ++i) units *= 10;
  return units;
}

}  // namespace

std::optional<Quantity> add(const Quantity& a, const Quantity& b) {
  const int scale = std::max(a.scale, b.scale);
  const __int128 sum = units_at(a, scale) + units_at(b, scale);
  if (sum > std::numeric_limits<std::int64_t>::max() ||
      sum < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return Quantity{static_cast<std::int64_t>(sum), scale};
}

int compare(const Quantity& a, const Quantity& b) {
  const int scale = std::max(a.scale, b.scale);
  const __int128 x = units_at(a, scale);
  const __int128 y = units_at(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

std::optional<std::int64_t> multiply(const Quantity& quantity, std::int64_t unit_minor) {
  __int128 product = static_cast<__int128>(quantity.units) * unit_minor;
  __int128 divisor = 1;
  for (int i = 0; i < quantity.scale; ++i) divisor *= 10;
  const bool negative = product < 0;
  if (negative) product = -product;
  __int128 rounded = (product + divisor / 2) / divisor;
  if (negative) rounded = -rounded;
  if (rounded > std::numeric_limits<std::int64_t>::max() ||
      rounded < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return static_cast<std::int64_t>(rounded);
}

namespace {

std::string format_digits(std::int64_t minor, const Currency& currency, bool grouping) {
  const bool negative = minor < 0;
  // Work in unsigned so the most negative amount formats too.
  unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(minor)
                                          : static_cast<unsigned long long>(minor);
  std::string digits = std::to_string(magnitude);
  if (static_cast<int>(digits.size()) <= currency.minor_digits)
    digits.insert(0, currency.minor_digits + 1 - digits.size(), '0');
  const std::size_t whole_size = digits.size() - currency.minor_digits;
  std::string whole = digits.substr(0, whole_size);
  if (grouping) {
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  }
  std::string out = whole;
  if (currency.minor_digits > 0) out += "." + digits.substr(whole_size);
  return out;
}

}  // namespace

std::string format_plain(std::int64_t minor, const Currency& currency) {
  return (minor < 0 ? "-" : "") + format_digits(minor, currency, false);
}

std::string format_display(const Money& money) {
  const Currency currency =
      find_currency(money.currency).value_or(Currency{money.currency, 2, money.currency});
  return (money.minor < 0 ? "-" : "") + std::string(currency.symbol) +
         format_digits(money.minor, currency, true);
}

}  // namespace partnerops
