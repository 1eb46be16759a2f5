#pragma once
// Small text helpers shared by diagnostics and reports.

#include <string>
#include <string_view>
#include <vector>

namespace partnerops::util {

std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// `text` cut to at most `max_chars` characters (UTF-8 aware), with "…"
/// appended when cut, and line breaks shown as spaces.
std::string shorten(std::string_view text, std::size_t max_chars);

/// The candidate nearest to `word` by edit distance, if at most
/// `max_distance` edits away; empty otherwise. For "did you mean" hints.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance);

/// "Expected number" -> "expected number".
std::string lowercase_first(std::string_view text);

/// `text` with & < > " ' replaced by entities: safe inside HTML elements
/// and attribute values.
std::string escape_html(std::string_view text);

}  // namespace partnerops::util
