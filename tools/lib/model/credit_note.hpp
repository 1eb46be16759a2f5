#pragma once
// A credit note: the only way to correct an issued invoice. It credits all
// or part of one invoice of the same partner, in its own gapless number
// sequence, with positive amounts meaning what is credited. Statements and
// balances subtract the credit notes of an invoice from what it asks for.

#include <optional>
#include <string>
#include <vector>

#include "model/document_status.hpp"
#include "model/priced_document.hpp"

namespace partnerops {

struct CreditNote {
  std::string file;
  Field<std::string> number;
  Field<CreditNoteStatus> status;
  std::optional<Field<Date>> issue_date;
  Field<std::string> invoice;  ///< the credited invoice's number
  std::string reason;
  /// Per line, the credited invoice line counted from 1, when named.
  std::vector<std::optional<std::int64_t>> invoice_lines;
  PricedDocument priced;
  std::string notes;

  /// True when the note counts: a void note keeps its number but credits
  /// nothing.
  bool credits() const { return status.value != CreditNoteStatus::voided; }
  /// The amount credited (the total), or 0 for a void note or an unread total.
  std::int64_t credited_minor() const;
};

/// Reads a schema-checked credit note; values it cannot accept (dates,
/// money) are reported through the reader's diagnostics and left empty.
CreditNote read_credit_note(Reader& reader);

}  // namespace partnerops
