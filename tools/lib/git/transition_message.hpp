#pragma once
// The commit message of a stage transition, written by `advance` and read
// back by `log` and `check-range`. The summary line is for people
// ("acme: lead → prospect"); the trailers are for the tools, so a reworded
// summary never breaks the timeline:
//
//   acme: lead → prospect
//
//   verbal close: yes
//
//   Partner: acme
//   Stage-From: lead
//   Stage-To: prospect
//
// The commit that creates a partner (`partnerops new lead`) has no
// Stage-From: its summary is "acme: new lead" and its trailers `Partner:` and
// `Stage-To:` only.

#include <optional>
#include <string>

#include "git/history.hpp"

namespace partnerops::git {

struct TransitionMessage {
  std::string slug;
  std::string from;    ///< stage before; empty for the commit that created the partner
  std::string to;      ///< stage after
  std::string reason;  ///< free text, may span lines; empty for none
};

/// The full commit message for `transition`. Returns nullopt and fills
/// `error` when the slug or a stage is empty (only `from` may be, for a
/// creation) or holds whitespace, or a colon, since trailer values must stay
/// one word each.
std::optional<std::string> format_transition_message(const TransitionMessage& transition,
                                                     std::string* error);

/// The transition a commit records, read from its `Partner:`, `Stage-From:`
/// and `Stage-To:` trailers (all three needed; the summary line is not
/// parsed) and the body between summary and trailers as the reason.
/// nullopt for any other commit.
std::optional<TransitionMessage> parse_transition_message(const CommitRecord& commit);

}  // namespace partnerops::git
