// Checks of statements of work (partners/<slug>/sow/<id>.yaml): the file
// is named after its id, it belongs to its partner's agreement (same
// currency, listed among the addenda), every hour estimate is a range and
// every deliverable the timeline names exists, and, when the SOW lists
// rates, every rate is plain decimal text and every deliverable is priced.
// A deliverable left without a rate would otherwise print at zero and drop
// out of the total, so nothing here is left to the document to notice.

#include <algorithm>
#include <set>

#include "check/checks.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

/// "hub-migration" for ".../sow/hub-migration.yaml".
std::string file_stem(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".yaml")) name.resize(name.size() - 5);
  return name;
}

/// " (did you mean 'x'?)" when a candidate is close to `word`.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string near =
      util::closest(word, candidates, std::max<std::size_t>(2, word.size() / 4));
  return near.empty() ? std::string() : "did you mean '" + near + "'? ";
}

/// The agreement the SOW names, when it is the partner's loaded agreement.
const Agreement* agreement_of(const PartnerFolder& folder, const Sow& sow) {
  if (!folder.agreement || !folder.agreement_file) return nullptr;
  return folder.agreement_file->path == folder.path + "/" + sow.agreement.value ? &*folder.agreement
                                                                                : nullptr;
}

void check_belongs_to_agreement(const CheckContext& context, const PartnerFolder& folder,
                                const Sow& sow) {
  Diagnostics& out = context.diagnostics;
  const std::string stem = file_stem(sow.file);
  if (sow.id.value != stem) {
    out.error("sow-file-name", sow.file, sow.id.position,
              "the SOW id '" + sow.id.value + "' is not its file name '" + stem + "'",
              "the id is the file name without .yaml: write id: " + stem +
                  ", or rename the file to sow/" + sow.id.value + ".yaml");
  }

  // The agreement file itself (missing, outside the folder, behind a link)
  // is reported by the agreement checks, with every other path data names.
  const Agreement* agreement = agreement_of(folder, sow);
  if (!agreement) return;  // it is missing or did not load; reported elsewhere
  if (!agreement->currency.empty() && sow.currency.value != agreement->currency) {
    out.error(
        "sow-currency", sow.file, sow.currency.position,
        "the SOW is in " + sow.currency.value + " but its agreement is in " + agreement->currency,
        "a SOW prices work under its agreement: write currency: " + agreement->currency);
  }
  // An addendum whose file is missing (reported by the agreement checks,
  // which run first) may be this SOW misspelt: one problem, one diagnostic.
  bool listed = false;
  for (const Addendum& addendum : agreement->addenda)
    listed = listed || folder.path + "/" + addendum.file.value == sow.file ||
             has_error_at(out, "reference-missing", agreement->file, addendum.file.position);
  if (!listed) {
    const std::string relative = sow.file.substr(folder.path.size() + 1);
    out.warning("sow-not-in-addenda", sow.file, sow.agreement.position,
                relative + " is not listed in the addenda of " + sow.agreement.value,
                "add it to " + sow.agreement.value + ": addenda: - file: " + relative +
                    " (with its title and kind: sow)");
  }
}

void check_rates(Diagnostics& out, const Sow& sow) {
  std::set<std::string> roles;
  for (const SowRate& rate : sow.rates) {
    if (!roles.insert(rate.role.value).second) {
      out.error("sow-rate-duplicate", sow.file, rate.role.position,
                "the role '" + rate.role.value + "' has a rate already",
                "give each role one rate; a deliverable is priced at its role's rate");
    }
    if (!is_plain_decimal(rate.text.value)) {
      out.error("sow-rate-format", sow.file, rate.text.position,
                "the rate \"" + rate.text.value +
                    "\" must be plain decimal text, without a currency sign or code",
                "write digits with an optional decimal part, e.g. \"165.00\"; every rate is in "
                "the SOW's currency (" +
                    sow.currency.value + ")");
    }
  }
}

void check_deliverables(Diagnostics& out, const Sow& sow) {
  std::vector<std::string> roles;
  for (const SowRate& rate : sow.rates) roles.push_back(rate.role.value);
  std::set<std::string> ids;
  for (const SowDeliverable& deliverable : sow.deliverables) {
    if (!ids.insert(deliverable.id.value).second) {
      out.error("sow-deliverable-duplicate", sow.file, deliverable.id.position,
                "the deliverable id '" + deliverable.id.value + "' is used twice",
                "give each deliverable its own id; the timeline names deliverables by id");
    }
    // Without rates the SOW is an estimate of hours; with rates, a
    // deliverable whose role has none would be priced at nothing.
    if (sow.priced() && !sow.rate_of(deliverable.role.value)) {
      out.error("sow-role-unpriced", sow.file, deliverable.role.position,
                "the deliverable '" + deliverable.id.value + "' is done by '" +
                    deliverable.role.value + "', which has no rate in rates",
                did_you_mean(deliverable.role.value, roles) + "add a rate for '" +
                    deliverable.role.value + "' to rates, or name a role that has one");
    }
    for (const SowEstimate& estimate : deliverable.estimates) {
      if (estimate.low_hours && estimate.high_hours &&
          compare(estimate.high_hours->value, estimate.low_hours->value) < 0) {
        out.error("sow-hours-range", sow.file, estimate.high_hours->position,
                  "high_hours " + format_quantity(estimate.high_hours->value) +
                      " is below low_hours " + format_quantity(estimate.low_hours->value),
                  "low_hours is the optimistic estimate and high_hours the pessimistic one; "
                  "swap them if they are reversed");
      }
    }
  }
}

void check_timeline(Diagnostics& out, const Sow& sow) {
  std::vector<std::string> ids;
  for (const SowDeliverable& deliverable : sow.deliverables) ids.push_back(deliverable.id.value);
  for (const SowTimelineEntry& entry : sow.timeline) {
    if (std::find(ids.begin(), ids.end(), entry.deliverable.value) == ids.end()) {
      out.error("sow-timeline-unknown-deliverable", sow.file, entry.deliverable.position,
                "the timeline names the deliverable '" + entry.deliverable.value +
                    "', which the SOW does not have",
                did_you_mean(entry.deliverable.value, ids) +
                    "use an id from deliverables: " + util::join(ids, ", "));
    }
    if (entry.start && entry.end && entry.end->value < entry.start->value) {
      out.error("sow-timeline-dates", sow.file, entry.end->position,
                "the timeline entry for '" + entry.deliverable.value + "' ends on " +
                    entry.end->value.iso() + ", before it starts on " + entry.start->value.iso(),
                "end is the last day of the work; check the year");
    }
  }
}

}  // namespace

void check_sows(const CheckContext& context) {
  for (const PartnerFolder& folder : context.workspace.partners()) {
    for (const Sow& sow : folder.sows) {
      check_belongs_to_agreement(context, folder, sow);
      check_rates(context.diagnostics, sow);
      check_deliverables(context.diagnostics, sow);
      check_timeline(context.diagnostics, sow);
    }
  }
}

}  // namespace partnerops
