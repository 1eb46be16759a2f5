#pragma once
// The priced part that invoices, quotes and credit notes share: lines of
// quantity × unit price, a subtotal, tax and a total, all exact.

#include <optional>
#include <string>
#include <vector>

#include "model/field.hpp"
#include "model/money.hpp"
#include "model/reader.hpp"

namespace partnerops {

struct PricedLine {
  std::string description;
  std::optional<Field<Quantity>> quantity;
  std::optional<Field<Money>> unit_price;
  std::optional<Field<Money>> amount;
  bool free = false;  ///< `free: true` (quotes): a zero amount on purpose
  std::string unit;   ///< UN/ECE Rec. 20 code of the quantity; empty when not written
};

struct Tax {
  std::string label;
  Field<std::string> rate_percent;  ///< decimal text, e.g. "7.5"
  std::optional<Field<Money>> amount;
  std::string vat_category;      ///< EN 16931 code (S, AE, …); empty when not written
  std::string exemption_reason;  ///< empty when not written
};

/// The tax an invoice run applies: an agreement's `tax`, else
/// partnerops.yaml's `defaults.tax`.
struct TaxRule {
  std::string label;
  std::string rate_percent;      ///< decimal text, e.g. "7.5"
  std::string vat_category;      ///< EN 16931 code (S, AE, …); empty when not written
  std::string exemption_reason;  ///< empty when not written
};

struct PricedDocument {
  std::string currency;
  std::vector<PricedLine> lines;
  std::optional<Field<Money>> subtotal;
  std::optional<Tax> tax;
  std::optional<Field<Money>> total;
};

/// Reads the tax rule `key` (label, rate_percent) of `parent`; nullopt when
/// it is not there.
std::optional<TaxRule> read_tax_rule(Reader& reader, const yaml::Node& parent,
                                     std::string_view key);

/// Reads `currency`, `lines`, `subtotal`, `tax` and `total` from the root of
/// a schema-checked document.
PricedDocument read_priced(Reader& reader);

/// Checks that every line amount is quantity × unit price, the subtotal is
/// the sum of the lines, the tax is the rate applied to the subtotal and the
/// total is subtotal plus tax, each to the minor unit.
void check_priced(const PricedDocument& document, const std::string& file,
                  Diagnostics& diagnostics);

/// The exact tax on `subtotal_minor` at `rate_percent` (decimal text),
/// rounded half away from zero; nullopt when the rate is not decimal text.
std::optional<std::int64_t> tax_on(std::int64_t subtotal_minor, std::string_view rate_percent);

}  // namespace partnerops
