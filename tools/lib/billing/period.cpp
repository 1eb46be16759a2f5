#include "billing/period.hpp"

#include <array>
#include <cstdio>

namespace partnerops::billing {

std::optional<Month> Month::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0;
  unsigned month = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    if (i < 4)
      year = year * 10 + (text[i] - '0');
    else
      month = month * 10 + static_cast<unsigned>(text[i] - '0');
  }
  if (month < 1 || month > 12) return std::nullopt;
  return Month(year, month);
}

Date Month::first_day() const {
  using namespace std::chrono;
  return Date(year_month_day(std::chrono::year(year()), std::chrono::month(month()), day(1)));
}

Date Month::last_day() const {
  using namespace std::chrono;
  return Date(year_month_day(
      year_month_day_last(std::chrono::year(year()), month_day_last(std::chrono::month(month())))));
}

std::string Month::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", year(), month());
  return text;
}

std::string Month::long_form() const {
  static constexpr std::array<const char*, 12> k_names = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::string(k_names[month() - 1]) + " " + std::to_string(year());
}

std::optional<Schedule> parse_schedule(std::string_view name) {
  if (name == "monthly") return Schedule::monthly;
  if (name == "quarterly") return Schedule::quarterly;
  if (name == "annual") return Schedule::annual;
  if (name == "one-off") return Schedule::one_off;
  if (name == "milestones") return Schedule::milestones;
  return std::nullopt;
}

int months_covered(Schedule schedule) {
  switch (schedule) {
    case Schedule::monthly:
      return 1;
    case Schedule::quarterly:
      return 3;
    case Schedule::annual:
      return 12;
    case Schedule::one_off:
    case Schedule::milestones:
      return 0;
  }
  return 0;
}

bool bills_in(Schedule schedule, const Month& first, const Month& period, const TermBounds& term) {
  if (term.start && period.last_day() < *term.start) return false;
  if (term.end && period.first_day() > *term.end) return false;
  const int offset = period.since(first);
  if (offset < 0) return false;
  switch (schedule) {
    case Schedule::one_off:
      return offset == 0;
    case Schedule::milestones:
      return false;
    case Schedule::monthly:
    case Schedule::quarterly:
    case Schedule::annual:
      return offset % months_covered(schedule) == 0;
  }
  return false;
}

bool milestone_due_in(const Date& due, const Month& period) { return period.contains(due); }

std::string coverage_label(Schedule schedule, const Month& period) {
  const int months = months_covered(schedule);
  if (months == 0) return {};
  if (months == 1) return period.long_form();
  const Month last = period.plus(months - 1);
  // "November 2026 – January 2027", or "February – April 2026" within a year.
  if (last.year() == period.year()) {
    std::string first = period.long_form();
    first.erase(first.find(' '));
    return first + " – " + last.long_form();
  }
  return period.long_form() + " – " + last.long_form();
}

}  // namespace partnerops::billing
