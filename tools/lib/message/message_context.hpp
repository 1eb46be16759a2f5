#pragma once
// What a canned message is rendered with and the e-mail it becomes: the
// attached document's own context (or the partner's notes context when
// nothing is attached) plus who writes to whom, flattened to one line per
// value so nothing can add a header; then the headers, the date (noon UTC
// of the day) and a Message-ID that depend on the inputs only.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "message/canned.hpp"
#include "message/eml.hpp"
#include "message/prepare.hpp"
#include "model/invoice.hpp"
#include "model/workspace.hpp"
#include "render/template.hpp"

namespace partnerops::message {

struct MessageContext {
  nlohmann::json data;  ///< the template's data, every string on one line
  Address sender;       ///< the organisation, writing from outreach.from (else its email)
};

/// The context of a message to `folder`'s `recipients`, about `invoice`
/// (may be null), with `attachment` (may be null), as of `options.today`.
MessageContext message_context(const Workspace& workspace, const PartnerFolder& folder,
                               const Recipients& recipients, const DocumentJob* attachment,
                               const Invoice* invoice, const ContextOptions& options);

/// The e-mail of the rendered template `parts` (no attachment yet): from
/// `sender` to the recipients, dated noon UTC of `today`, with a Message-ID
/// made from the template, the partner, the day and the invoice.
Email compose_email(const MessageContext& context, const Recipients& recipients,
                    const RenderedMessage& parts, const std::string& template_name,
                    const std::string& slug, Date today, const Invoice* invoice);

/// The e-mail `message` makes, as of `options.today`, before its PDF is
/// attached: its context (message_context), the template
/// messages/`template_name` of `templates` rendered as text and split into
/// headers and body, and the e-mail composed from them (compose_email).
/// nullopt after appending why to `diagnostics`.
std::optional<Email> render_message(const Workspace& workspace, const PreparedMessage& message,
                                    const PlannedAttachment& attachment,
                                    const std::string& template_name, const ContextOptions& options,
                                    const render::TemplateSet& templates, Diagnostics& diagnostics);

}  // namespace partnerops::message
