#pragma once
// The OASIS UBL 2.1 Invoice or CreditNote of an e-invoice: the EN 16931
// syntax Peppol and XRechnung use.

#include <string>

#include "einvoice/einvoice.hpp"

namespace partnerops::einvoice {

std::string write_ubl(const Document& document);

}  // namespace partnerops::einvoice
