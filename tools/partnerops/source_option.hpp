#pragma once
// Where a command reads the workspace from: the working tree at PATH, or,
// with `--rev REV`, the tree of a git revision (nothing is checked out), so
// a pull request's head or base can be validated and built as committed.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

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

}  // namespace partnerops::cli
