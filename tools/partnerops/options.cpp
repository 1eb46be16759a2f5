#include "options.hpp"

#include <iostream>

namespace partnerops::cli {

void add_today_option(CLI::App& sub, std::string& today) {
  sub.add_option("--today", today, "Treat DATE (YYYY-MM-DD) as today, for due dates and tests");
}

std::optional<Date> parse_today(const std::string& text) {
  if (text.empty()) return Date::today();
  if (std::optional<Date> date = Date::parse(text)) return date;
  std::cerr << "partnerops: --today needs a calendar date as YYYY-MM-DD, not '" << text << "'\n";
  return std::nullopt;
}

}  // namespace partnerops::cli
