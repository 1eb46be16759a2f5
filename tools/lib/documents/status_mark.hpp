#pragma once
// What a document that is not final says on every page. A draft agreement
// e-mailed around, a quote past its date or a void invoice must not be
// mistaken for the real thing once it is printed or a page is copied alone,
// so such a document carries a short mark ("DRAFT", "VOID", "EXPIRED") that
// finishing prints in the bottom margin of every page, as text. A final
// document carries none: a signed or executed agreement, an accepted quote,
// an issued or paid invoice, an issued credit note, an agreed statement of
// work. Whether a sent quote has expired is decided against the build's
// date (`--today`), like every other date a document prints.

#include <functional>
#include <string>

#include "model/agreement.hpp"
#include "model/credit_note.hpp"
#include "model/date.hpp"
#include "model/invoice.hpp"
#include "model/sow.hpp"

namespace partnerops {

/// A date as the document prints it (the organisation's date style).
using DateText = std::function<std::string(const Date& date)>;

/// The mark of an agreement or MOU by its status; empty once signed.
std::string agreement_mark(const Agreement& agreement);

/// The mark of a quote: a draft, a sent quote's last day (or EXPIRED once
/// `today` is past it), DECLINED, EXPIRED; empty once accepted.
std::string quote_mark(const Quote& quote, const Date& today, const DateText& date_text);

/// The mark of a draft or void invoice; empty once issued.
std::string invoice_mark(const Invoice& invoice);

/// The mark of a void credit note; empty while it counts.
std::string credit_note_mark(const CreditNote& note);

/// The mark of a statement of work not yet agreed.
std::string sow_mark(const Sow& sow);

}  // namespace partnerops
