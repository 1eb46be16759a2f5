#include "model/statement.hpp"

#include <algorithm>
#include <map>

#include "model/account.hpp"

namespace partnerops {

AgeingBucket ageing_bucket(int days_past_due) {
  if (days_past_due < 0) return AgeingBucket::current;
  if (days_past_due <= 30) return AgeingBucket::days_0_30;
  if (days_past_due <= 60) return AgeingBucket::days_31_60;
  if (days_past_due <= 90) return AgeingBucket::days_61_90;
  return AgeingBucket::days_over_90;
}

std::string_view bucket_key(AgeingBucket bucket) {
  switch (bucket) {
    case AgeingBucket::current:
      return "current";
    case AgeingBucket::days_0_30:
      return "0-30";
    case AgeingBucket::days_31_60:
      return "31-60";
    case AgeingBucket::days_61_90:
      return "61-90";
    case AgeingBucket::days_over_90:
      return "90+";
  }
  return "current";
}

std::string_view bucket_label(AgeingBucket bucket) {
  switch (bucket) {
    case AgeingBucket::current:
      return "Current (not yet due)";
    case AgeingBucket::days_0_30:
      return "0–30 days past due";
    case AgeingBucket::days_31_60:
      return "31–60 days past due";
    case AgeingBucket::days_61_90:
      return "61–90 days past due";
    case AgeingBucket::days_over_90:
      return "Over 90 days past due";
  }
  return "";
}

std::string_view bucket_short_label(AgeingBucket bucket) {
  switch (bucket) {
    case AgeingBucket::current:
      return "Current";
    case AgeingBucket::days_0_30:
      return "0–30 days";
    case AgeingBucket::days_31_60:
      return "31–60 days";
    case AgeingBucket::days_61_90:
      return "61–90 days";
    case AgeingBucket::days_over_90:
      return "Over 90 days";
  }
  return "";
}

bool statement_input(std::string_view path, EntryType type) {
  if (type == EntryType::directory) return true;
  if (path == "partnerops.yaml" || path.starts_with("schemas/")) return true;
  if (!path.starts_with("partners/")) return false;
  const std::size_t slash = path.find('/', 9);
  if (slash == std::string_view::npos) return false;
  const std::string_view rest = path.substr(slash + 1);
  return rest == "partner.yaml" || rest.starts_with("invoices/") ||
         rest.starts_with("credit-notes/");
}

bool has_statement(const PartnerFolder& folder) {
  return std::any_of(folder.invoices.begin(), folder.invoices.end(), is_receivable);
}

Statement build_statement(const PartnerFolder& folder, Date today) {
  Statement statement;
  statement.folder = &folder;
  statement.name = billing_name(folder);
  statement.today = today;
  std::map<std::string, CurrencyBalance> by_currency;
  for (const Invoice& invoice : folder.invoices) {
    if (!is_receivable(invoice) || !invoice.priced.total) continue;
    CurrencyBalance& balance = by_currency[invoice.priced.currency];
    const InvoiceBalance figures = balance_of(folder, invoice);
    OpenInvoice line;
    line.invoice = &invoice;
    line.total = figures.total;
    line.paid = figures.paid;
    line.credited = figures.credited;
    line.open = figures.owed();
    line.credit = figures.credit();
    balance.invoiced += line.total;
    balance.paid += line.paid;
    balance.credited += line.credited;
    for (const Payment& payment : invoice.payments)
      statement.payments.push_back({&invoice, &payment});
    if (figures.balance == 0) continue;
    line.days_past_due = invoice.due_date ? today.days_since(invoice.due_date->value) : -1;
    if (figures.is_credit()) {
      // Owed back to the partner: not overdue, and in no ageing bucket.
      balance.credit += line.credit;
    } else {
      line.bucket = ageing_bucket(line.days_past_due);
      balance.ageing[static_cast<std::size_t>(*line.bucket)] += line.open;
      balance.owed += line.open;
    }
    statement.open_invoices.push_back(line);
  }
  for (const CreditNote& note : folder.credit_notes) {
    if (!note.credits()) continue;
    const Invoice* invoice = folder.invoice(note.invoice.value);
    if (!invoice || !is_receivable(*invoice)) continue;
    statement.credits.push_back(StatementCredit{
        note.number.value, note.invoice.value, note.priced.currency,
        note.issue_date ? std::optional<Date>(note.issue_date->value) : std::nullopt,
        note.credited_minor()});
  }
  std::sort(statement.credits.begin(), statement.credits.end(),
            [](const StatementCredit& a, const StatementCredit& b) {
              if (a.date != b.date) return a.date < b.date;
              return a.number < b.number;
            });
  for (auto& [code, balance] : by_currency) {
    balance.currency = code;
    balance.balance = balance.invoiced - balance.paid - balance.credited;
    statement.currencies.push_back(balance);
  }
  const auto due = [](const OpenInvoice& line) {
    return line.invoice->due_date ? line.invoice->due_date->value : Date();
  };
  std::sort(statement.open_invoices.begin(), statement.open_invoices.end(),
            [&due](const OpenInvoice& a, const OpenInvoice& b) {
              if (due(a) != due(b)) return due(a) < due(b);
              return a.invoice->number.value < b.invoice->number.value;
            });
  const auto paid_on = [](const StatementPayment& p) {
    return p.payment->date ? p.payment->date->value : Date();
  };
  std::stable_sort(statement.payments.begin(), statement.payments.end(),
                   [&paid_on](const StatementPayment& a, const StatementPayment& b) {
                     if (paid_on(a) != paid_on(b)) return paid_on(a) < paid_on(b);
                     return a.invoice->number.value < b.invoice->number.value;
                   });
  return statement;
}

}  // namespace partnerops
