#include "scaffold/new_organisation.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model/placeholder.hpp"
#include "scaffold/yaml_writer.hpp"

namespace partnerops::scaffold {

namespace fs = std::filesystem;

namespace {

bool is_currency(const std::string& code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

/// The skeleton's files (dotfiles included), links skipped.
bool read_skeleton(const fs::path& folder, const NewOrganisationRequest& request,
                   std::vector<DefaultFile>* out, std::string* error) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->is_symlink()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      if (error) *error = "cannot read " + it->path().string();
      return false;
    }
    DefaultFile file{it->path().lexically_relative(folder).generic_string(), text.str()};
    if (file.path == "README.md") {
      file.content = replace_all(file.content, "@ORGANISATION@", request.name);
      file.content = replace_all(file.content, "@TOOLKIT_VERSION@", request.toolkit_version);
    }
    out->push_back(std::move(file));
  }
  if (ec) {
    if (error) *error = "cannot list the skeleton " + folder.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

std::string organisation_settings(const NewOrganisationRequest& request) {
  const bool sponsored = !request.fiscal_sponsor.empty();
  YamlWriter out;
  out.comment("yaml-language-server: $schema=schemas/partnerops.schema.yaml");
  out.comment(request.name + "'s settings: who we are on every document, how we get paid,");
  out.comment("who signs. Values that start with TODO are placeholders only you can fill");
  out.comment("in; `partnerops validate` warns about each until it is done.");
  out.raw(0, "toolkit_version", "\"" + request.toolkit_version + "\"");
  out.open(0, "organisation");
  out.text(2, "name", request.name);
  out.text(2, "legal_name", placeholder("registered legal name"));
  out.open(2, "address");
  out.item(4, placeholder("street address"));
  out.item(4, placeholder("city, postcode and country"));
  out.text(2, "tax_id", placeholder("tax or charity number"));
  out.text(2, "email", placeholder("the address partners write to"));
  out.text(2, "website", placeholder("web address"));
  out.open(0, "payment");
  out.text(2, "bank", placeholder("bank name"));
  out.text(2, "account_name", placeholder("name on the account"));
  out.text(2, "account_number", placeholder("account number (or write iban instead)"));
  out.text(2, "instructions", "Please quote the invoice number with your payment.");
  out.open(0, "signatories");
  out.item_text(2, "name", request.person_name);
  out.text(4, "title", placeholder("job title"));
  out.text(4, "email", request.person_email);
  if (sponsored) {
    out.open(0, "fiscal_sponsor");
    out.text(2, "name", request.fiscal_sponsor);
    out.text(2, "legal_name", placeholder("the sponsor's registered legal name"));
    out.open(2, "address");
    out.item(4, placeholder("the sponsor's address"));
    out.text(2, "email", placeholder("the sponsor's contact address"));
    out.raw(2, "issues_invoices", "true");
    out.raw(2, "signs_agreements", "true");
  }
  out.open(0, "numbering");
  out.text(2, "invoice", "INV-{year}-{seq:4}");
  out.text(2, "credit_note", "CN-{year}-{seq:4}");
  out.text(2, "quote", "Q-{year}-{seq:3}");
  out.open(0, "defaults");
  out.raw(2, "currency", request.currency);
  out.raw(2, "payment_terms_days", "30");
  // US dollars suggest North American paper; everyone else prints on A4.
  out.raw(2, "paper", request.currency == "USD" ? "letter" : "a4");
  out.raw(2, "margins_mm", "{top: 20, right: 18, bottom: 22, left: 18}");
  out.raw(2, "date_style", "long");
  out.raw(2, "lead_inactive_days", "45");
  out.raw(2, "renewal_notice_days", "60");
  out.open(0, "branding");
  out.text(2, "primary_colour", "#1f4e79");
  out.text(2, "accent_colour", "#e07a1f");
  out.text(2, "footer",
           sponsored ? request.name + " is a fiscally sponsored project of " +
                           request.fiscal_sponsor + "."
                     : request.name);
  out.comment("Who belongs to which team, by e-mail address: owners and reviewers are");
  out.comment("checked against these lists.");
  out.open(0, "roles");
  for (const char* role : {"finance", "leadership", "partnerships"}) {
    out.open(2, role);
    out.item(4, request.person_email);
  }
  out.open(0, "branches");
  out.text(2, "advance", "advance/{slug}-{stage}");
  out.text(2, "invoice_run", "invoice-run/{period}");
  return out.str();
}

std::optional<std::vector<DefaultFile>> plan_new_organisation(
    const NewOrganisationRequest& request, const std::vector<DefaultFile>& defaults,
    const fs::path& skeleton, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<std::vector<DefaultFile>> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  if (request.name.find_first_not_of(" \t") == std::string::npos)
    return fail("--name must name the organisation");
  if (request.name.find('\n') != std::string::npos) return fail("--name must be one line");
  if (!is_currency(request.currency))
    return fail("--currency must be an ISO 4217 code in capitals, e.g. USD or EUR, not '" +
                request.currency + "'");
  if (request.fiscal_sponsor.find('\n') != std::string::npos)
    return fail("--fiscal-sponsor must be one line");

  std::vector<DefaultFile> files = defaults;
  DefaultsRecord record;
  for (const DefaultFile& file : defaults) record[file.path] = digest_of(file.content);
  if (!read_skeleton(skeleton, request, &files, error)) return std::nullopt;
  files.push_back({"partnerops.yaml", organisation_settings(request)});
  files.push_back({k_defaults_record, record_text(record)});
  std::sort(files.begin(), files.end(),
            [](const DefaultFile& a, const DefaultFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace partnerops::scaffold
