#pragma once
// Calendar dates as users write them: ISO `YYYY-MM-DD`, real days only
// (2026-02-29 is refused). Arithmetic and validity come from
// std::chrono's civil calendar.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace partnerops {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::year_month_day ymd) : m_days(std::chrono::sys_days(ymd)) {}

  /// Parses exactly `YYYY-MM-DD`. Returns nullopt for another shape or a day
  /// that is not on the calendar.
  static std::optional<Date> parse(std::string_view text);
  /// Today in UTC, for runs without --today.
  static Date today();
  /// The date of a Unix timestamp, UTC.
  static Date from_unix_seconds(long long seconds);

  int year() const;
  unsigned month() const;
  unsigned day() const;

  Date plus_days(int days) const;
  /// This date moved by `months`, its day kept or clamped to the month's
  /// last day (31 January + 1 month = 28 or 29 February).
  Date plus_months(int months) const;
  /// Days from `other` to this date (positive when this is later).
  int days_since(const Date& other) const;

  /// `2026-11-23`
  std::string iso() const;
  /// `23 November 2026`
  std::string long_form() const;

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days m_days{};
};

}  // namespace partnerops
