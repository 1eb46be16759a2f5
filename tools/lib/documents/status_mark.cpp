#include "documents/status_mark.hpp"

namespace partnerops {

std::string agreement_mark(const Agreement& agreement) {
  const std::string& status = agreement.status.value;
  if (status == "draft") return "DRAFT — not for signature";
  if (status == "shared") return "DRAFT SHARED FOR REVIEW — not for signature";
  if (status == "negotiating") return "DRAFT IN NEGOTIATION — not for signature";
  if (status == "ready") return "READY TO SIGN — not yet signed";
  if (status == "signing") {
    // Signed by some, not all: not yet binding.
    return "SIGNING — " + std::to_string(agreement.signature_count()) + " of " +
           std::to_string(agreement.signatories.size()) + " signatures";
  }
  return "";
}

std::string quote_mark(const Quote& quote, const Date& today, const DateText& date_text) {
  const std::string& status = quote.status;
  const std::string until =
      quote.valid_until ? "valid until " + date_text(quote.valid_until->value) : "";
  if (status == "draft") return "DRAFT — not yet sent";
  if (status == "declined") return "DECLINED";
  // A sent quote lapses after its last day whether or not anyone has
  // changed its status yet.
  const bool lapsed = quote.valid_until && quote.valid_until->value < today;
  if (status == "expired" || (status == "sent" && lapsed))
    return until.empty() ? "EXPIRED" : "EXPIRED — was " + until;
  if (status == "sent") return until.empty() ? "OFFER" : "Offer " + until;
  return "";
}

std::string invoice_mark(const Invoice& invoice) {
  switch (invoice.status.value) {
    case InvoiceStatus::draft:
      return "DRAFT — not an invoice until issued";
    case InvoiceStatus::voided:
      return "VOID — nothing is payable";
    case InvoiceStatus::issued:
    case InvoiceStatus::paid:
      return "";
  }
  return "";
}

std::string credit_note_mark(const CreditNote& note) {
  return note.status.value == CreditNoteStatus::voided ? "VOID — credits nothing" : "";
}

std::string sow_mark(const Sow& sow) {
  const std::string& status = sow.status.value;
  if (status == "draft") return "DRAFT — not agreed";
  if (status == "shared") return "DRAFT SHARED FOR REVIEW — not agreed";
  return "";
}

}  // namespace partnerops
