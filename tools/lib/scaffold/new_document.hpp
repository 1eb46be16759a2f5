#pragma once
// The next quote, statement of work or agreement of a partner, scaffolded
// from what the organisation and the partner already say (partnerops.yaml
// `defaults`, `numbering` and `signatories`, the partner's contacts and
// agreement) so the person writing it starts from a file that already
// validates. What only a person can decide (prices, scope, deliverables) is
// left as placeholder text (model/placeholder: "TODO: …") with zero amounts,
// in `draft` status, which the schemas accept and `build` stamps as a draft;
// the validator warns about each while the document is a draft and refuses
// them once it is past draft.

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::scaffold {

enum class NewDocumentKind { quote, sow, agreement };

/// "quote", "sow", "agreement".
std::string_view name_of(NewDocumentKind kind);

struct NewDocumentRequest {
  NewDocumentKind kind = NewDocumentKind::quote;
  std::string slug;
  Date date;
  std::string id;     ///< sow only: the SOW's id and file name; empty: "sow-<n>", the next free
  std::string title;  ///< sow and agreement: empty for a default title
};

/// Days a new quote stays valid.
inline constexpr int k_quote_valid_days = 30;

/// Plans the new file. Quotes are numbered by partnerops.yaml
/// `numbering.quote` after the highest number of that year among every
/// partner's quotes, so `workspace` must hold all partners for a quote (for
/// a SOW or agreement the partner's folder is enough). Returns the file and
/// the commit message, or nullopt with the reasons appended to
/// `diagnostics`: `advance-unknown-partner`, `new-file-exists` (an agreement
/// already, or the SOW id taken), `new-needs-agreement` (a SOW without an
/// agreement to be an addendum of), `new-numbering` (no usable quote rule),
/// `new-edit-refused` (partner.yaml did not load), or schema codes when the
/// scaffold would not pass its schema.
std::optional<transitions::ChangeSet> plan_new_document(const Workspace& workspace,
                                                        const NewDocumentRequest& request,
                                                        Diagnostics& diagnostics);

}  // namespace partnerops::scaffold
