// What the e-invoices of e-invoiced partners need and the files lack:
// reported before anything is exported or built, each once, where it is to
// be written.

#include <set>
#include <tuple>

#include "check/checks.hpp"
#include "einvoice/from_model.hpp"

namespace partnerops {

void check_einvoices(const CheckContext& context) {
  const Workspace& workspace = context.workspace;
  for (const PartnerFolder& folder : workspace.partners()) {
    if (!einvoice::is_einvoiced(workspace, folder)) continue;
    Diagnostics lacks;
    for (const Invoice& invoice : folder.invoices)
      if (invoice.status.value != InvoiceStatus::voided)
        einvoice::einvoice_of(workspace, folder, invoice, Severity::warning, lacks);
    for (const CreditNote& note : folder.credit_notes)
      if (note.credits()) einvoice::einvoice_of(workspace, folder, note, Severity::warning, lacks);
    // A lack in partner.yaml or partnerops.yaml holds for every document:
    // said once.
    std::set<std::tuple<std::string, int, int, std::string>> said;
    for (const Diagnostic& lack : lacks)
      if (said.emplace(lack.file, lack.position.line, lack.position.column, lack.message).second)
        context.diagnostics.add(lack.severity, lack.code, lack.file, lack.position, lack.message,
                                lack.hint);
  }
}

}  // namespace partnerops
