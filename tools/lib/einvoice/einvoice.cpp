#include "einvoice/einvoice.hpp"

#include "model/money.hpp"

namespace partnerops::einvoice {

std::string Document::amount(std::int64_t minor) const {
  // A currency the model did not know could not have been read; the minor
  // units as they are keep the figure visible rather than lose it.
  const std::optional<Currency> known = find_currency(currency);
  return known ? format_plain(minor, *known) : std::to_string(minor);
}

std::string exemption_code_of(std::string_view category) {
  if (category == "AE") return "VATEX-EU-AE";
  if (category == "K") return "VATEX-EU-IC";
  if (category == "G") return "VATEX-EU-G";
  if (category == "O") return "VATEX-EU-O";
  return "";
}

}  // namespace partnerops::einvoice
