#pragma once
// Rendering a batch of documents to PDF files: each job's context is made
// and completed, its HTML rendered here (templates run in this process),
// then every PDF printed in worker processes (render/print_workers) and
// written atomically. `build` runs it in its output folder
// (documents/build_folder), skipping what the manifest says is unchanged and
// saving the manifest as each document finishes, so a build stopped midway
// keeps what it built; the statement and handoff PDFs run it without one,
// all or nothing. Either way a document is byte for byte what `build` makes
// from the same inputs.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "documents/build_folder.hpp"
#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "model/workspace.hpp"
#include "render/document_renderer.hpp"
#include "render/print_workers.hpp"

namespace partnerops::render {

struct BatchOptions {
  /// Where a document's PDF goes, without a build folder; its folder must exist.
  std::function<std::filesystem::path(const DocumentJob& job)> target;
  /// With a build folder (held open, so this process alone writes there),
  /// each PDF goes to its output path in the folder; a document its manifest records with
  /// the same input hash and whose file still holds those bytes is skipped
  /// unless `force`; the files about to be written are listed in the
  /// manifest before printing, each PDF is recorded and the manifest saved
  /// as it finishes, and what a dead worker left is removed at the end.
  BuildFolder* folder = nullptr;
  bool force = false;
  /// Also writes the intermediate HTML beside each PDF (same name, .html);
  /// a skipped document must have it too.
  bool keep_html = false;
  /// Prints nothing when a template fails: the batch is whole or not made.
  bool all_or_nothing = false;
  unsigned workers = 1;
  PrintProgress progress;
};

struct BatchResult {
  std::size_t built = 0;
  std::size_t skipped = 0;  ///< unchanged, by the manifest
  std::size_t failed = 0;   ///< a template or the printer failed, or the manifest was not saved
  std::size_t printed = 0;  ///< sent to the printer, failed or not
};

/// Renders `jobs` of `workspace` with `renderer`, as `options` say. Prints
/// each failure to `err`: a template's diagnostics followed by "partnerops:
/// OUTPUT: not built", or "partnerops: OUTPUT: ERROR" from the printer.
BatchResult render_batch(const Workspace& workspace, DocumentRenderer& renderer,
                         const ContextOptions& context_options, std::vector<DocumentJob> jobs,
                         const BatchOptions& options, std::ostream& err);

/// One document's PDF bytes, rendered and printed in this process (an
/// attachment). Returns nullopt after appending the template's problems to
/// `diagnostics` (`error` left empty), or after filling `error` when the
/// printer failed. What keeps an e-invoice's XML from being embedded is
/// appended to `diagnostics` as warnings, and the PDF is printed plain.
std::optional<std::string> render_document(const Workspace& workspace, DocumentRenderer& renderer,
                                           const ContextOptions& context_options,
                                           const DocumentJob& job, Diagnostics& diagnostics,
                                           std::string* error);

}  // namespace partnerops::render
