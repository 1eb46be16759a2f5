// partnerops new quote|sow|agreement SLUG [--date D] [--id ID] [--title TEXT]
//                [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Scaffolds the partner's next quote, statement of work or agreement from
// the organisation's defaults, checked against its schema before anything
// is written and committed on the current branch like `record`.
// Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "scaffold/new_document.hpp"

namespace partnerops::cli {

namespace {

struct NewDocumentOptions {
  BookkeepingOptions common;
  scaffold::NewDocumentKind kind = scaffold::NewDocumentKind::quote;
  std::string id;
  std::string title;
};

int run_new_document(const Loader& loader, NewDocumentOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  if (options.kind != scaffold::NewDocumentKind::sow && !options.id.empty()) {
    std::cerr << "partnerops: --id names a statement of work; quotes are numbered and the "
                 "agreement is agreement.yaml\n";
    return k_exit_usage;
  }
  // Quote numbers run across every partner, so a quote needs them all.
  options.common.scope = options.kind == scaffold::NewDocumentKind::quote ? LoadScope::organisation
                                                                          : LoadScope::partner;
  const scaffold::NewDocumentRequest request{options.kind, options.common.slug, *date, options.id,
                                             options.title};
  return run_bookkeeping(loader, options.common, DefaultBranch::current,
                         [&request](const Workspace& workspace, Diagnostics& diagnostics) {
                           return scaffold::plan_new_document(workspace, request, diagnostics);
                         });
}

CLI::Option* add_document(CLI::App& sub, NewDocumentOptions& options) {
  sub.add_option("slug", options.common.slug, "The partner's folder name")->required();
  sub.add_option("path", options.common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--date", options.common.date, "The document's date (YYYY-MM-DD; default today)");
  if (options.kind == scaffold::NewDocumentKind::sow)
    sub.add_option("--id", options.id,
                   "The SOW's id and file name (default sow-<n>, the next free)");
  if (options.kind != scaffold::NewDocumentKind::quote)
    sub.add_option("--title", options.title, "The document's title");
  return add_commit_options(sub, options.common, "new/<slug>-<kind>");
}

Runner define_new_document(CLI::App& sub, scaffold::NewDocumentKind kind) {
  auto options = std::make_shared<NewDocumentOptions>();
  options->kind = kind;
  CLI::Option* branch = add_document(sub, *options);
  return [options, branch](const Loader& loader) {
    options->common.make_branch = branch->count() > 0;
    return run_new_document(loader, *options);
  };
}

}  // namespace

Runner define_new_quote(CLI::App& sub) {
  return define_new_document(sub, scaffold::NewDocumentKind::quote);
}

Runner define_new_sow(CLI::App& sub) {
  return define_new_document(sub, scaffold::NewDocumentKind::sow);
}

Runner define_new_agreement(CLI::App& sub) {
  return define_new_document(sub, scaffold::NewDocumentKind::agreement);
}

}  // namespace partnerops::cli
