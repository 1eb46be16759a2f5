#pragma once
// One load of the workspace as the preview shows it: the files, the model,
// and every problem `validate` would report, with the text `validate`
// prints for them. A reload makes a new snapshot; pages made from an older
// one keep it alive while they are served.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "render/document_renderer.hpp"
#include "source/source.hpp"

namespace partnerops::preview {

struct Snapshot {
  std::uint64_t generation = 0;  ///< 1 for the first load, one more per reload
  std::filesystem::path root;
  Date today;
  std::unique_ptr<Source> source;  // declared before the workspace, which points into it
  Diagnostics diagnostics;         ///< sorted, as `validate` orders them
  Workspace workspace;
  /// The diagnostics as `validate` prints them (no colour), source lines
  /// and carets included; empty when there are none.
  std::string problems_text;
  /// "2 errors, 1 warning" (or "no problems").
  std::string summary;
  double load_seconds = 0;
};

/// Loads the working tree at `root` (through its parse cache, as the
/// reading commands do) and checks it as `validate` does on `today`. A
/// workspace that does not load at all is a snapshot with diagnostics.
std::shared_ptr<const Snapshot> load_snapshot(const std::filesystem::path& root, Date today,
                                              std::uint64_t generation);

/// The renderer's options for `snapshot`, as `build` sets them for the
/// working tree: its page setup and author, SOURCE_DATE_EPOCH for dates.
render::RendererOptions renderer_options(const Snapshot& snapshot);

}  // namespace partnerops::preview
