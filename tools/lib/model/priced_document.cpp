#include "model/priced_document.hpp"

namespace partnerops {

std::optional<TaxRule> read_tax_rule(Reader& reader, const yaml::Node& parent,
                                     std::string_view key) {
  const yaml::Node* rule = parent.find(key);
  if (!rule || !rule->is_mapping()) return std::nullopt;
  return TaxRule{reader.text(*rule, "label"), reader.text(*rule, "rate_percent"),
                 reader.text(*rule, "vat_category"), reader.text(*rule, "exemption_reason")};
}

PricedDocument read_priced(Reader& reader) {
  const yaml::Node& root = reader.root();
  PricedDocument document;
  document.currency = reader.text(root, "currency");
  const std::string& currency = document.currency;
  for (const yaml::Node* item : reader.list(root, "lines")) {
    document.lines.push_back(PricedLine{
        reader.text(*item, "description"), reader.quantity(*item, "quantity"),
        reader.money(*item, "unit_price", currency), reader.money(*item, "amount", currency),
        reader.boolean(*item, "free"), reader.text(*item, "unit")});
  }
  document.subtotal = reader.money(root, "subtotal", currency);
  if (const yaml::Node* tax = root.find("tax"); tax && tax->is_mapping()) {
    document.tax = Tax{reader.text(*tax, "label"), reader.text_field(*tax, "rate_percent"),
                       reader.money(*tax, "amount", currency), reader.text(*tax, "vat_category"),
                       reader.text(*tax, "exemption_reason")};
  }
  document.total = reader.money(root, "total", currency);
  return document;
}

std::optional<std::int64_t> tax_on(std::int64_t subtotal_minor, std::string_view rate_percent) {
  const std::optional<Quantity> rate = parse_quantity(rate_percent);
  if (!rate) return std::nullopt;
  // subtotal × rate / 100: scale the rate by two more decimal places.
  return multiply(Quantity{rate->units, rate->scale + 2}, subtotal_minor);
}

void check_priced(const PricedDocument& document, const std::string& file,
                  Diagnostics& diagnostics) {
  const std::optional<Currency> currency = find_currency(document.currency);
  if (!currency) return;  // the schema or the reader has reported it
  auto show = [&currency](std::int64_t minor) { return format_plain(minor, *currency); };

  // Each figure is checked against the ones above it only while those hold:
  // one wrong line amount is one error, not also a wrong subtotal and total.
  std::int64_t sum = 0;
  bool lines_complete = true;
  bool lines_consistent = true;
  for (const PricedLine& line : document.lines) {
    if (!line.quantity || !line.unit_price || !line.amount) {
      lines_complete = false;
      continue;
    }
    const std::optional<std::int64_t> expected =
        multiply(line.quantity->value, line.unit_price->value.minor);
    if (expected && *expected != line.amount->value.minor) {
      lines_consistent = false;
      diagnostics.error("money-line-total", file, line.amount->position,
                        "the line amount is " + show(line.amount->value.minor) +
                            " but quantity × unit price is " + show(*expected),
                        "write \"" + show(*expected) + "\"");
    }
    sum += line.amount->value.minor;
  }
  bool subtotal_consistent = true;
  if (lines_complete && lines_consistent && document.subtotal &&
      document.subtotal->value.minor != sum) {
    subtotal_consistent = false;
    diagnostics.error("money-subtotal", file, document.subtotal->position,
                      "the subtotal is " + show(document.subtotal->value.minor) +
                          " but the lines add up to " + show(sum),
                      "write \"" + show(sum) + "\"");
  }
  std::int64_t tax = 0;
  bool tax_consistent = true;
  if (document.tax && document.tax->amount) {
    tax = document.tax->amount->value.minor;
    if (document.subtotal) {
      const std::optional<std::int64_t> expected =
          tax_on(document.subtotal->value.minor, document.tax->rate_percent.value);
      if (!expected) {
        tax_consistent = false;
        diagnostics.error(
            "money-invalid", file, document.tax->rate_percent.position,
            "the tax rate is not a decimal number: \"" + document.tax->rate_percent.value + "\"",
            "write the percentage as text, e.g. \"7.5\"");
      } else if (*expected != tax) {
        tax_consistent = false;
        diagnostics.error("money-tax", file, document.tax->amount->position,
                          "the tax is " + show(tax) + " but " + document.tax->rate_percent.value +
                              "% of the subtotal is " + show(*expected),
                          "write \"" + show(*expected) + "\"");
      }
    }
  }
  if (subtotal_consistent && tax_consistent && document.subtotal && document.total &&
      document.total->value.minor != document.subtotal->value.minor + tax) {
    const std::int64_t expected = document.subtotal->value.minor + tax;
    diagnostics.error("money-total", file, document.total->position,
                      "the total is " + show(document.total->value.minor) +
                          " but subtotal plus tax is " + show(expected),
                      "write \"" + show(expected) + "\"");
  }
}

}  // namespace partnerops
