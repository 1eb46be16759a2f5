// Checks of agreement.yaml: the term, signatures that match the status, and
// the addenda and SOWs it refers to.

#include "check/checks.hpp"

namespace partnerops {

namespace {

/// Statuses at or after which every signatory must have signed.
bool requires_all_signatures(std::string_view status) {
  return status == "signed" || status == "executed";
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

    if (requires_all_signatures(agreement.status.value)) {
      for (const Signatory& signatory : agreement.signatories) {
        // A partner's lifecycle guard may already require this signature
        // (lifecycle checks run first); one missing signature, one error.
        if (!signatory.signed_on &&
            !has_error_at(out, "lifecycle-guard", agreement.file, signatory.position)) {
          out.error("agreement-unsigned", agreement.file, signatory.position,
                    "the agreement is " + agreement.status.value + " but " + signatory.name +
                        " has not signed",
                    "add signed_on: <date> for " + signatory.name + ", or change the status");
        }
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
