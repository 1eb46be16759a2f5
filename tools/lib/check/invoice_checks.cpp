// Checks of invoices and quotes: exact totals, dates in order, payments
// that do not exceed the total, and numbers that are unique across the
// repository and gapless in each sequence.

#include <algorithm>
#include <map>

#include "check/checks.hpp"
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
      const std::int64_t total = invoice.priced.total->value.minor;
      const std::int64_t paid = invoice.paid_minor();
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
      const std::int64_t credited = folder.credited_minor(invoice.number.value);
      if (invoice.status.value == "paid" && paid + credited < total) {
        out.error("invoice-paid-mismatch", invoice.file, invoice.status.position,
                  "the invoice is marked paid but payments add up to " +
                      format_plain(paid, *currency) +
                      (credited ? " and credit notes to " + format_plain(credited, *currency)
                                : std::string()) +
                      " of " + format_plain(total, *currency),
                  "record the missing payment, or keep the status issued");
      }
      if (invoice.status.value == "draft" && !invoice.payments.empty()) {
        out.error("invoice-draft-paid", invoice.file, invoice.status.position,
                  "a draft invoice has payments", "issue the invoice before recording payments");
      }
    }
  }
}

namespace {

int issue_year(const Invoice& invoice, const Date& today) {
  return (invoice.issue_date ? invoice.issue_date->value : today).year();
}

}  // namespace

void check_invoice_numbering(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  std::optional<NumberingRule> rule;
  if (organisation) {
    const auto pattern = organisation->numbering.find("invoice");
    if (pattern != organisation->numbering.end()) {
      rule = NumberingRule::parse(pattern->second);
      if (!rule) {
        const auto position = organisation->numbering_positions.find("invoice");
        out.error("numbering-rule-invalid", organisation->file,
                  position == organisation->numbering_positions.end() ? Position{}
                                                                      : position->second,
                  "the invoice numbering rule '" + pattern->second + "' is not understood",
                  "use literal text with {year} and {seq:N}, e.g. INV-{year}-{seq:4}");
      }
    }
  }

  struct Seen {
    const Invoice* invoice;
    long long seq;
  };
  std::map<std::string, const Invoice*> by_number;
  std::map<std::string, std::vector<Seen>> sequences;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Invoice& invoice : folder.invoices) {
      const auto [existing, inserted] = by_number.emplace(invoice.number.value, &invoice);
      if (!inserted) {
        out.error("invoice-number-duplicate", invoice.file, invoice.number.position,
                  "the invoice number " + invoice.number.value + " is also used by " +
                      existing->second->file,
                  "every invoice needs its own number; take the next free one in the sequence");
        continue;
      }
      if (!rule) continue;
      const std::optional<NumberingRule::Match> match = rule->match(invoice.number.value);
      if (!match) {
        out.error("invoice-number-format", invoice.file, invoice.number.position,
                  "the invoice number " + invoice.number.value + " does not follow the rule " +
                      rule->pattern(),
                  "numbers look like " + rule->format(issue_year(invoice, context.today), 1) +
                      "; rename the file to match");
        continue;
      }
      sequences[match->sequence].push_back({&invoice, match->seq});
    }
  }

  // Invoices whose files failed to load (already reported) still hold their
  // numbers: without them, one broken file would also show up as a gap.
  // Their number is the file's `number` when readable, else the file name.
  if (rule) {
    for (const auto& file : context.workspace.files()) {
      if (file->kind != FileKind::invoice || file->valid) continue;
      std::string number;
      const yaml::Node* node = file->document ? file->document->root().find("number") : nullptr;
      if (node && node->is_string()) {
        number = node->text();
      } else {
        const std::size_t slash = file->path.rfind('/');
        number = file->path.substr(slash + 1);
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
      // A number seen again comes from a file that failed to load; its
      // duplicate is not a gap.
      if (entry.seq < expected) continue;
      if (entry.seq != expected && entry.invoice) {
        const std::string missing =
            entry.seq == expected + 1
                ? "number " + std::to_string(expected) + " is missing"
                : "numbers " + std::to_string(expected) + " to " + std::to_string(entry.seq - 1) +
                      " are missing";
        out.error("invoice-number-gap", entry.invoice->file, entry.invoice->number.position,
                  "the invoice sequence has a gap before " + entry.invoice->number.value + ": " +
                      missing,
                  "invoice numbers are gapless; renumber drafts, and void (never delete) issued ones");
      }
      expected = entry.seq + 1;
    }
  }
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
