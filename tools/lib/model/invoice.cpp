#include "model/invoice.hpp"

namespace partnerops {

std::int64_t Invoice::paid_minor() const {
  std::int64_t sum = 0;
  for (const Payment& payment : payments)
    if (payment.amount) sum += payment.amount->value.minor;
  return sum;
}

Invoice read_invoice(Reader& reader) {
  const yaml::Node& root = reader.root();
  Invoice invoice;
  invoice.file = reader.file();
  invoice.number = reader.text_field(root, "number");
  // The schema admits only the four words, and only a file that passes it
  // is read, so the fallback is never taken.
  const Field<std::string> status = reader.text_field(root, "status");
  invoice.status = {parse_invoice_status(status.value).value_or(InvoiceStatus::draft),
                    status.position};
  invoice.issue_date = reader.date(root, "issue_date");
  invoice.due_date = reader.date(root, "due_date");
  invoice.period = reader.text(root, "period");
  invoice.reference = reader.text(root, "reference");
  invoice.purchase_order = reader.text(root, "purchase_order");
  invoice.priced = read_priced(reader);
  for (const yaml::Node* item : reader.list(root, "payments")) {
    invoice.payments.push_back(Payment{reader.date(*item, "date"),
                                       reader.money(*item, "amount", invoice.priced.currency),
                                       reader.text(*item, "reference")});
  }
  invoice.sponsor_number = reader.text(root, "sponsor_number");
  return invoice;
}

Quote read_quote(Reader& reader) {
  const yaml::Node& root = reader.root();
  Quote quote;
  quote.file = reader.file();
  quote.number = reader.text_field(root, "number");
  quote.status = reader.text(root, "status");
  quote.date = reader.date(root, "date");
  quote.valid_until = reader.date(root, "valid_until");
  quote.priced = read_priced(reader);
  quote.notes = reader.text(root, "notes");
  return quote;
}

}  // namespace partnerops
