#pragma once
// Makes the EN 16931 view of an issued invoice or credit note from the
// typed model, and says what the files lack for one, with positions, so
// `validate` can ask for it before an e-invoice is due.

#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "einvoice/einvoice.hpp"
#include "model/workspace.hpp"

namespace partnerops::einvoice {

/// True for a VAT number of an EU member state (or Northern Ireland's XI):
/// its country prefix, then digits and capital letters.
bool is_eu_vat_number(std::string_view text);

/// Whether the invoices and credit notes of `folder` are e-invoices:
/// billing.einvoice when written, else when the organisation sets
/// einvoicing up and either asks for all partners or the partner's tax_id
/// is an EU VAT number.
bool is_einvoiced(const Workspace& workspace, const PartnerFolder& folder);

/// The e-invoice of `invoice`, or nullopt after reporting at its position
/// each thing an e-invoice needs that the files lack (`einvoice-incomplete`,
/// with `severity`).
std::optional<Document> einvoice_of(const Workspace& workspace, const PartnerFolder& folder,
                                    const Invoice& invoice, Severity severity,
                                    Diagnostics& diagnostics);

/// The same for a credit note (type 381, naming the invoice it credits).
std::optional<Document> einvoice_of(const Workspace& workspace, const PartnerFolder& folder,
                                    const CreditNote& note, Severity severity,
                                    Diagnostics& diagnostics);

/// The e-invoice of the issued invoice or credit note numbered `number`,
/// whichever partner it bills; nullopt after reporting why there is none
/// (`invoice-unknown`, `einvoice-not-issued`, `einvoice-incomplete`).
std::optional<Document> einvoice_of_number(const Workspace& workspace, const std::string& number,
                                           Diagnostics& diagnostics);

}  // namespace partnerops::einvoice
