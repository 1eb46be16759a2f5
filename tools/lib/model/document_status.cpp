#include "model/document_status.hpp"

namespace partnerops {

std::string_view to_string(InvoiceStatus status) {
  switch (status) {
    case InvoiceStatus::draft:
      return "draft";
    case InvoiceStatus::issued:
      return "issued";
    case InvoiceStatus::paid:
      return "paid";
    case InvoiceStatus::voided:
      break;
  }
  return "void";
}

std::string_view to_string(CreditNoteStatus status) {
  return status == CreditNoteStatus::issued ? "issued" : "void";
}

std::optional<InvoiceStatus> parse_invoice_status(std::string_view text) {
  for (const InvoiceStatus status :
       {InvoiceStatus::draft, InvoiceStatus::issued, InvoiceStatus::paid, InvoiceStatus::voided})
    if (to_string(status) == text) return status;
  return std::nullopt;
}

std::optional<CreditNoteStatus> parse_credit_note_status(std::string_view text) {
  for (const CreditNoteStatus status : {CreditNoteStatus::issued, CreditNoteStatus::voided})
    if (to_string(status) == text) return status;
  return std::nullopt;
}

}  // namespace partnerops
