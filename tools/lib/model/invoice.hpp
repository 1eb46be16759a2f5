#pragma once
// An invoice: a priced document with a number from a gapless sequence, a
// status (draft → issued → paid | void) and the payments received.

#include <optional>
#include <string>
#include <vector>

#include "model/document_status.hpp"
#include "model/priced_document.hpp"

namespace partnerops {

struct Payment {
  std::optional<Field<Date>> date;
  std::optional<Field<Money>> amount;
  std::string reference;
};

struct Invoice {
  std::string file;
  Field<std::string> number;
  Field<InvoiceStatus> status;
  std::optional<Field<Date>> issue_date;
  std::optional<Field<Date>> due_date;
  std::string period;
  std::string reference;
  std::string purchase_order;  ///< its own PO number, over the agreement's; empty when none
  PricedDocument priced;
  std::vector<Payment> payments;
  std::string sponsor_number;

  /// The sum of the payments that could be read.
  std::int64_t paid_minor() const;
};

Invoice read_invoice(Reader& reader);

/// A quote: the priced offer made before an agreement or a SOW.
struct Quote {
  std::string file;
  Field<std::string> number;
  std::string status;
  std::optional<Field<Date>> date;
  std::optional<Field<Date>> valid_until;
  PricedDocument priced;
  std::string notes;
};

Quote read_quote(Reader& reader);

}  // namespace partnerops
