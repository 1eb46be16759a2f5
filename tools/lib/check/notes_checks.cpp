// Checks of the running notes: dated headings are real dates in order, and
// SOP steps that the seeds ask to record in the notes are there.

#include "check/checks.hpp"

namespace partnerops {

namespace {

constexpr std::string_view k_draft_shared = "Draft Service Agreement Shared";

/// Agreement statuses from which the draft has been shared with the partner.
bool draft_was_shared(std::string_view status) {
  return status == "shared" || status == "negotiating" || status == "ready" ||
         status == "signing" || status == "signed" || status == "executed";
}

}  // namespace

void check_notes(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.notes_file) {
      if (folder.partner_file) {
        out.warning("notes-missing", folder.path + "/notes.md", {},
                    "the partner has no running notes",
                    "create notes.md from templates/new/notes.md.mustache (the SOP 'Prep for first "
                    "meeting')");
      }
      continue;
    }
    const std::string& text = folder.notes_file->content();
    const std::string& file = folder.notes_file->path;
    bool draft_recorded = false;
    std::optional<Date> previous;
    int line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number;
      start = end + 1;
      if (!line.starts_with("## ")) continue;
      const std::string_view heading = line.substr(3);
      if (heading.find(k_draft_shared) != std::string_view::npos) draft_recorded = true;
      // Only headings that start like a date are dated entries.
      if (heading.size() < 10 || heading[4] != '-' || heading[7] != '-' || heading[0] < '0' ||
          heading[0] > '9')
        continue;
      const std::optional<Date> date = Date::parse(heading.substr(0, 10));
      if (!date) {
        out.error("notes-date-invalid", file, {line_number, 4},
                  "the heading's date '" + std::string(heading.substr(0, 10)) +
                      "' is not a calendar date",
                  "write the date as YYYY-MM-DD, a day that exists");
        continue;
      }
      if (previous && *date < *previous) {
        out.warning("notes-date-order", file, {line_number, 4},
                    "the entry of " + date->iso() + " comes after one of " + previous->iso(),
                    "running notes add new entries at the end");
      }
      previous = date;
    }
    if (folder.agreement && draft_was_shared(folder.agreement->status.value) && !draft_recorded) {
      out.warning("notes-missing-entry", file, {},
                  "the agreement has been shared but the notes do not record it",
                  "add a heading '## YYYY-MM-DD " + std::string(k_draft_shared) + "'");
    }
  }
}

}  // namespace partnerops
