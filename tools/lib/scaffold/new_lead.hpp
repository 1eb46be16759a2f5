#pragma once
// A new lead, as the SOP "Prep for first meeting" starts one: the folder
// partners/<slug>/ with a partner.yaml at the lifecycle's initial stage (one
// history entry, the first contact, the owner) and running notes rendered
// from templates/new/notes.md.mustache. Both files are planned in memory and
// checked before anything is written, then committed like a stage change
// (transitions/change_set), with the trailers `Partner:` and `Stage-To:` so
// `partnerops log` shows the partner's first step.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::scaffold {

/// A person and an address, as written "Dr. Ada Lovelace <ada@example.org>".
struct Mailbox {
  std::string name;
  std::string email;
};

/// Parses "Name <email>" (the name may be empty: "<email>" or a bare
/// "email"). Returns nullopt and fills `error` when the brackets do not
/// pair up or the address is not well formed.
std::optional<Mailbox> parse_mailbox(std::string_view text, std::string* error);

/// Who is billed, when it is known at the first meeting (partner.yaml
/// `billing`); every field may be empty, and an empty request writes no
/// `billing:` at all.
struct NewLeadBilling {
  std::vector<std::string> street;  ///< address lines, first to last
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
  std::string accounts_payable;  ///< "Name <email>", as --contact
  std::string tax_id;
};

struct NewLeadRequest {
  std::string name;          ///< the organisation, as it calls itself
  Mailbox contact;           ///< the first contact, marked primary
  std::string contact_role;  ///< the contact's role (schema requires one)
  std::string owner;         ///< account manager; empty: the organisation's default
  std::string reason;        ///< the first history entry's reason
  NewLeadBilling billing;
  Date date;  ///< the first history entry's date
  /// The names of the folders already under partners/, to refuse a clash
  /// (also one differing only in case, which breaks checkouts on macOS and
  /// Windows).
  std::vector<std::string> existing_folders;
};

/// The template of a new partner's running notes, under templates/.
inline constexpr std::string_view k_notes_template = "new/notes.md";

/// Renders templates/new/notes.md.mustache with `context` as text (values are
/// already escaped for Markdown); nullopt after appending the template's
/// problems to `diagnostics`.
using NotesRenderer =
    std::function<std::optional<std::string>(const nlohmann::json& context, Diagnostics&)>;

/// The owner a new lead gets without --owner: the first address of
/// partnerops.yaml `roles.partnerships`, or empty when there is none.
std::string default_owner(const Workspace& workspace);

/// `text` on one line with the characters that Markdown would read as
/// syntax inside a line escaped, for values placed in notes.md.
std::string markdown_inline(std::string_view text);

/// Plans the new partner folder. Returns the two files and the commit
/// message, or nullopt with the reasons appended to `diagnostics`:
/// `new-slug-empty` (nothing of the name can make a slug), `new-slug-taken`
/// (a folder of that name exists, or one differing only in case),
/// `new-owner-missing` (no --owner and no partnerships role),
/// `new-email-invalid` (the contact's, owner's or accounts-payable address),
/// `new-lifecycle`
/// (no initial stage in lifecycle.yaml), the template's own codes, or schema
/// codes when the new partner.yaml would not pass its schema.
std::optional<transitions::ChangeSet> plan_new_lead(const Workspace& workspace,
                                                    const NewLeadRequest& request,
                                                    const NotesRenderer& render_notes,
                                                    Diagnostics& diagnostics);

}  // namespace partnerops::scaffold
