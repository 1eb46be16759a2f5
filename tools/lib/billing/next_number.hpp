#pragma once
// The next free numbers of a document sequence (invoices, credit notes),
// taken from every file of that kind in the repository so numbers stay
// unique and gapless across partners. A file that failed to load still holds
// its number (by its `number`, else its file name), as the numbering checks
// count it.

#include <map>
#include <string>

#include "model/file_kind.hpp"
#include "model/numbering.hpp"
#include "model/workspace.hpp"

namespace partnerops::billing {

class NextNumbers {
 public:
  /// `except`: the workspace-relative path of a file whose number does not
  /// count (a draft being renumbered frees its own number).
  NextNumbers(const Workspace& workspace, FileKind kind, NumberingRule rule,
              std::string_view except = {});

  /// The next number of `year`'s sequence; each call takes one.
  std::string take(int year);

  /// The year whose sequence `number` belongs to (with a rule without
  /// {year}, `fallback`); nullopt when `number` does not follow the rule.
  std::optional<int> year_of(std::string_view number, int fallback) const;

 private:
  NumberingRule m_rule;
  std::map<std::string, long long> m_last;  // sequence -> highest position used
};

/// The numbering rule `key` ("invoice", "credit_note") of partnerops.yaml,
/// or nullopt after reporting `numbering-rule-invalid`.
std::optional<NumberingRule> numbering_rule(const Workspace& workspace, const std::string& key,
                                            Diagnostics& diagnostics);

}  // namespace partnerops::billing
