#include "options.hpp"

#include <git2.h>

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

bool branch_name_is_usable(const std::string& name) {
  if (name.starts_with("-")) {
    std::cerr << "partnerops: --branch takes a branch NAME, not the option '" << name
              << "'; give a name, or leave --branch out\n";
    return false;
  }
  // libgit2's own rule, the one the commit applies, checked before anything
  // is loaded or planned.
  git_libgit2_init();  // reference counted; left to the process, as the repository code does
  int valid = 0;
  const std::string ref = "refs/heads/" + name;
  const bool ok = git_reference_name_is_valid(&valid, ref.c_str()) == 0 && valid == 1;
  if (!ok) {
    std::cerr << "partnerops: --branch: '" << name
              << "' is not a valid git branch name (no spaces, '..', '~', '^', ':', '?', '*', "
                 "'[', '\\', and no '/' or '.' at either end)\n";
  }
  return ok;
}

}  // namespace partnerops::cli
