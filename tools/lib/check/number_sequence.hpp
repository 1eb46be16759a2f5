#pragma once
// Numbers that are unique across the repository, follow the organisation's
// rule, leave no gap in any sequence, and follow issue dates (a later number
// is never dated before an earlier one of its sequence). Invoices and credit
// notes each have a sequence of their own under the same four rules; only
// the words of the diagnostics differ, so both checks run this one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/checks.hpp"
#include "model/numbering.hpp"

namespace partnerops {

/// One loaded document that carries a number.
struct NumberedDocument {
  std::string number;
  std::string file;
  Position position;           ///< of the number
  std::optional<Date> issued;  ///< its date, for the example in a format hint
  /// Where the issue date is written, set only for a document that was
  /// issued (not a draft) and whose date could be read: only these dates
  /// must follow the numbers.
  std::optional<Position> issue_date_position;
};

/// How the diagnostics of one kind of document read. Callers spell the
/// codes out with designated initializers, so every code stays a literal in
/// the sources (tests/unit/diagnostic_codes_test.cpp finds them there).
struct NumberingVocabulary {
  std::string_view duplicate_code;
  std::string_view format_code;
  std::string_view gap_code;
  std::string_view date_order_code;
  std::string_view noun;  ///< "invoice", "credit note"
  FileKind kind;          ///< the files whose numbers count even when they failed to load
  std::string_view duplicate_hint;
  std::string_view gap_hint;
  std::string_view date_order_hint;
};

/// Reports a duplicate number, and with a rule a number that does not
/// follow it, a gap in a sequence, and an issued document dated before an
/// issued one with an earlier number of its sequence (at the later one's
/// issue date, naming the latest-dated earlier one), for `documents` in the
/// order given. Files of
/// `vocabulary.kind` that failed to load (already reported) still hold their
/// numbers, from their `number` field when it can be read, else from the file
/// name, so one broken file does not also show up as a gap.
void check_number_sequence(const CheckContext& context, const std::optional<NumberingRule>& rule,
                           const std::vector<NumberedDocument>& documents,
                           const NumberingVocabulary& vocabulary);

}  // namespace partnerops
