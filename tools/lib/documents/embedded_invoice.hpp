#pragma once
// Which documents are e-invoices, and the XML they carry. The PDF of an
// issued invoice, or of a credit note that credits, of a partner that is
// e-invoiced (einvoice::is_einvoiced) embeds its Cross Industry Invoice as a
// Factur-X file; the XML is made from the same typed model as the page, by the
// same code as `invoice export`, so the two never disagree.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "documents/plan.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// The CII XML the PDF of `job` embeds, or nullopt for a document that is
/// not an e-invoice. A document that should be one but whose files lack
/// what an e-invoice needs is printed as a plain PDF: nullopt, with each
/// lack appended to `diagnostics` as an `einvoice-incomplete` warning at
/// its position (the same warnings `validate` gives).
std::optional<std::string> embedded_invoice_xml(const Workspace& workspace, const DocumentJob& job,
                                                Diagnostics& diagnostics);

}  // namespace partnerops
