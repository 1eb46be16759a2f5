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
#include "document_output.hpp"
#include "documents/build_folder.hpp"
#include "documents/held_back.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "render/document_batch.hpp"
#include "render/document_renderer.hpp"
#include "transitions/change_set.hpp"

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

int run_build(const Loader& loader, const BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  // Both were checked by their options' validators.
  const std::optional<DocumentKind> kind =
      options.kind.empty() ? std::nullopt : document_kind_from_name(options.kind);
  const Shard shard = options.shard.empty() ? Shard{} : *parse_shard(options.shard);

  int failed_to_load = k_exit_clean;
  const std::shared_ptr<LoadedWorkspace> loaded =
      loader.load(LoadRequest(options.path, options.rev), &failed_to_load);
  if (!loaded) return failed_to_load;
  const Workspace& workspace = loaded->workspace;
  Diagnostics& diagnostics = loaded->diagnostics;
  run_checks(workspace, *today, diagnostics);
  render::DocumentRenderer renderer(*loaded->opened.source,
                                    renderer_options(workspace, loaded->opened), diagnostics);

  const HeldBack held = held_back_by(diagnostics);
  const std::set<std::string>& held_back = held.partners;
  diagnostics.sort();
  print_problems(diagnostics, workspace);
  if (held.organisation) {
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
  std::vector<DocumentJob> jobs;
  for (DocumentJob& job : plan_documents(workspace, plan_options))
    if (in_shard(job.slug, shard) && !held_back.count(job.slug)) jobs.push_back(std::move(job));

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
  // One build at a time in a folder (waiting for another, saying so);
  // what an interrupted one left is removed.
  BuildFolder folder;
  if (std::string error; !folder.open(out_dir, build_lock_timeout(), nullptr, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  const ContextOptions context_options = render::context_options(*today);
  const bool terminal = isatty(2);
  render::BatchOptions batch;
  batch.folder = &folder;
  batch.force = options.force;
  batch.keep_html = options.html;
  batch.workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  batch.progress = [terminal](std::size_t done, std::size_t total, const std::string& label) {
    if (terminal) std::fprintf(stderr, "\r\x1b[K[%zu/%zu] %s", done, total, label.c_str());
  };
  render::BatchResult result =
      render::render_batch(workspace, renderer, context_options, std::move(jobs), batch, std::cerr);
  if (terminal && result.printed > 0) std::fprintf(stderr, "\r\x1b[K");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr,
               "partnerops: built %zu, skipped %zu (unchanged), failed %zu, held back %zu "
               "partners, %.2f s\n",
               result.built, result.skipped, result.failed, held_back.size(), seconds);
  return result.failed || !held_back.empty() ? k_exit_problems : k_exit_clean;
}

}  // namespace

Runner define_build(CLI::App& sub) {
  auto options = std::make_shared<BuildOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--partner", options->partner, "Only this partner's documents");
  sub.add_option("--kind", options->kind, "Only documents of this kind (invoice, agreement, ...)")
      ->check(CLI::Validator(
          [](const std::string& name) {
            return document_kind_from_name(name) ? std::string()
                                                 : "unknown document kind '" + name + "'";
          },
          "KIND"));
  sub.add_option("--out", options->out, "Output folder (default: out)");
  sub.add_flag("--html", options->html, "Keep the intermediate HTML beside each PDF");
  sub.add_flag("--force", options->force, "Rebuild documents even when unchanged");
  sub.add_option("-j,--jobs", options->jobs, "Worker processes (0: one per core)");
  sub.add_option("--shard", options->shard,
                 "Build only shard I of N (I/N), split stably by partner")
      ->check(CLI::Validator(
          [](const std::string& shard) {
            return parse_shard(shard) ? "" : "takes I/N with 1 <= I <= N, e.g. 1/4";
          },
          "I/N"));
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options](const Loader& loader) { return run_build(loader, *options); };
}

}  // namespace partnerops::cli
