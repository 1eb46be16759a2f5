// partnerops advance SLUG STAGE --reason TEXT [--date D] [--branch NAME | --no-branch]
//                    [--no-commit] [PATH]
//
// Moves a partner to its next stage after checking the lifecycle guards, and
// commits exactly partner.yaml and notes.md on a new branch named by
// partnerops.yaml `branches.advance`. Exit 0 done, 1 refused (nothing
// changed), 2 usage error.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "transitions/advance.hpp"

namespace partnerops::cli {

namespace {

struct AdvanceOptions {
  BookkeepingOptions common;
  std::string stage;
  std::string reason;
};

int run_advance(const Loader& loader, const AdvanceOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  const transitions::AdvanceRequest request{options.common.slug, options.stage, options.reason,
                                            *date};
  return run_bookkeeping(loader, options.common, DefaultBranch::create,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return transitions::plan_advance(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_advance(CLI::App& sub) {
  auto options = std::make_shared<AdvanceOptions>();
  sub.add_option("slug", options->common.slug, "The partner's folder name")->required();
  sub.add_option("stage", options->stage, "The stage to move to")->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--reason", options->reason, "Why: goes into history, notes.md and the commit")
      ->required();
  sub.add_option("--date", options->common.date,
                 "Date of the transition (YYYY-MM-DD; default today)");
  sub.add_option("--branch", options->common.branch,
                 "Branch to create (default from partnerops.yaml branches.advance)");
  sub.add_flag("--no-branch", options->common.no_branch, "Commit on the current branch");
  sub.add_flag("--no-commit", options->common.no_commit, "Only write the files, commit nothing");
  return [options](const Loader& loader) { return run_advance(loader, *options); };
}

}  // namespace partnerops::cli
