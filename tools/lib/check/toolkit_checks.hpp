#pragma once
// Whether the organisation's schemas and templates are those of this
// partnerops (toolkit_checks.cpp); registered in the table of checks.cpp.

#include "check/checks.hpp"

namespace partnerops {

/// Warns (toolkit-outdated) when partnerops.yaml's toolkit_version is older
/// than this program's version.
void check_toolkit_version(const CheckContext& context);

}  // namespace partnerops
