#pragma once
// Placeholder text: what a scaffold (`new quote|sow|agreement`) writes where
// only a person can decide, and what the validator looks for so that a
// document never leaves draft with it. One convention, defined here and
// used by both: a value, or one of its lines, that starts with the word
// TODO, e.g. "TODO: the scope of the collaboration".

#include <string>
#include <string_view>

namespace partnerops {

/// The marker word that opens a placeholder.
inline constexpr std::string_view k_placeholder_marker = "TODO";

/// "TODO: <what>", the placeholder a scaffold writes for `what`.
std::string placeholder(std::string_view what);

/// True when `text`, or one of its lines, starts (after spaces and tabs)
/// with the word TODO: followed by the end, a line break or any character
/// other than a letter, digit or underscore, so "TODOS" is not one.
bool is_placeholder(std::string_view text);

}  // namespace partnerops
