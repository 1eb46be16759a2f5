#include "util/utf8.hpp"

#include <utf8.h>

#include <cstdint>
#include <cstring>

namespace partnerops::util {

namespace {

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

/// Whether the eight bytes at `p` are all ASCII.
bool all_ascii8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view text) {
  // Every file is checked before parsing, and most of a file is ASCII, which
  // is UTF-8 by itself: skip it eight bytes at a time and hand only the runs
  // of bytes with the high bit set to the full check. A multi-byte sequence
  // never holds an ASCII byte, so a run checked alone fails where a check of
  // the whole text would (at the start of the sequence that breaks).
  const std::size_t size = text.size();
  std::size_t at = 0;
  while (at < size) {
    while (at + 8 <= size && all_ascii8(text.data() + at)) at += 8;
    while (at < size && is_ascii(text[at])) ++at;
    if (at == size) break;
    std::size_t end = at;
    while (end < size && !is_ascii(text[end])) ++end;
    const std::size_t bad = utf8::find_invalid(text.substr(at, end - at));
    if (bad != std::string_view::npos) return at + bad;
    at = end;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos;
}

std::u32string code_points(std::string_view text) {
  return utf8::utf8to32(utf8::replace_invalid(text));
}

}  // namespace partnerops::util
