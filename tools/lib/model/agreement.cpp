#include "model/agreement.hpp"

#include <algorithm>

namespace partnerops {

namespace {

int month_index(const Date& date) { return date.year() * 12 + static_cast<int>(date.month()) - 1; }

/// How the renewals of a written term are laid out: in whole months from
/// an anchor (so 31 January, 28 February, 31 March keep their ends), or in
/// days when neither the file nor the written term gives a month count.
struct RenewalRule {
  bool in_months = true;
  Date anchor;  ///< months: renewal k starts at anchor + base + (k-1)·length
  int base = 0;
  int length = 1;  ///< months or days per renewal
};

RenewalRule renewal_rule(const TermSpan& first, std::optional<std::int64_t> renewal_months) {
  const Date after = first.end.plus_days(1);
  // The written term is whole months when start + M months is the day after its end.
  const int months = month_index(after) - month_index(first.start);
  const bool whole = months >= 1 && first.start.plus_months(months) == after;
  RenewalRule rule;
  if (renewal_months || whole) {
    rule.length =
        renewal_months ? static_cast<int>(std::max<std::int64_t>(*renewal_months, 1)) : months;
    rule.anchor = whole ? first.start : after;
    rule.base = whole ? months : 0;
  } else {
    rule.in_months = false;
    rule.anchor = after;
    rule.length = after.days_since(first.start);
  }
  return rule;
}

}  // namespace

std::optional<TermSpan> Agreement::first_term() const {
  if (!term.start || !term.end || term.end->value < term.start->value) return std::nullopt;
  const Date end = term.end->value;
  return TermSpan{term.start->value, end, 0,
                  end.plus_days(-static_cast<int>(term.notice_days.value_or(0)))};
}

TermSpan Agreement::term_after(const TermSpan& previous) const {
  const std::optional<TermSpan> first = first_term();
  const int k = previous.renewals + 1;
  TermSpan next;
  next.renewals = k;
  if (!first) {  // no written term to count from: repeat the previous one's length
    next.start = previous.end.plus_days(1);
    next.end = next.start.plus_days(previous.end.days_since(previous.start));
  } else {
    const RenewalRule rule = renewal_rule(*first, term.renewal_months);
    if (rule.in_months) {
      next.start = rule.anchor.plus_months(rule.base + (k - 1) * rule.length);
      next.end = rule.anchor.plus_months(rule.base + k * rule.length).plus_days(-1);
    } else {
      next.start = rule.anchor.plus_days((k - 1) * rule.length);
      next.end = rule.anchor.plus_days(k * rule.length - 1);
    }
  }
  next.notice_deadline = next.end.plus_days(-static_cast<int>(term.notice_days.value_or(0)));
  return next;
}

std::optional<TermSpan> Agreement::term_on(Date day) const {
  const std::optional<TermSpan> first = first_term();
  if (!first || day < first->start) return std::nullopt;
  if (day <= first->end) return first;
  if (!renews_automatically()) return std::nullopt;
  // Jump close to the renewal holding `day`, then step to it exactly.
  const RenewalRule rule = renewal_rule(*first, term.renewal_months);
  int k = 1;
  if (rule.in_months)
    k = std::max(1, (month_index(day) - month_index(rule.anchor) - rule.base) / rule.length + 1);
  else
    k = day.days_since(rule.anchor) / rule.length + 1;
  TermSpan before = *first;
  before.renewals = k - 1;
  TermSpan span = term_after(before);
  while (span.renewals > 1 && day < span.start) {
    before.renewals = span.renewals - 2;
    span = term_after(before);
  }
  while (span.end < day) span = term_after(span);
  return span;
}

std::optional<TermSpan> Agreement::current_term(Date day) const {
  const std::optional<TermSpan> first = first_term();
  if (first && day < first->start) return first;
  return term_on(day);
}

std::optional<Date> Agreement::last_day() const {
  if (renews_automatically() || !term.end) return std::nullopt;
  return term.end->value;
}

std::optional<Date> Agreement::ended_before(Date today) const {
  if (renews_automatically() || !term.end || !(term.end->value < today)) return std::nullopt;
  return term.end->value;
}

std::size_t Agreement::signature_count() const {
  return static_cast<std::size_t>(
      std::count_if(signatories.begin(), signatories.end(),
                    [](const Signatory& s) { return s.signed_on.has_value(); }));
}

std::optional<Date> Agreement::last_event() const {
  std::optional<Date> last;
  for (const AgreementEvent& event : history)
    if (event.date && (!last || event.date->value > *last)) last = event.date->value;
  return last;
}

Agreement read_agreement(Reader& reader) {
  const yaml::Node& root = reader.root();
  Agreement agreement;
  agreement.file = reader.file();
  agreement.kind = reader.text(root, "kind", "service-agreement");
  agreement.title = reader.text(root, "title");
  agreement.status = reader.text_field(root, "status");
  agreement.currency = reader.text(root, "currency");
  if (const yaml::Node* term = root.find("term"); term && term->is_mapping()) {
    agreement.term =
        Term{reader.date(*term, "start"), reader.date(*term, "end"), reader.text(*term, "renewal"),
             reader.integer(*term, "notice_days"), reader.integer(*term, "renewal_months")};
  }
  for (const yaml::Node* item : reader.list(root, "fees")) {
    agreement.fees.push_back(Fee{reader.text(*item, "description"),
                                 reader.money(*item, "amount", agreement.currency),
                                 reader.text(*item, "schedule"), reader.text(*item, "first_period"),
                                 reader.text_field(*item, "sow"), reader.boolean(*item, "free")});
  }
  agreement.payment_terms_days = reader.integer(root, "payment_terms_days");
  agreement.tax = read_tax_rule(reader, root, "tax");
  agreement.purchase_order = reader.text(root, "purchase_order");
  for (const yaml::Node* item : reader.list(root, "signatories")) {
    agreement.signatories.push_back(Signatory{
        reader.text(*item, "name"), reader.text(*item, "title"), reader.text(*item, "party"),
        reader.text(*item, "email"), reader.date(*item, "signed_on"), item->position()});
  }
  for (const yaml::Node* item : reader.list(root, "addenda")) {
    agreement.addenda.push_back(
        Addendum{reader.text_field(*item, "file"), reader.text(*item, "title")});
  }
  for (const yaml::Node* item : reader.list(root, "history")) {
    agreement.history.push_back(AgreementEvent{
        reader.date(*item, "date"), reader.text(*item, "status"), reader.text(*item, "note")});
  }
  for (const yaml::Node* item : reader.list(root, "compliance"))
    if (item->is_scalar())
      agreement.compliance.push_back({std::string(item->text()), item->position()});
  for (const yaml::Node* item : reader.list(root, "deployments")) {
    CoveredDeployment deployment;
    deployment.key = reader.text_field(*item, "key");
    deployment.domain = reader.text(*item, "domain");
    const std::string payer = reader.text(*item, "cloud_costs");
    deployment.cloud_costs = payer == "us"        ? CloudPayer::us
                             : payer == "partner" ? CloudPayer::partner
                                                  : CloudPayer::unknown;
    deployment.cloud_costs_position = reader.position_of(*item, "cloud_costs");
    agreement.deployments.push_back(std::move(deployment));
  }
  return agreement;
}

}  // namespace partnerops
