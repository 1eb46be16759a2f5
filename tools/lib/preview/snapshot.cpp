#include "preview/snapshot.hpp"

#include <chrono>
#include <sstream>

#include "check/checks.hpp"
#include "diag/format.hpp"
#include "model/parse_cache.hpp"
#include "render/pdf_finish.hpp"
#include "transitions/uncommitted_issued.hpp"

namespace partnerops::preview {

std::shared_ptr<const Snapshot> load_snapshot(const std::filesystem::path& root, Date today,
                                              std::uint64_t generation) {
  const auto started = std::chrono::steady_clock::now();
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->generation = generation;
  snapshot->root = root;
  snapshot->today = today;
  snapshot->source = open_directory_source(root);
  LoadOptions options;
  options.cache_dir = parse_cache_dir(root);
  snapshot->workspace = load_workspace(*snapshot->source, options, snapshot->diagnostics);
  // The same checks, in the same order, as `validate` in a working tree.
  run_checks(snapshot->workspace, today, snapshot->diagnostics);
  transitions::check_uncommitted_issued(root, snapshot->workspace, snapshot->diagnostics);
  snapshot->diagnostics.sort();
  if (!snapshot->diagnostics.empty()) {
    std::ostringstream text;
    const Workspace& workspace = snapshot->workspace;
    print_diagnostics(text, snapshot->diagnostics, DiagnosticFormat::text, Colour::off,
                      [&workspace](std::string_view path) -> const std::string* {
                        const WorkspaceFile* file = workspace.file(path);
                        return file ? &file->content() : nullptr;
                      });
    snapshot->problems_text = text.str();
  }
  snapshot->summary = summarize(snapshot->diagnostics);
  snapshot->load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return snapshot;
}

render::RendererOptions renderer_options(const Snapshot& snapshot) {
  const std::optional<Organisation>& organisation = snapshot.workspace.organisation();
  render::RendererOptions options;
  options.page = render::page_setup_from(organisation);
  options.author = organisation ? organisation->name : "";
  options.epoch_seconds = render::source_date_epoch();
  return options;
}

}  // namespace partnerops::preview
