// Checks of kpis.yaml: every KPI has a target, the values of a KPI can be
// compared (money in one currency, or numbers), each value a review records
// names a KPI, and the next performance review is not overdue. The
// performance-review document and the tickler read the same model
// (model/kpis), so what is reported here is what they would show.

#include <algorithm>

#include "check/checks.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

std::string days_phrase(int days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

/// The value a KPI's other values must match: its target, else its actual.
const KpiValue* reference_value(const Kpi& kpi) {
  if (kpi.target) return &*kpi.target;
  if (kpi.actual) return &*kpi.actual;
  return nullptr;
}

void check_value(const Kpis& kpis, const Kpi& kpi, const KpiValue& value, const std::string& where,
                 Diagnostics& out) {
  const KpiValue* reference = reference_value(kpi);
  if (!reference || reference == &value) return;
  const std::string why = mismatch(value, *reference);
  if (why.empty()) return;
  out.error("kpi-value-mismatch", kpis.file, value.position,
            where + " of '" + kpi.metric.value + "' cannot be compared with its " +
                (kpi.target ? "target" : "actual") + " " + reference->text + ": " + why,
            "write every value of a KPI in one form: money in the target's currency, or a number");
}

bool is_terminal(const Workspace& workspace, const PartnerFolder& folder) {
  const std::optional<Lifecycle>& lifecycle = workspace.lifecycle();
  if (!lifecycle || !folder.partner) return true;
  const Stage* stage = lifecycle->stage(folder.partner->stage.value);
  return !stage || stage->terminal;
}

void check_review_due(const CheckContext& context, const PartnerFolder& folder, const Kpis& kpis) {
  // A closed partnership holds no more reviews.
  if (is_terminal(context.workspace, folder)) return;
  const Review* last = kpis.latest();
  if (!last) return;
  const std::optional<Date> due = last->next_due();
  if (!due || !(*due < context.today)) return;
  const std::string rule = last->next_review ? "as agreed at the review (next_review)"
                           : last->kind == ReviewKind::annual
                               ? "twelve months after the last, an annual review"
                               : "three months after the last, a quarterly review";
  context.diagnostics.warning(
      "review-overdue", kpis.file, last->date->position,
      "the next performance review was due on " + due->iso() + " (" +
          days_phrase(context.today.days_since(*due)) + " ago): " + rule + " on " +
          last->date->value.iso(),
      "hold the review and add it under reviews, or agree a date and set next_review");
}

}  // namespace

void check_kpis(const CheckContext& context) {
  Diagnostics& out = context.diagnostics;
  for (const PartnerFolder& folder : context.workspace.partners()) {
    if (!folder.kpis) continue;
    const Kpis& kpis = *folder.kpis;
    std::vector<std::string> metrics;
    for (const Kpi& kpi : kpis.kpis) metrics.push_back(kpi.metric.value);
    for (const Kpi& kpi : kpis.kpis) {
      if (!kpi.target) {
        out.warning("kpi-target-missing", kpis.file, kpi.position,
                    "the KPI '" + kpi.metric.value + "' has no target",
                    "agree a target with the partner and write it as target (a number, or money "
                    "such as \"36000.00 USD\")");
      }
      if (kpi.actual) check_value(kpis, kpi, *kpi.actual, "the actual", out);
    }
    for (const Review& review : kpis.reviews) {
      const std::string when = review.date ? review.date->value.iso() : std::string("a review");
      for (const KpiReading& reading : review.actuals) {
        const Kpi* kpi = kpis.kpi(reading.metric.value);
        if (!kpi) {
          const std::string near =
              util::closest(reading.metric.value, metrics,
                            std::max<std::size_t>(2, reading.metric.value.size() / 4));
          out.error("kpi-metric-unknown", kpis.file, reading.metric.position,
                    "the review of " + when + " records '" + reading.metric.value +
                        "', which is not one of the kpis",
                    near.empty() ? "name the metric exactly as it is written under kpis"
                                 : "did you mean '" + near + "'?");
          continue;
        }
        if (reading.actual)
          check_value(kpis, *kpi, *reading.actual, "the value recorded on " + when, out);
      }
    }
    check_review_due(context, folder, kpis);
  }
}

}  // namespace partnerops
