// Checks of credit notes: exact totals, a credited invoice that exists, is
// issued and shares the note's currency, never more credited than the
// invoice's total, and numbers unique and gapless in their own sequence.

#include <algorithm>
#include <map>

#include "check/checks.hpp"
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
      if (!invoice && (context.workspace.file(invoice_path) ||
                       context.workspace.refused(invoice_path)))
        continue;
      if (!invoice) {
        out.error("credit-note-invoice-unknown", note.file, note.invoice.position,
                  "the credited invoice " + note.invoice.value + " is not an invoice of " +
                      folder.slug,
                  "name an invoice in " + folder.path + "/invoices/; a credit note corrects an "
                                                        "invoice of its own partner");
        continue;
      }
      if (note.credits() && invoice->status.value != "issued" && invoice->status.value != "paid") {
        out.error("credit-note-invoice-status", note.file, note.invoice.position,
                  "the credited invoice " + invoice->number.value + " is " +
                      invoice->status.value + "; only an issued or paid invoice is credited",
                  invoice->status.value == "draft"
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
                      " only had " + format_plain(std::max<std::int64_t>(total - before, 0), *currency) +
                      " of its " + format_plain(total, *currency) + " left to credit",
                  "credit at most what earlier credit notes left; void this note if it "
                  "duplicates one");
        break;
      }
    }
  }
}

void check_credit_note_numbering(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  std::optional<NumberingRule> rule;
  if (organisation) {
    const auto pattern = organisation->numbering.find("credit_note");
    if (pattern != organisation->numbering.end()) rule = NumberingRule::parse(pattern->second);
  }
  struct Seen {
    const CreditNote* note;
    long long seq;
  };
  std::map<std::string, const CreditNote*> by_number;
  std::map<std::string, std::vector<Seen>> sequences;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const CreditNote& note : folder.credit_notes) {
      const auto [existing, inserted] = by_number.emplace(note.number.value, &note);
      if (!inserted) {
        out.error("credit-note-number-duplicate", note.file, note.number.position,
                  "the credit note number " + note.number.value + " is also used by " +
                      existing->second->file,
                  "every credit note needs its own number; take the next free one");
        continue;
      }
      if (!rule) continue;
      const std::optional<NumberingRule::Match> match = rule->match(note.number.value);
      if (!match) {
        const int year = note.issue_date ? note.issue_date->value.year() : context.today.year();
        out.error("credit-note-number-format", note.file, note.number.position,
                  "the credit note number " + note.number.value + " does not follow the rule " +
                      rule->pattern(),
                  "numbers look like " + rule->format(year, 1) + "; rename the file to match");
        continue;
      }
      sequences[match->sequence].push_back({&note, match->seq});
    }
  }
  // Notes whose files did not load still hold their numbers (see the
  // invoice numbering check).
  if (rule) {
    for (const auto& file : context.workspace.files()) {
      if (file->kind != FileKind::credit_note || file->valid) continue;
      std::string number;
      const yaml::Node* node = file->document && file->document->root().is_mapping()
                                   ? file->document->root().find("number")
                                   : nullptr;
      if (node && node->is_string()) {
        number = node->text();
      } else {
        number = file->path.substr(file->path.rfind('/') + 1);
        number = number.substr(0, number.rfind('.'));
      }
      if (const std::optional<NumberingRule::Match> match = rule->match(number))
        sequences[match->sequence].push_back({nullptr, match->seq});
    }
  }
  for (auto& [sequence, seen] : sequences) {
    std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.seq < b.seq; });
    long long expected = 1;
    for (const Seen& entry : seen) {
      if (entry.seq < expected) continue;
      if (entry.seq != expected && entry.note) {
        const std::string missing =
            entry.seq == expected + 1
                ? "number " + std::to_string(expected) + " is missing"
                : "numbers " + std::to_string(expected) + " to " + std::to_string(entry.seq - 1) +
                      " are missing";
        out.error("credit-note-number-gap", entry.note->file, entry.note->number.position,
                  "the credit note sequence has a gap before " + entry.note->number.value +
                      ": " + missing,
                  "credit note numbers are gapless; void (never delete) a wrong one");
      }
      expected = entry.seq + 1;
    }
  }
}

}  // namespace partnerops
