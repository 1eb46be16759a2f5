#include "transitions/range_check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "util/text.hpp"
#include "yaml/to_json.hpp"

namespace partnerops::transitions {

namespace {

// The first key of an edited document to point at: in head's order, the
// first whose value differs from base or that is new; else the first key
// base had and head lost (its position is then unknown).
std::pair<std::string, Position> first_changed_key(const yaml::Document& after_doc,
                                                   const nlohmann::json& old_tree,
                                                   const nlohmann::json& new_tree) {
  for (const yaml::Entry& entry : after_doc.root().entries()) {
    if (!new_tree.contains(entry.key)) continue;
    if (!old_tree.contains(entry.key) || old_tree[entry.key] != new_tree[entry.key])
      return {std::string(entry.key), entry.key_position};
  }
  for (auto it = old_tree.begin(); it != old_tree.end(); ++it)
    if (!new_tree.contains(it.key())) return {it.key(), Position{}};
  return {"", Position{}};
}

bool same_entry(const HistoryEntry& a, const HistoryEntry& b) {
  const bool same_date =
      a.date.has_value() == b.date.has_value() && (!a.date || a.date->value == b.date->value);
  return same_date && a.stage.value == b.stage.value && a.reason == b.reason;
}

std::string describe(const HistoryEntry& entry) {
  return (entry.date ? entry.date->value.iso() : std::string("undated")) + " " + entry.stage.value +
         (entry.reason.empty() ? "" : ": " + entry.reason);
}

void compare_partner(const PartnerFolder& base_folder, const PartnerFolder& head_folder,
                     const Lifecycle& lifecycle, Diagnostics& out) {
  const Partner& before = *base_folder.partner;
  const Partner& after = *head_folder.partner;
  const std::string& file = after.file;

  // History is append-only: base's entries must be head's first entries.
  std::size_t kept = 0;
  while (kept < before.history.size() && kept < after.history.size() &&
         same_entry(before.history[kept], after.history[kept]))
    ++kept;
  if (kept < before.history.size()) {
    const HistoryEntry& lost = before.history[kept];
    if (kept < after.history.size()) {
      out.error("history-rewritten", file, after.history[kept].position,
                "history entry " + std::to_string(kept + 1) + " was '" + describe(lost) +
                    "' at the base and is now '" + describe(after.history[kept]) +
                    "'; history is append-only",
                "restore the entry as it was and append a new one below the others");
    } else {
      out.error("history-rewritten", file, after.history_position,
                "history entry " + std::to_string(kept + 1) + " ('" + describe(lost) +
                    "') was removed; history is append-only",
                "restore the removed entries; record changes as new entries");
    }
    return;  // what follows a rewrite cannot be read as appended transitions
  }

  std::optional<Date> last;
  for (const HistoryEntry& entry : before.history)
    if (entry.date && (!last || entry.date->value > *last)) last = entry.date->value;
  std::string from =
      before.history.empty() ? before.stage.value : before.history.back().stage.value;
  for (std::size_t i = kept; i < after.history.size(); ++i) {
    const HistoryEntry& entry = after.history[i];
    if (entry.date && last && entry.date->value < *last)
      out.warning("history-backdated", file, entry.position,
                  "the new history entry is dated " + entry.date->value.iso() +
                      ", before the last existing one (" + last->iso() + ")",
                  "check the date; entries are recorded in the order they happen");
    const std::string& to = entry.stage.value;
    const Transition* transition = lifecycle.transition(from, to);
    if (!transition) {
      std::vector<std::string> allowed;
      for (const Transition& t : lifecycle.transitions())
        if (t.from == from) allowed.push_back(t.to);
      out.error("range-illegal-transition", file, entry.stage.position,
                "this range moves '" + after.slug.value + "' from '" + from + "' to '" + to +
                    "', which schemas/lifecycle.yaml does not allow",
                allowed.empty()
                    ? "nothing leaves '" + from + "'"
                    : "from '" + from + "' a partner moves to " + util::join(allowed, " or ") +
                          "; change stages with partnerops advance");
    } else {
      for (const UnmetGuard& unmet :
           unmet_guards(*transition, head_folder.documents(), head_folder.path))
        out.error("lifecycle-guard", unmet.file, unmet.position,
                  "'" + after.slug.value + "' is past '" + from + " → " + to +
                      "', which requires: " + unmet.guard->message + " (" + unmet.detail + ")",
                  "fix " + unmet.guard->field + " in " + unmet.guard->file);
    }
    if (entry.date && (!last || entry.date->value > *last)) last = entry.date->value;
    from = to;
  }
  if (kept == after.history.size() && before.stage.value != after.stage.value)
    out.error("range-illegal-transition", file, after.stage.position,
              "the stage changed from '" + before.stage.value + "' to '" + after.stage.value +
                  "' without a history entry",
              "change stages with partnerops advance, which appends the history entry");
}

bool is_issued(InvoiceStatus status) { return status != InvoiceStatus::draft; }

bool status_change_allowed(InvoiceStatus from, InvoiceStatus to) {
  if (from == to) return true;
  return from == InvoiceStatus::issued &&
         (to == InvoiceStatus::paid || to == InvoiceStatus::voided);
}

std::shared_ptr<const yaml::Document> document_of(const Workspace& workspace,
                                                  const std::string& path) {
  const WorkspaceFile* file = workspace.file(path);
  return file ? file->document() : nullptr;
}

void compare_invoice(const Workspace& base, const Workspace& head, const Invoice& before,
                     const Invoice& after, Diagnostics& out) {
  const std::string& file = after.file;
  if (after.number.value != before.number.value)
    out.error("invoice-renumbered", file, after.number.position,
              "issued invoice " + before.number.value + " was renumbered to " + after.number.value,
              "an issued invoice keeps its number; correct it with a credit note instead");
  if (!status_change_allowed(before.status.value, after.status.value))
    out.error("invoice-issued-changed", file, after.status.position,
              "the status of issued invoice " + before.number.value + " changed from '" +
                  std::string(to_string(before.status.value)) + "' to '" +
                  std::string(to_string(after.status.value)) + "'",
              "an issued invoice only moves from issued to paid or void");

  const std::shared_ptr<const yaml::Document> before_doc = document_of(base, before.file);
  const std::shared_ptr<const yaml::Document> after_doc = document_of(head, after.file);
  if (!before_doc || !after_doc) return;
  nlohmann::json old_tree = yaml::to_json(before_doc->root());
  nlohmann::json new_tree = yaml::to_json(after_doc->root());
  if (!old_tree.is_object() || !new_tree.is_object()) return;
  // Payments may only be appended.
  const nlohmann::json old_payments = old_tree.value("payments", nlohmann::json::array());
  const nlohmann::json new_payments = new_tree.value("payments", nlohmann::json::array());
  bool payments_prefix = old_payments.is_array() && new_payments.is_array() &&
                         old_payments.size() <= new_payments.size();
  for (std::size_t i = 0; payments_prefix && i < old_payments.size(); ++i)
    payments_prefix = old_payments[i] == new_payments[i];
  if (!payments_prefix) {
    const yaml::Entry* entry = after_doc->root().find_entry("payments");
    out.error(
        "invoice-issued-changed", file, entry ? entry->key_position : Position{},
        "recorded payments of issued invoice " + before.number.value + " were removed or edited",
        "payments are only appended; record a correction as a new payment");
  } else {
    std::optional<Date> last;
    for (std::size_t i = 0; i < before.payments.size(); ++i)
      if (before.payments[i].date && (!last || before.payments[i].date->value > *last))
        last = before.payments[i].date->value;
    for (std::size_t i = before.payments.size(); i < after.payments.size(); ++i) {
      const Payment& payment = after.payments[i];
      if (payment.date && last && payment.date->value < *last)
        out.warning("payment-backdated", file, payment.date->position,
                    "the new payment is dated " + payment.date->value.iso() +
                        ", before the last recorded one (" + last->iso() + ")",
                    "check the date; payments are recorded in the order they arrive");
    }
  }
  for (const char* key : {"status", "payments", "number"}) {
    old_tree.erase(key);
    new_tree.erase(key);
  }
  // The sponsor's number arrives after issue (`invoice sponsor-number`):
  // setting it once is allowed; changing or removing it is an edit.
  if (before.sponsor_number.empty() || before.sponsor_number == after.sponsor_number) {
    old_tree.erase("sponsor_number");
    new_tree.erase("sponsor_number");
  }
  if (old_tree == new_tree) return;
  const auto [changed, where] = first_changed_key(*after_doc, old_tree, new_tree);
  out.error("invoice-issued-changed", file, where,
            "issued invoice " + before.number.value + " was edited (" + changed +
                "); only its status, appended payments and a first sponsor_number may change",
            "revert the edit; correct an issued invoice with a credit note");
}

void compare_invoices(const Workspace& base, const Workspace& head,
                      const PartnerFolder* base_folder, const PartnerFolder& head_folder,
                      Diagnostics& out) {
  std::map<std::string, const Invoice*> head_by_file;
  for (const Invoice& invoice : head_folder.invoices) head_by_file[invoice.file] = &invoice;
  if (!base_folder) return;
  std::map<std::string, const Invoice*> base_by_file;
  for (const Invoice& invoice : base_folder->invoices) base_by_file[invoice.file] = &invoice;

  for (const Invoice& before : base_folder->invoices) {
    if (!is_issued(before.status.value)) continue;
    const auto found = head_by_file.find(before.file);
    if (found != head_by_file.end()) {
      compare_invoice(base, head, before, *found->second, out);
      continue;
    }
    // A file that no longer loads is reported by validate; only a missing one is a deletion.
    if (head.file(before.file) != nullptr || head.refused(before.file)) continue;
    out.error("invoice-issued-deleted", before.file, {},
              "issued invoice " + before.number.value + " was deleted",
              "restore the file; an issued invoice is voided (status: void), never deleted");
  }
  // A number the base used for another file.
  std::map<std::string, std::string> base_numbers;  // number -> file
  for (const Invoice& before : base_folder->invoices)
    base_numbers[before.number.value] = before.file;
  for (const Invoice& after : head_folder.invoices) {
    const auto used = base_numbers.find(after.number.value);
    if (used == base_numbers.end() || used->second == after.file) continue;
    out.error("invoice-number-reused", after.file, after.number.position,
              "invoice number " + after.number.value + " was already used by " + used->second,
              "take the next number of the sequence");
  }
}

/// A credit note is issued as it is written: only its status may move, from
/// issued to void, and it is never deleted.
void compare_credit_notes(const Workspace& base, const Workspace& head,
                          const PartnerFolder* base_folder, const PartnerFolder* head_folder,
                          Diagnostics& out) {
  if (!base_folder) return;
  std::map<std::string, const CreditNote*> head_by_file;
  if (head_folder)
    for (const CreditNote& note : head_folder->credit_notes) head_by_file[note.file] = &note;
  for (const CreditNote& before : base_folder->credit_notes) {
    const auto found = head_by_file.find(before.file);
    if (found == head_by_file.end()) {
      if (head.file(before.file) != nullptr || head.refused(before.file)) continue;
      out.error("credit-note-issued-deleted", before.file, {},
                "credit note " + before.number.value + " was deleted",
                "restore the file; a wrong credit note is voided (status: void), never deleted");
      continue;
    }
    const CreditNote& after = *found->second;
    if (before.status.value != after.status.value &&
        !(before.status.value == CreditNoteStatus::issued &&
          after.status.value == CreditNoteStatus::voided)) {
      out.error("credit-note-issued-changed", after.file, after.status.position,
                "the status of credit note " + before.number.value + " changed from '" +
                    std::string(to_string(before.status.value)) + "' to '" +
                    std::string(to_string(after.status.value)) + "'",
                "a credit note only moves from issued to void");
    }
    const std::shared_ptr<const yaml::Document> before_doc = document_of(base, before.file);
    const std::shared_ptr<const yaml::Document> after_doc = document_of(head, after.file);
    if (!before_doc || !after_doc) continue;
    nlohmann::json old_tree = yaml::to_json(before_doc->root());
    nlohmann::json new_tree = yaml::to_json(after_doc->root());
    if (!old_tree.is_object() || !new_tree.is_object()) continue;
    old_tree.erase("status");
    new_tree.erase("status");
    if (old_tree == new_tree) continue;
    const auto [changed, where] = first_changed_key(*after_doc, old_tree, new_tree);
    out.error("credit-note-issued-changed", after.file, where,
              "credit note " + before.number.value + " was edited (" + changed +
                  "); only its status may change, to void",
              "revert the edit; void the credit note and issue a new one instead");
  }
}

}  // namespace

void compare_revisions(const Workspace& base, const Workspace& head, Diagnostics& diagnostics) {
  const std::optional<Lifecycle>& lifecycle = head.lifecycle();
  for (const PartnerFolder& head_folder : head.partners()) {
    const PartnerFolder* base_folder = base.partner(head_folder.slug);
    if (lifecycle && base_folder && base_folder->partner && head_folder.partner)
      compare_partner(*base_folder, head_folder, *lifecycle, diagnostics);
    compare_invoices(base, head, base_folder, head_folder, diagnostics);
    compare_credit_notes(base, head, base_folder, &head_folder, diagnostics);
  }
  // Issued invoices of a partner folder removed as a whole.
  for (const PartnerFolder& base_folder : base.partners()) {
    if (head.partner(base_folder.slug)) continue;
    compare_credit_notes(base, head, &base_folder, nullptr, diagnostics);
    for (const Invoice& before : base_folder.invoices)
      if (is_issued(before.status.value))
        diagnostics.error("invoice-issued-deleted", before.file, {},
                          "issued invoice " + before.number.value + " was deleted",
                          "restore the file; an issued invoice is voided (status: void), never "
                          "deleted");
  }
}

void compare_issued_documents(const Workspace& base, const Workspace& head,
                              Diagnostics& diagnostics) {
  for (const PartnerFolder& base_folder : base.partners()) {
    const PartnerFolder* head_folder = head.partner(base_folder.slug);
    if (head_folder) compare_invoices(base, head, &base_folder, *head_folder, diagnostics);
    compare_credit_notes(base, head, &base_folder, head_folder, diagnostics);
  }
}

namespace {

/// The slug of the partner folder `path` lies in, or nullopt.
std::optional<std::string_view> partner_of(std::string_view path) {
  if (!path.starts_with("partners/")) return std::nullopt;
  const std::size_t slash = path.find('/', 9);
  if (slash == std::string_view::npos) return std::nullopt;
  return path.substr(9, slash - 9);
}

std::vector<std::string> sorted_unique(std::vector<std::string> slugs) {
  std::sort(slugs.begin(), slugs.end());
  slugs.erase(std::unique(slugs.begin(), slugs.end()), slugs.end());
  return slugs;
}

/// Numbers BASE gives its files, of one kind of document (`Document` is
/// Invoice or CreditNote), and the documents HEAD numbered in the range.
template <typename Document>
struct NumberSides {
  std::multimap<std::string, std::string> base_files;  // number -> file at BASE
  std::map<std::string, std::string> base_number;      // file -> its number at BASE
  std::vector<const Document*> renumbered;             // at HEAD: added, or a new number
};

template <typename Document>
NumberSides<Document> number_sides(const Workspace& base, const Workspace& head,
                                   const std::set<std::string>& changed_paths,
                                   const std::set<std::string, std::less<>>& changed_folders,
                                   const std::vector<Document> PartnerFolder::*documents) {
  NumberSides<Document> sides;
  for (const PartnerFolder& folder : base.partners()) {
    if (!changed_folders.contains(folder.slug)) continue;
    for (const Document& document : folder.*documents) {
      sides.base_files.emplace(document.number.value, document.file);
      sides.base_number[document.file] = document.number.value;
    }
  }
  for (const PartnerFolder& folder : head.partners()) {
    const bool changed = changed_folders.contains(folder.slug);
    for (const Document& document : folder.*documents) {
      if (!changed) {
        sides.base_files.emplace(document.number.value, document.file);  // the same at BASE
        continue;
      }
      if (!changed_paths.contains(document.file)) continue;
      const auto before = sides.base_number.find(document.file);
      if (before == sides.base_number.end() || before->second != document.number.value)
        sides.renumbered.push_back(&document);
    }
  }
  return sides;
}

/// The file other than `file` that BASE numbers `number`, or nullptr.
const std::string* taken_by(const std::multimap<std::string, std::string>& base_files,
                            const std::string& number, const std::string& file) {
  for (auto [it, end] = base_files.equal_range(number); it != end; ++it)
    if (it->second != file) return &it->second;
  return nullptr;
}

bool already_reported(const Diagnostics& diagnostics, std::string_view code,
                      const std::string& file, Position position) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code && d.file == file && d.position == position) return true;
  return false;
}

}  // namespace

void report_numbers_taken_at_base(const Workspace& base, const Workspace& head,
                                  const std::vector<git::ChangedPath>& changed,
                                  Diagnostics& diagnostics) {
  std::set<std::string> changed_paths;
  for (const git::ChangedPath& path : changed) changed_paths.insert(path.path);
  const std::vector<std::string> folders = changed_partner_folders(changed);
  const std::set<std::string, std::less<>> changed_folders(folders.begin(), folders.end());

  const NumberSides<Invoice> invoices =
      number_sides(base, head, changed_paths, changed_folders, &PartnerFolder::invoices);
  for (const Invoice* invoice : invoices.renumbered) {
    const std::string* other = taken_by(invoices.base_files, invoice->number.value, invoice->file);
    if (!other || already_reported(diagnostics, "invoice-number-reused", invoice->file,
                                   invoice->number.position))
      continue;
    const std::string slug(partner_of(invoice->file).value_or(""));
    diagnostics.error(
        "invoice-number-taken", invoice->file, invoice->number.position,
        "invoice number " + invoice->number.value + " is already taken at the base by " + *other,
        invoice->status.value == InvoiceStatus::draft
            ? "another branch took the number first; merge the base into this branch, then run "
              "partnerops invoice renumber " +
                  invoice->number.value + " --partner " + slug
            : "an issued invoice keeps its number; if the base's invoice is still a draft, "
              "renumber that one instead, else credit this invoice and issue a new one");
  }
  const NumberSides<CreditNote> notes =
      number_sides(base, head, changed_paths, changed_folders, &PartnerFolder::credit_notes);
  for (const CreditNote* note : notes.renumbered) {
    const std::string* other = taken_by(notes.base_files, note->number.value, note->file);
    if (!other) continue;
    diagnostics.error(
        "credit-note-number-taken", note->file, note->number.position,
        "credit note number " + note->number.value + " is already taken at the base by " + *other,
        "another branch took the number first; remove this credit note, merge "
        "the base into this branch and write it again with partnerops invoice "
        "credit");
  }
}

std::optional<std::vector<std::string>> touched_partners(
    const std::vector<git::ChangedPath>& changed) {
  std::vector<std::string> slugs;
  for (const git::ChangedPath& path : changed) {
    const std::optional<std::string_view> slug = partner_of(path.path);
    if (!slug) return std::nullopt;
    const std::string_view rest = std::string_view(path.path).substr(9 + slug->size() + 1);
    if (rest.starts_with("invoices/") || rest.starts_with("quotes/") ||
        rest.starts_with("credit-notes/"))
      return std::nullopt;
    slugs.emplace_back(*slug);
  }
  return sorted_unique(std::move(slugs));
}

std::vector<std::string> changed_partner_folders(const std::vector<git::ChangedPath>& changed) {
  std::vector<std::string> slugs;
  for (const git::ChangedPath& path : changed)
    if (const std::optional<std::string_view> slug = partner_of(path.path))
      slugs.emplace_back(*slug);
  return sorted_unique(std::move(slugs));
}

void append_for_changed_files(const Diagnostics& validation,
                              const std::vector<git::ChangedPath>& changed,
                              Diagnostics& diagnostics) {
  std::set<std::string, std::less<>> paths;
  for (const git::ChangedPath& path : changed) paths.insert(path.path);
  std::set<std::tuple<std::string, std::string, int, int>> seen;
  for (const Diagnostic& d : diagnostics)
    seen.insert({d.code, d.file, d.position.line, d.position.column});
  for (const Diagnostic& d : validation) {
    if (!paths.contains(d.file)) continue;
    if (seen.contains({d.code, d.file, d.position.line, d.position.column})) continue;
    diagnostics.add(d.severity, d.code, d.file, d.position, d.message, d.hint);
  }
}

}  // namespace partnerops::transitions
