#pragma once
// The UN/CEFACT Cross Industry Invoice (D16B) of an e-invoice, as the
// Factur-X / ZUGFeRD EN 16931 profile embeds it (factur-x.xml).

#include <string>

#include "einvoice/einvoice.hpp"

namespace partnerops::einvoice {

/// The guideline (BT-24) both syntaxes declare: EN 16931 itself.
inline constexpr std::string_view k_en16931 = "urn:cen.eu:en16931:2017";

std::string write_cii(const Document& document);

}  // namespace partnerops::einvoice
