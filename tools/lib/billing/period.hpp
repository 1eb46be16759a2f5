#pragma once
// Billing periods: the calendar month an invoice run bills ("2026-11"), and
// which fees of an agreement fall in it. Fees bill in advance: a quarterly
// fee starting 2026-02 bills in 2026-02, 05, 08 and 11, each time for three
// months; nothing bills outside the agreement's term (which, renewing
// automatically, rolls on without end: model/agreement). Kept apart from the
// run itself so the calendar rules (month ends, leap years, term edges) are
// tested without a workspace.

#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"

namespace partnerops::billing {

/// A calendar month.
class Month {
 public:
  Month() = default;
  Month(int year, unsigned month) : m_index(year * 12 + static_cast<int>(month) - 1) {}

  /// Parses exactly "YYYY-MM" with a month from 01 to 12; nullopt otherwise.
  static std::optional<Month> parse(std::string_view text);
  static Month of(const Date& date) { return Month(date.year(), date.month()); }

  int year() const { return floor_div(m_index, 12); }
  unsigned month() const { return static_cast<unsigned>(m_index - year() * 12 + 1); }
  Month plus(int months) const {
    Month result;
    result.m_index = m_index + months;
    return result;
  }
  /// Months from `other` to this one (positive when this is later).
  int since(const Month& other) const { return m_index - other.m_index; }

  Date first_day() const;
  /// The 28th to the 31st, by the month and leap years.
  Date last_day() const;
  bool contains(const Date& date) const { return of(date) == *this; }

  /// "2026-11"
  std::string iso() const;
  /// "November 2026"
  std::string long_form() const;

  friend auto operator<=>(const Month&, const Month&) = default;

 private:
  static int floor_div(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
  int m_index = 0;  // year * 12 + month - 1
};

enum class Schedule { monthly, quarterly, annual, one_off, milestones };

/// The schedule named in an agreement ("one-off"), or nullopt.
std::optional<Schedule> parse_schedule(std::string_view name);

/// How many months one billing of `schedule` covers: 1, 3, 12; 0 for
/// one-off and milestones, which cover no span of months.
int months_covered(Schedule schedule);

/// The agreement's term as far as billing cares: term.start, and
/// Agreement::last_day() as the end; an open end (automatic renewal) bills
/// on into every rolled term.
struct TermBounds {
  std::optional<Date> start;
  std::optional<Date> end;
};

/// True when a fee of `schedule` first billed in `first` bills in `period`:
/// every 1, 3 or 12 months from `first` for the recurring schedules, only in
/// `first` for one-off, never for milestones (they bill by their own dates,
/// see `milestone_due_in`). A period must also touch the term: its last day
/// on or after term.start, its first day on or before term.end.
bool bills_in(Schedule schedule, const Month& first, const Month& period, const TermBounds& term);

/// True when a milestone due on `due` is billed in `period`.
bool milestone_due_in(const Date& due, const Month& period);

/// The months a billing in `period` covers, as printed on the invoice line:
/// "November 2026" for monthly, "November 2026 – January 2027" for
/// quarterly and annual, empty for one-off and milestones.
std::string coverage_label(Schedule schedule, const Month& period);

}  // namespace partnerops::billing
