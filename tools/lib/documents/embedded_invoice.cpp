#include "documents/embedded_invoice.hpp"

#include "einvoice/cii.hpp"
#include "einvoice/from_model.hpp"
#include "model/account.hpp"

namespace partnerops {

std::optional<std::string> embedded_invoice_xml(const Workspace& workspace, const DocumentJob& job,
                                                Diagnostics& diagnostics) {
  if (job.kind != DocumentKind::invoice && job.kind != DocumentKind::credit_note)
    return std::nullopt;
  const PartnerFolder* folder = workspace.partner(job.slug);
  if (!folder || !einvoice::is_einvoiced(workspace, *folder)) return std::nullopt;
  std::optional<einvoice::Document> document;
  if (job.kind == DocumentKind::invoice) {
    for (const Invoice& invoice : folder->invoices) {
      if (invoice.number.value != job.id || !is_receivable(invoice)) continue;
      document = einvoice::einvoice_of(workspace, *folder, invoice, Severity::warning, diagnostics);
    }
  } else {
    for (const CreditNote& note : folder->credit_notes) {
      if (note.number.value != job.id || !note.credits()) continue;
      document = einvoice::einvoice_of(workspace, *folder, note, Severity::warning, diagnostics);
    }
  }
  if (!document) return std::nullopt;
  return einvoice::write_cii(*document);
}

}  // namespace partnerops
