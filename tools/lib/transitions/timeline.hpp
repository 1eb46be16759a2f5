#pragma once
// A partner's story as `log` prints it: every entry of the history in
// partner.yaml at a revision, each with the commit that added it, and with
// what the stage-change commits' trailers say (git/transition_message.hpp).
// The history entry is the record of when a stage changed, so its date is
// the one shown; the commit's own date is added only where it differs.
// Entries that never went through `advance` (imported, written by hand)
// appear too, with the commit that added them. On request the bookkeeping
// commits of the money and checklist commands (invoice issued, paid,
// credited, sponsor numbers, checklist items, new documents) are woven in,
// read from their trailers. A shallow clone holds only part of the history,
// and the timeline says so.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/repository.hpp"

namespace partnerops::transitions {

struct TimelineEntry {
  std::string date;       ///< the date of the event (history entry, trailer), YYYY-MM-DD
  std::string committed;  ///< the commit's author date, only when it differs from `date`
  std::string short_id;   ///< abbreviated id of the commit that recorded it
  std::string author;
  std::string slug;
  std::string change;  ///< "lead → prospect", "new → lead", or a bookkeeping kind ("paid")
  std::string detail;  ///< the reason or what was booked, on one line
};

struct Timeline {
  std::vector<TimelineEntry> entries;  ///< by date, then in the order of history
  bool shallow = false;                ///< older history is missing from this clone
  /// With a slug: whether partners/<slug>/partner.yaml exists at the revision.
  bool partner_found = false;
};

struct TimelineOptions {
  std::string slug;              ///< empty: every partner
  std::string revspec = "HEAD";  ///< the revision whose partner.yaml files tell the story
  bool bookkeeping = false;      ///< also the commits of invoice issue/pay/credit, record...
};

/// The story of one partner (or every partner) at `options.revspec`: the
/// history entries of each partners/*/partner.yaml there, dated by the
/// entry, with the commit that added each (the oldest commit whose file
/// holds it while none of its parents' did); stage-change commits whose
/// entry is no longer in the file (a removed partner) are listed from their
/// trailers. Returns nullopt and fills `error` when the revision cannot be
/// resolved or history cannot be read.
std::optional<Timeline> read_timeline(git_repository* repo, const TimelineOptions& options,
                                      std::string* error);

/// The entries as aligned columns (date, commit, author, slug, change,
/// detail), one line each, each ending in '\n'; a date that differs from
/// its commit's reads "2026-10-01 (committed 2026-10-03)". Empty for no
/// entries.
std::string format_timeline(const Timeline& timeline);

}  // namespace partnerops::transitions
