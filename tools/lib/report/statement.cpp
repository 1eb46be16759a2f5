#include "report/statement.hpp"

#include <sstream>

#include "model/account.hpp"
#include "model/money.hpp"
#include "report/plain_values.hpp"

namespace partnerops {

nlohmann::ordered_json statement_json(const Statement& statement) {
  using json = nlohmann::ordered_json;
  json open = json::array();
  for (const OpenInvoice& line : statement.open_invoices) {
    const std::string& code = line.invoice->priced.currency;
    open.push_back(json{{"number", line.invoice->number.value},
                        {"sponsor_number", line.invoice->sponsor_number},
                        {"issue_date", plain_date(line.invoice->issue_date)},
                        {"due_date", plain_date(line.invoice->due_date)},
                        {"currency", code},
                        {"total", plain_amount(line.total, code)},
                        {"paid", plain_amount(line.paid, code)},
                        {"credited", plain_amount(line.credited, code)},
                        {"open", plain_amount(line.open, code)},
                        {"credit_balance", plain_amount(line.credit, code)},
                        {"days_past_due", line.days_past_due},
                        {"ageing", line.bucket ? json(bucket_key(*line.bucket)) : json(nullptr)}});
  }
  json payments = json::array();
  for (const StatementPayment& entry : statement.payments) {
    const std::string& code = entry.invoice->priced.currency;
    payments.push_back(
        json{{"date", plain_date(entry.payment->date)},
             {"invoice", entry.invoice->number.value},
             {"sponsor_number", entry.invoice->sponsor_number},
             {"currency", code},
             {"amount",
              plain_amount(entry.payment->amount ? entry.payment->amount->value.minor : 0, code)},
             {"reference", entry.payment->reference}});
  }
  json credits = json::array();
  for (const StatementCredit& credit : statement.credits)
    credits.push_back(json{{"number", credit.number},
                           {"date", credit.date ? credit.date->iso() : ""},
                           {"invoice", credit.invoice},
                           {"currency", credit.currency},
                           {"amount", plain_amount(credit.amount, credit.currency)}});
  json balances = json::array();
  for (const CurrencyBalance& balance : statement.currencies) {
    json ageing = json::object();
    for (const AgeingBucket bucket : k_ageing_buckets)
      ageing[std::string(bucket_key(bucket))] =
          plain_amount(balance.ageing[static_cast<std::size_t>(bucket)], balance.currency);
    balances.push_back(json{{"currency", balance.currency},
                            {"invoiced", plain_amount(balance.invoiced, balance.currency)},
                            {"paid", plain_amount(balance.paid, balance.currency)},
                            {"credited", plain_amount(balance.credited, balance.currency)},
                            {"balance", plain_amount(balance.balance, balance.currency)},
                            {"owed", plain_amount(balance.owed, balance.currency)},
                            {"credit_balance", plain_amount(balance.credit, balance.currency)},
                            {"ageing", ageing}});
  }
  json bill_to = json::object();
  if (statement.folder) {
    const BillTo to = bill_to_of(*statement.folder);
    bill_to = json{{"name", to.name},
                   {"address", to.address},
                   {"attention", to.attention},
                   {"email", to.email},
                   {"tax_id", to.tax_id}};
  }
  return json{{"partner", statement.folder ? statement.folder->slug : ""},
              {"name", statement.name},
              {"bill_to", bill_to},
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
  if (statement.folder) {
    const BillTo to = bill_to_of(*statement.folder);
    out << "\nBill to\n  " << to.name << "\n";
    for (const std::string& line : to.address) out << "  " << line << "\n";
    if (!to.attention.empty() || !to.email.empty())
      out << "  Attention: " << to.attention << (to.attention.empty() ? "<" : " <") << to.email
          << ">\n";
    if (!to.tax_id.empty()) out << "  Tax ID: " << to.tax_id << "\n";
  }
  out << "\nOpen invoices\n";
  if (statement.open_invoices.empty()) out << "  none\n";
  for (const OpenInvoice& line : statement.open_invoices) {
    const std::string& code = line.invoice->priced.currency;
    out << "  " << line.invoice->number.value << "  due " << plain_date(line.invoice->due_date)
        << "  ";
    if (line.credit > 0)
      out << "credit balance " << plain_amount(line.credit, code) << " " << code << " of "
          << plain_amount(line.total, code) << "  owed back to the partner\n";
    else
      out << plain_amount(line.open, code) << " " << code << " open of "
          << plain_amount(line.total, code) << "  "
          << (line.days_past_due < 0 ? std::string("not yet due")
                                     : std::to_string(line.days_past_due) + " days past due")
          << "\n";
  }
  out << "\nPayments\n";
  if (statement.payments.empty()) out << "  none\n";
  for (const StatementPayment& entry : statement.payments) {
    const std::string& code = entry.invoice->priced.currency;
    out << "  " << plain_date(entry.payment->date) << "  " << entry.invoice->number.value << "  "
        << plain_amount(entry.payment->amount ? entry.payment->amount->value.minor : 0, code) << " "
        << code << (entry.payment->reference.empty() ? "" : "  " + entry.payment->reference)
        << "\n";
  }
  out << "\nCredits\n";
  if (statement.credits.empty()) out << "  none\n";
  for (const StatementCredit& credit : statement.credits)
    out << "  " << (credit.date ? credit.date->iso() : "") << "  " << credit.number << "  on "
        << credit.invoice << "  " << plain_amount(credit.amount, credit.currency) << " "
        << credit.currency << "\n";
  out << "\nBalance\n";
  for (const CurrencyBalance& balance : statement.currencies) {
    out << "  " << balance.currency << " "
        << (balance.balance < 0
                ? "credit balance " + plain_amount(-balance.balance, balance.currency)
                : plain_amount(balance.balance, balance.currency))
        << "  (";
    bool first = true;
    for (const AgeingBucket bucket : k_ageing_buckets) {
      out << (first ? "" : ", ") << bucket_key(bucket) << ": "
          << plain_amount(balance.ageing[static_cast<std::size_t>(bucket)], balance.currency);
      first = false;
    }
    if (balance.credit > 0)
      out << "; less credit balances " << plain_amount(balance.credit, balance.currency);
    out << ")\n";
  }
  return out.str();
}

}  // namespace partnerops
