// Checks of invoices and quotes: exact totals, dates in order, payments
// that do not exceed the total, and numbers that are unique across the
// repository and gapless in each sequence.

#include <optional>
#include <string>
#include <vector>

#include "check/checks.hpp"
#include "check/number_sequence.hpp"
#include "model/account.hpp"
#include "model/numbering.hpp"

namespace partnerops {

void check_invoices(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Invoice& invoice : folder.invoices) {
      check_priced(invoice.priced, invoice.file, out);

      if (invoice.issue_date && invoice.due_date &&
          invoice.due_date->value < invoice.issue_date->value) {
        out.error("invoice-due-before-issue", invoice.file, invoice.due_date->position,
                  "the due date " + invoice.due_date->value.iso() + " is before the issue date " +
                      invoice.issue_date->value.iso(),
                  "the due date is the issue date plus the agreement's payment terms");
      }

      const std::string expected_name = folder.path + "/invoices/" + invoice.number.value + ".yaml";
      if (invoice.file != expected_name) {
        out.error("invoice-file-name", invoice.file, invoice.number.position,
                  "the invoice " + invoice.number.value + " is stored as " + invoice.file,
                  "name the file after its number: " + expected_name);
      }

      const std::optional<Currency> currency = find_currency(invoice.priced.currency);
      if (!currency || !invoice.priced.total) continue;
      const InvoiceBalance balance = balance_of(folder, invoice);
      const std::int64_t total = balance.total;
      const std::int64_t paid = balance.paid;
      // A payment whose amount could not be read (already reported) leaves
      // the sum unknown; comparing it with the total would only repeat that.
      const bool paid_known =
          std::all_of(invoice.payments.begin(), invoice.payments.end(),
                      [](const Payment& payment) { return payment.amount.has_value(); });
      for (const Payment& payment : invoice.payments) {
        if (payment.date && invoice.issue_date && payment.date->value < invoice.issue_date->value) {
          out.error("payment-before-issue", invoice.file, payment.date->position,
                    "a payment is dated " + payment.date->value.iso() +
                        ", before the invoice was issued on " + invoice.issue_date->value.iso(),
                    "use the date the money arrived, from the bank statement; an advance "
                    "payment belongs on its own invoice");
        }
      }
      if (!paid_known) continue;
      if (paid > total) {
        out.error("invoice-overpaid", invoice.file, invoice.priced.total->position,
                  "payments of " + format_plain(paid, *currency) + " exceed the total of " +
                      format_plain(total, *currency),
                  "record the excess as a separate credit, not as a payment on this invoice");
      }
      // Credit notes settle their part of the total as payments do, so an
      // invoice paid in part and credited for the rest is paid.
      const std::int64_t credited = balance.credited;
      if (invoice.status.value == InvoiceStatus::paid && balance.balance > 0) {
        out.error("invoice-paid-mismatch", invoice.file, invoice.status.position,
                  "the invoice is marked paid but payments add up to " +
                      format_plain(paid, *currency) +
                      (credited ? " and credit notes to " + format_plain(credited, *currency)
                                : std::string()) +
                      " of " + format_plain(total, *currency),
                  "record the missing payment, or keep the status issued");
      }
      if (invoice.status.value == InvoiceStatus::draft && !invoice.payments.empty()) {
        out.error("invoice-draft-paid", invoice.file, invoice.status.position,
                  "a draft invoice has payments", "issue the invoice before recording payments");
      }
    }
  }
}

void check_invoice_numbering(const CheckContext& context) {
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  std::optional<NumberingRule> rule;
  if (organisation) {
    const auto pattern = organisation->numbering.find("invoice");
    // A rule that does not parse is reported by check_organisation.
    if (pattern != organisation->numbering.end()) rule = NumberingRule::parse(pattern->second);
  }

  std::vector<NumberedDocument> documents;
  for (const PartnerFolder& folder : context.workspace.partners())
    for (const Invoice& invoice : folder.invoices)
      documents.push_back(
          {invoice.number.value, invoice.file, invoice.number.position,
           invoice.issue_date ? std::optional(invoice.issue_date->value) : std::nullopt,
           // A draft's date is provisional until `invoice issue` sets it.
           invoice.issue_date && invoice.status.value != InvoiceStatus::draft
               ? std::optional(invoice.issue_date->position)
               : std::nullopt});
  check_number_sequence(
      context, rule, documents,
      {.duplicate_code = "invoice-number-duplicate",
       .format_code = "invoice-number-format",
       .gap_code = "invoice-number-gap",
       .date_order_code = "invoice-date-order",
       .noun = "invoice",
       .kind = FileKind::invoice,
       .duplicate_hint =
           "every invoice needs its own number; take the next free one in the sequence",
       .gap_hint =
           "invoice numbers are gapless; renumber drafts, and void (never delete) issued ones",
       .date_order_hint = "numbers follow issue dates: issue drafts in number order; an issued "
                          "invoice with a wrong date is voided and billed again"});
}

void check_quotes(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Quote& quote : folder.quotes) {
      check_priced(quote.priced, quote.file, out);
      if (quote.date && quote.valid_until && quote.valid_until->value < quote.date->value) {
        out.error("quote-validity", quote.file, quote.valid_until->position,
                  "the quote is valid until " + quote.valid_until->value.iso() +
                      ", before its date " + quote.date->value.iso(),
                  "valid_until is the last day the partner may accept the quote");
      }
    }
  }
}

}  // namespace partnerops
