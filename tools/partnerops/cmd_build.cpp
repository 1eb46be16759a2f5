// partnerops build [PATH] [--partner SLUG] [--kind KIND] [--out DIR] [--html]
//                  [--force] [--jobs N] [--shard I/N] [--today D]
//
// Validates, plans the documents each partner's stage calls for, renders
// their HTML here and prints the PDFs in worker processes. A partner whose
// files have errors is not built; the others are. Unchanged documents (same
// input hash in the manifest) are skipped. Exit 1 if any document failed or
// any partner was held back by errors.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <thread>

#include "check/checks.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "documents/context.hpp"
#include "documents/manifest.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "render/pdf_finish.hpp"
#include "source_option.hpp"
#include "transitions/change_set.hpp"
#include "render/document_renderer.hpp"
#include "render/markdown.hpp"
#include "render/print_workers.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::string path = ".";
  std::string partner;
  std::string kind;
  std::string out = "out";
  bool html = false;
  bool force = false;
  unsigned jobs = 0;
  std::string shard;
  std::string today;
  std::string rev;
};

/// The partners whose own files have errors: their documents are not built.
std::set<std::string> partners_with_errors(const Diagnostics& diagnostics, bool* workspace_broken) {
  std::set<std::string> slugs;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    const Classified classified = classify(d.file);
    if (!classified.slug.empty()) {
      slugs.insert(classified.slug);
    } else {
      *workspace_broken = true;  // partnerops.yaml, schemas/ or templates/
    }
  }
  return slugs;
}

int run_build(const BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  std::optional<DocumentKind> kind;
  if (!options.kind.empty()) {
    kind = document_kind_from_name(options.kind);
    if (!kind) {
      std::cerr << "partnerops: unknown document kind '" << options.kind << "'\n";
      return k_exit_usage;
    }
  }
  Shard shard;
  if (!options.shard.empty()) {
    const std::optional<Shard> parsed = parse_shard(options.shard);
    if (!parsed) {
      std::cerr << "partnerops: --shard takes I/N with 1 <= I <= N, e.g. 1/4\n";
      return k_exit_usage;
    }
    shard = *parsed;
  }

  const std::optional<OpenedSource> opened = open_source(options.path, options.rev);
  if (!opened) return k_exit_usage;
  const std::unique_ptr<Source>& source = opened->source;
  Diagnostics diagnostics;
  const Workspace workspace = load_workspace(*source, {}, diagnostics);
  run_checks(workspace, *today, diagnostics);

  render::RendererOptions renderer_options;
  renderer_options.page = render::page_setup_from(workspace.organisation());
  renderer_options.author = workspace.organisation() ? workspace.organisation()->name : "";
  // A build from a revision is dated by its commit, so rebuilding that
  // commit anywhere gives the same bytes; SOURCE_DATE_EPOCH still wins.
  renderer_options.source_commit = opened->commit;
  renderer_options.epoch_seconds = render::source_date_epoch();
  if (!renderer_options.epoch_seconds) renderer_options.epoch_seconds = opened->commit_time;
  render::DocumentRenderer renderer(*source, renderer_options, diagnostics);

  bool workspace_broken = false;
  const std::set<std::string> held_back = partners_with_errors(diagnostics, &workspace_broken);
  diagnostics.sort();
  print_diagnostics(std::cerr, diagnostics, DiagnosticFormat::text, colour_for_stream(2),
                    [&workspace](std::string_view path) -> const std::string* {
                      const WorkspaceFile* file = workspace.file(path);
                      return file ? &file->content : nullptr;
                    });
  if (workspace_broken) {
    std::cerr << "partnerops: nothing built: fix the errors in the organisation's files first\n";
    return k_exit_problems;
  }

  PlanOptions plan_options{*today, {}, kind};
  if (!options.partner.empty()) {
    // A slug that names no partner would build nothing and succeed.
    Diagnostics unknown;
    if (!transitions::find_partner(workspace, options.partner, unknown)) {
      print_diagnostics(std::cerr, unknown, DiagnosticFormat::text, colour_for_stream(2));
      std::cerr << "partnerops: nothing built\n";
      return k_exit_problems;
    }
    plan_options.partner = options.partner;
  }
  std::vector<DocumentJob> jobs = plan_documents(workspace, plan_options);

  const fs::path out_dir = options.out;
  {
    // Build's folder is its own: whatever it is named, git must not show
    // the PDFs it holds.
    std::string error;
    if (!prepare_output_folder(out_dir, &error)) {
      std::cerr << "partnerops: " << error << '\n';
      return k_exit_usage;
    }
  }
  const fs::path manifest_path = Manifest::path_in(out_dir);
  Manifest manifest = Manifest::load(manifest_path);
  const ContextOptions context_options{*today, [](std::string_view markdown) {
                                         return render::markdown_to_html(markdown);
                                       }};

  struct Prepared {
    DocumentJob job;
    std::string html;
    std::string hash;
  };
  std::vector<Prepared> todo;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  for (DocumentJob& job : jobs) {
    if (!in_shard(job.slug, shard) || held_back.count(job.slug)) continue;
    nlohmann::json context = document_context(workspace, job, context_options);
    renderer.complete_context(context);
    std::string hash = renderer.input_hash(context);
    if (!options.force && manifest.up_to_date(out_dir, job.output, hash) &&
        (!options.html || fs::exists(out_dir / fs::path(job.output).replace_extension(".html")))) {
      ++skipped;
      continue;
    }
    Diagnostics template_diagnostics;
    std::optional<std::string> html = renderer.html(job, context, template_diagnostics);
    if (!html) {
      print_diagnostics(std::cerr, template_diagnostics, DiagnosticFormat::text, colour_for_stream(2));
      std::cerr << "partnerops: " << job.output << ": not built\n";
      ++failed;
      continue;
    }
    todo.push_back({std::move(job), std::move(*html), std::move(hash)});
  }

  std::vector<render::PrintTask> tasks;
  for (const Prepared& prepared : todo) {
    tasks.push_back({prepared.job.output, [&prepared, &renderer, &out_dir, &options](std::string* error) {
                       if (options.html &&
                           !util::write_file_atomically(
                               out_dir / fs::path(prepared.job.output).replace_extension(".html"),
                               prepared.html, error))
                         return false;
                       const std::optional<std::string> pdf =
                           renderer.pdf(prepared.job, prepared.html, prepared.hash, error);
                       return pdf && util::write_file_atomically(out_dir / prepared.job.output, *pdf, error);
                     }});
  }
  const bool terminal = isatty(2);
  const unsigned workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::vector<render::PrintOutcome> outcomes = render::run_print_tasks(
      tasks, workers, [terminal](std::size_t done, std::size_t total, const std::string& label) {
        if (terminal) std::fprintf(stderr, "\r\x1b[K[%zu/%zu] %s", done, total, label.c_str());
      });
  if (terminal && !tasks.empty()) std::fprintf(stderr, "\r\x1b[K");

  std::size_t built = 0;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].ok) {
      manifest.record(todo[i].job.output, todo[i].hash);
      ++built;
    } else {
      std::cerr << "partnerops: " << todo[i].job.output << ": " << outcomes[i].error << '\n';
      ++failed;
    }
  }
  std::string error;
  if (built && !manifest.save(manifest_path, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    ++failed;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "partnerops: built %zu, skipped %zu (unchanged), failed %zu, held back %zu partners, %.2f s\n",
               built, skipped, failed, held_back.size(), seconds);
  return failed || !held_back.empty() ? k_exit_problems : k_exit_clean;
}

}  // namespace

Runner define_build(CLI::App& sub) {
  auto options = std::make_shared<BuildOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--partner", options->partner, "Only this partner's documents");
  sub.add_option("--kind", options->kind, "Only documents of this kind (invoice, agreement, ...)");
  sub.add_option("--out", options->out, "Output folder (default: out)");
  sub.add_flag("--html", options->html, "Keep the intermediate HTML beside each PDF");
  sub.add_flag("--force", options->force, "Rebuild documents even when unchanged");
  sub.add_option("-j,--jobs", options->jobs, "Worker processes (0: one per core)");
  sub.add_option("--shard", options->shard, "Build only shard I of N (I/N), split stably by partner");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options] { return run_build(*options); };
}

}  // namespace partnerops::cli
