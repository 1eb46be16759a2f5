// The performance review's part of the template context (SOP 6 §4, template
// 4): one review of kpis.yaml with the KPI tracking table as it stood at
// that review (each value's status, its distance from the target and its
// change since the review before), the review's own notes, and what
// happened in the period it covers (after the review before, up to its
// date): the issues reported, escalated or resolved, the invoices issued
// and the payments received. Values come from model/kpis and the invoices'
// balances from model/account, so the document, the tickler and `validate`
// agree.

#include <algorithm>

#include "documents/kind_context.hpp"
#include "model/account.hpp"

namespace partnerops {

using json = nlohmann::json;

namespace {

/// A value as printed: money in its own currency ("$30,300.00"), a number
/// with its unit ("512 students").
std::string value_text(const KpiValue& value, const std::string& unit) {
  if (value.money) return format_display(*value.money);
  return unit.empty() ? value.text : value.text + " " + unit;
}

/// A signed difference: "+$1,500.00", "-82 students", "no change".
std::string change_text(const KpiValue& change, const std::string& unit) {
  const int sign = sign_of(change);
  if (sign == 0) return "no change";
  return (sign > 0 ? "+" : "") + value_text(change, unit);
}

/// How far `actual` is from `target`, without judging which way is better
/// (fewer hours to a first response is; fewer students is not).
std::string against_target(const std::optional<KpiValue>& actual,
                           const std::optional<KpiValue>& target, const std::string& unit) {
  if (!target) return "no target";
  if (!actual) return "";
  const std::optional<KpiValue> gap = difference(*actual, *target);
  if (!gap) return "not comparable with the target";
  const int sign = sign_of(*gap);
  if (sign == 0) return "at target";
  KpiValue magnitude = *gap;
  if (sign < 0 && magnitude.money) magnitude.money->minor = -magnitude.money->minor;
  if (sign < 0 && magnitude.number) magnitude.number->units = -magnitude.number->units;
  if (magnitude.number) magnitude.text = format_quantity(*magnitude.number);
  return value_text(magnitude, unit) + (sign < 0 ? " below target" : " above target");
}

/// "on-track" → "On track"; "" when the status was not recorded.
std::string status_text(const std::string& status) {
  if (status.empty()) return "";
  std::string out = status;
  std::replace(out.begin(), out.end(), '-', ' ');
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

json kpi_rows(const Kpis& kpis, const Review& review, const Formatter& format) {
  const Review* before = kpis.previous(review);
  json rows = json::array();
  for (const Kpi& kpi : kpis.kpis) {
    const std::optional<KpiValue> actual = kpis.value_at(review, kpi);
    const std::optional<KpiValue> previous =
        before ? kpis.value_at(*before, kpi) : std::optional<KpiValue>();
    std::string change = "no previous value";
    std::string change_from;
    if (actual && previous) {
      if (const std::optional<KpiValue> delta = difference(*actual, *previous)) {
        change = change_text(*delta, kpi.unit);
        change_from = "from " + value_text(*previous, kpi.unit);
      } else {
        change = "not comparable with " + value_text(*previous, kpi.unit);
      }
    } else if (!actual) {
      change = "";
    }
    json row = {{"metric", kpi.metric.value},
                {"target", kpi.target ? value_text(*kpi.target, kpi.unit) : "no target"},
                {"actual", actual ? value_text(*actual, kpi.unit) : "not recorded"},
                {"change", change},
                {"change_from", change_from},
                {"status", status_text(kpis.status_at(review, kpi))},
                {"against_target", against_target(actual, kpi.target, kpi.unit)},
                {"responsible", kpi.responsible},
                {"action_items", kpi.action_items}};
    format.markdown_items(row, "action_items");
    row.erase("action_items");
    rows.push_back(std::move(row));
  }
  return rows;
}

/// The issues of issues.yaml (model/issues) reported, escalated or
/// resolved in `period`, by the date reported, each with its escalation.
json period_issues(const PartnerFolder& folder, const ReviewPeriod& period,
                   const Formatter& format) {
  json out = json::array();
  if (!folder.issue_log) return out;
  const auto in_period = [&period](const std::optional<Field<Date>>& date) {
    return date && period.contains(date->value);
  };
  const auto date_text = [&format](const std::optional<Field<Date>>& date) {
    return date ? format.date(date->value) : std::string();
  };
  std::vector<const Issue*> issues;
  for (const Issue& issue : folder.issue_log->issues) {
    const bool escalated_in = issue.escalation && in_period(issue.escalation->date);
    if (in_period(issue.date_reported) || in_period(issue.resolved_on) || escalated_in)
      issues.push_back(&issue);
  }
  // Oldest report first; an issue without a readable date last.
  std::stable_sort(issues.begin(), issues.end(), [](const Issue* a, const Issue* b) {
    if (!a->date_reported || !b->date_reported)
      return a->date_reported.has_value() > b->date_reported.has_value();
    return a->date_reported->value < b->date_reported->value;
  });
  for (const Issue* issue : issues) {
    json escalations = json::array();
    if (issue->escalation)
      escalations.push_back(json{{"date", date_text(issue->escalation->date)},
                                 {"to", issue->escalation->to},
                                 {"reason", issue->escalation->reason}});
    out.push_back(json{{"id", issue->id.value},
                       {"description", issue->description},
                       {"category", issue->category},
                       {"severity", issue->severity},
                       {"responsible", issue->responsible},
                       {"status", std::string(name_of(issue->status.value))},
                       {"date_reported", date_text(issue->date_reported)},
                       {"resolved_on", date_text(issue->resolved_on)},
                       {"is_resolved_in_period", in_period(issue->resolved_on)},
                       {"resolution_html", format.inline_markdown(issue->resolution)},
                       {"escalations", escalations},
                       {"has_escalations", !escalations.empty()}});
  }
  return out;
}

/// The invoices issued in `period` (drafts and void ones ask for nothing)
/// with their balance as the files stand, and every payment received in it.
void add_period_billing(const PartnerFolder& folder, const ReviewPeriod& period,
                        const Formatter& format, json& review) {
  json invoices = json::array();
  json payments = json::array();
  for (const Invoice& invoice : folder.invoices) {
    const std::string& currency = invoice.priced.currency;
    const auto money = [&currency](std::int64_t minor) {
      return format_display(Money{minor, currency});
    };
    if (is_receivable(invoice) && invoice.issue_date &&
        period.contains(invoice.issue_date->value)) {
      const InvoiceBalance balance = balance_of(folder, invoice);
      invoices.push_back(
          json{{"number", invoice.number.value},
               {"issue_date", format.date(invoice.issue_date->value)},
               {"due_date", invoice.due_date ? format.date(invoice.due_date->value) : ""},
               {"total", invoice.priced.total ? money(invoice.priced.total->value.minor) : ""},
               {"status", std::string(to_string(invoice.status.value))},
               {"balance", money(balance.is_credit() ? balance.credit() : balance.balance)},
               {"is_credit_balance", balance.is_credit()}});
    }
    for (const Payment& payment : invoice.payments) {
      if (!payment.date || !period.contains(payment.date->value)) continue;
      payments.push_back(
          json{{"date", format.date(payment.date->value)},
               {"sort", payment.date->value.iso()},
               {"invoice", invoice.number.value},
               {"reference", payment.reference},
               {"amount", payment.amount ? money(payment.amount->value.minor) : ""}});
    }
  }
  std::stable_sort(payments.begin(), payments.end(), [](const json& a, const json& b) {
    return a["sort"].get<std::string>() < b["sort"].get<std::string>();
  });
  for (json& payment : payments) payment.erase("sort");
  review["has_invoices"] = !invoices.empty();
  review["invoices"] = std::move(invoices);
  review["has_payments"] = !payments.empty();
  review["payments"] = std::move(payments);
}

/// The review `job` prints: its id is the review's date, with "-2", "-3"
/// for a second and third review held that day (documents/plan.cpp).
const Review* review_of(const Kpis& kpis, const std::string& id) {
  const std::string date = id.substr(0, 10);
  const int nth = id.size() > 11 ? std::atoi(id.c_str() + 11) : 1;
  int seen = 0;
  for (const Review& review : kpis.reviews)
    if (review.date && review.date->value.iso() == date && ++seen == nth) return &review;
  return nullptr;
}

}  // namespace

void add_performance_review(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  json review = {{"date", ""},
                 {"kind", ""},
                 {"period", ""},
                 {"previous_date", ""},
                 {"has_previous", false},
                 {"summary_html", ""},
                 {"improvements_items", json::array()},
                 {"has_improvements", false},
                 {"opportunities_items", json::array()},
                 {"has_opportunities", false},
                 {"kpis", json::array()},
                 {"kpi_period", ""},
                 {"issues", json::array()},
                 {"has_issues", false},
                 {"invoices", json::array()},
                 {"has_invoices", false},
                 {"payments", json::array()},
                 {"has_payments", false},
                 {"next_date", ""},
                 {"next_rule", ""}};
  const Kpis* kpis = in.folder && in.folder->kpis ? &*in.folder->kpis : nullptr;
  const Review* held = kpis ? review_of(*kpis, in.job.id) : nullptr;
  if (held) {
    const ReviewPeriod period = kpis->period_of(*held);
    const std::string kind(name_of(held->kind));
    review["date"] = format.date(held->date->value);
    review["kind"] = std::string(1, static_cast<char>(kind[0] - 'a' + 'A')) + kind.substr(1);
    review["has_previous"] = period.after.has_value();
    review["previous_date"] = period.after ? format.date(*period.after) : "";
    review["period"] = period.after ? "after the review of " + format.date(*period.after) +
                                          ", up to " + format.date(period.until)
                                    : "up to " + format.date(period.until) + ", the first review";
    review["summary_html"] = format.markdown(held->summary);
    json lists = {{"improvements", held->improvements}, {"opportunities", held->opportunities}};
    format.markdown_items(lists, "improvements");
    format.markdown_items(lists, "opportunities");
    review["improvements_items"] = lists["improvements_items"];
    review["has_improvements"] = !held->improvements.empty();
    review["opportunities_items"] = lists["opportunities_items"];
    review["has_opportunities"] = !held->opportunities.empty();
    review["kpis"] = kpi_rows(*kpis, *held, format);
    review["kpi_period"] = kpis->period;
    review["issues"] = period_issues(*in.folder, period, format);
    review["has_issues"] = !review["issues"].empty();
    add_period_billing(*in.folder, period, format, review);
    if (const std::optional<Date> next = held->next_due()) {
      review["next_date"] = format.date(*next);
      review["next_rule"] = held->next_review ? "as agreed at this review"
                            : held->kind == ReviewKind::annual
                                ? "twelve months after this annual review"
                                : "three months after this quarterly review";
    }
    context["document"]["title"] = std::string(title_of(in.job.kind)) + " of " +
                                   format.date(held->date->value) + " — " +
                                   context["partner"].value("name", "");
  }
  context["review"] = std::move(review);
}

}  // namespace partnerops
