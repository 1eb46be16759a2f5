#include "billing/renumber.hpp"

#include "billing/issue.hpp"
#include "billing/next_number.hpp"
#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::billing {

namespace {

struct Candidate {
  const PartnerFolder* folder;
  const Invoice* invoice;
};

/// The invoice of `request`: the one draft numbered so (in the named
/// partner's folder when one is named); nullopt after reporting why not.
std::optional<Candidate> choose_draft(const Workspace& workspace, const RenumberRequest& request,
                                      Diagnostics& diagnostics) {
  std::vector<Candidate> numbered;
  for (const PartnerFolder& folder : workspace.partners()) {
    if (!request.partner.empty() && folder.slug != request.partner) continue;
    for (const Invoice& invoice : folder.invoices)
      if (invoice.number.value == request.number) numbered.push_back({&folder, &invoice});
  }
  if (numbered.empty()) {
    if (request.partner.empty()) {
      find_invoice(workspace, request.number, diagnostics);  // reports invoice-unknown
    } else {
      diagnostics.error("invoice-unknown", std::string(k_partners_dir) + "/" + request.partner, {},
                        "partners/" + request.partner + " has no invoice " + request.number,
                        "check the number and the partner; partnerops validate reports invoices "
                        "that do not load");
    }
    return std::nullopt;
  }
  std::vector<Candidate> drafts;
  for (const Candidate& candidate : numbered)
    if (candidate.invoice->status.value == InvoiceStatus::draft) drafts.push_back(candidate);
  if (drafts.empty()) {
    const Invoice& issued = *numbered.front().invoice;
    diagnostics.error("invoice-not-draft", issued.file, issued.status.position,
                      "invoice " + issued.number.value + " is " +
                          std::string(to_string(issued.status.value)) +
                          ", not a draft; an issued invoice keeps its number for good, so it is "
                          "never renumbered",
                      "renumber the draft that took the same number instead; an issued invoice "
                      "is corrected with partnerops invoice credit");
    return std::nullopt;
  }
  if (drafts.size() > 1) {
    std::vector<std::string> slugs;
    slugs.reserve(drafts.size());
    for (const Candidate& draft : drafts) slugs.push_back(draft.folder->slug);
    const Invoice& second = *drafts[1].invoice;
    diagnostics.error(
        "invoice-number-ambiguous", second.file, second.number.position,
        "the drafts of " + util::join(slugs, " and ") + " are all numbered " + request.number,
        "name the one to renumber with --partner SLUG");
    return std::nullopt;
  }
  return drafts.front();
}

/// `path` with `from` in its file name replaced by `to`; `path` itself when
/// the name does not carry `from`.
std::string renamed(const std::string& path, const std::string& from, const std::string& to) {
  const std::size_t slash = path.rfind('/');
  const std::size_t name = slash == std::string::npos ? 0 : slash + 1;
  const std::size_t at = path.find(from, name);
  if (at == std::string::npos) return path;
  return path.substr(0, at) + to + path.substr(at + from.size());
}

}  // namespace

std::optional<transitions::ChangeSet> plan_renumber(const Workspace& workspace,
                                                    const RenumberRequest& request,
                                                    Diagnostics& diagnostics) {
  const std::optional<Candidate> chosen = choose_draft(workspace, request, diagnostics);
  if (!chosen) return std::nullopt;
  const Invoice& invoice = *chosen->invoice;
  const PartnerFolder& folder = *chosen->folder;
  const std::optional<NumberingRule> rule = numbering_rule(workspace, "invoice", diagnostics);
  if (!rule) return std::nullopt;

  // The draft's own number is free for it to keep: it is the last of its
  // sequence unless another file took it too.
  NextNumbers numbers(workspace, FileKind::invoice, *rule, invoice.file);
  const int issue_year = invoice.issue_date ? invoice.issue_date->value.year() : 0;
  const std::optional<int> year = numbers.year_of(invoice.number.value, issue_year);
  if (!year) {
    diagnostics.error("invoice-number-format", invoice.file, invoice.number.position,
                      "the invoice number " + invoice.number.value + " does not follow the rule " +
                          rule->pattern() + ", so it belongs to no sequence to renumber in",
                      "write a number of the rule by hand, e.g. " +
                          rule->format(issue_year > 0 ? issue_year : 2026, 1));
    return std::nullopt;
  }
  const std::string number = numbers.take(*year);
  transitions::ChangeSet changes;
  changes.folder = folder.path;
  changes.suggested_branch = "invoice-renumber/" + invoice.number.value;
  if (number == invoice.number.value) {
    changes.message = "invoice " + number + " already holds the next free number of its sequence";
    return changes;
  }

  const std::string path = renamed(invoice.file, invoice.number.value, number);
  if (path != invoice.file && (workspace.file(path) || workspace.refused(path))) {
    diagnostics.error("advance-edit-refused", invoice.file, {},
                      "the draft cannot be renamed to " + path + ": that file exists",
                      "rename or remove " + path + " first");
    return std::nullopt;
  }
  const WorkspaceFile* file = workspace.file(invoice.file);
  std::string error;
  const std::optional<std::string> text =
      file ? yaml::set_scalar(file->content(), "number", yaml::Scalar::string(number), "", &error)
           : std::nullopt;
  if (!text) {
    diagnostics.error("advance-edit-refused", invoice.file, invoice.number.position,
                      "the invoice cannot be edited safely: " + error,
                      "change its number (and the file name) by hand");
    return std::nullopt;
  }
  if (!transitions::revalidate(workspace, path, *text, diagnostics)) return std::nullopt;

  changes.edits.push_back({path, *text});
  if (path != invoice.file) changes.removals.push_back(invoice.file);
  changes.message = folder.slug + ": renumber draft " + invoice.number.value + " to " + number +
                    "\n\nPartner: " + folder.slug + "\nInvoice: " + number +
                    "\nRenumbered-From: " + invoice.number.value + "\n";
  return changes;
}

}  // namespace partnerops::billing
