// partnerops new lead NAME --contact "Name <email>" [--role TEXT] [--owner EMAIL]
//                [--billing-street LINE]... [--billing-city ...] [--ap-contact ...] [--tax-id ...]
//                [--reason TEXT] [--date D] [--branch NAME | --no-branch] [--no-commit] [PATH]
// partnerops new quote|sow|agreement SLUG [--date D] [--id ID] [--title TEXT]
//                [--branch [NAME] | --no-branch] [--no-commit] [PATH]
//
// Starts a partner folder (partner.yaml and notes.md, committed on a new
// branch like `advance`), or scaffolds the partner's next quote, statement of
// work or agreement from the organisation's defaults (committed on the
// current branch like `record`). Every file is checked against its schema
// before anything is written. Exit 0 done, 1 refused (nothing changed), 2
// usage error.

#include <filesystem>
#include <iostream>

#include "billing_options.hpp"
#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "render/document_renderer.hpp"
#include "render/template.hpp"
#include "render/text_template.hpp"
#include "scaffold/new_document.hpp"
#include "scaffold/new_lead.hpp"
#include "util/slug.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct NewLeadOptions {
  BookkeepingOptions common;
  std::string name;
  std::string contact;
  std::string role = "Main contact";
  std::string owner;
  std::string reason = "new lead";
  scaffold::NewLeadBilling billing;
};

struct NewDocumentOptions {
  BookkeepingOptions common;
  scaffold::NewDocumentKind kind = scaffold::NewDocumentKind::quote;
  std::string id;
  std::string title;
};

std::vector<std::string> partner_folders(const fs::path& root) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(root / "partners", ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  return names;
}

int run_new_lead(const Loader& loader, NewLeadOptions& options) {
  if (!branch_options_agree(options.common)) return k_exit_usage;
  const std::optional<Date> date = bookkeeping_date(options.common);
  if (!date) return k_exit_usage;
  std::string error;
  const std::optional<scaffold::Mailbox> contact = scaffold::parse_mailbox(options.contact, &error);
  if (!contact) {
    std::cerr << "partnerops: --contact: " << error << '\n';
    return k_exit_usage;
  }
  scaffold::NewLeadRequest request;
  request.name = options.name;
  request.contact = *contact;
  request.contact_role = options.role;
  request.owner = options.owner;
  request.reason = options.reason;
  request.billing = options.billing;
  request.date = *date;
  request.existing_folders = partner_folders(options.common.path);
  options.common.slug = util::slugify(options.name);

  // The notes template lives under templates/, which the partner-scoped
  // workspace does not show, so it is read from the working tree itself.
  const std::unique_ptr<Source> tree = open_directory_source(options.common.path);
  Diagnostics template_problems;
  const render::TemplateSet templates =
      render::TemplateSet::load(*tree, "templates", template_problems);
  const scaffold::NotesRenderer render_notes = [&](const nlohmann::json& context,
                                                   Diagnostics& diagnostics) {
    diagnostics.append(Diagnostics(template_problems));
    return render::render_text(templates, scaffold::k_notes_template, context, diagnostics);
  };
  return run_bookkeeping(loader, options.common, DefaultBranch::create,
                         [&](const Workspace& workspace, Diagnostics& diagnostics) {
                           return scaffold::plan_new_lead(workspace, request, render_notes,
                                                          diagnostics);
                         });
}

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

Runner define_new_lead(CLI::App& sub) {
  auto options = std::make_shared<NewLeadOptions>();
  sub.add_option("name", options->name, "The organisation's name (the folder name is made from it)")
      ->required();
  sub.add_option("path", options->common.path,
                 "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--contact", options->contact, "The first contact, as \"Name <email>\"")
      ->required();
  sub.add_option("--role", options->role, "The contact's role (default \"Main contact\")");
  sub.add_option("--owner", options->owner,
                 "Account manager's email (default: the first of roles.partnerships)");
  sub.add_option("--reason", options->reason,
                 "The first history entry's reason (default \"new lead\")");
  add_billing_options(sub, options->billing);
  sub.add_option("--date", options->common.date,
                 "Date of the first entry (YYYY-MM-DD; default today)");
  sub.add_option("--branch", options->common.branch,
                 "Branch to create (default from partnerops.yaml branches.new, new/{slug})");
  sub.add_flag("--no-branch", options->common.no_branch, "Commit on the current branch");
  sub.add_flag("--no-commit", options->common.no_commit, "Only write the files, commit nothing");
  return [options](const Loader& loader) { return run_new_lead(loader, *options); };
}

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
