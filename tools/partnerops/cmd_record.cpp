// partnerops record SLUG ITEM [--date D] [--force] [--branch [NAME] | --no-branch] [--no-commit]
//                   [PATH]
//
// Marks an SOP checklist item as done in partner.yaml and commits that one
// file. A recorded date is kept, and an item of another stage or before its
// required items is refused, unless --force. Recording is routine bookkeeping, so it commits on the
// current branch by default; --branch makes a branch (record/<slug>-<item> unless named). Exit 0
// done, 1 refused (nothing changed), 2 usage error.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "transitions/record.hpp"

namespace partnerops::cli {

namespace {

struct RecordOptions {
  BookkeepingOptions common;
  std::string item;
  bool force = false;
};

int run_record(const Loader& loader, const RecordOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  const transitions::RecordRequest request{options.common.slug, options.item, *date, options.force};
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return transitions::plan_record(workspace, request, diagnostics);
                         });
}

}  // namespace

Runner define_record(CLI::App& sub) {
  auto options = std::make_shared<RecordOptions>();
  sub.add_option("slug", options->common.slug, "The partner's folder name")->required();
  sub.add_option("item", options->item, "A checklist item id from schemas/lifecycle.yaml")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--date", options->common.date, "When it was done (YYYY-MM-DD; default today)");
  sub.add_flag("--force", options->force,
               "Replace a date already recorded; record an item of another stage, or before the "
               "items it requires");
  CLI::Option* branch = add_commit_options(sub, options->common, "record/<slug>-<item>");
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_record(loader, *options);
  };
}

}  // namespace partnerops::cli
