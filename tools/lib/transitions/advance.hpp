#pragma once
// Moving a partner to its next stage, as a careful person would: check the
// SOP's guards from schemas/lifecycle.yaml, set `stage`, append a history
// entry to partner.yaml and a dated heading to notes.md (touching no other
// byte), and describe the commit that records it. Nothing is written here;
// change_set.hpp applies the plan, so a refusal always changes nothing.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::transitions {

struct AdvanceRequest {
  std::string slug;
  std::string stage;   ///< the stage to move to
  std::string reason;  ///< why, for the history entry, notes.md and the commit body
  Date date;           ///< the history entry's date
};

/// Plans the transition in `workspace` (loaded with at least the partner's
/// folder). Returns the files to write and the commit message, or nullopt
/// with the reasons appended to `diagnostics`: an unknown partner or stage
/// (`advance-unknown-partner`, `advance-unknown-stage`), a transition
/// lifecycle.yaml does not allow (`advance-illegal-transition`, listing the
/// allowed next stages), every unmet guard (`lifecycle-guard`, at the field
/// to fill), a date before the partner's last history entry
/// (`advance-date-order`), a partner.yaml that does not load or cannot be
/// edited safely (`advance-edit-refused`), or an edit that would not pass the
/// schema (the schema's own codes).
std::optional<ChangeSet> plan_advance(const Workspace& workspace, const AdvanceRequest& request,
                                      Diagnostics& diagnostics);

/// `notes` with `heading` and the paragraph `body` appended as a new section,
/// in the file's own line ending (CRLF when it uses CRLF), separated from
/// what precedes it by one blank line.
std::string append_notes_section(std::string_view notes, std::string_view heading,
                                 std::string_view body);

}  // namespace partnerops::transitions
