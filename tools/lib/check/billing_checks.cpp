// Checks of who is billed: the accounts-payable contact's address is an
// address, and a partner with an invoice has the details it prints.

#include "check/billing_details.hpp"
#include "check/checks.hpp"
#include "model/account.hpp"
#include "util/text.hpp"

namespace partnerops {

bool report_missing_billing(const PartnerFolder& folder, const Invoice& invoice, Severity severity,
                            Diagnostics& diagnostics) {
  if (!folder.partner) return true;
  const Billing& billing = folder.partner->billing;
  const std::vector<std::string> missing = billing.missing_for_invoice();
  if (missing.empty()) return true;
  diagnostics
      .error("billing-details-missing", folder.partner->file, billing.position,
             "partner.yaml has no " + util::join(missing, " and no ") + ", which invoice " +
                 invoice.number.value + " needs once issued",
             "add billing: with address: (lines, city, country) and accounts_payable: "
             "(name, email); see docs/data-model.md")
      .severity = severity;
  return false;
}

void check_billing(const CheckContext& context) {
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.partner) continue;
    const Billing& billing = folder.partner->billing;
    if (billing.accounts_payable) {
      const Field<std::string>& email = billing.accounts_payable->email;
      if (!is_well_formed_email(email.value))
        context.diagnostics.error(
            "email-invalid", folder.partner->file, email.position,
            "the accounts-payable email '" + email.value + "' is not an email address",
            "write it as name@example.org");
    }
    // One report per partner: the first issued invoice makes it an error;
    // a partner with drafts alone is warned before `invoice issue` refuses.
    const Invoice* issued = nullptr;
    const Invoice* draft = nullptr;
    for (const Invoice& invoice : folder.invoices) {
      if (!issued && is_receivable(invoice)) issued = &invoice;
      if (!draft && invoice.status.value == InvoiceStatus::draft) draft = &invoice;
    }
    if (issued)
      report_missing_billing(folder, *issued, Severity::error, context.diagnostics);
    else if (draft)
      report_missing_billing(folder, *draft, Severity::warning, context.diagnostics);
  }
}

}  // namespace partnerops
