#include "scaffold/new_lead.hpp"

#include <algorithm>

#include "check/checks.hpp"
#include "git/transition_message.hpp"
#include "scaffold/yaml_writer.hpp"
#include "util/slug.hpp"

namespace partnerops::scaffold {

namespace {

std::string trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
}

/// An address Markdown can show as an autolink `<…>` as it is; anything
/// else is escaped like other text.
std::string markdown_email(std::string_view email) {
  const bool plain = std::all_of(email.begin(), email.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '@' || c == '+' || c == '_' || c == '-';
  });
  return plain ? std::string(email) : markdown_inline(email);
}

/// Writes `billing:` from the request's parts that are given; the schema
/// check that follows refuses an address without lines, city or country.
void write_billing(YamlWriter& partner, const NewLeadBilling& billing,
                   const std::optional<Mailbox>& accounts_payable) {
  const bool has_address = !billing.street.empty() || !billing.city.empty() ||
                           !billing.region.empty() || !billing.postal_code.empty() ||
                           !billing.country.empty();
  if (!has_address && !accounts_payable && billing.tax_id.empty()) return;
  partner.open(0, "billing");
  if (has_address) {
    partner.open(2, "address");
    if (!billing.street.empty()) {
      partner.open(4, "lines");
      for (const std::string& line : billing.street) partner.item(6, line);
    }
    for (const auto& [key, value] :
         {std::pair<std::string_view, const std::string&>{"city", billing.city},
          {"region", billing.region},
          {"postal_code", billing.postal_code},
          {"country", billing.country}})
      if (!value.empty()) partner.text(4, key, value);
  }
  if (accounts_payable) {
    partner.open(2, "accounts_payable");
    partner.text(4, "name",
                 accounts_payable->name.empty() ? accounts_payable->email : accounts_payable->name);
    partner.text(4, "email", accounts_payable->email);
  }
  if (!billing.tax_id.empty()) partner.text(2, "tax_id", billing.tax_id);
}

}  // namespace

std::optional<Mailbox> parse_mailbox(std::string_view text, std::string* error) {
  Mailbox mailbox;
  const std::string whole = trim(text);
  const std::size_t open = whole.rfind('<');
  if (open != std::string::npos) {
    if (!whole.ends_with('>') || whole.find('>') != whole.size() - 1) {
      if (error) *error = "'" + whole + "' is not of the form \"Name <email>\"";
      return std::nullopt;
    }
    mailbox.name = trim(std::string_view(whole).substr(0, open));
    mailbox.email = trim(std::string_view(whole).substr(open + 1, whole.size() - open - 2));
  } else if (whole.find('>') != std::string::npos) {
    if (error) *error = "'" + whole + "' is not of the form \"Name <email>\"";
    return std::nullopt;
  } else {
    mailbox.email = whole;
  }
  if (!is_well_formed_email(mailbox.email)) {
    if (error) *error = "'" + mailbox.email + "' is not an email address";
    return std::nullopt;
  }
  return mailbox;
}

std::string default_owner(const Workspace& workspace) {
  if (!workspace.organisation()) return {};
  const auto& roles = workspace.organisation()->roles;
  const auto it = roles.find("partnerships");
  if (it == roles.end() || it->second.empty()) return {};
  return it->second.front();
}

std::string markdown_inline(std::string_view text) {
  static constexpr std::string_view k_syntax = "\\`*_[]<>#|~&!";
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (k_syntax.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::optional<transitions::ChangeSet> plan_new_lead(const Workspace& workspace,
                                                    const NewLeadRequest& request,
                                                    const NotesRenderer& render_notes,
                                                    Diagnostics& diagnostics) {
  const std::string slug = util::slugify(request.name);
  if (slug.empty()) {
    diagnostics.error(
        "new-slug-empty", "partners", {},
        "the name '" + request.name + "' has no letter or digit to make a folder name from",
        "give the organisation's name in Latin letters or digits");
    return std::nullopt;
  }
  const std::string folder = "partners/" + slug;
  for (const std::string& existing : request.existing_folders) {
    if (lower(existing) != slug) continue;
    diagnostics.error("new-slug-taken", "partners/" + existing, {},
                      "'" + request.name + "' would be partners/" + slug + ", and partners/" +
                          existing + " exists",
                      existing == slug ? "the partner is there already; or give a longer name "
                                         "that tells the two apart"
                                       : "folder names differing only in case clash on macOS and "
                                         "Windows; give a name that tells the two apart");
    return std::nullopt;
  }
  const Stage* initial = nullptr;
  if (workspace.lifecycle()) {
    for (const Stage& stage : workspace.lifecycle()->stages())
      if (stage.initial) {
        initial = &stage;
        break;
      }
  }
  if (!initial) {
    diagnostics.error("new-lifecycle", "schemas/lifecycle.yaml", {},
                      "the lifecycle has no initial stage (or did not load), so a new partner has "
                      "no stage to start at",
                      "mark one stage `initial: true` and run partnerops validate");
    return std::nullopt;
  }
  const std::string owner = request.owner.empty() ? default_owner(workspace) : request.owner;
  if (owner.empty()) {
    diagnostics.error("new-owner-missing", "partnerops.yaml", {},
                      "the new lead needs an owner, and partnerops.yaml roles.partnerships names "
                      "nobody to default to",
                      "pass --owner EMAIL, or list the partnerships team under roles.partnerships");
    return std::nullopt;
  }
  for (const auto& [what, email] :
       {std::pair<std::string, std::string>{"owner", owner}, {"contact", request.contact.email}}) {
    if (is_well_formed_email(email)) continue;
    diagnostics.error("new-email-invalid", folder + "/partner.yaml", {},
                      "the " + what + " '" + email + "' is not an email address",
                      "write it as name@example.org");
    return std::nullopt;
  }
  std::optional<Mailbox> accounts_payable;
  if (!request.billing.accounts_payable.empty()) {
    std::string error;
    accounts_payable = parse_mailbox(request.billing.accounts_payable, &error);
    if (!accounts_payable) {
      diagnostics.error("new-email-invalid", folder + "/partner.yaml", {},
                        "the accounts-payable contact: " + error,
                        "write it as \"Name <ap@example.org>\"");
      return std::nullopt;
    }
  }
  const std::string contact_name =
      request.contact.name.empty() ? request.contact.email : request.contact.name;

  YamlWriter partner;
  partner.comment("yaml-language-server: $schema=../../schemas/partner.schema.yaml");
  partner.raw(0, "slug", slug);
  partner.text(0, "name", request.name);
  partner.raw(0, "qualified", "false");
  partner.text(0, "stage", initial->id);
  partner.text(0, "owner", owner);
  partner.open(0, "contacts");
  partner.item_text(2, "name", contact_name);
  partner.text(4, "email", request.contact.email);
  partner.text(4, "role", request.contact_role);
  partner.raw(4, "primary", "true");
  write_billing(partner, request.billing, accounts_payable);
  partner.open(0, "history");
  partner.item_raw(2, "date", request.date.iso());
  partner.text(4, "stage", initial->id);
  partner.text(4, "reason", request.reason);
  const std::string partner_path = folder + "/partner.yaml";
  if (!transitions::revalidate(workspace, partner_path, partner.str(), diagnostics))
    return std::nullopt;

  nlohmann::json context;
  context["organisation"] = {
      {"name", markdown_inline(workspace.organisation() ? workspace.organisation()->name : "")}};
  context["partner"] = {
      {"name", markdown_inline(request.name)},
      {"slug", slug},
      {"owner", markdown_email(owner)},
      {"stage", markdown_inline(initial->title.empty() ? initial->id : initial->title)},
      {"contacts", nlohmann::json::array({{{"name", markdown_inline(contact_name)},
                                           {"email", markdown_email(request.contact.email)},
                                           {"role", markdown_inline(request.contact_role)}}})}};
  context["entry"] = {{"date", request.date.iso()}, {"reason", markdown_inline(request.reason)}};
  std::optional<std::string> notes = render_notes(context, diagnostics);
  if (!notes) return std::nullopt;

  std::string error;
  const std::optional<std::string> message =
      git::format_transition_message({slug, "", initial->id, request.reason}, &error);
  if (!message) {
    diagnostics.error("new-lifecycle", "schemas/lifecycle.yaml", {}, error);
    return std::nullopt;
  }
  transitions::ChangeSet changes;
  changes.folder = folder;
  changes.edits.push_back({partner_path, partner.str()});
  changes.edits.push_back({folder + "/notes.md", std::move(*notes)});
  changes.message = *message;
  changes.suggested_branch = transitions::expand_branch_pattern(
      transitions::branch_patterns(workspace).new_lead.value, slug, initial->id);
  return changes;
}

}  // namespace partnerops::scaffold
