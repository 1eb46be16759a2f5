// Checks of credit notes: exact totals, a credited invoice that exists, is
// issued and shares the note's currency, never more credited than the
// invoice's total, and numbers unique and gapless in their own sequence.

#include <algorithm>
#include <map>

#include "check/checks.hpp"
#include "check/number_sequence.hpp"
#include "model/account.hpp"
#include "model/numbering.hpp"

namespace partnerops {

void check_credit_notes(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    // The credit notes of each invoice, in number order, for the running sum.
    std::map<std::string, std::vector<const CreditNote*>> by_invoice;
    for (const CreditNote& note : folder.credit_notes) {
      check_priced(note.priced, note.file, out);
      const std::string expected_name =
          folder.path + "/credit-notes/" + note.number.value + ".yaml";
      if (note.file != expected_name) {
        out.error("credit-note-file-name", note.file, note.number.position,
                  "the credit note " + note.number.value + " is stored as " + note.file,
                  "name the file after its number: " + expected_name);
      }
      const Invoice* invoice = folder.invoice(note.invoice.value);
      const std::string invoice_path = folder.path + "/invoices/" + note.invoice.value + ".yaml";
      // An invoice file that failed to load is reported already.
      if (!invoice &&
          (context.workspace.file(invoice_path) || context.workspace.refused(invoice_path)))
        continue;
      if (!invoice) {
        out.error(
            "credit-note-invoice-unknown", note.file, note.invoice.position,
            "the credited invoice " + note.invoice.value + " is not an invoice of " + folder.slug,
            "name an invoice in " + folder.path +
                "/invoices/; a credit note corrects an "
                "invoice of its own partner");
        continue;
      }
      if (note.credits() && !is_receivable(*invoice)) {
        out.error("credit-note-invoice-status", note.file, note.invoice.position,
                  "the credited invoice " + invoice->number.value + " is " +
                      std::string(to_string(invoice->status.value)) +
                      "; only an issued or paid invoice is credited",
                  invoice->status.value == InvoiceStatus::draft
                      ? "edit the draft itself, or issue it before crediting it"
                      : "a void invoice asks for nothing; void this credit note too");
      }
      if (note.priced.currency != invoice->priced.currency) {
        out.error("credit-note-currency", note.file, note.invoice.position,
                  "the credit note is in " + note.priced.currency + " but invoice " +
                      invoice->number.value + " is in " + invoice->priced.currency,
                  "credit in the invoice's currency");
        continue;
      }
      if (note.credits()) by_invoice[invoice->number.value].push_back(&note);
    }
    for (auto& [number, notes] : by_invoice) {
      const Invoice* invoice = folder.invoice(number);
      const std::optional<Currency> currency = find_currency(invoice->priced.currency);
      if (!invoice->priced.total || !currency) continue;
      std::sort(notes.begin(), notes.end(), [](const CreditNote* a, const CreditNote* b) {
        return a->number.value < b->number.value;
      });
      const std::int64_t total = invoice->priced.total->value.minor;
      std::int64_t credited = 0;
      for (const CreditNote* note : notes) {
        const std::int64_t before = credited;
        credited += note->credited_minor();
        if (credited <= total || !note->priced.total) continue;
        out.error("credit-note-over-credit", note->file, note->priced.total->position,
                  "credit note " + note->number.value + " credits " +
                      format_plain(note->credited_minor(), *currency) + ", but invoice " + number +
                      " only had " +
                      format_plain(std::max<std::int64_t>(total - before, 0), *currency) +
                      " of its " + format_plain(total, *currency) + " left to credit",
                  "credit at most what earlier credit notes left; void this note if it "
                  "duplicates one");
        break;
      }
    }
  }
}

void check_credit_note_numbering(const CheckContext& context) {
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  std::optional<NumberingRule> rule;
  if (organisation) {
    const auto pattern = organisation->numbering.find("credit_note");
    if (pattern != organisation->numbering.end()) rule = NumberingRule::parse(pattern->second);
  }
  std::vector<NumberedDocument> documents;
  for (const PartnerFolder& folder : context.workspace.partners())
    for (const CreditNote& note : folder.credit_notes)
      // Credit notes are issued as written, so every date counts.
      documents.push_back(
          {note.number.value, note.file, note.number.position,
           note.issue_date ? std::optional(note.issue_date->value) : std::nullopt,
           note.issue_date ? std::optional(note.issue_date->position) : std::nullopt});
  check_number_sequence(
      context, rule, documents,
      {.duplicate_code = "credit-note-number-duplicate",
       .format_code = "credit-note-number-format",
       .gap_code = "credit-note-number-gap",
       .date_order_code = "credit-note-date-order",
       .noun = "credit note",
       .kind = FileKind::credit_note,
       .duplicate_hint = "every credit note needs its own number; take the next free one",
       .gap_hint = "credit note numbers are gapless; void (never delete) a wrong one",
       .date_order_hint = "numbers follow issue dates: a credit note is never dated before "
                          "one with an earlier number; void it and credit again"});
}

}  // namespace partnerops
