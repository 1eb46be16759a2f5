#pragma once
// What `message` checks before it renders anything, in the order a user
// fixes them: the template exists, the partner exists and has a primary
// contact, the template's headers parse (its Attach: and Record: are
// literal, known before the data); then the overdue invoice a reminder is
// about and the document to attach, whose named files (logo, service
// description) must be readable, reached through no link.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "documents/plan.hpp"
#include "message/canned.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops::message {

struct PreparedMessage {
  const PartnerFolder* folder = nullptr;
  Recipients recipients;
  std::string template_file;  ///< templates/messages/NAME.mustache
  RenderedMessage header;     ///< the template's literal headers (Attach:, Record:)
};

/// The template `template_name` for the partner `slug`. Returns nullopt
/// after appending why to `diagnostics` (unknown template or partner, no
/// primary contact, an unreadable template, headers that do not parse).
std::optional<PreparedMessage> prepare_message(const Workspace& workspace,
                                               const std::string& template_name,
                                               const std::string& slug, Diagnostics& diagnostics);

struct PlannedAttachment {
  const Invoice* invoice = nullptr;  ///< the invoice the message is about, if any
  std::optional<DocumentJob> job;    ///< the document to attach, if the template names one
};

/// The invoice (`invoice_number`, or the oldest overdue one when the
/// template attaches an invoice) and the document `message` attaches as of
/// `today`. Returns nullopt after appending why to `diagnostics`.
std::optional<PlannedAttachment> plan_attachment(const Workspace& workspace,
                                                 const PreparedMessage& message, Date today,
                                                 const std::string& invoice_number,
                                                 Diagnostics& diagnostics);

}  // namespace partnerops::message
