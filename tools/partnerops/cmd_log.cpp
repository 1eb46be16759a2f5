// partnerops log [SLUG] [PATH] [--all] [--rev REV]
//
// The partner's story: every history entry of partner.yaml at HEAD (or
// REV), dated by the entry, with the commit that added it; the commit's
// date is added where it differs. `--all` also lists the bookkeeping
// commits (invoices issued, paid, credited, sponsor numbers, checklist
// items, new documents). In a shallow clone it prints what it has and a
// warning that older history is missing. Exit 0; 1 when SLUG names no
// partner at the revision and no stage change in history; 2 when PATH is
// not in a repository, REV is unknown or history cannot be read.

#include <iostream>

#include "command.hpp"
#include "git/repository.hpp"
#include "source_option.hpp"
#include "transitions/timeline.hpp"

namespace partnerops::cli {

namespace {

struct LogOptions {
  std::string slug;
  std::string path = ".";
  std::string rev;
  bool all = false;
};

int run_log(const LogOptions& options) {
  std::string error;
  const git::RepositoryPtr repo = git::open_repository(options.path, &error);
  if (!repo) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  transitions::TimelineOptions timeline_options;
  timeline_options.slug = options.slug;
  timeline_options.bookkeeping = options.all;
  if (!options.rev.empty()) {
    // The same words as every other command's --rev.
    if (!git::lookup_commit(repo.get(), options.rev, &error)) {
      std::cerr << "partnerops: --rev: " << error << '\n';
      return k_exit_usage;
    }
    timeline_options.revspec = options.rev;
  }
  const std::optional<transitions::Timeline> timeline =
      transitions::read_timeline(repo.get(), timeline_options, &error);
  if (!timeline) {
    std::cerr << "partnerops: cannot read history: " << error << '\n';
    return k_exit_usage;
  }
  std::cout << transitions::format_timeline(*timeline);
  if (timeline->shallow)
    std::cerr << "partnerops: warning: this is a shallow clone, so older transitions are missing "
                 "from this timeline; run `git fetch --unshallow` for the full history\n";
  if (timeline->entries.empty() && !timeline->shallow) {
    const std::string at = options.rev.empty() ? "HEAD" : options.rev;
    if (!options.slug.empty() && !timeline->partner_found) {
      std::cerr << "partnerops: there is no partner folder 'partners/" << options.slug << "' at "
                << at << ", and no stage change of '" << options.slug << "' in history\n";
      return k_exit_problems;
    }
    std::cerr << "partnerops: no partner history at " << at << '\n';
  }
  return k_exit_clean;
}

}  // namespace

Runner define_log(CLI::App& sub) {
  auto options = std::make_shared<LogOptions>();
  sub.add_option("slug", options->slug, "Only this partner's story");
  sub.add_option("path", options->path, "A folder inside the repository");
  sub.add_flag("--all", options->all,
               "Also the bookkeeping commits: invoices issued, paid and credited, sponsor "
               "numbers, checklist items, new documents");
  add_rev_option(sub, options->rev);
  return [options](const Loader&) { return run_log(*options); };
}

}  // namespace partnerops::cli
