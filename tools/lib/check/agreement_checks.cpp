// Checks of agreement.yaml: the term (and whether it has run out), signatures
// that match the status, and the addenda and SOWs it refers to.

#include "check/checks.hpp"

namespace partnerops {

namespace {

/// Statuses at or after which every signatory must have signed.
bool requires_all_signatures(std::string_view status) {
  return status == "signed" || status == "executed";
}

/// Statuses before anyone signs (docs/data-model.md: the walk draft → shared
/// → negotiating → ready → signing → signed → executed).
bool precedes_signing(std::string_view status) {
  return status == "draft" || status == "shared" || status == "negotiating" || status == "ready";
}

/// Signatures must match the status: none before `signing`, some but not
/// all while `signing`, every one from `signed` on.
void check_signatures(const Agreement& agreement, Diagnostics& out) {
  const std::string& status = agreement.status.value;
  const std::size_t signed_count = agreement.signature_count();
  const std::size_t total = agreement.signatories.size();
  if (requires_all_signatures(status)) {
    for (const Signatory& signatory : agreement.signatories) {
      // A partner's lifecycle guard may already require this signature
      // (lifecycle checks run first); one missing signature, one error.
      if (!signatory.signed_on &&
          !has_error_at(out, "lifecycle-guard", agreement.file, signatory.position)) {
        out.error("agreement-unsigned", agreement.file, signatory.position,
                  "the agreement is " + status + " but " + signatory.name + " has not signed",
                  "add signed_on: <date> for " + signatory.name +
                      ", or set the status to signing while signatures are still coming in");
      }
    }
  } else if (status == "signing" && (signed_count == 0 || signed_count == total)) {
    out.error("agreement-signing", agreement.file, agreement.status.position,
              signed_count == 0
                  ? std::string("the agreement is signing but no signatory has signed")
                  : "the agreement is signing but all " + std::to_string(total) +
                        " signatories have signed",
              signed_count == 0
                  ? std::string("signing means some signatures are in: add the first signed_on, "
                                "or keep the status ready")
                  : std::string("set the status to signed (or executed once it is in force)"));
  } else if (precedes_signing(status)) {
    for (const Signatory& signatory : agreement.signatories) {
      if (!signatory.signed_on) continue;
      out.error("agreement-signed-early", agreement.file, signatory.signed_on->position,
                signatory.name + " has signed but the agreement is " + status,
                "set the status to signing (some signatures in) or signed (all in)");
    }
  }
}

}  // namespace

void check_agreements(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  const Source& source = context.workspace.source();
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.agreement) continue;
    const Agreement& agreement = *folder.agreement;

    if (agreement.term.start && agreement.term.end &&
        !(agreement.term.start->value < agreement.term.end->value)) {
      out.error("agreement-term", agreement.file, agreement.term.end->position,
                "the term ends on " + agreement.term.end->value.iso() +
                    ", not after it starts on " + agreement.term.start->value.iso(),
                "term.end is the last day of the term; check the year");
    }

    check_signatures(agreement, out);

    // An agreement that does not renew by itself and has run out, for a
    // partner whose relationship is still open (the tickler's `lapsed`).
    const std::optional<Lifecycle>& lifecycle = context.workspace.lifecycle();
    const Stage* stage =
        lifecycle && folder.partner ? lifecycle->stage(folder.partner->stage.value) : nullptr;
    if (stage && !stage->terminal) {
      if (const std::optional<Date> end = agreement.ended_before(context.today)) {
        out.warning("agreement-term-ended", agreement.file, agreement.term.end->position,
                    "the term ended on " + end->iso() + " (renewal: " + agreement.term.renewal +
                        ") while the partner is still '" + folder.partner->stage.value + "'",
                    "record a renewal (a new term.end, or renewal: auto), or close the partner");
      }
    }
    for (const Signatory& signatory : agreement.signatories) {
      if (signatory.signed_on && agreement.term.end &&
          agreement.term.end->value < signatory.signed_on->value) {
        out.warning("agreement-signed-after-term", agreement.file, signatory.signed_on->position,
                    signatory.name + " signed after the term ended",
                    "check the date; a renewal needs a new term or a new agreement");
      }
    }

    for (const Addendum& addendum : agreement.addenda) {
      const std::string path = folder.path + "/" + addendum.file.value;
      if (!is_safe_relative_path(addendum.file.value) || !source.is_file(path)) {
        out.error("reference-missing", agreement.file, addendum.file.position,
                  "the addendum '" + addendum.file.value + "' does not exist in " + folder.path,
                  "paths are relative to the partner folder, e.g. sow/2026-deployment.yaml");
      }
    }
    for (const Fee& fee : agreement.fees) {
      if (fee.sow.value.empty()) continue;
      const std::string path = folder.path + "/" + fee.sow.value;
      if (!is_safe_relative_path(fee.sow.value) || !source.is_file(path)) {
        out.error("reference-missing", agreement.file, fee.sow.position,
                  "the SOW '" + fee.sow.value + "' does not exist in " + folder.path,
                  "paths are relative to the partner folder, e.g. sow/2026-deployment.yaml");
      }
    }
  }
}

void check_organisation(const CheckContext& context) {
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  if (!organisation) return;
  Diagnostics& out = context.diagnostics;
  const std::string& logo = organisation->logo.value;
  if (!logo.empty() && (!is_safe_relative_path(logo) || !context.workspace.source().is_file(logo))) {
    out.error("reference-missing", organisation->file, organisation->logo.position,
              "the logo '" + logo + "' does not exist in the repository",
              "give a path relative to the repository root, e.g. templates/logo.svg");
  }
}

}  // namespace partnerops
