// Checks of partner.yaml on its own: the folder and its slug, contacts,
// the history's order, and the closing reason.

#include <algorithm>

#include "check/checks.hpp"

namespace partnerops {

void check_partner_folders(const CheckContext& context) {
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.partner_file) {
      // A link or folder named partner.yaml is reported as such already.
      if (context.workspace.refused(folder.path + "/partner.yaml")) continue;
      context.diagnostics.error("partner-missing-file", folder.path + "/partner.yaml", {},
                                "the partner folder '" + folder.slug + "' has no partner.yaml",
                                "every folder under partners/ needs one; see docs/data-model.md");
      continue;
    }
    if (!folder.partner) continue;
    const Partner& partner = *folder.partner;
    if (partner.slug.value != folder.slug) {
      context.diagnostics.error("partner-slug-mismatch", partner.file, partner.slug.position,
                                "the slug '" + partner.slug.value +
                                    "' differs from the folder name '" + folder.slug + "'",
                                "rename the folder or change the slug so they match");
    }
  }
}

namespace {

/// True when every transition into `stage` has a guard on `field` of
/// partner.yaml, so the lifecycle check reports the field when it is missing.
bool guarded_by_lifecycle(const Lifecycle& lifecycle, std::string_view stage,
                          std::string_view field) {
  bool any = false;
  for (const Transition& transition : lifecycle.transitions()) {
    if (transition.to != stage) continue;
    any = true;
    const bool guarded = std::any_of(
        transition.guards.begin(), transition.guards.end(),
        [&](const Guard& guard) { return guard.file == "partner.yaml" && guard.field == field; });
    if (!guarded) return false;
  }
  return any;
}

}  // namespace

void check_partner_records(const CheckContext& context) {
  const std::optional<Lifecycle>& lifecycle = context.workspace.lifecycle();
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.partner) continue;
    const Partner& partner = *folder.partner;
    Diagnostics& out = context.diagnostics;

    if (!partner.owner.value.empty() && !is_well_formed_email(partner.owner.value)) {
      out.error("email-invalid", partner.file, partner.owner.position,
                "the owner '" + partner.owner.value + "' is not an email address",
                "write the account manager's address, e.g. name@example.org");
    }
    for (const Contact& contact : partner.contacts) {
      if (!is_well_formed_email(contact.email.value)) {
        out.error("email-invalid", partner.file, contact.email.position,
                  "the email of " + (contact.name.empty() ? "a contact" : contact.name) + ", '" +
                      contact.email.value + "', is not an email address",
                  "write it as name@example.org");
      }
    }

    // History is append-only and in time order; its last entry is where the
    // partner stands now.
    for (std::size_t i = 1; i < partner.history.size(); ++i) {
      const HistoryEntry& previous = partner.history[i - 1];
      const HistoryEntry& entry = partner.history[i];
      if (previous.date && entry.date && entry.date->value < previous.date->value) {
        out.error("history-order", partner.file, entry.date->position,
                  "history entry " + std::to_string(i + 1) + " (" + entry.date->value.iso() +
                      ") is dated before the entry above it (" + previous.date->value.iso() + ")",
                  "history is append-only: add new entries at the end, in date order");
      }
    }
    if (!partner.history.empty() && partner.history.back().stage.value != partner.stage.value) {
      out.error("history-stage-mismatch", partner.file, partner.stage.position,
                "the stage is '" + partner.stage.value + "' but the last history entry says '" +
                    partner.history.back().stage.value + "'",
                "change stages with `partnerops advance`, which updates both");
    }

    if (!lifecycle) continue;
    const Stage* stage = lifecycle->stage(partner.stage.value);
    if (!stage) {
      out.error("lifecycle-unknown-stage", partner.file, partner.stage.position,
                "the stage '" + partner.stage.value + "' is not defined in schemas/lifecycle.yaml");
      continue;
    }
    if (stage->terminal && !stage->reasons.empty()) {
      if (!partner.closed_reason && !guarded_by_lifecycle(*lifecycle, stage->id, "closed_reason")) {
        out.error(
            "partner-closed-reason", partner.file, partner.stage.position,
            "a partner in the stage '" + stage->id + "' needs a closed_reason", "one of: " + [&] {
              std::string list;
              for (const std::string& reason : stage->reasons)
                list += (list.empty() ? "" : ", ") + reason;
              return list;
            }());
      }
    } else if (partner.closed_reason) {
      out.error("partner-closed-reason", partner.file, partner.closed_reason->position,
                "closed_reason is set but the partner is not closed",
                "remove closed_reason, or close the partner with `partnerops advance`");
    }
  }
}

}  // namespace partnerops
