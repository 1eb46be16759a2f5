#include "transitions/advance.hpp"

#include "git/transition_message.hpp"
#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::transitions {

std::string append_notes_section(std::string_view notes, std::string_view heading,
                                 std::string_view body) {
  const bool crlf = notes.find("\r\n") != std::string_view::npos;
  const std::string eol = crlf ? "\r\n" : "\n";
  std::string text(notes);
  if (!text.empty()) {
    if (!text.ends_with('\n')) text += eol;
    // Exactly one blank line before the new heading.
    const bool blank_before = text.ends_with(eol + eol) || text == eol;
    if (!blank_before) text += eol;
  }
  text += std::string(heading) + eol;
  if (!body.empty()) {
    text += eol;
    std::string_view rest = body;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      if (line.ends_with('\r')) line.remove_suffix(1);
      text += std::string(line) + eol;
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return text;
}

std::optional<ChangeSet> plan_advance(const Workspace& workspace, const AdvanceRequest& request,
                                      Diagnostics& diagnostics) {
  const std::optional<Lifecycle>& lifecycle = workspace.lifecycle();
  if (!lifecycle) {
    diagnostics.error("advance-unknown-stage", "schemas/lifecycle.yaml", {},
                      "the lifecycle could not be loaded, so no stage change can be checked",
                      "run partnerops validate and fix schemas/lifecycle.yaml");
    return std::nullopt;
  }
  const PartnerFolder* folder = find_partner(workspace, request.slug, diagnostics);
  if (!folder) return std::nullopt;
  const std::string partner_path = folder->path + "/partner.yaml";
  if (!folder->partner || !folder->partner_file) {
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml does not load, so its stage cannot be changed",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  const Partner& partner = *folder->partner;
  const std::string& from = partner.stage.value;
  if (!lifecycle->stage(request.stage)) {
    const std::string near = util::closest(request.stage, lifecycle->stage_ids(), 3);
    diagnostics.error("advance-unknown-stage", partner_path, partner.stage.position,
                      "'" + request.stage + "' is not a stage of schemas/lifecycle.yaml",
                      near.empty() ? "the stages are " + util::join(lifecycle->stage_ids(), ", ")
                                   : "did you mean '" + near + "'?");
    return std::nullopt;
  }
  const Transition* transition = lifecycle->transition(from, request.stage);
  if (!transition) {
    std::vector<std::string> allowed;
    for (const Transition& t : lifecycle->transitions())
      if (t.from == from) allowed.push_back(t.to);
    diagnostics.error(
        "advance-illegal-transition", partner_path, partner.stage.position,
        "'" + request.slug + "' is at '" + from + "' and cannot move to '" + request.stage + "'",
        allowed.empty() ? "nothing leaves '" + from + "'"
                        : "from '" + from + "' a partner moves to " + util::join(allowed, " or "));
    return std::nullopt;
  }
  bool refused = false;
  for (const UnmetGuard& unmet : unmet_guards(*transition, folder->documents(), folder->path)) {
    diagnostics.error("lifecycle-guard", unmet.file, unmet.position,
                      "'" + from + " → " + request.stage + "' requires: " + unmet.guard->message +
                          " (" + unmet.detail + ")",
                      "fill " + unmet.guard->field + " in " + unmet.guard->file);
    refused = true;
  }
  if (const std::optional<Date> entered = partner.stage_entered();
      entered && request.date < *entered) {
    diagnostics.error(
        "advance-date-order", partner_path, partner.history.back().position,
        "the new history entry would be dated " + request.date.iso() + ", before the last one (" +
            entered->iso() + ")",
        "history is append-only and in date order; pass --date " + entered->iso() + " or later");
    refused = true;
  }
  if (refused) return std::nullopt;

  std::string error;
  const std::string& original = folder->partner_file->content();
  std::optional<std::string> text =
      yaml::set_scalar(original, "stage", yaml::Scalar::string(request.stage), "qualified", &error);
  if (text) {
    yaml::Fields entry = {{"date", yaml::Scalar::raw(request.date.iso())},
                          {"stage", yaml::Scalar::string(request.stage)}};
    if (!request.reason.empty()) entry.emplace_back("reason", yaml::Scalar::string(request.reason));
    text = yaml::append_to_sequence(*text, "history", entry, "checklist", &error);
  }
  if (!text) {
    diagnostics.error("advance-edit-refused", partner_path, {},
                      "partner.yaml cannot be edited safely: " + error,
                      "edit stage and history by hand, or rewrite them in block style");
    return std::nullopt;
  }
  if (!revalidate(workspace, partner_path, *text, diagnostics)) return std::nullopt;

  ChangeSet changes;
  changes.folder = folder->path;
  changes.edits.push_back({partner_path, *text});
  const std::string notes_path = folder->path + "/notes.md";
  const std::string notes = folder->notes_file ? folder->notes_file->content() : std::string();
  changes.edits.push_back(
      {notes_path,
       append_notes_section(notes,
                            "## " + request.date.iso() + " Stage: " + from + " → " + request.stage,
                            request.reason)});
  const std::optional<std::string> message =
      git::format_transition_message({request.slug, from, request.stage, request.reason}, &error);
  if (!message) {
    diagnostics.error("advance-edit-refused", partner_path, {}, error);
    return std::nullopt;
  }
  changes.message = *message;
  changes.suggested_branch =
      expand_branch_pattern(branch_patterns(workspace).advance.value, request.slug, request.stage);
  return changes;
}

}  // namespace partnerops::transitions
