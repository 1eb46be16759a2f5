#include "source_option.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "diag/format.hpp"
#include "exit_code.hpp"
#include "git/git_tree_source.hpp"

namespace partnerops::cli {

void add_rev_option(CLI::App& sub, std::string& rev) {
  sub.add_option("--rev", rev, "Read the files of this git revision instead of the working tree");
}

std::optional<OpenedSource> open_source(const std::string& path, const std::string& rev) {
  OpenedSource opened;
  if (rev.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      std::cerr << "partnerops: " << path << " is not a folder\n";
      return std::nullopt;
    }
    opened.source = open_directory_source(path);
    return opened;
  }
  std::string error;
  git::RepositoryPtr repo = git::open_repository(path, &error);
  if (!repo) {
    std::cerr << "partnerops: --rev: " << error << '\n';
    return std::nullopt;
  }
  const char* workdir = git_repository_workdir(repo.get());
  std::error_code ec;
  if (!workdir || !std::filesystem::equivalent(workdir, path, ec)) {
    std::cerr << "partnerops: --rev needs PATH to be the repository's root"
              << (workdir ? std::string(" (") + workdir + ")" : std::string()) << '\n';
    return std::nullopt;
  }
  const std::optional<git::ResolvedCommit> commit = git::resolve_commit(repo.get(), rev, &error);
  if (!commit) {
    std::cerr << "partnerops: --rev: " << error << '\n';
    return std::nullopt;
  }
  std::shared_ptr<git_repository> shared(repo.release(), git_repository_free);
  opened.source = git::open_git_tree_source(shared, commit->id, &error);
  if (!opened.source) {
    std::cerr << "partnerops: --rev: " << error << '\n';
    return std::nullopt;
  }
  opened.commit = commit->id;
  opened.commit_time = commit->time;
  return opened;
}

void add_timings_option(CLI::App& sub, bool& timings) {
  sub.add_flag("--timings", timings, "Print where loading spent its time to standard error");
}

void print_load_timings(const LoadTimings& t) {
  std::fprintf(stderr,
               "timings: load %.3f s wall (list %.3f, model %.3f, cache save %.3f); per file, "
               "summed over threads: read %.3f, cache %.3f (%zu hits), parse %.3f, schema %.3f\n",
               t.wall_seconds, t.list_seconds, t.model_seconds, t.cache_save_seconds,
               t.read_seconds, t.cache_seconds, t.cache_hits, t.parse_seconds, t.schema_seconds);
}

int exit_after_reading(const Diagnostics& diagnostics, std::string_view consequence) {
  if (!diagnostics.has_errors()) return k_exit_clean;
  std::cerr << "partnerops: " << summarize(diagnostics) << " while loading; " << consequence
            << " (run `partnerops validate`)\n";
  return k_exit_problems;
}

}  // namespace partnerops::cli
