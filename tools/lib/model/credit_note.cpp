#include "model/credit_note.hpp"

namespace partnerops {

std::int64_t CreditNote::credited_minor() const {
  if (!credits() || !priced.total) return 0;
  return priced.total->value.minor;
}

CreditNote read_credit_note(Reader& reader) {
  const yaml::Node& root = reader.root();
  CreditNote note;
  note.file = reader.file();
  note.number = reader.text_field(root, "number");
  // As for invoices, the schema admits only "issued" and "void".
  const Field<std::string> status = reader.text_field(root, "status");
  note.status = {parse_credit_note_status(status.value).value_or(CreditNoteStatus::issued),
                 status.position};
  note.issue_date = reader.date(root, "issue_date");
  note.invoice = reader.text_field(root, "invoice");
  note.reason = reader.text(root, "reason");
  for (const yaml::Node* item : reader.list(root, "lines"))
    note.invoice_lines.push_back(reader.integer(*item, "invoice_line"));
  note.priced = read_priced(reader);
  note.notes = reader.text(root, "notes");
  return note;
}

}  // namespace partnerops
