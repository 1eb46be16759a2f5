#pragma once
// Issued invoices and credit notes are never edited. check-range enforces
// that between two commits; this brings the same rule to `validate` on a
// working tree, comparing the files that differ from HEAD with their
// committed version, so an edit is caught before it is ever committed.
// Only the partners with such changed files are loaded from HEAD, so a
// clean tree costs one hash per invoice.

#include <filesystem>

#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"

namespace partnerops::transitions {

/// Appends check-range's invoice and credit-note diagnostics
/// (`invoice-issued-changed`, `credit-note-issued-changed`, …) for the
/// uncommitted changes of `workspace`, loaded from the working tree at
/// `root`. Does nothing when `root` is not the root of a git working tree
/// or HEAD has no commit: there is nothing committed to compare with.
void check_uncommitted_issued(const std::filesystem::path& root, const Workspace& workspace,
                              Diagnostics& diagnostics);

}  // namespace partnerops::transitions
