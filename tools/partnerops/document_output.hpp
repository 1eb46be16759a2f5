#pragma once
// Printing a few documents outside `build`: the statement of one partner and
// the invoices of a handoff bundle go through the same contexts, templates,
// PDF engine and qpdf finishing as `build`, so they are byte for byte what
// `build` would make from the same inputs, but without its manifest.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "documents/plan.hpp"
#include "model/workspace.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

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

}  // namespace partnerops::cli
