#pragma once
// Crediting an issued invoice: a new credit note, numbered in its own
// sequence, that cancels the whole invoice or named lines (in full or by an
// amount), with the invoice's tax rate applied to what is credited. It is
// the only correction an issued invoice accepts. The plan refuses, before
// anything is written, to credit a draft or void invoice or more than the
// invoice still owes after earlier credit notes.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::billing {

/// One `--line N[=AMOUNT]`: line N of the invoice (from 1), in full or by
/// AMOUNT (money text).
struct CreditLineRequest {
  std::int64_t line = 0;
  std::string amount;  ///< empty: the whole line
};

/// Parses "N" or "N=AMOUNT"; nullopt when N is not a positive whole number.
std::optional<CreditLineRequest> parse_credit_line(std::string_view text);

struct CreditRequest {
  std::string invoice;  ///< the credited invoice's number
  std::string reason;
  std::vector<CreditLineRequest> lines;  ///< empty: every line in full
  Date date;
};

/// Plans the credit note. Returns the one new file, or nullopt after
/// reporting why not (`invoice-unknown`, `credit-note-invoice-status`,
/// `credit-line`, `credit-note-over-credit`, `numbering-rule-invalid`,
/// `credit-note-date-order` when a note of the sequence is dated after
/// `date`).
std::optional<transitions::ChangeSet> plan_credit(const Workspace& workspace,
                                                  const CreditRequest& request,
                                                  Diagnostics& diagnostics);

}  // namespace partnerops::billing
