#pragma once
// Options several commands share, parsed the same way everywhere.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "model/date.hpp"

namespace partnerops::cli {

/// Adds `--today DATE`, which pins "today" for due dates and reproducible runs.
void add_today_option(CLI::App& sub, std::string& today);

/// The pinned date, or the real date when `text` is empty. Prints an error
/// and returns nullopt for text that is not a calendar date.
std::optional<Date> parse_today(const std::string& text);

/// Checks the NAME given to `--branch`: an option's name is not a branch
/// (CLI11 hands `--branch --no-commit` the value "--no-commit"), nor is
/// anything git refuses in a branch name ("a..b", "x/", "-x", "a b").
/// Prints a usage error and returns false when `name` is not one.
bool branch_name_is_usable(const std::string& name);

}  // namespace partnerops::cli
