#include "message/prepare.hpp"

#include "check/checks.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::message {

std::optional<PreparedMessage> prepare_message(const Workspace& workspace,
                                               const std::string& template_name,
                                               const std::string& slug, Diagnostics& diagnostics) {
  const Source& source = workspace.source();
  if (!check_template_name(template_name, list_templates(source), diagnostics)) return std::nullopt;
  PreparedMessage prepared;
  prepared.folder = transitions::find_partner(workspace, slug, diagnostics);
  if (!prepared.folder) return std::nullopt;
  // Which PDF goes with it is a literal header of the template, known
  // before the data it is rendered with; it decides who is written to.
  prepared.template_file = std::string(k_messages_folder) + "/" + template_name + ".mustache";
  const ReadResult raw = source.read(prepared.template_file, 1 << 20);
  if (!raw.ok()) {
    diagnostics.error("template-unreadable", prepared.template_file, {}, raw.error);
    return std::nullopt;
  }
  std::optional<RenderedMessage> header =
      split_rendered(raw.content, prepared.template_file, diagnostics);
  if (!header) return std::nullopt;
  prepared.header = std::move(*header);
  std::optional<Recipients> recipients =
      recipients_for(*prepared.folder, prepared.header.attach, diagnostics);
  if (!recipients) return std::nullopt;
  prepared.recipients = std::move(*recipients);
  return prepared;
}

std::optional<PlannedAttachment> plan_attachment(const Workspace& workspace,
                                                 const PreparedMessage& message, Date today,
                                                 const std::string& invoice_number,
                                                 Diagnostics& diagnostics) {
  PlannedAttachment attachment;
  const AttachmentKind kind = message.header.attach;
  if (kind == AttachmentKind::invoice || !invoice_number.empty()) {
    attachment.invoice = overdue_invoice(*message.folder, today, invoice_number, diagnostics);
    if (!attachment.invoice) return std::nullopt;
  }
  attachment.job =
      attachment_job(workspace, *message.folder, kind, today, attachment.invoice, diagnostics);
  if (kind != AttachmentKind::none && !attachment.job) return std::nullopt;
  // The files the attached PDF reads by name (the logo, the service
  // description's prose) must be there and reached through no link: a
  // message is not sent with a document that silently lacks them.
  if (attachment.job && workspace.organisation()) {
    const Organisation& organisation = *workspace.organisation();
    const Source& source = workspace.source();
    bool readable = true;
    if (!organisation.logo.value.empty())
      readable = check_named_file(source, diagnostics, organisation.file, organisation.logo, "",
                                  "the logo",
                                  "give a path relative to the repository root, e.g. "
                                  "templates/logo.svg");
    if (kind == AttachmentKind::service_description &&
        !organisation.service_description.value.empty())
      readable = check_named_file(source, diagnostics, organisation.file,
                                  organisation.service_description, "", "the service description",
                                  "give a path relative to the repository root, e.g. "
                                  "docs/service-description.md") &&
                 readable;
    if (!readable) return std::nullopt;
  }
  return attachment;
}

}  // namespace partnerops::message
