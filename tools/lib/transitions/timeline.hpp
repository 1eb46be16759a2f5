#pragma once
// The timeline of stage transitions, read back from git history: every commit
// whose trailers record a transition (see git/transition_message.hpp), oldest
// first. History is the record, so `log` never reads partner.yaml; a shallow
// clone holds only part of it, and the timeline says so.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/repository.hpp"

namespace partnerops::transitions {

struct TimelineEntry {
  std::string date;      ///< the commit's author date in the author's zone, YYYY-MM-DD
  std::string short_id;  ///< abbreviated commit id
  std::string author;
  std::string slug;
  std::string from;
  std::string to;
  std::string reason;  ///< on one line
};

struct Timeline {
  std::vector<TimelineEntry> entries;  ///< oldest first
  bool shallow = false;                ///< older history is missing from this clone
};

/// The transitions reachable from HEAD, of the partner `slug` only when not
/// empty. Returns nullopt and fills `error` when history cannot be read (an
/// unborn HEAD, a broken object).
std::optional<Timeline> read_timeline(git_repository* repo, std::string_view slug,
                                      std::string* error);

/// The entries as aligned columns (date, commit, author, slug, from → to,
/// reason), one line each, each ending in '\n'; empty for no entries.
std::string format_timeline(const Timeline& timeline);

}  // namespace partnerops::transitions
