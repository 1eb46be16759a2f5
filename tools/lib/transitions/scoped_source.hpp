#pragma once
// A view of a Source that shows the organisation's own files (partnerops.yaml,
// schemas/) and one partner's folder, and nothing of the other partners.
//
// `advance` and `record` touch one partner, yet loading the whole workspace of
// a large organisation would cost seconds on every stage change. Guards and
// the schema look only into the partner's folder, so loading this view gives
// the same answers for that partner in a fraction of the time. check-range
// uses it the same way for the partners a pull request touched.

#include <memory>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace partnerops::transitions {

/// A Source over `inner` (which must outlive it) limited to the root's
/// partnerops.yaml, schemas/ and partners/<slug>/.
std::unique_ptr<Source> scope_to_partner(const Source& inner, std::string slug);

/// The same for several partners (sorted or not, duplicates allowed).
std::unique_ptr<Source> scope_to_partners(const Source& inner, std::vector<std::string> slugs);

}  // namespace partnerops::transitions
