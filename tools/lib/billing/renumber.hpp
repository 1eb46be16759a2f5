#pragma once
// Renumbering a draft invoice: the repair for two branches that both took
// the same number (each invoice run numbers from its own working tree, so
// two unmerged runs agree on the next number). Once the branch holds what
// its base merged meanwhile, the draft moves to the next free number of its
// sequence, with its file renamed when the name carries the number. An
// issued invoice is a legal record and keeps its number for good.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::billing {

struct RenumberRequest {
  std::string number;
  std::string partner;  ///< the slug, to choose between drafts sharing the number; may be empty
};

/// Plans renumbering the draft `request.number` (of `request.partner` when
/// given) in `workspace`, loaded whole: every invoice counts for the next
/// free number. Returns the change (without edits when the draft already
/// holds the next free number), or nullopt after reporting why not
/// (`invoice-unknown`, `invoice-not-draft`, `invoice-number-ambiguous`
/// when several drafts carry the number, `numbering-rule-invalid`,
/// `invoice-number-format` when the number follows no sequence of the rule,
/// `advance-edit-refused` when the file cannot be edited or renamed safely,
/// or schema codes).
std::optional<transitions::ChangeSet> plan_renumber(const Workspace& workspace,
                                                    const RenumberRequest& request,
                                                    Diagnostics& diagnostics);

}  // namespace partnerops::billing
