#include "workspace_loader.hpp"

#include <iostream>
#include <stdexcept>

#include "exit_code.hpp"
#include "model/parse_cache.hpp"
#include "transitions/change_set.hpp"

namespace partnerops::cli {

namespace {

/// The one sentence for a folder that holds no usable workspace.
void say_not_a_workspace(const std::string& path, Require require) {
  std::cerr << "partnerops: " << path << " is not a workspace ("
            << (require == Require::organisation_and_lifecycle
                    ? "partnerops.yaml or schemas/lifecycle.yaml"
                    : "partnerops.yaml")
            << " did not load); run `partnerops validate` for details\n";
}

bool meets(const Workspace& workspace, Require require) {
  switch (require) {
    case Require::nothing:
      return true;
    case Require::organisation:
      return workspace.organisation().has_value();
    case Require::organisation_and_lifecycle:
      return workspace.organisation() && workspace.lifecycle();
  }
  return false;
}

}  // namespace

std::shared_ptr<LoadedWorkspace> Loader::load(const LoadRequest& request, int* exit_code) const {
  // The table says which commands read a revision; one that does not
  // declares no --rev, so this is a defect, not a usage error.
  if (!request.rev.empty() && !has(m_needs, Needs::revision))
    throw std::logic_error("a command without Needs::revision was asked for --rev");
  std::optional<OpenedSource> opened = open_source(request.path, request.rev);
  if (!opened) {
    *exit_code = k_exit_usage;
    return nullptr;
  }
  auto loaded = std::make_shared<LoadedWorkspace>();
  if (has(m_needs, Needs::commit) && request.writes != Writes::nothing) {
    // One committing command at a time, holding the lock from before it
    // reads the workspace until it has committed.
    std::string error;
    if (!transitions::lock_workspace(request.path, &loaded->lock, &error)) {
      std::cerr << "partnerops: " << error << '\n';
      *exit_code = k_exit_problems;
      return nullptr;
    }
    // Committing needs the index, the slowest thing to read; it is read on
    // its own thread while the workspace loads and the plan is made.
    if (request.writes == Writes::commit) loaded->repository.emplace(request.path);
  }
  loaded->opened = std::move(*opened);
  if (request.view) loaded->view = request.view(*loaded->opened.source);
  LoadOptions options;
  options.jobs = request.jobs;
  if (has(m_needs, Needs::parse_cache)) options.cache_dir = parse_cache_dir(request.path);
  loaded->workspace = load_workspace(loaded->view ? *loaded->view : *loaded->opened.source, options,
                                     loaded->diagnostics);
  if (!meets(loaded->workspace, request.require)) {
    say_not_a_workspace(request.path, request.require);
    *exit_code = k_exit_usage;
    return nullptr;
  }
  // A reading command keeps what it loaded until the process ends: freeing
  // tens of thousands of parsed trees costs more than the command's work.
  // A committing command frees it: the lock it holds must be released.
  if (has(m_needs, Needs::parse_cache) && !has(m_needs, Needs::commit))
    keep_until_exit(std::make_unique<std::shared_ptr<LoadedWorkspace>>(loaded));
  return loaded;
}

void print_problems(const Diagnostics& diagnostics, const Workspace& workspace, std::ostream& out,
                    DiagnosticFormat format) {
  print_diagnostics(out, diagnostics, format, colour_for_stream(&out == &std::cout ? 1 : 2),
                    [&workspace](std::string_view path) -> const std::string* {
                      const WorkspaceFile* file = workspace.file(path);
                      return file ? &file->content() : nullptr;
                    });
}

}  // namespace partnerops::cli
