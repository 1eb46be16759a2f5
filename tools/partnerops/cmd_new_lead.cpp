// partnerops new lead NAME --contact "Name <email>" [--role TEXT] [--owner EMAIL]
//                [--billing-street LINE]... [--billing-city ...] [--ap-contact ...] [--tax-id ...]
//                [--reason TEXT] [--date D] [--branch NAME | --no-branch] [--no-commit] [PATH]
//
// Starts a partner folder: partner.yaml and notes.md (from
// templates/notes.mustache), checked against their schemas before anything
// is written and committed on a new branch like `advance`.
// Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <filesystem>
#include <iostream>

#include "billing_options.hpp"
#include "bookkeeping.hpp"
#include "command.hpp"
#include "model/date.hpp"
#include "render/template.hpp"
#include "render/text_template.hpp"
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

}  // namespace partnerops::cli
