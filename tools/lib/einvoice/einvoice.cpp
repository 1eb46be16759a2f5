#include "einvoice/einvoice.hpp"

#include "report/plain_values.hpp"

namespace partnerops::einvoice {

std::string Document::amount(std::int64_t minor) const { return plain_amount(minor, currency); }

std::string exemption_code_of(std::string_view category) {
  if (category == "AE") return "VATEX-EU-AE";
  if (category == "K") return "VATEX-EU-IC";
  if (category == "G") return "VATEX-EU-G";
  if (category == "O") return "VATEX-EU-O";
  return "";
}

}  // namespace partnerops::einvoice
