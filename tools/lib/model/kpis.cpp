#include "model/kpis.hpp"

#include <algorithm>

namespace partnerops {

namespace {

/// The currency code a money value ends with ("30300.00 USD"), or empty
/// for a plain number. The schema allows only these two forms.
std::string_view currency_code(std::string_view text) {
  if (text.size() < 5 || text[text.size() - 4] != ' ') return {};
  const std::string_view code = text.substr(text.size() - 3);
  for (char c : code)
    if (c < 'A' || c > 'Z') return {};
  return code;
}

/// A number as written, with an optional minus sign, exactly.
std::optional<Quantity> signed_quantity(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::optional<Quantity> quantity = parse_quantity(text);
  if (quantity && negative) quantity->units = -quantity->units;
  return quantity;
}

std::optional<KpiValue> read_value(Reader& reader, const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  if (!node || node->is_null() || !node->is_scalar()) return std::nullopt;
  KpiValue value;
  value.text = node->text();
  value.position = node->position();
  const std::string_view code = node->is_string() ? currency_code(value.text) : std::string_view();
  if (!code.empty()) {
    if (const std::optional<Field<Money>> money = reader.money(map, key, code))
      value.money = money->value;
    return value;
  }
  value.number = signed_quantity(value.text);
  if (!value.number) {
    reader.diagnostics().error(
        "quantity-invalid", reader.file(), node->position(),
        "'" + std::string(key) + "' is not an exact number: " + value.text,
        "write a whole number (450) or a decimal with at most 6 decimals (99.82), or money "
        "with its currency (\"30300.00 USD\")");
  }
  return value;
}

std::vector<std::string> texts(const Reader& reader, const yaml::Node& map, std::string_view key) {
  std::vector<std::string> out;
  for (const yaml::Node* item : reader.list(map, key))
    if (item->is_scalar()) out.push_back(std::string(item->text()));
  return out;
}

}  // namespace

std::optional<KpiValue> difference(const KpiValue& a, const KpiValue& b) {
  KpiValue out;
  out.position = a.position;
  if (a.money && b.money) {
    if (a.money->currency != b.money->currency) return std::nullopt;
    std::int64_t minor = 0;
    if (__builtin_sub_overflow(a.money->minor, b.money->minor, &minor)) return std::nullopt;
    out.money = Money{minor, a.money->currency};
    out.text = format_plain(minor, *find_currency(a.money->currency)) + " " + a.money->currency;
    return out;
  }
  if (a.number && b.number) {
    out.number = add(*a.number, Quantity{-b.number->units, b.number->scale});
    if (!out.number) return std::nullopt;
    out.text = format_quantity(*out.number);
    return out;
  }
  return std::nullopt;
}

std::string mismatch(const KpiValue& a, const KpiValue& b) {
  const auto what = [](const KpiValue& value) {
    return value.money ? "money in " + value.money->currency : std::string("a number");
  };
  if (a.unreadable() || b.unreadable()) return "";
  if (a.money && b.money && a.money->currency == b.money->currency) return "";
  if (a.number && b.number) return "";
  return what(a) + " against " + what(b);
}

int sign_of(const KpiValue& value) {
  if (value.money) return value.money->minor < 0 ? -1 : value.money->minor > 0 ? 1 : 0;
  if (value.number) return compare(*value.number, Quantity{});
  return 0;
}

std::string_view name_of(ReviewKind kind) {
  return kind == ReviewKind::annual ? "annual" : "quarterly";
}

std::optional<Date> Review::next_due() const {
  if (next_review) return next_review->value;
  if (!date) return std::nullopt;
  return date->value.plus_months(kind == ReviewKind::annual ? 12 : 3);
}

const KpiReading* Review::reading(std::string_view metric) const {
  for (const KpiReading& reading : actuals)
    if (reading.metric.value == metric) return &reading;
  return nullptr;
}

const Kpi* Kpis::kpi(std::string_view metric) const {
  for (const Kpi& candidate : kpis)
    if (candidate.metric.value == metric) return &candidate;
  return nullptr;
}

std::vector<const Review*> Kpis::dated_reviews() const {
  std::vector<const Review*> out;
  for (const Review& review : reviews)
    if (review.date) out.push_back(&review);
  std::stable_sort(out.begin(), out.end(), [](const Review* a, const Review* b) {
    return a->date->value < b->date->value;
  });
  return out;
}

const Review* Kpis::previous(const Review& review) const {
  const std::vector<const Review*> dated = dated_reviews();
  const auto found = std::find(dated.begin(), dated.end(), &review);
  return found == dated.end() || found == dated.begin() ? nullptr : *(found - 1);
}

const Review* Kpis::latest() const {
  const std::vector<const Review*> dated = dated_reviews();
  return dated.empty() ? nullptr : dated.back();
}

ReviewPeriod Kpis::period_of(const Review& review) const {
  ReviewPeriod period;
  period.until = review.date ? review.date->value : Date();
  if (const Review* before = previous(review)) period.after = before->date->value;
  return period;
}

std::optional<KpiValue> Kpis::value_at(const Review& review, const Kpi& kpi) const {
  if (const KpiReading* reading = review.reading(kpi.metric.value)) return reading->actual;
  if (&review == latest()) return kpi.actual;
  return std::nullopt;
}

std::string Kpis::status_at(const Review& review, const Kpi& kpi) const {
  if (const KpiReading* reading = review.reading(kpi.metric.value))
    if (!reading->status.empty()) return reading->status;
  return &review == latest() ? kpi.status : std::string();
}

Kpis read_kpis(Reader& reader) {
  const yaml::Node& root = reader.root();
  Kpis out;
  out.file = reader.file();
  out.period = reader.text(root, "period");
  for (const yaml::Node* item : reader.list(root, "kpis")) {
    Kpi kpi;
    kpi.metric = reader.text_field(*item, "metric");
    kpi.target = read_value(reader, *item, "target");
    kpi.actual = read_value(reader, *item, "actual");
    kpi.unit = reader.text(*item, "unit");
    kpi.responsible = reader.text(*item, "responsible");
    kpi.action_items = texts(reader, *item, "action_items");
    kpi.status = reader.text(*item, "status");
    kpi.position = item->position();
    out.kpis.push_back(std::move(kpi));
  }
  for (const yaml::Node* item : reader.list(root, "reviews")) {
    Review review;
    review.date = reader.date(*item, "date");
    review.kind =
        reader.text(*item, "kind") == "annual" ? ReviewKind::annual : ReviewKind::quarterly;
    review.summary = reader.text(*item, "summary");
    review.improvements = texts(reader, *item, "improvements");
    review.opportunities = texts(reader, *item, "opportunities");
    review.next_review = reader.date(*item, "next_review");
    review.position = item->position();
    for (const yaml::Node* entry : reader.list(*item, "actuals")) {
      review.actuals.push_back(KpiReading{reader.text_field(*entry, "metric"),
                                          read_value(reader, *entry, "actual"),
                                          reader.text(*entry, "status")});
    }
    out.reviews.push_back(std::move(review));
  }
  return out;
}

}  // namespace partnerops
