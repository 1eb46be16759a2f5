#pragma once
// Where a command reads the workspace from: the working tree at PATH, or,
// with `--rev REV`, the tree of a git revision (nothing is checked out), so
// a pull request's head or base can be validated and built as committed.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"
#include "source/source.hpp"

namespace partnerops::cli {

struct OpenedSource {
  std::unique_ptr<Source> source;
  std::string commit;                       ///< the commit read, when --rev was given
  std::optional<std::int64_t> commit_time;  ///< its committer time, for PDF dates
};

/// Adds `--rev REV` to a command.
void add_rev_option(CLI::App& sub, std::string& rev);

/// Opens the working tree at `path`, or revision `rev` of the repository
/// whose root is `path`. Prints the reason and returns nullopt on failure.
std::optional<OpenedSource> open_source(const std::string& path, const std::string& rev);

/// Keeps `object` alive until the process ends, never destroying it, and
/// returns it: freeing tens of thousands of parsed trees node by node costs
/// a large share of a reading command's time, and the system takes the
/// memory back at exit at once. It stays reachable from a static pointer,
/// so leak checkers do not count it.
template <typename T>
T& keep_until_exit(std::unique_ptr<T> object) {
  static auto* const kept = new std::vector<std::shared_ptr<void>>();
  T& kept_object = *object;
  kept->push_back(std::shared_ptr<T>(std::move(object)));
  return kept_object;
}

/// Adds `--timings` to a reading command.
void add_timings_option(CLI::App& sub, bool& timings);

/// Prints where loading spent its time (the parse cache included) to
/// standard error, for `--timings`.
void print_load_timings(const LoadTimings& timings);

/// The exit code after a reading command printed its output: 1, with a
/// line saying `consequence`, when some files did not load; 0 otherwise.
int exit_after_reading(const Diagnostics& diagnostics, std::string_view consequence);

}  // namespace partnerops::cli
