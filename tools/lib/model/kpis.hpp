#pragma once
// A partner's KPI tracking and performance reviews (partners/<slug>/kpis.yaml,
// SOP 6 template 4): each metric with its target, the value measured now,
// who owns it and the actions agreed, and the reviews held, each with the
// values it recorded. The performance-review document, the tickler and the
// validator read the same model, so they agree on every value, on a
// review's period and on when the next review is due.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"
#include "model/reader.hpp"

namespace partnerops {

/// A target or a measured value as written: money in its own currency
/// ("30300.00 USD") or a number (512, 99.82), each exact.
struct KpiValue {
  std::string text;                ///< as written
  std::optional<Money> money;      ///< when written with a currency code
  std::optional<Quantity> number;  ///< when written as a plain number
  Position position;

  /// Neither money nor a number could be read (already reported).
  bool unreadable() const { return !money && !number; }
};

/// `a` − `b`, exactly, when both are money in one currency or both are
/// numbers: money in `a`'s currency, or a number at the finer scale.
/// nullopt when they cannot be compared (money against a number, two
/// currencies, an unreadable value, an overflow).
std::optional<KpiValue> difference(const KpiValue& a, const KpiValue& b);

/// Why two values cannot be compared, for messages: "money in USD against
/// money in EUR", "money in USD against a number"; empty when they can.
std::string mismatch(const KpiValue& a, const KpiValue& b);

/// Negative, zero or positive as `value` is below, at or above zero.
int sign_of(const KpiValue& value);

struct Kpi {
  Field<std::string> metric;
  std::optional<KpiValue> target;  ///< may be left out; `validate` warns
  std::optional<KpiValue> actual;  ///< the value measured now
  std::string unit;                ///< of a number, e.g. "students", "%"
  std::string responsible;
  std::vector<std::string> action_items;
  std::string status;  ///< on-track, at-risk, off-track; empty when not given
  Position position;   ///< the KPI's entry in the list
};

/// A value a review recorded for one metric.
struct KpiReading {
  Field<std::string> metric;
  std::optional<KpiValue> actual;
  std::string status;  ///< as judged at that review; empty when not given
};

enum class ReviewKind { quarterly, annual };

struct Review {
  std::optional<Field<Date>> date;  ///< absent only when it is not a calendar date
  ReviewKind kind = ReviewKind::quarterly;
  std::string summary;  ///< Markdown
  std::vector<std::string> improvements;
  std::vector<std::string> opportunities;
  std::vector<KpiReading> actuals;
  std::optional<Field<Date>> next_review;  ///< when agreed at the review
  Position position;                       ///< the review's entry in the list

  /// When the next review is due: `next_review` when given, else three
  /// months (quarterly) or twelve (annual) after this one. nullopt without
  /// a date.
  std::optional<Date> next_due() const;
  /// The reading this review recorded for `metric`, or nullptr.
  const KpiReading* reading(std::string_view metric) const;
};

/// "quarterly" or "annual".
std::string_view name_of(ReviewKind kind);

/// What happened between a review and the one before: the days after
/// `after` (none before the first review) up to and including `until`.
struct ReviewPeriod {
  std::optional<Date> after;
  Date until;

  bool contains(const Date& date) const { return date <= until && (!after || *after < date); }
};

struct Kpis {
  std::string file;
  std::string period;
  std::vector<Kpi> kpis;
  std::vector<Review> reviews;  ///< in file order (oldest first, as written)

  /// The KPI named `metric`, or nullptr.
  const Kpi* kpi(std::string_view metric) const;
  /// The reviews that have a date, by date (file order among equal dates).
  std::vector<const Review*> dated_reviews() const;
  /// The dated review before `review`, or nullptr for the first.
  const Review* previous(const Review& review) const;
  /// The latest dated review, or nullptr.
  const Review* latest() const;
  /// The period `review` covers (it must have a date).
  ReviewPeriod period_of(const Review& review) const;
  /// The value of `kpi` at `review`: the review's own reading, or, for the
  /// latest review only, the KPI's `actual` (files written before reviews
  /// recorded values hold only that). nullopt when neither says.
  std::optional<KpiValue> value_at(const Review& review, const Kpi& kpi) const;
  /// The status of `kpi` at `review`, by the same rule as value_at.
  std::string status_at(const Review& review, const Kpi& kpi) const;
};

/// Reads a kpis.yaml that passed its schema; a money value that is not an
/// amount in its currency is `money-invalid`, a number that is not exact
/// decimal text `quantity-invalid`, at the value.
Kpis read_kpis(Reader& reader);

}  // namespace partnerops
