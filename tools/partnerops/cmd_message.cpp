// partnerops message TEMPLATE SLUG [--out FILE] [--invoice NUMBER] [--today D] [--rev REV]
//                    [--record [--force] [--branch [NAME] | --no-branch]] [PATH]
//
// Renders the canned message templates/messages/TEMPLATE.mustache for the
// partner SLUG as an .eml file: To the primary contact, Cc the other
// contacts, From partnerops.yaml outreach.from (else organisation.email),
// with the PDF the template's `Attach:` names rendered by the document
// engine and attached. With --record, the checklist item the template's
// `Record:` names is recorded as done on --today and committed like
// `record` does; a record that would be refused is refused before anything
// is written. Exit 0 written, 1 refused (nothing written), 2 usage error.

#include <filesystem>
#include <iostream>

#include "bookkeeping.hpp"
#include "command.hpp"
#include "document_output.hpp"
#include "message/message_context.hpp"
#include "message/prepare.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "render/document_renderer.hpp"
#include "render/template.hpp"
#include "source_option.hpp"
#include "transitions/record.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct MessageOptions {
  std::string path = ".";
  std::string template_name;
  std::string slug;
  std::string out;
  std::string invoice;
  std::string today;
  std::string rev;
  bool record = false;
  bool force = false;              ///< record's --force
  BookkeepingOptions bookkeeping;  ///< record's commit options
};

int refuse(const Diagnostics& diagnostics, const Workspace& workspace) {
  Diagnostics sorted = diagnostics;
  sorted.sort();
  print_problems(sorted, workspace);
  std::cerr << "partnerops: no message was written\n";
  return k_exit_problems;
}

int run_message(const Loader& loader, const MessageOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded =
      loader.only(Needs::working_tree | Needs::revision | Needs::parse_cache)
          .load(LoadRequest(options.path, options.rev, Require::organisation_and_lifecycle),
                &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  Diagnostics diagnostics;

  const std::optional<message::PreparedMessage> prepared =
      message::prepare_message(workspace, options.template_name, options.slug, diagnostics);
  if (!prepared) return refuse(diagnostics, workspace);
  const PartnerFolder* folder = prepared->folder;
  // Whether the step can be recorded is known before anything is written.
  std::optional<transitions::RecordRequest> record;
  if (options.record) {
    if (prepared->header.record.empty()) {
      std::cerr << "partnerops: " << prepared->template_file
                << " names no checklist step to record (no Record: header)\n";
      return k_exit_usage;
    }
    record =
        transitions::RecordRequest{folder->slug, prepared->header.record, *today, options.force};
    if (!transitions::plan_record(workspace, *record, diagnostics))
      return refuse(diagnostics, workspace);
  }
  const std::optional<message::PlannedAttachment> planned =
      message::plan_attachment(workspace, *prepared, *today, options.invoice, diagnostics);
  if (!planned) return refuse(diagnostics, workspace);
  const std::optional<DocumentJob>& attachment = planned->job;

  // The message sees what the attached document sees (or the partner's
  // notes context when nothing is attached), plus who writes to whom.
  const ContextOptions context_options = render::context_options(*today);
  Diagnostics template_problems;
  const render::TemplateSet templates =
      render::TemplateSet::load(workspace.source(), "templates", template_problems);
  std::optional<message::Email> email =
      message::render_message(workspace, *prepared, *planned, options.template_name,
                              context_options, templates, diagnostics);
  if (!email) return refuse(diagnostics, workspace);

  std::string error;
  if (attachment && !attach_pdf(workspace, loaded->opened, *attachment, context_options, *email,
                                diagnostics, &error)) {
    if (error.empty()) return refuse(diagnostics, workspace);
    std::cerr << "partnerops: " << attachment->output << ": " << error << '\n';
    return k_exit_problems;
  }
  const fs::path out = options.out.empty()
                           ? k_default_output_folder / "messages" /
                                 (folder->slug + "-" + options.template_name + ".eml")
                           : fs::path(options.out);
  const std::optional<std::string> eml = message::write_eml(*email, &error);
  if (!eml || !write_output_file(out, *eml, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  std::cout << "wrote " << out.string() << '\n';
  if (!record) return k_exit_clean;
  BookkeepingOptions bookkeeping = options.bookkeeping;
  bookkeeping.path = options.path;
  bookkeeping.slug = folder->slug;
  return run_bookkeeping(loader.only(Needs::working_tree | Needs::commit), bookkeeping,
                         DefaultBranch::current,
                         [&record](const Workspace& scoped, Diagnostics& refusals) {
                           return transitions::plan_record(scoped, *record, refusals);
                         });
}

}  // namespace

Runner define_message(CLI::App& sub) {
  auto options = std::make_shared<MessageOptions>();
  sub.add_option("template", options->template_name,
                 "A template of templates/messages/, e.g. hail-the-lead")
      ->required();
  sub.add_option("slug", options->slug, "The partner's folder name")->required();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--out", options->out,
                 "Where to write the .eml (default out/messages/<slug>-<template>.eml)");
  sub.add_option("--invoice", options->invoice,
                 "The overdue invoice a payment reminder is about (default: the oldest)");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  CLI::Option* record = sub.add_flag(
      "--record", options->record,
      "Also record the checklist step the template names (Record:) as done on --today, "
      "committed like partnerops record");
  sub.add_flag("--force", options->force,
               "With --record: replace a recorded date; record out of stage or order");
  CLI::Option* branch =
      add_commit_options(sub, options->bookkeeping, "record/<slug>-<item>, with --record");
  // Recording commits to the working tree: the commit options go with
  // --record, which does not go with --rev.
  record->excludes("--rev");
  for (const char* name : {"--force", "--branch", "--no-branch", "--no-commit"})
    sub.get_option(name)->needs(record);
  return [options, branch](const Loader& loader) {
    options->bookkeeping.make_branch = branch->count() > 0;
    return run_message(loader, *options);
  };
}

}  // namespace partnerops::cli
