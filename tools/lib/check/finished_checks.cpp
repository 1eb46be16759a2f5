// Checks that a document past draft is finished: no placeholder text left
// by a scaffold (model/placeholder: a value that starts with TODO) and no
// amount of zero that is not marked `free: true` (a quote line, an
// agreement fee, a SOW rate or a SOW milestone). `new quote|sow|agreement`
// writes both on purpose, so a draft only gets a warning for each; once the
// document is shared, sent or agreed (any status but draft) each is an
// error, since the partner would read it.

#include <unordered_set>

#include "check/checks.hpp"
#include "model/placeholder.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

/// partnerops.yaml has no status (empty): its placeholders, which `init`
/// writes, stay warnings.
bool past_draft(std::string_view status) { return !status.empty() && status != "draft"; }

/// One document a scaffold may have written: its file, what it is called
/// in messages and its status.
struct Scaffolded {
  const std::string& file;
  std::string_view kind;
  std::string_view status;
};

void report_placeholders(const yaml::Node& node, const std::string& where,
                         const Scaffolded& document, std::unordered_set<const yaml::Node*>& seen,
                         Diagnostics& out) {
  if (node.is_string()) {
    if (!is_placeholder(node.text())) return;
    const std::string text = "\"" + util::shorten(node.text(), 60) + "\"";
    if (past_draft(document.status)) {
      out.error("placeholder-text", document.file, node.position(),
                "the " + std::string(document.kind) + " is " + std::string(document.status) +
                    " but " + where + " is still placeholder text: " + text,
                "write the real " + where + ", or set the status back to draft");
    } else {
      out.warning("placeholder-text", document.file, node.position(),
                  where + " is placeholder text: " + text,
                  document.status.empty() ? "write the real " + where + "; documents print it"
                                          : "write the real " + where + " before the " +
                                                std::string(document.kind) + " leaves draft");
    }
    return;
  }
  // Aliases share nodes; each is reported once.
  if (!seen.insert(&node).second) return;
  std::size_t index = 0;
  for (const yaml::Node* item : node.items())
    report_placeholders(*item, where + "[" + std::to_string(index++) + "]", document, seen, out);
  for (const yaml::Entry& entry : node.entries())
    report_placeholders(
        *entry.value, where.empty() ? std::string(entry.key) : where + "." + std::string(entry.key),
        document, seen, out);
}

void check_document_placeholders(const Workspace& workspace, const Scaffolded& document,
                                 Diagnostics& out) {
  const WorkspaceFile* file = workspace.file(document.file);
  const std::shared_ptr<const yaml::Document> tree = file ? file->document() : nullptr;
  if (!tree) return;
  std::unordered_set<const yaml::Node*> seen;
  report_placeholders(tree->root(), "", document, seen, out);
}

/// Reports `amount` when it is zero and not marked free.
void check_zero(const std::optional<Money>& amount, bool free, Position position,
                const Scaffolded& document, const std::string& what, Diagnostics& out) {
  if (!amount || amount->minor != 0 || free) return;
  if (past_draft(document.status)) {
    out.error("zero-amount", document.file, position,
              "the " + std::string(document.kind) + " is " + std::string(document.status) +
                  " but " + what + " is zero",
              "enter the amount, or add free: true to " + what + " if it is given at no charge");
  } else {
    out.warning("zero-amount", document.file, position, what + " is zero",
                "enter the amount before the " + std::string(document.kind) +
                    " leaves draft, or add free: true if it is given at no charge");
  }
}

std::optional<Money> value_of(const std::optional<Field<Money>>& field) {
  return field ? std::optional<Money>(field->value) : std::nullopt;
}

}  // namespace

void check_placeholders(const CheckContext& context) {
  // What only the organisation can fill in, left as TODO by `init`.
  if (const std::optional<Organisation>& organisation = context.workspace.organisation())
    check_document_placeholders(context.workspace, {organisation->file, "organisation", ""},
                                context.diagnostics);
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Quote& quote : folder.quotes)
      check_document_placeholders(context.workspace, {quote.file, "quote", quote.status},
                                  context.diagnostics);
    if (folder.agreement)
      check_document_placeholders(
          context.workspace, {folder.agreement->file, "agreement", folder.agreement->status.value},
          context.diagnostics);
    for (const Sow& sow : folder.sows)
      check_document_placeholders(context.workspace, {sow.file, "SOW", sow.status.value},
                                  context.diagnostics);
  }
}

void check_zero_amounts(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Quote& quote : folder.quotes) {
      const Scaffolded document{quote.file, "quote", quote.status};
      for (std::size_t i = 0; i < quote.priced.lines.size(); ++i) {
        const PricedLine& line = quote.priced.lines[i];
        if (line.amount)
          check_zero(line.amount->value, line.free, line.amount->position, document,
                     "line " + std::to_string(i + 1), out);
      }
    }
    if (folder.agreement) {
      const Agreement& agreement = *folder.agreement;
      const Scaffolded document{agreement.file, "agreement", agreement.status.value};
      for (std::size_t i = 0; i < agreement.fees.size(); ++i) {
        const Fee& fee = agreement.fees[i];
        if (fee.amount)
          check_zero(value_of(fee.amount), fee.free, fee.amount->position, document,
                     "fee " + std::to_string(i + 1) + " (" + fee.description + ")", out);
      }
    }
    for (const Sow& sow : folder.sows) {
      const Scaffolded document{sow.file, "SOW", sow.status.value};
      for (const SowRate& rate : sow.rates)
        check_zero(rate.rate, rate.free, rate.text.position, document,
                   "the rate of '" + rate.role.value + "'", out);
      // A milestone of zero would bill an invoice line of nothing.
      for (const SowMilestone& milestone : sow.milestones)
        if (milestone.amount)
          check_zero(milestone.amount->value, milestone.free, milestone.amount->position, document,
                     "the milestone '" + milestone.id.value + "'", out);
    }
  }
}

}  // namespace partnerops
