#include "model/statement.hpp"

#include <algorithm>
#include <map>
#include <sstream>

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
    case AgeingBucket::current: return "current";
    case AgeingBucket::days_0_30: return "0-30";
    case AgeingBucket::days_31_60: return "31-60";
    case AgeingBucket::days_61_90: return "61-90";
    case AgeingBucket::days_over_90: return "90+";
  }
  return "current";
}

std::string_view bucket_label(AgeingBucket bucket) {
  switch (bucket) {
    case AgeingBucket::current: return "Current (not yet due)";
    case AgeingBucket::days_0_30: return "0–30 days past due";
    case AgeingBucket::days_31_60: return "31–60 days past due";
    case AgeingBucket::days_61_90: return "61–90 days past due";
    case AgeingBucket::days_over_90: return "Over 90 days past due";
  }
  return "";
}

std::string_view bucket_short_label(AgeingBucket bucket) {
  switch (bucket) {
    case AgeingBucket::current: return "Current";
    case AgeingBucket::days_0_30: return "0–30 days";
    case AgeingBucket::days_31_60: return "31–60 days";
    case AgeingBucket::days_61_90: return "61–90 days";
    case AgeingBucket::days_over_90: return "Over 90 days";
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
    for (const Payment& payment : invoice.payments) statement.payments.push_back({&invoice, &payment});
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

namespace {

std::string plain(std::int64_t minor, const std::string& code) {
  const std::optional<Currency> currency = find_currency(code);
  return currency ? format_plain(minor, *currency) : std::to_string(minor);
}

std::string iso(const std::optional<Field<Date>>& date) { return date ? date->value.iso() : ""; }

}  // namespace

nlohmann::ordered_json statement_json(const Statement& statement) {
  using json = nlohmann::ordered_json;
  json open = json::array();
  for (const OpenInvoice& line : statement.open_invoices) {
    const std::string& code = line.invoice->priced.currency;
    open.push_back(json{{"number", line.invoice->number.value},
                        {"sponsor_number", line.invoice->sponsor_number},
                        {"issue_date", iso(line.invoice->issue_date)},
                        {"due_date", iso(line.invoice->due_date)},
                        {"currency", code},
                        {"total", plain(line.total, code)},
                        {"paid", plain(line.paid, code)},
                        {"credited", plain(line.credited, code)},
                        {"open", plain(line.open, code)},
                        {"credit_balance", plain(line.credit, code)},
                        {"days_past_due", line.days_past_due},
                        {"ageing", line.bucket ? json(bucket_key(*line.bucket)) : json(nullptr)}});
  }
  json payments = json::array();
  for (const StatementPayment& entry : statement.payments) {
    const std::string& code = entry.invoice->priced.currency;
    payments.push_back(json{
        {"date", iso(entry.payment->date)},
        {"invoice", entry.invoice->number.value},
        {"sponsor_number", entry.invoice->sponsor_number},
        {"currency", code},
        {"amount", plain(entry.payment->amount ? entry.payment->amount->value.minor : 0, code)},
        {"reference", entry.payment->reference}});
  }
  json credits = json::array();
  for (const StatementCredit& credit : statement.credits)
    credits.push_back(json{{"number", credit.number},
                           {"date", credit.date ? credit.date->iso() : ""},
                           {"invoice", credit.invoice},
                           {"currency", credit.currency},
                           {"amount", plain(credit.amount, credit.currency)}});
  json balances = json::array();
  for (const CurrencyBalance& balance : statement.currencies) {
    json ageing = json::object();
    for (const AgeingBucket bucket : k_ageing_buckets)
      ageing[std::string(bucket_key(bucket))] =
          plain(balance.ageing[static_cast<std::size_t>(bucket)], balance.currency);
    balances.push_back(json{{"currency", balance.currency},
                            {"invoiced", plain(balance.invoiced, balance.currency)},
                            {"paid", plain(balance.paid, balance.currency)},
                            {"credited", plain(balance.credited, balance.currency)},
                            {"balance", plain(balance.balance, balance.currency)},
                            {"owed", plain(balance.owed, balance.currency)},
                            {"credit_balance", plain(balance.credit, balance.currency)},
                            {"ageing", ageing}});
  }
  return json{{"partner", statement.folder ? statement.folder->slug : ""},
              {"name", statement.name},
              {"today", statement.today.iso()},
              {"balances", balances},
              {"open_invoices", open},
              {"payments", payments},
              {"credits", credits}};
}

std::string statement_text(const Statement& statement) {
  std::ostringstream out;
  out << "Statement of account: " << statement.name << " ("
      << (statement.folder ? statement.folder->slug : "") << "), as of " << statement.today.iso()
      << "\n";
  out << "\nOpen invoices\n";
  if (statement.open_invoices.empty()) out << "  none\n";
  for (const OpenInvoice& line : statement.open_invoices) {
    const std::string& code = line.invoice->priced.currency;
    out << "  " << line.invoice->number.value << "  due " << iso(line.invoice->due_date) << "  ";
    if (line.credit > 0)
      out << "credit balance " << plain(line.credit, code) << " " << code << " of "
          << plain(line.total, code) << "  owed back to the partner\n";
    else
      out << plain(line.open, code) << " " << code << " open of " << plain(line.total, code)
          << "  "
          << (line.days_past_due < 0 ? std::string("not yet due")
                                     : std::to_string(line.days_past_due) + " days past due")
          << "\n";
  }
  out << "\nPayments\n";
  if (statement.payments.empty()) out << "  none\n";
  for (const StatementPayment& entry : statement.payments) {
    const std::string& code = entry.invoice->priced.currency;
    out << "  " << iso(entry.payment->date) << "  " << entry.invoice->number.value << "  "
        << plain(entry.payment->amount ? entry.payment->amount->value.minor : 0, code) << " "
        << code << (entry.payment->reference.empty() ? "" : "  " + entry.payment->reference)
        << "\n";
  }
  out << "\nCredits\n";
  if (statement.credits.empty()) out << "  none\n";
  for (const StatementCredit& credit : statement.credits)
    out << "  " << (credit.date ? credit.date->iso() : "") << "  " << credit.number << "  on "
        << credit.invoice << "  " << plain(credit.amount, credit.currency) << " "
        << credit.currency << "\n";
  out << "\nBalance\n";
  for (const CurrencyBalance& balance : statement.currencies) {
    out << "  " << balance.currency << " "
        << (balance.balance < 0 ? "credit balance " + plain(-balance.balance, balance.currency)
                                : plain(balance.balance, balance.currency))
        << "  (";
    bool first = true;
    for (const AgeingBucket bucket : k_ageing_buckets) {
      out << (first ? "" : ", ") << bucket_key(bucket) << ": "
          << plain(balance.ageing[static_cast<std::size_t>(bucket)], balance.currency);
      first = false;
    }
    if (balance.credit > 0)
      out << "; less credit balances " << plain(balance.credit, balance.currency);
    out << ")\n";
  }
  return out.str();
}

}  // namespace partnerops
