#include "model/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace partnerops {

namespace {

bool read_digits(std::string_view text, std::size_t from, std::size_t count, int* value) {
  int result = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *value = result;
  return true;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, 0, 4, &year) || !read_digits(text, 5, 2, &month) ||
      !read_digits(text, 8, 2, &day))
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

Date Date::today() {
  Date date;
  date.m_days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return date;
}

Date Date::from_unix_seconds(long long seconds) {
  Date date;
  date.m_days = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(seconds)));
  return date;
}

int Date::year() const { return int(std::chrono::year_month_day(m_days).year()); }
unsigned Date::month() const { return unsigned(std::chrono::year_month_day(m_days).month()); }
unsigned Date::day() const { return unsigned(std::chrono::year_month_day(m_days).day()); }

Date Date::plus_days(int days) const {
  Date date;
  date.m_days = m_days + std::chrono::days(days);
  return date;
}

Date Date::plus_months(int months) const {
  using namespace std::chrono;
  const int index = year() * 12 + static_cast<int>(month()) - 1 + months;
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  const auto m = std::chrono::month(static_cast<unsigned>(index - y * 12 + 1));
  const year_month_day_last last{std::chrono::year(y), month_day_last(m)};
  const unsigned d = std::min(day(), static_cast<unsigned>(last.day()));
  return Date(year_month_day(std::chrono::year(y), m, std::chrono::day(d)));
}

int Date::days_since(const Date& other) const { return int((m_days - other.m_days).count()); }

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

std::string Date::long_form() const {
  static constexpr std::array<const char*, 12> k_months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(day()) + " " + k_months[month() - 1] + " " + std::to_string(year());
}

}  // namespace partnerops
