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
#include "check/checks.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "documents/context.hpp"
#include "message/canned.hpp"
#include "message/eml.hpp"
#include "options.hpp"
#include "render/document_renderer.hpp"
#include "render/markdown.hpp"
#include "render/pdf_finish.hpp"
#include "render/template.hpp"
#include "output_folder.hpp"
#include "source_option.hpp"
#include "transitions/change_set.hpp"
#include "transitions/record.hpp"
#include "util/atomic_file.hpp"

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

/// Messages are dated at noon UTC of --today, so the day shows the same in
/// every time zone from UTC-11 to UTC+11.
constexpr std::int64_t k_noon_seconds = 12 * 3600;

int refuse(const Diagnostics& diagnostics, const Workspace& workspace) {
  Diagnostics sorted = diagnostics;
  sorted.sort();
  print_diagnostics(std::cerr, sorted, DiagnosticFormat::text, colour_for_stream(2),
                    [&workspace](std::string_view path) -> const std::string* {
                      const WorkspaceFile* file = workspace.file(path);
                      return file ? &file->content : nullptr;
                    });
  std::cerr << "partnerops: no message was written\n";
  return k_exit_problems;
}

int run_message(const MessageOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  if (options.record && !options.rev.empty()) {
    std::cerr << "partnerops: --record commits to the working tree; it cannot be used with --rev\n";
    return k_exit_usage;
  }
  if (!options.record && (options.force || options.bookkeeping.no_branch ||
                          options.bookkeeping.no_commit || options.bookkeeping.make_branch)) {
    std::cerr << "partnerops: --force, --branch, --no-branch and --no-commit go with --record\n";
    return k_exit_usage;
  }
  if (!branch_options_agree(options.bookkeeping)) return k_exit_usage;
  const LoadedWorkspace* const loaded = load_for_reading(options.path, options.rev);
  if (!loaded) return k_exit_usage;
  const Workspace& workspace = loaded->workspace;
  const Source& source = workspace.source();
  Diagnostics diagnostics;

  if (!message::check_template_name(options.template_name, message::list_templates(source),
                                    diagnostics))
    return refuse(diagnostics, workspace);
  const PartnerFolder* folder = transitions::find_partner(workspace, options.slug, diagnostics);
  if (!folder) return refuse(diagnostics, workspace);
  const std::optional<message::Recipients> recipients =
      message::recipients_for(*folder, diagnostics);
  if (!recipients) return refuse(diagnostics, workspace);

  // Which PDF goes with it is a literal header of the template, known
  // before the data it is rendered with.
  const std::string template_file =
      std::string(message::k_messages_folder) + "/" + options.template_name + ".mustache";
  const ReadResult raw = source.read(template_file, 1 << 20);
  if (!raw.ok()) {
    diagnostics.error("template-unreadable", template_file, {}, raw.error);
    return refuse(diagnostics, workspace);
  }
  const std::optional<message::RenderedMessage> header =
      message::split_rendered(raw.content, template_file, diagnostics);
  if (!header) return refuse(diagnostics, workspace);
  // Whether the step can be recorded is known before anything is written.
  std::optional<transitions::RecordRequest> record;
  if (options.record) {
    if (header->record.empty()) {
      std::cerr << "partnerops: " << template_file
                << " names no checklist step to record (no Record: header)\n";
      return k_exit_usage;
    }
    record = transitions::RecordRequest{folder->slug, header->record, *today, options.force};
    if (!transitions::plan_record(workspace, *record, diagnostics))
      return refuse(diagnostics, workspace);
  }
  const Invoice* invoice = nullptr;
  if (header->attach == message::AttachmentKind::invoice || !options.invoice.empty()) {
    invoice = message::overdue_invoice(*folder, *today, options.invoice, diagnostics);
    if (!invoice) return refuse(diagnostics, workspace);
  }
  const std::optional<DocumentJob> attachment =
      message::attachment_job(workspace, *folder, header->attach, *today, invoice, diagnostics);
  if (header->attach != message::AttachmentKind::none && !attachment)
    return refuse(diagnostics, workspace);
  // The files the attached PDF reads by name (the logo, the service
  // description's prose) must be there and reached through no link: a
  // message is not sent with a document that silently lacks them.
  if (attachment && workspace.organisation()) {
    const Organisation& organisation = *workspace.organisation();
    bool readable = true;
    if (!organisation.logo.value.empty())
      readable = check_named_file(source, diagnostics, organisation.file, organisation.logo, "",
                                  "the logo",
                                  "give a path relative to the repository root, e.g. "
                                  "templates/logo.svg");
    if (header->attach == message::AttachmentKind::service_description &&
        !organisation.service_description.value.empty())
      readable = check_named_file(source, diagnostics, organisation.file,
                                  organisation.service_description, "",
                                  "the service description",
                                  "give a path relative to the repository root, e.g. "
                                  "docs/service-description.md") &&
                 readable;
    if (!readable) return refuse(diagnostics, workspace);
  }

  // The message sees what the attached document sees (or the partner's
  // notes context when nothing is attached), plus who writes to whom.
  const ContextOptions context_options{*today, [](std::string_view markdown) {
                                         return render::markdown_to_html(markdown);
                                       }};
  DocumentJob context_job = attachment ? *attachment : DocumentJob{};
  if (!attachment) {
    context_job.kind = DocumentKind::notes;
    context_job.inputs = {folder->path + "/notes.md"};
  }
  context_job.slug = folder->slug;
  nlohmann::json context = document_context(workspace, context_job, context_options);
  const std::string organisation_name =
      workspace.organisation() ? workspace.organisation()->name : std::string();
  std::string sender =
      workspace.organisation() ? workspace.organisation()->outreach_from.value : std::string();
  if (sender.empty() && workspace.organisation()) sender = workspace.organisation()->email;
  context["sender"] = {{"name", organisation_name}, {"email", sender}};
  context["contact"] = {{"name", recipients->to.front().name},
                        {"email", recipients->to.front().email}};
  context["today"] = context["document"]["date"];
  context["overdue_days"] =
      invoice && invoice->due_date ? today->days_since(invoice->due_date->value) : 0;
  message::flatten_strings(context);

  Diagnostics template_problems;
  const render::TemplateSet templates =
      render::TemplateSet::load(source, "templates", template_problems);
  mstch::map data;
  for (const auto& [key, value] : context.items()) data.emplace(key, render::to_mstch(value));
  const std::optional<std::string> rendered =
      templates.render_text("messages/" + options.template_name, data, diagnostics);
  if (!rendered) return refuse(diagnostics, workspace);
  const std::optional<message::RenderedMessage> parts =
      message::split_rendered(*rendered, template_file, diagnostics);
  if (!parts) return refuse(diagnostics, workspace);

  message::Email email;
  email.from = {organisation_name, sender};
  email.to = recipients->to;
  email.cc = recipients->cc;
  email.subject = parts->subject;
  email.text = parts->body;
  email.date_unix_seconds =
      static_cast<std::int64_t>(today->days_since(Date::from_unix_seconds(0))) * 86400 +
      k_noon_seconds;
  email.message_id = message::stable_message_id(
      options.template_name + "\n" + folder->slug + "\n" + today->iso() + "\n" +
          (invoice ? invoice->number.value : std::string()),
      sender);

  if (attachment) {
    render::RendererOptions renderer_options;
    renderer_options.page = render::page_setup_from(workspace.organisation());
    renderer_options.author = organisation_name;
    renderer_options.source_commit = loaded->opened.commit;
    renderer_options.epoch_seconds = render::source_date_epoch();
    if (!renderer_options.epoch_seconds) renderer_options.epoch_seconds = email.date_unix_seconds;
    Diagnostics render_problems;
    render::DocumentRenderer renderer(source, renderer_options, render_problems);
    nlohmann::json document = document_context(workspace, *attachment, context_options);
    renderer.complete_context(document);
    const std::string hash = renderer.input_hash(document);
    const std::optional<std::string> html = renderer.html(*attachment, document, render_problems);
    if (!html) {
      diagnostics.append(render_problems);
      return refuse(diagnostics, workspace);
    }
    std::string error;
    const std::optional<std::string> pdf = renderer.pdf(*attachment, *html, hash, &error);
    if (!pdf) {
      std::cerr << "partnerops: " << attachment->output << ": " << error << '\n';
      return k_exit_problems;
    }
    email.attachments.push_back(
        {fs::path(attachment->output).filename().string(), "application/pdf", *pdf});
  }

  std::string error;
  const std::optional<std::string> eml = message::write_eml(email, &error);
  if (!eml) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  const fs::path out = options.out.empty() ? k_default_output_folder / "messages" /
                                                 (folder->slug + "-" + options.template_name + ".eml")
                                           : fs::path(options.out);
  if (!prepare_output_for(out, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  if (!util::write_file_atomically(out, *eml, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  std::cout << "wrote " << out.string() << '\n';
  if (!record) return k_exit_clean;
  BookkeepingOptions bookkeeping = options.bookkeeping;
  bookkeeping.path = options.path;
  bookkeeping.slug = folder->slug;
  return run_bookkeeping(bookkeeping, DefaultBranch::current,
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
  sub.add_flag("--record", options->record,
               "Also record the checklist step the template names (Record:) as done on --today, "
               "committed like partnerops record");
  sub.add_flag("--force", options->force,
               "With --record: replace a recorded date; record out of stage or order");
  CLI::Option* branch =
      add_commit_options(sub, options->bookkeeping, "record/<slug>-<item>, with --record");
  return [options, branch] {
    options->bookkeeping.make_branch = branch->count() > 0;
    return run_message(*options);
  };
}

}  // namespace partnerops::cli
