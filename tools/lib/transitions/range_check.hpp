#pragma once
// The pull-request gate: what changed between two revisions of the workspace
// that must not change that way. Both revisions are loaded straight from git
// trees; this compares the two models. History is append-only and moves only
// along lifecycle.yaml's transitions; an issued invoice is a legal record, so
// only its status (issued → paid or void) and appended payments may change,
// and its number is never reused. Backdated new entries are warnings: real
// life sometimes records late, but a reviewer should look.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "git/history.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops::transitions {

/// Compares `base` with `head` and appends to `diagnostics`:
/// `range-illegal-transition` (a stage change lifecycle.yaml does not allow,
/// a skipped stage, or a stage changed without a history entry),
/// `lifecycle-guard` (a guard of a transition taken in the range unmet at
/// head), `history-rewritten`, `history-backdated` (warning),
/// `invoice-issued-changed`, `invoice-issued-deleted`, `invoice-renumbered`,
/// `invoice-number-reused`, `payment-backdated` (warning),
/// `credit-note-issued-changed`, `credit-note-issued-deleted`. Positions
/// point into head's files (or base's for what was deleted).
void compare_revisions(const Workspace& base, const Workspace& head, Diagnostics& diagnostics);

/// Only the invoice and credit-note part of compare_revisions, for the
/// partners `base` holds (validate loads HEAD scoped to the partners whose
/// invoices or credit notes have uncommitted changes).
void compare_issued_documents(const Workspace& base, const Workspace& head,
                              Diagnostics& diagnostics);

/// The partners (slugs) the range touched, when loading only their folders
/// gives the same answers as loading everything: every changed path lies in
/// a partner folder and none under invoices/, credit-notes/ or quotes/, whose numbering
/// rules span the organisation. nullopt when the whole workspace must be
/// loaded (partnerops.yaml, schemas/, an invoice or a quote changed).
std::optional<std::vector<std::string>> touched_partners(
    const std::vector<git::ChangedPath>& changed);

/// The partners (slugs) with at least one changed path in their folder.
/// compare_revisions compares the two sides folder by folder and finds
/// nothing in a folder the range left alone (both sides hold the same
/// bytes), so the base side of any range needs only these folders, even
/// when the head side must be loaded whole.
std::vector<std::string> changed_partner_folders(const std::vector<git::ChangedPath>& changed);

/// Reports a number that BASE already uses for another file, carried by an
/// invoice (`invoice-number-taken`) or a credit note
/// (`credit-note-number-taken`) that the range added or gave a new number:
/// what two branches that each numbered from their own working tree leave
/// behind, whether BASE..HEAD is a branch behind its base or the merge
/// result. `base` holds at least the folders the range changed; `head`
/// every partner (a range that changes an invoice or a credit note loads
/// the head whole), since a folder the range left alone holds at HEAD what
/// it held at BASE. A file `invoice-number-reused` already reported in
/// `diagnostics` is not reported again.
void report_numbers_taken_at_base(const Workspace& base, const Workspace& head,
                                  const std::vector<git::ChangedPath>& changed,
                                  Diagnostics& diagnostics);

/// Appends the diagnostics of `validation` (what loading and run_checks
/// reported at head) whose file is one of `changed`, except those at a place
/// `diagnostics` already holds with the same code.
void append_for_changed_files(const Diagnostics& validation,
                              const std::vector<git::ChangedPath>& changed,
                              Diagnostics& diagnostics);

}  // namespace partnerops::transitions
