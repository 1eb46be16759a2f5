// partnerops log [SLUG] [PATH]
//
// The timeline of stage transitions read from git history (the commits'
// trailers), oldest first. In a shallow clone it prints what it has and a
// warning that older transitions are missing. Exit 0, or 2 when PATH is not
// in a repository or history cannot be read.

#include <iostream>

#include "command.hpp"
#include "git/repository.hpp"
#include "transitions/timeline.hpp"

namespace partnerops::cli {

namespace {

struct LogOptions {
  std::string slug;
  std::string path = ".";
};

int run_log(const LogOptions& options) {
  std::string error;
  const git::RepositoryPtr repo = git::open_repository(options.path, &error);
  if (!repo) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  const std::optional<transitions::Timeline> timeline =
      transitions::read_timeline(repo.get(), options.slug, &error);
  if (!timeline) {
    std::cerr << "partnerops: cannot read history: " << error << '\n';
    return k_exit_usage;
  }
  std::cout << transitions::format_timeline(*timeline);
  if (timeline->shallow)
    std::cerr << "partnerops: warning: this is a shallow clone, so older transitions are missing "
                 "from this timeline; run `git fetch --unshallow` for the full history\n";
  if (timeline->entries.empty() && !timeline->shallow)
    std::cerr << "partnerops: no stage transitions"
              << (options.slug.empty() ? "" : " for '" + options.slug + "'") << " in history\n";
  return k_exit_clean;
}

}  // namespace

Runner define_log(CLI::App& sub) {
  auto options = std::make_shared<LogOptions>();
  sub.add_option("slug", options->slug, "Only this partner's transitions");
  sub.add_option("path", options->path, "A folder inside the repository");
  return [options] { return run_log(*options); };
}

}  // namespace partnerops::cli
