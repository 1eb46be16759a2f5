#include "message/canned.hpp"

#include <algorithm>
#include <cctype>

#include "model/account.hpp"
#include "util/text.hpp"

namespace partnerops::message {

namespace {

constexpr std::string_view k_extension = ".mustache";

constexpr std::pair<AttachmentKind, std::string_view> k_attachment_names[] = {
    {AttachmentKind::service_description, "service-description"},
    {AttachmentKind::agreement, "agreement"},
    {AttachmentKind::renewal_notice, "renewal-notice"},
    {AttachmentKind::invoice, "invoice"},
};

std::string trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

/// Past due with something still owed. Credit notes count as payments do:
/// a partner is never reminded of an amount that was credited.
bool overdue(const PartnerFolder& folder, const Invoice& invoice, Date today) {
  if (invoice.status.value != InvoiceStatus::issued || !invoice.due_date || !invoice.priced.total)
    return false;
  return invoice.due_date->value < today && balance_of(folder, invoice).owed() > 0;
}

}  // namespace

std::string_view name_of(AttachmentKind kind) {
  for (const auto& [candidate, name] : k_attachment_names)
    if (candidate == kind) return name;
  return "";
}

std::vector<std::string> list_templates(const Source& source) {
  std::vector<std::string> names;
  std::string error;
  const std::string prefix = std::string(k_messages_folder) + "/";
  for (const SourceEntry& entry : source.list(k_messages_folder, &error)) {
    if (entry.type != EntryType::file || !entry.path.ends_with(k_extension)) continue;
    const std::string name =
        entry.path.substr(prefix.size(), entry.path.size() - prefix.size() - k_extension.size());
    if (name.find('/') == std::string::npos) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<RenderedMessage> split_rendered(std::string_view rendered, const std::string& file,
                                              Diagnostics& diagnostics) {
  RenderedMessage message;
  bool has_subject = false;
  int line_number = 0;
  std::size_t start = 0;
  auto invalid = [&](int line, const std::string& text, const std::string& hint) {
    diagnostics.error("message-template-invalid", file, {line, 1}, text, hint);
    return std::nullopt;
  };
  while (true) {
    if (start >= rendered.size())
      return invalid(line_number, "the template has no blank line between its headers and body",
                     "write Subject: (and Attach:) lines, one blank line, then the body");
    std::size_t end = rendered.find('\n', start);
    if (end == std::string_view::npos) end = rendered.size();
    std::string_view line = rendered.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_number;
    start = end + 1;
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    const std::string key =
        colon == std::string_view::npos ? std::string(line) : std::string(line.substr(0, colon));
    const std::string value = colon == std::string_view::npos ? "" : trim(line.substr(colon + 1));
    if (key == "Subject") {
      message.subject = value;
      has_subject = true;
    } else if (key == "Attach") {
      std::vector<std::string> names;
      for (const auto& [kind, name] : k_attachment_names) {
        names.emplace_back(name);
        if (name == value) message.attach = kind;
      }
      if (message.attach == AttachmentKind::none)
        return invalid(line_number, "'" + value + "' is not a document a message can attach",
                       "Attach: takes one of " + util::join(names, ", "));
    } else if (key == "Record") {
      message.record = value;
    } else {
      return invalid(line_number, "'" + key + "' is not a header a message template can set",
                     "the headers are Subject:, Attach: and Record:; To, Cc and From come from "
                     "the partner's contacts and partnerops.yaml");
    }
  }
  if (!has_subject || message.subject.empty())
    return invalid(1, "the template has no Subject: line, or an empty one",
                   "start the template with Subject: and the subject text");
  std::string body(rendered.substr(std::min(start, rendered.size())));
  body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
  while (body.ends_with("\n\n")) body.pop_back();
  if (!body.ends_with('\n')) body += '\n';
  message.body = std::move(body);
  return message;
}

Recipients recipients_of(const Partner& partner) {
  Recipients recipients;
  const Contact* primary = partner.primary_contact();
  for (const Contact& contact : partner.contacts) {
    Address address{contact.name, contact.email.value};
    (&contact == primary ? recipients.to : recipients.cc).push_back(std::move(address));
  }
  return recipients;
}

Recipients billing_recipients_of(const Partner& partner) {
  if (!partner.billing.accounts_payable) return recipients_of(partner);
  const BillingContact& payer = *partner.billing.accounts_payable;
  // E-mail addresses compare without case in practice; the mailbox that
  // is written to is not copied as well.
  const auto same_mailbox = [](const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) ==
             std::tolower(static_cast<unsigned char>(y));
    });
  };
  Recipients usual = recipients_of(partner);
  Recipients recipients;
  recipients.to.push_back(Address{payer.name, payer.email.value});
  for (std::vector<Address>* group : {&usual.to, &usual.cc})
    for (Address& address : *group)
      if (!same_mailbox(address.email, payer.email.value))
        recipients.cc.push_back(std::move(address));
  return recipients;
}

const Invoice* overdue_invoice(const PartnerFolder& folder, Date today, const std::string& number,
                               Diagnostics& diagnostics) {
  const Invoice* chosen = nullptr;
  std::vector<std::string> candidates;
  for (const Invoice& invoice : folder.invoices) {
    if (!overdue(folder, invoice, today)) continue;
    candidates.push_back(invoice.number.value);
    if (!number.empty()) {
      if (invoice.number.value == number) chosen = &invoice;
    } else if (!chosen || invoice.due_date->value < chosen->due_date->value ||
               (invoice.due_date->value == chosen->due_date->value &&
                invoice.number.value < chosen->number.value)) {
      chosen = &invoice;
    }
  }
  if (chosen) return chosen;
  const std::string hint =
      candidates.empty() ? "a payment reminder is for an issued invoice past its due date with a "
                           "balance; check the invoice's status, due date and payments"
                         : "overdue on " + today.iso() + ": " + util::join(candidates, ", ");
  diagnostics.error(
      "message-no-overdue-invoice", folder.path + "/invoices", {},
      number.empty()
          ? "'" + folder.slug + "' has no overdue invoice on " + today.iso()
          : "invoice " + number + " of '" + folder.slug + "' is not overdue on " + today.iso(),
      hint);
  return nullptr;
}

void flatten_strings(nlohmann::json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.find_first_of("\r\n") == std::string::npos) return;
    std::string flat;
    bool space = false;
    for (const char c : text) {
      if (c == '\r' || c == '\n') {
        space = !flat.empty();
        continue;
      }
      if (space && c != ' ') flat += ' ';
      space = false;
      flat += c;
    }
    while (flat.ends_with(' ')) flat.pop_back();
    value = flat;
  } else if (value.is_array() || value.is_object()) {
    for (nlohmann::json& item : value) flatten_strings(item);
  }
}

bool check_template_name(const std::string& name, const std::vector<std::string>& names,
                         Diagnostics& diagnostics) {
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  const std::string near = util::closest(name, names, 3);
  diagnostics.error(
      "message-unknown-template", std::string(k_messages_folder) + "/" + name + ".mustache", {},
      "there is no message template '" + name + "'",
      (near.empty() ? std::string() : "did you mean '" + near + "'? ") + "the templates are " +
          (names.empty() ? std::string("(none)") : util::join(names, ", ")));
  return false;
}

std::optional<Recipients> recipients_for(const PartnerFolder& folder, AttachmentKind attachment,
                                         Diagnostics& diagnostics) {
  if (!folder.partner) {
    diagnostics.error("message-partner-invalid", folder.path + "/partner.yaml", {},
                      "partner.yaml does not load, so the message has no recipients",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  Recipients recipients = attachment == AttachmentKind::invoice
                              ? billing_recipients_of(*folder.partner)
                              : recipients_of(*folder.partner);
  if (recipients.to.empty()) {
    diagnostics.error("message-partner-invalid", folder.path + "/partner.yaml", {},
                      "the partner has no contact to write to", "add one under contacts:");
    return std::nullopt;
  }
  return recipients;
}

std::optional<DocumentJob> attachment_job(const Workspace& workspace, const PartnerFolder& folder,
                                          AttachmentKind kind, Date today, const Invoice* invoice,
                                          Diagnostics& diagnostics) {
  std::vector<DocumentKind> kinds;
  std::optional<std::string> partner = folder.slug;
  switch (kind) {
    case AttachmentKind::none:
      return std::nullopt;
    case AttachmentKind::service_description:
      kinds = {DocumentKind::service_description};
      partner.reset();  // one document for the whole organisation
      break;
    case AttachmentKind::agreement:
      kinds = {DocumentKind::agreement, DocumentKind::mou};
      break;
    case AttachmentKind::renewal_notice:
      kinds = {DocumentKind::renewal_notice};
      break;
    case AttachmentKind::invoice:
      kinds = {DocumentKind::invoice};
      break;
  }
  for (const DocumentKind document : kinds) {
    for (DocumentJob& job : plan_documents(workspace, PlanOptions{today, partner, document})) {
      if (invoice && job.number != invoice->number.value) continue;
      return std::move(job);
    }
  }
  const std::string stage = folder.partner ? folder.partner->stage.value : std::string("?");
  diagnostics.error("message-attachment-unavailable", folder.path, {},
                    "the " + std::string(name_of(kind)) + " PDF is not called for at '" +
                        folder.slug + "' (stage " + stage + ") on " + today.iso(),
                    "partnerops build --partner " + folder.slug + " --today " + today.iso() +
                        " builds what the partner's stage calls for; a renewal notice exists "
                        "only inside the notice window");
  return std::nullopt;
}

}  // namespace partnerops::message
