#pragma once
// Which documents wait for a fix: a partner whose own files have errors is
// not built (its documents would print what the validator rejects), while
// the others are; an error in the organisation's files (partnerops.yaml,
// schemas/, templates/) holds back everything.

#include <set>
#include <string>

#include "diag/diagnostic.hpp"

namespace partnerops {

struct HeldBack {
  std::set<std::string> partners;  ///< slugs of partners with an error in their folder
  bool organisation = false;       ///< an error outside every partner folder
};

/// The partners, and whether the organisation, that `diagnostics` (errors
/// only) hold back.
HeldBack held_back_by(const Diagnostics& diagnostics);

/// The errors of `diagnostics` that hold back a document of one of
/// `partners`: those in the organisation's files and in those folders.
Diagnostics errors_holding_back(const Diagnostics& diagnostics,
                                const std::set<std::string>& partners);

}  // namespace partnerops
