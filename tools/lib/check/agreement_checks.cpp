// Checks of agreement.yaml: the term (and whether it has run out), signatures
// that match the status, and the addenda and SOWs it refers to.

#include "check/checks.hpp"
#include "model/numbering.hpp"

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

// The file is opened as a document would read it (with a limit of 0 bytes,
// so nothing is read), so validate and build agree on what a path reaches.
bool check_named_file(const Source& source, Diagnostics& out, const std::string& file,
                      const Field<std::string>& named, const std::string& folder,
                      const std::string& what, const std::string& hint) {
  const std::string& written = named.value;
  const std::string where = folder.empty() ? "the repository" : folder;
  if (!is_safe_relative_path(written)) {
    out.error("reference-missing", file, named.position,
              what + " '" + written + "' is not a path inside " + where, hint);
    return false;
  }
  const std::string path = folder.empty() ? written : folder + "/" + written;
  const ReadResult read = source.read(path, 0);
  switch (read.status) {
    case ReadResult::Status::ok:
    case ReadResult::Status::too_large:
      return true;
    case ReadResult::Status::symlink:
      out.error("reference-symlink", file, named.position,
                what + " '" + written + "' is not read: " + read.error,
                "replace the link with the file or folder itself");
      return false;
    case ReadResult::Status::missing:
      out.error("reference-missing", file, named.position,
                what + " '" + written + "' does not exist in " + where, hint);
      return false;
    case ReadResult::Status::not_a_file:
    case ReadResult::Status::error:
      out.error("reference-missing", file, named.position,
                what + " '" + written + "' cannot be read: " + read.error, hint);
      return false;
  }
  return false;
}

void check_agreements(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  const Source& source = context.workspace.source();
  for (const PartnerFolder& folder : context.workspace.partners()) {
    // A SOW names the agreement it is an addendum to.
    for (const Sow& sow : folder.sows)
      check_named_file(source, out, sow.file, sow.agreement, folder.path, "the agreement",
                       "paths are relative to the partner folder, normally agreement.yaml");
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
      check_named_file(source, out, agreement.file, addendum.file, folder.path, "the addendum",
                       "paths are relative to the partner folder, e.g. sow/2026-deployment.yaml");
    }
    for (const Fee& fee : agreement.fees) {
      if (fee.sow.value.empty()) continue;
      check_named_file(source, out, agreement.file, fee.sow, folder.path, "the SOW",
                       "paths are relative to the partner folder, e.g. sow/2026-deployment.yaml");
    }
  }
}

void check_organisation(const CheckContext& context) {
  const std::optional<Organisation>& organisation = context.workspace.organisation();
  if (!organisation) return;
  Diagnostics& out = context.diagnostics;
  // Every numbering rule, not only the invoices': quotes and credit notes
  // are numbered by theirs, and a number is a file name.
  for (const auto& [name, pattern] : organisation->numbering) {
    if (NumberingRule::parse(pattern)) continue;
    const auto position = organisation->numbering_positions.find(name);
    const std::string example = name == "invoice"       ? "INV-{year}-{seq:4}"
                                : name == "credit_note" ? "CN-{year}-{seq:4}"
                                                        : "Q-{year}-{seq:3}";
    const std::string label = name == "credit_note" ? "credit note" : name;
    out.error("numbering-rule-invalid", organisation->file,
              position == organisation->numbering_positions.end() ? Position{} : position->second,
              "the " + label + " numbering rule '" + pattern + "' is not understood",
              "use letters, digits, '.', '_' and '-' with {year} and {seq:N}, e.g. " + example);
  }
  const Source& source = context.workspace.source();
  if (!organisation->logo.value.empty()) {
    check_named_file(source, out, organisation->file, organisation->logo, "", "the logo",
                     "give a path relative to the repository root, e.g. templates/logo.svg");
  }
  if (!organisation->service_description.value.empty()) {
    check_named_file(source, out, organisation->file, organisation->service_description, "",
                     "the service description",
                     "give a path relative to the repository root, e.g. "
                     "docs/service-description.md");
  }
}

}  // namespace partnerops
