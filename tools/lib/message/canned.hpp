#pragma once
// Canned messages: the SOPs' standard e-mails (hail the lead, draft agreement
// shared, renewal notice, satisfaction check-in, payment reminder), kept as
// mustache templates in templates/messages/<name>.mustache so the team
// rewords them without a release. A template is written like an e-mail:
//
//   Subject: Commons Compute and {{partner.name}}
//   Attach: service-description
//   Record: hail-the-lead
//
//   Dear {{contact.name}}, ...
//
// Header lines first (Subject required; Attach optional, naming the PDF to
// attach: service-description, agreement, renewal-notice or invoice; Record
// optional, naming the checklist item of schemas/lifecycle.yaml that sending
// the message does, for `message --record`), one blank line, then the body. This file knows
// templates, recipients and which invoice a reminder is about; rendering PDFs is render/'s, writing
// MIME is message/eml's.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "documents/plan.hpp"
#include "message/eml.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops::message {

/// The folder of the message templates, below the workspace root.
inline constexpr std::string_view k_messages_folder = "templates/messages";

/// What a template may attach, by the name used in `Attach:`.
enum class AttachmentKind { none, service_description, agreement, renewal_notice, invoice };

/// "service-description", "agreement", "renewal-notice", "invoice" ("" for none).
std::string_view name_of(AttachmentKind kind);

/// The names of the templates in templates/messages/ (file names without
/// `.mustache`), sorted.
std::vector<std::string> list_templates(const Source& source);

/// True when `name` is one of `names` (the templates there are); otherwise
/// reports `message-unknown-template` with the nearest name and the list.
bool check_template_name(const std::string& name, const std::vector<std::string>& names,
                         Diagnostics& diagnostics);

/// A rendered template split into its parts.
struct RenderedMessage {
  std::string subject;
  AttachmentKind attach = AttachmentKind::none;
  std::string record;  ///< the checklist item sending it does (`Record:`), or empty
  std::string body;    ///< '\n' line ends, ending in one '\n'
};

/// Splits the rendered text of template `file` into headers and body.
/// nullopt after reporting `message-template-invalid` (no Subject, an
/// unknown header or attachment, no blank line before the body).
std::optional<RenderedMessage> split_rendered(std::string_view rendered, const std::string& file,
                                              Diagnostics& diagnostics);

/// Who receives a message to `partner`: the primary contact (the first
/// contact when none is marked primary) in To, every other contact in Cc.
struct Recipients {
  std::vector<Address> to;
  std::vector<Address> cc;
};
Recipients recipients_of(const Partner& partner);

/// Who receives a message about money owed (one that attaches an invoice):
/// the accounts-payable contact of `billing:` in To, every contact in Cc
/// with the primary one first; recipients_of() when there is none.
Recipients billing_recipients_of(const Partner& partner);

/// The recipients of a message attaching `attachment` to the folder's
/// partner (billing_recipients_of() for an invoice, else recipients_of());
/// nullopt after reporting `message-partner-invalid` when partner.yaml did
/// not load or names no one to write to.
std::optional<Recipients> recipients_for(const PartnerFolder& folder, AttachmentKind attachment,
                                         Diagnostics& diagnostics);

/// The document `kind` is for this partner, planned as `build` would plan it
/// on `today` (for an invoice, the job of `invoice`). nullopt for
/// AttachmentKind::none, or after reporting `message-attachment-unavailable`
/// when the partner's stage does not call for that document (an agreement
/// before the prospect stage, a renewal notice outside the notice window).
std::optional<DocumentJob> attachment_job(const Workspace& workspace, const PartnerFolder& folder,
                                          AttachmentKind kind, Date today, const Invoice* invoice,
                                          Diagnostics& diagnostics);

/// The invoice a payment reminder is about: `number` when given (it must be
/// the partner's and overdue), else the partner's oldest overdue invoice
/// (issued, past its due date on `today`, with a balance). nullptr after
/// reporting `message-no-overdue-invoice`.
const Invoice* overdue_invoice(const PartnerFolder& folder, Date today, const std::string& number,
                               Diagnostics& diagnostics);

/// `value` with every string inside made one line (line breaks become
/// spaces), so a value can never add a header line to a message.
void flatten_strings(nlohmann::json& value);

}  // namespace partnerops::message
