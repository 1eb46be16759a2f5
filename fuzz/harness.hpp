#pragma once
// What the harnesses share: splitting one fuzz input into parts, and a check
// that aborts with a message (a failed check is a finding, like a crash).

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops::fuzz {

/// Aborts with `what` when `condition` is false; the input that got here is
/// the fuzzer's crash artifact.
inline void require(bool condition, const char* what, std::string_view detail = {}) {
  if (condition) return;
  std::fprintf(stderr, "harness check failed: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

/// Removes and returns the first line of `text` (without its '\n').
inline std::string_view take_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

}  // namespace partnerops::fuzz
