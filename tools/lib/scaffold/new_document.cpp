#include "scaffold/new_document.hpp"

#include <set>

#include "model/numbering.hpp"
#include "model/placeholder.hpp"
#include "scaffold/yaml_writer.hpp"
#include "util/slug.hpp"
#include "yaml/node.hpp"

namespace partnerops::scaffold {

namespace {

/// The partner's agreement currency, else the organisation's default.
std::string currency_for(const Workspace& workspace, const PartnerFolder& folder) {
  if (folder.agreement && !folder.agreement->currency.empty()) return folder.agreement->currency;
  if (workspace.organisation() && !workspace.organisation()->default_currency.empty())
    return workspace.organisation()->default_currency;
  return "USD";
}

/// The next free number of `rule` in `year`, looking at the file names of
/// every quote (also those that did not load, so a broken file's number is
/// never handed out twice).
std::string next_number(const Workspace& workspace, const NumberingRule& rule, int year) {
  const std::string sequence = rule.match(rule.format(year, 1))->sequence;
  long long highest = 0;
  for (const std::unique_ptr<WorkspaceFile>& file : workspace.files()) {
    const std::string& path = file->path;
    const std::size_t quotes = path.find("/quotes/");
    if (!path.starts_with("partners/") || quotes == std::string::npos || !path.ends_with(".yaml"))
      continue;
    const std::string stem = path.substr(quotes + 8, path.size() - quotes - 8 - 5);
    const std::optional<NumberingRule::Match> match = rule.match(stem);
    if (match && match->sequence == sequence) highest = std::max(highest, match->seq);
  }
  return rule.format(year, highest + 1);
}

std::string quote_text(const Workspace& workspace, const PartnerFolder& folder,
                       const std::string& number, const Date& date) {
  YamlWriter out;
  out.comment("yaml-language-server: $schema=../../../schemas/quote.schema.yaml");
  out.text(0, "number", number);
  out.raw(0, "date", date.iso());
  out.raw(0, "valid_until", date.plus_days(k_quote_valid_days).iso());
  out.text(0, "currency", currency_for(workspace, folder));
  out.raw(0, "status", "draft");
  out.open(0, "lines");
  out.item_text(2, "description", placeholder("the service or deliverable quoted"));
  out.raw(4, "quantity", "1");
  // "0" holds in every currency, whatever its minor units.
  out.raw(4, "unit_price", "\"0\"");
  out.raw(4, "amount", "\"0\"");
  out.raw(0, "subtotal", "\"0\"");
  out.open(0, "tax");
  out.text(2, "label", "Tax");
  out.raw(2, "rate_percent", "\"0\"");
  out.raw(2, "amount", "\"0\"");
  out.raw(0, "total", "\"0\"");
  return out.str();
}

std::string sow_text(const Workspace& workspace, const PartnerFolder& folder, const std::string& id,
                     const std::string& title, const Date& date) {
  YamlWriter out;
  out.comment("yaml-language-server: $schema=../../../schemas/sow.schema.yaml");
  out.text(0, "id", id);
  out.text(0, "title", title);
  out.raw(0, "agreement", "agreement.yaml");
  out.raw(0, "status", "draft");
  out.raw(0, "date", date.iso());
  out.text(0, "currency", currency_for(workspace, folder));
  // Hours alone until someone decides the prices: a zero rate would print
  // as $0.00 on the document.
  out.comment("rates: list each role's hourly rate to price the hours, e.g.");
  out.comment("  - role: Research software engineer");
  out.comment("    rate: \"145.00\"");
  out.text(0, "background", placeholder("why this work, for whom, and what it builds on"));
  out.open(0, "deliverables");
  out.item_raw(2, "id", "d1");
  out.text(4, "title", placeholder("deliverable"));
  out.text(4, "overview", placeholder("what is delivered"));
  out.open(4, "definition_of_done");
  out.item(6, placeholder("how both sides know it is done"));
  out.text(4, "role", placeholder("role"));
  out.open(4, "estimates");
  out.item_text(6, "task", placeholder("task"));
  out.raw(8, "low_hours", "0");
  out.raw(8, "high_hours", "0");
  return out.str();
}

/// Which agreement a new SOW is an addendum to, said once it is written:
/// its file, title and status, and what is left to do on the agreement's
/// side when it does not list the SOW yet.
std::string attachment_note(const PartnerFolder& folder, const std::string& sow_path) {
  const std::string agreement = folder.path + "/agreement.yaml";
  const std::string relative = sow_path.substr(folder.path.size() + 1);
  if (!folder.agreement) return relative + " is an addendum to " + agreement;
  std::string note = relative + " is an addendum to " + agreement + " (\"" +
                     folder.agreement->title + "\", " + folder.agreement->status.value + ")";
  bool listed = false;
  for (const Addendum& addendum : folder.agreement->addenda)
    listed = listed || addendum.file.value == relative;
  if (!listed) note += "; list it in the agreement's addenda (file: " + relative + ", kind: sow)";
  return note;
}

std::string agreement_text(const Workspace& workspace, const PartnerFolder& folder,
                           const std::string& title, const Date& date) {
  const std::optional<Organisation>& organisation = workspace.organisation();
  YamlWriter out;
  out.comment("yaml-language-server: $schema=../../schemas/agreement.schema.yaml");
  out.raw(0, "kind", "service-agreement");
  out.text(0, "title", title);
  out.raw(0, "status", "draft");
  out.text(0, "currency", currency_for(workspace, folder));
  out.text(0, "scope", placeholder("the scope of the collaboration"));
  out.open(0, "services");
  out.item_text(2, "name", placeholder("service"));
  out.text(4, "description", placeholder("what the service includes"));
  out.open(0, "responsibilities");
  out.open(2, "ours");
  out.item(4, placeholder("what we do"));
  out.open(2, "theirs");
  out.item(4, placeholder("what the partner does"));
  out.open(0, "term");
  out.raw(2, "start", date.iso());
  out.raw(2, "end", date.plus_days(364).iso());
  out.raw(2, "renewal", "manual");
  const auto or_default = [](const std::optional<std::int64_t>& days, std::int64_t fallback) {
    return std::to_string(days.value_or(fallback));
  };
  out.raw(2, "notice_days",
          or_default(organisation ? organisation->renewal_notice_days : std::nullopt, 60));
  out.raw(0, "payment_terms_days",
          or_default(organisation ? organisation->payment_terms_days : std::nullopt, 30));
  out.open(0, "clauses");
  out.raw(2, "data_protection", "true");
  out.raw(2, "confidentiality", "true");
  out.raw(2, "publicity", "false");
  out.open(0, "signatories");
  if (organisation) {
    for (const OurSignatory& signatory : organisation->signatories) {
      if (signatory.name.empty() || signatory.title.empty()) continue;
      out.item_text(2, "name", signatory.name);
      out.text(4, "title", signatory.title);
      out.raw(4, "party", "ours");
      if (!signatory.email.empty()) out.text(4, "email", signatory.email);
    }
  }
  if (folder.partner) {
    const Contact* signer = folder.partner->primary_contact();
    if (signer) {
      out.item_text(2, "name", signer->name);
      out.text(4, "title", signer->role);
      out.raw(4, "party", "partner");
      out.text(4, "email", signer->email.value);
    }
  }
  out.open(0, "history");
  out.item_raw(2, "date", date.iso());
  out.raw(4, "status", "draft");
  out.text(4, "note", "started with partnerops new agreement");
  return out.str();
}

}  // namespace

std::string_view name_of(NewDocumentKind kind) {
  switch (kind) {
    case NewDocumentKind::quote:
      return "quote";
    case NewDocumentKind::sow:
      return "sow";
    case NewDocumentKind::agreement:
      return "agreement";
  }
  return "";
}

std::optional<transitions::ChangeSet> plan_new_document(const Workspace& workspace,
                                                        const NewDocumentRequest& request,
                                                        Diagnostics& diagnostics) {
  const PartnerFolder* folder = transitions::find_partner(workspace, request.slug, diagnostics);
  if (!folder) return std::nullopt;
  if (!folder->partner) {
    diagnostics.error("new-edit-refused", folder->path + "/partner.yaml", {},
                      "partner.yaml does not load, so there is nothing to scaffold from",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  const std::string& partner_name = folder->partner->name;
  std::string path;
  std::string text;
  std::string subject;
  std::string note;
  std::string trailers;
  switch (request.kind) {
    case NewDocumentKind::quote: {
      const auto& numbering = workspace.organisation() ? workspace.organisation()->numbering
                                                       : decltype(Organisation::numbering){};
      const auto rule_text = numbering.find("quote");
      const std::optional<NumberingRule> rule =
          rule_text == numbering.end() ? std::nullopt : NumberingRule::parse(rule_text->second);
      if (!rule || !rule->match(rule->format(request.date.year(), 1))) {
        diagnostics.error("new-numbering", "partnerops.yaml", {},
                          "partnerops.yaml numbering.quote is missing or not a usable rule",
                          "set it, e.g. quote: \"Q-{year}-{seq:3}\"");
        return std::nullopt;
      }
      const std::string number = next_number(workspace, *rule, request.date.year());
      path = folder->path + "/quotes/" + number + ".yaml";
      text = quote_text(workspace, *folder, number, request.date);
      subject = number;
      break;
    }
    case NewDocumentKind::sow: {
      if (!folder->agreement_file) {
        diagnostics.error("new-needs-agreement", folder->path + "/agreement.yaml", {},
                          "a statement of work is an addendum to the agreement, and " +
                              folder->path + " has none",
                          "run partnerops new agreement " + request.slug + " first");
        return std::nullopt;
      }
      // The id becomes the file name: "../../x" would write outside the
      // partner folder, and "a..b" is no identifier.
      if (!request.id.empty() && !util::is_safe_identifier(request.id)) {
        diagnostics.error("new-id-invalid", folder->path + "/sow", {},
                          "the SOW id '" + request.id + "' is not an identifier",
                          "use letters, digits, '.', '_' and '-', starting with a letter or "
                          "digit, e.g. 2027-deployment");
        return std::nullopt;
      }
      std::set<std::string> taken;
      for (const WorkspaceFile* file : folder->sow_files) taken.insert(file->path);
      std::string id = request.id;
      if (id.empty()) {
        for (int n = 1;; ++n) {
          id = "sow-" + std::to_string(n);
          if (!taken.count(folder->path + "/sow/" + id + ".yaml") &&
              !workspace.source().is_file(folder->path + "/sow/" + id + ".yaml"))
            break;
        }
      }
      path = folder->path + "/sow/" + id + ".yaml";
      if (taken.count(path) || workspace.source().is_file(path)) {
        diagnostics.error("new-file-exists", path, {}, "the statement of work '" + id + "' exists",
                          "choose another --id, or edit the existing file");
        return std::nullopt;
      }
      const std::string title =
          request.title.empty() ? "Statement of Work: " + partner_name : request.title;
      text = sow_text(workspace, *folder, id, title, request.date);
      subject = id;
      note = attachment_note(*folder, path);
      trailers = "Agreement: agreement.yaml\n";
      break;
    }
    case NewDocumentKind::agreement: {
      path = folder->path + "/agreement.yaml";
      if (folder->agreement_file || workspace.source().is_file(path) || workspace.refused(path)) {
        diagnostics.error("new-file-exists", path, {}, "the partner has an agreement already",
                          "edit it; a partner has one agreement, amended by addenda");
        return std::nullopt;
      }
      const std::string organisation =
          workspace.organisation() ? workspace.organisation()->name : std::string();
      const std::string title =
          request.title.empty()
              ? (organisation.empty() ? "" : organisation + " ") + "Service Agreement"
              : request.title;
      text = agreement_text(workspace, *folder, title, request.date);
      subject = "agreement.yaml";
      break;
    }
  }
  if (!transitions::revalidate(workspace, path, text, diagnostics)) return std::nullopt;

  transitions::ChangeSet changes;
  changes.folder = folder->path;
  changes.edits.push_back({path, std::move(text)});
  const std::string kind(name_of(request.kind));
  changes.message = request.slug + ": new " + kind + " " + subject +
                    "\n\nPartner: " + request.slug +
                    "\nNew-Document: " + path.substr(folder->path.size() + 1) + "\n" + trailers;
  changes.note = std::move(note);
  changes.suggested_branch = "new/" + request.slug + "-" + kind;
  return changes;
}

}  // namespace partnerops::scaffold
