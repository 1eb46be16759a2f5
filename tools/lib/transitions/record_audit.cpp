#include "transitions/record_audit.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "transitions/record.hpp"
#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::transitions {

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The requirements as a hint lists them: "1. …; 2. …".
std::string numbered(const std::vector<Field<std::string>>& requirements) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < requirements.size(); ++i)
    lines.push_back(std::to_string(i + 1) + ". " + requirements[i].value);
  return util::join(lines, "; ");
}

/// The requirement `name` stands for: its number, its text, or the one
/// requirement whose text starts with it (case aside). Nullopt after
/// reporting `audit-unknown-requirement`.
std::optional<std::string> resolve(const Agreement& agreement, const std::string& name,
                                   Diagnostics& diagnostics) {
  const std::vector<Field<std::string>>& listed = agreement.compliance;
  if (!name.empty() &&
      std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    const std::size_t number = name.size() > 6 ? 0 : std::stoul(name);
    if (number >= 1 && number <= listed.size()) return listed[number - 1].value;
  }
  std::vector<std::string> starting;
  for (const Field<std::string>& requirement : listed) {
    if (requirement.value == name) return requirement.value;
    if (!name.empty() && lowered(requirement.value).starts_with(lowered(name)))
      starting.push_back(requirement.value);
  }
  if (starting.size() == 1) return starting.front();
  diagnostics.error(
      "audit-unknown-requirement", agreement.file,
      listed.empty() ? Position{} : listed.front().position,
      starting.empty()
          ? "the agreement lists no compliance requirement '" + name + "'"
          : "'" + name + "' starts " + std::to_string(starting.size()) + " compliance requirements",
      "name one by its number or its text: " + numbered(listed));
  return std::nullopt;
}

/// One audit as a block list item at `indent` (the dash's column).
std::string audit_item(const AuditRequest& request, const std::vector<std::string>& met,
                       const std::vector<std::string>& not_met, std::size_t indent) {
  const std::string pad(indent, ' ');
  const auto str = [](const std::string& text) { return yaml::format_string(text); };
  std::string out = pad + "- date: " + request.date.iso() + "\n";
  out += pad + "  auditor: " + str(request.auditor) + "\n";
  out += pad + "  results:\n";
  for (const std::string& requirement : met)
    out += pad + "    - requirement: " + str(requirement) + "\n" + pad + "      result: met\n";
  for (std::size_t i = 0; i < not_met.size(); ++i) {
    out += pad + "    - requirement: " + str(not_met[i]) + "\n" + pad + "      result: not-met\n";
    out += pad + "      finding: " + str(request.not_met[i].finding) + "\n";
    out += pad + "      action: " + str(request.not_met[i].action) + "\n";
  }
  return out;
}

/// `text` (a compliance.yaml) with `item` appended to its `audits` list, or
/// nullopt with `error` filled when the list is not a block list this can
/// append to (the schema allows no other top-level key, so the list runs to
/// the end of the file).
std::optional<std::string> append_audit(const std::string& text, const AuditRequest& request,
                                        const std::vector<std::string>& met,
                                        const std::vector<std::string>& not_met,
                                        std::string* error) {
  std::size_t indent = 2;
  bool found = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (!found && line.starts_with("audits:")) {
      std::string_view rest = line.substr(7);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (!rest.empty() && rest.front() != '#') {
        *error = "its audits are not written as a block list";
        return std::nullopt;
      }
      found = true;
    } else if (found) {
      const std::size_t dash = line.find_first_not_of(' ');
      if (dash != std::string_view::npos && line[dash] == '-') {
        indent = dash;
        break;
      }
    }
    start = end + 1;
  }
  if (!found) {
    *error = "it has no top-level audits list";
    return std::nullopt;
  }
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out + audit_item(request, met, not_met, indent);
}

}  // namespace

std::optional<ChangeSet> plan_record_audit(const Workspace& workspace, const AuditRequest& request,
                                           Diagnostics& diagnostics) {
  const PartnerFolder* folder = find_partner(workspace, request.slug, diagnostics);
  if (!folder) return std::nullopt;
  const std::string path = folder->path + "/compliance.yaml";
  const std::string agreement_path = folder->path + "/agreement.yaml";
  if (!folder->agreement || folder->agreement->compliance.empty()) {
    diagnostics.error("audit-no-requirements", agreement_path, {},
                      folder->agreement ? "the agreement lists no compliance requirements"
                                        : "the partner has no agreement that loads",
                      "list the requirements under `compliance:` in agreement.yaml first");
    return std::nullopt;
  }
  const Agreement& agreement = *folder->agreement;
  std::vector<std::string> met;
  std::vector<std::string> not_met;
  std::set<std::string> named;
  bool ok = true;
  const auto take = [&](const std::string& name, std::vector<std::string>& into) {
    const std::optional<std::string> requirement = resolve(agreement, name, diagnostics);
    if (!requirement) {
      ok = false;
      return;
    }
    if (!named.insert(*requirement).second) {
      diagnostics.error("audit-duplicate-requirement", agreement_path, {},
                        "the requirement '" + *requirement + "' is named twice",
                        "give each requirement one result");
      ok = false;
      return;
    }
    into.push_back(*requirement);
  };
  for (const std::string& name : request.met) take(name, met);
  for (const UnmetRequirement& unmet : request.not_met) take(unmet.requirement, not_met);
  if (!ok) return std::nullopt;

  ChangeSet changes;
  changes.folder = folder->path;
  changes.suggested_branch = expand_branch_pattern(
      std::string(k_default_record_branch), request.slug, std::string(k_compliance_audit_item));
  std::string text;
  if (folder->compliance_file) {
    if (!folder->compliance) {
      diagnostics.error("advance-edit-refused", path, {},
                        "compliance.yaml does not load, so no audit can be added to it",
                        "run partnerops validate and fix the errors it reports first");
      return std::nullopt;
    }
    std::string error;
    const std::optional<std::string> appended =
        append_audit(folder->compliance_file->content(), request, met, not_met, &error);
    if (!appended) {
      diagnostics.error("advance-edit-refused", path, {},
                        "compliance.yaml cannot be edited safely: " + error,
                        "add the audit by hand, or rewrite the audits as a block list");
      return std::nullopt;
    }
    text = *appended;
  } else {
    text = "# yaml-language-server: $schema=../../schemas/compliance.schema.yaml\naudits:\n" +
           audit_item(request, met, not_met, 2);
  }
  if (!revalidate(workspace, path, text, diagnostics)) return std::nullopt;
  changes.edits.push_back({path, text});

  // The first audit also does the lifecycle's checklist item, so the
  // validator stops calling it overdue; a later one leaves its date alone.
  bool checklist = false;
  const Stage* stage = workspace.lifecycle() && folder->partner
                           ? workspace.lifecycle()->stage(folder->partner->stage.value)
                           : nullptr;
  if (stage && stage->item(k_compliance_audit_item) && folder->partner_file &&
      !folder->partner->checklist.contains(std::string(k_compliance_audit_item))) {
    const std::string partner_path = folder->partner_file->path;
    const std::optional<std::string> partner_text =
        set_checklist_date(folder->partner_file->content(), partner_path,
                           std::string(k_compliance_audit_item), request.date, diagnostics);
    if (!partner_text || !revalidate(workspace, partner_path, *partner_text, diagnostics))
      return std::nullopt;
    changes.edits.push_back({partner_path, *partner_text});
    checklist = true;
  }
  changes.message =
      request.slug + ": record the compliance audit of " + request.date.iso() + "\n\n" +
      std::to_string(met.size()) + " met, " + std::to_string(not_met.size()) +
      " not met, audited by " + request.auditor +
      (checklist ? "; checklist item " + std::string(k_compliance_audit_item) + " done." : ".") +
      "\n\nPartner: " + request.slug + "\nChecklist-Item: " + std::string(k_compliance_audit_item) +
      "\nAudit-Date: " + request.date.iso() + "\n";
  return changes;
}

}  // namespace partnerops::transitions
