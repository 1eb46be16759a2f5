#pragma once
// Review rules as data: .github/CODEOWNERS generated from the roles in
// partnerops.yaml, so that finance reviews every change to invoices,
// leadership every change to an agreement, and each partner's owner every
// change to that partner's folder. Generated, never hand-edited, and
// checked by the validator (codeowners-stale) so it cannot drift.

#include <optional>
#include <string>
#include <string_view>

#include "model/workspace.hpp"

namespace partnerops {

/// Where the file lives, relative to the workspace root.
inline constexpr std::string_view k_codeowners_path = ".github/CODEOWNERS";

/// The CODEOWNERS text the workspace calls for. GitHub applies the last
/// matching pattern, so the per-partner folders come first and the
/// finance and leadership rules after them. Returns nullopt when
/// partnerops.yaml did not load.
std::optional<std::string> generate_codeowners(const Workspace& workspace);

/// The first line (counting from 1) where `committed` and `generated`
/// differ, or 0 when they are equal.
int first_difference(std::string_view committed, std::string_view generated);

}  // namespace partnerops
