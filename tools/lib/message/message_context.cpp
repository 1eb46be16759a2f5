#include "message/message_context.hpp"

#include "render/text_template.hpp"

namespace partnerops::message {

namespace {

/// Messages are dated at noon UTC of the day, so the day shows the same in
/// every time zone from UTC-11 to UTC+11.
constexpr std::int64_t k_noon_seconds = std::int64_t{12} * 3600;

}  // namespace

MessageContext message_context(const Workspace& workspace, const PartnerFolder& folder,
                               const Recipients& recipients, const DocumentJob* attachment,
                               const Invoice* invoice, const ContextOptions& options) {
  DocumentJob context_job = attachment ? *attachment : DocumentJob{};
  if (!attachment) {
    context_job.kind = DocumentKind::notes;
    context_job.inputs = {folder.path + "/notes.md"};
  }
  context_job.slug = folder.slug;
  MessageContext result;
  nlohmann::json& context = result.data;
  context = document_context(workspace, context_job, options);
  result.sender.name = workspace.organisation() ? workspace.organisation()->name : std::string();
  result.sender.email =
      workspace.organisation() ? workspace.organisation()->outreach_from.value : std::string();
  if (result.sender.email.empty() && workspace.organisation())
    result.sender.email = workspace.organisation()->email;
  context["sender"] = {{"name", result.sender.name}, {"email", result.sender.email}};
  context["contact"] = {{"name", recipients.to.front().name},
                        {"email", recipients.to.front().email}};
  context["today"] = context["document"]["date"];
  context["overdue_days"] =
      invoice && invoice->due_date ? options.today.days_since(invoice->due_date->value) : 0;
  flatten_strings(context);
  return result;
}

Email compose_email(const MessageContext& context, const Recipients& recipients,
                    const RenderedMessage& parts, const std::string& template_name,
                    const std::string& slug, Date today, const Invoice* invoice) {
  Email email;
  email.from = context.sender;
  email.to = recipients.to;
  email.cc = recipients.cc;
  email.subject = parts.subject;
  email.text = parts.body;
  email.date_unix_seconds =
      static_cast<std::int64_t>(today.days_since(Date::from_unix_seconds(0))) * 86400 +
      k_noon_seconds;
  email.message_id = stable_message_id(template_name + "\n" + slug + "\n" + today.iso() + "\n" +
                                           (invoice ? invoice->number.value : std::string()),
                                       context.sender.email);
  return email;
}

std::optional<Email> render_message(const Workspace& workspace, const PreparedMessage& message,
                                    const PlannedAttachment& attachment,
                                    const std::string& template_name, const ContextOptions& options,
                                    const render::TemplateSet& templates,
                                    Diagnostics& diagnostics) {
  const MessageContext context =
      message_context(workspace, *message.folder, message.recipients,
                      attachment.job ? &*attachment.job : nullptr, attachment.invoice, options);
  const std::optional<std::string> rendered =
      render::render_text(templates, "messages/" + template_name, context.data, diagnostics);
  if (!rendered) return std::nullopt;
  const std::optional<RenderedMessage> parts =
      split_rendered(*rendered, message.template_file, diagnostics);
  if (!parts) return std::nullopt;
  return compose_email(context, message.recipients, *parts, template_name, message.folder->slug,
                       options.today, attachment.invoice);
}

}  // namespace partnerops::message
