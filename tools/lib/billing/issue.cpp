#include "billing/issue.hpp"

#include <filesystem>

#include "check/billing_details.hpp"
#include "model/numbering.hpp"
#include "transitions/record.hpp"
#include "yaml/edit.hpp"

namespace partnerops::billing {

std::string find_invoice_owner(const std::string& root, const std::string& number) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path partners = fs::path(root) / k_partners_dir;
  for (fs::directory_iterator it(partners, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code exists;
    if (fs::is_regular_file(it->path() / "invoices" / (number + ".yaml"), exists))
      return it->path().filename().string();
  }
  return {};
}

FoundInvoice find_invoice(const Workspace& workspace, const std::string& number,
                          Diagnostics& diagnostics) {
  for (const PartnerFolder& folder : workspace.partners())
    if (const Invoice* invoice = folder.invoice(number)) return {&folder, invoice};
  diagnostics.error("invoice-unknown", std::string(k_partners_dir), {},
                    "there is no invoice " + number + " (partners/<slug>/invoices/" + number +
                        ".yaml that loads)",
                    "check the number; partnerops validate reports invoices that do not load");
  return {};
}

std::int64_t payment_terms_days(const Workspace& workspace, const PartnerFolder& folder) {
  if (folder.agreement && folder.agreement->payment_terms_days)
    return *folder.agreement->payment_terms_days;
  if (workspace.organisation() && workspace.organisation()->payment_terms_days)
    return *workspace.organisation()->payment_terms_days;
  return 30;
}

const ChecklistItem* first_invoice_item(const Workspace& workspace, const PartnerFolder& folder) {
  if (!workspace.lifecycle() || !folder.partner) return nullptr;
  const Partner& partner = *folder.partner;
  const Stage* stage = workspace.lifecycle()->stage(partner.stage.value);
  if (!stage) return nullptr;
  for (const ChecklistItem& item : stage->checklist)
    if (item.recorded_by == k_recorded_by_issue && !partner.checklist.contains(item.id))
      return &item;
  return nullptr;
}

namespace {

/// False, after reporting `invoice-date-order`, when issuing `draft` on
/// `date` would date it before an issued invoice with an earlier number of
/// its sequence, or after one with a later number: `validate` would then
/// report the pair.
bool dates_follow_numbers(const Workspace& workspace, const NumberingRule& rule,
                          const NumberingRule::Match& draft_match, const Invoice& draft, Date date,
                          Diagnostics& diagnostics) {
  const Invoice* earlier = nullptr;  // the latest-dated earlier number issued after `date`
  const Invoice* later = nullptr;    // the earliest-dated later number issued before `date`
  for (const PartnerFolder& folder : workspace.partners()) {
    for (const Invoice& other : folder.invoices) {
      if (other.status.value == InvoiceStatus::draft || !other.issue_date) continue;
      const std::optional<NumberingRule::Match> match = rule.match(other.number.value);
      if (!match || match->sequence != draft_match.sequence) continue;
      const Date issued = other.issue_date->value;
      if (match->seq < draft_match.seq && date < issued &&
          (!earlier || earlier->issue_date->value < issued))
        earlier = &other;
      if (match->seq > draft_match.seq && issued < date &&
          (!later || issued < later->issue_date->value))
        later = &other;
    }
  }
  if (!earlier && !later) return true;
  const Invoice& other = earlier ? *earlier : *later;
  const std::string other_date = other.issue_date->value.iso();
  diagnostics.error("invoice-date-order", draft.file, draft.number.position,
                    "issuing invoice " + draft.number.value + " on " + date.iso() +
                        " would date it " + (earlier ? "before " : "after ") + other.number.value +
                        ", issued on " + other_date + " with " +
                        (earlier ? "an earlier" : "a later") + " number",
                    "numbers follow issue dates: issue it with --date " + other_date +
                        (earlier ? " or later" : " or earlier") +
                        (earlier ? "" : ", or issue the drafts in number order"));
  return false;
}

}  // namespace

bool issue_input(std::string_view path, EntryType type, std::string_view slug) {
  if (type == EntryType::directory) return true;
  if (path == "partnerops.yaml" || path.starts_with("schemas/")) return true;
  if (!path.starts_with("partners/")) return false;
  const std::size_t slash = path.find('/', 9);
  if (slash == std::string_view::npos) return false;
  if (path.substr(9, slash - 9) == slug) return true;
  return path.substr(slash + 1).starts_with("invoices/");
}

std::optional<transitions::ChangeSet> plan_issue(const Workspace& workspace,
                                                 const IssueRequest& request,
                                                 Diagnostics& diagnostics) {
  const FoundInvoice found = find_invoice(workspace, request.number, diagnostics);
  if (!found.invoice) return std::nullopt;
  const Invoice& invoice = *found.invoice;
  if (invoice.status.value != InvoiceStatus::draft) {
    diagnostics.error("invoice-not-draft", invoice.file, invoice.status.position,
                      "invoice " + invoice.number.value + " is " +
                          std::string(to_string(invoice.status.value)) +
                          ", not a draft; an issued invoice is never issued again or edited",
                      "correct an issued invoice with partnerops invoice credit");
    return std::nullopt;
  }
  if (!report_missing_billing(*found.folder, invoice, Severity::error, diagnostics))
    return std::nullopt;
  if (workspace.organisation()) {
    const auto pattern = workspace.organisation()->numbering.find("invoice");
    const std::optional<NumberingRule> rule = pattern == workspace.organisation()->numbering.end()
                                                  ? std::nullopt
                                                  : NumberingRule::parse(pattern->second);
    const std::optional<NumberingRule::Match> match =
        rule ? rule->match(invoice.number.value) : std::nullopt;
    if (match && rule->pattern().find("{year}") != std::string::npos &&
        rule->format(request.date.year(), match->seq) != invoice.number.value) {
      diagnostics.error("invoice-issue-year", invoice.file, invoice.number.position,
                        "invoice " + invoice.number.value + " is numbered for another year than " +
                            std::to_string(request.date.year()) + ", its issue date " +
                            request.date.iso(),
                        "issue it with a --date in the year of its number, or let the next "
                        "invoice run number a new draft");
      return std::nullopt;
    }
    if (match &&
        !dates_follow_numbers(workspace, *rule, *match, invoice, request.date, diagnostics))
      return std::nullopt;
  }
  const WorkspaceFile* file = workspace.file(invoice.file);
  const Date due =
      request.date.plus_days(static_cast<int>(payment_terms_days(workspace, *found.folder)));
  std::string error;
  std::optional<std::string> text =
      yaml::set_scalar(file->content(), "status", yaml::Scalar::raw("issued"), "number", &error);
  if (text)
    text = yaml::set_scalar(*text, "issue_date", yaml::Scalar::raw(request.date.iso()), "status",
                            &error);
  if (text)
    text = yaml::set_scalar(*text, "due_date", yaml::Scalar::raw(due.iso()), "issue_date", &error);
  if (!text) {
    diagnostics.error("advance-edit-refused", invoice.file, {},
                      "the invoice cannot be edited safely: " + error,
                      "set status, issue_date and due_date by hand");
    return std::nullopt;
  }
  if (!transitions::revalidate(workspace, invoice.file, *text, diagnostics)) return std::nullopt;
  transitions::ChangeSet changes;
  changes.folder = found.folder->path;
  changes.edits.push_back({invoice.file, *text});
  changes.message = found.folder->slug + ": issue " + invoice.number.value +
                    "\n\nPartner: " + found.folder->slug + "\nInvoice: " + invoice.number.value +
                    "\nIssue-Date: " + request.date.iso() + "\nDue-Date: " + due.iso() + "\n";
  // The SOP step "issue the first invoice" is done by this very commit, or
  // was done when an invoice was first issued without it being recorded.
  if (const ChecklistItem* item = first_invoice_item(workspace, *found.folder);
      item && found.folder->partner_file) {
    Date done = request.date;
    for (const Invoice& other : found.folder->invoices)
      if (other.status.value != InvoiceStatus::draft && other.issue_date &&
          other.issue_date->value < done)
        done = other.issue_date->value;
    const std::string partner_path = found.folder->path + "/partner.yaml";
    const std::optional<std::string> partner_text = transitions::set_checklist_date(
        found.folder->partner_file->content(), partner_path, item->id, done, diagnostics);
    if (!partner_text ||
        !transitions::revalidate(workspace, partner_path, *partner_text, diagnostics))
      return std::nullopt;
    changes.edits.push_back({partner_path, *partner_text});
    changes.message += "Checklist-Item: " + item->id + "\n";
  }
  changes.suggested_branch = "invoice-issue/" + invoice.number.value;
  return changes;
}

}  // namespace partnerops::billing
