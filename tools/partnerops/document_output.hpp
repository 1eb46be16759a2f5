#pragma once
// Printing documents from a command: the renderer's options from the
// organisation and the source read (a revision is dated by its commit), and
// a few documents outside `build` (the statement of one partner, the
// invoices of a handoff bundle), rendered through render/document_batch as
// `build` renders them, so they are byte for byte what `build` would make
// from the same inputs, but without its manifest.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "message/eml.hpp"
#include "model/workspace.hpp"
#include "render/document_renderer.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

/// The page setup and author of the organisation; the commit read and,
/// unless SOURCE_DATE_EPOCH is set, its time as the documents' date.
render::RendererOptions renderer_options(const Workspace& workspace, const OpenedSource& opened);

/// Prints `job` in memory and attaches the PDF to `email`, dated like the
/// e-mail unless SOURCE_DATE_EPOCH is set. Returns false after appending
/// the renderer's and the template's problems to `diagnostics` (`error`
/// left empty), or after filling `error` when printing failed.
bool attach_pdf(const Workspace& workspace, const OpenedSource& opened, const DocumentJob& job,
                const ContextOptions& context_options, message::Email& email,
                Diagnostics& diagnostics, std::string* error);

/// Where one document's PDF goes.
using TargetPath = std::function<std::filesystem::path(const DocumentJob& job)>;

/// Renders each of `jobs` to the file `target` names (written atomically;
/// its folder must exist), dated `today`, in up to `workers` processes.
/// Returns true when every PDF was written; otherwise prints the template
/// diagnostics or the error of each failed document to stderr and returns
/// false.
bool print_documents(const Workspace& workspace, const OpenedSource& opened,
                     const std::vector<DocumentJob>& jobs, Date today, const TargetPath& target,
                     unsigned workers);

/// Prints the statement of account of `folder` as of `today` to `out`, or,
/// when `out` is empty, to out/SLUG/statement-TODAY.pdf (dated, so it never
/// takes the place of the statement.pdf `build` keeps in its manifest), and
/// says where. Returns false after saying why not.
bool print_statement(const Workspace& workspace, const OpenedSource& opened,
                     const PartnerFolder& folder, Date today, const std::string& out);

}  // namespace partnerops::cli
