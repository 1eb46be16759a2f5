#pragma once
// UTF-8, read through UTF8-CPP (Debian's libutfcpp-dev): the one place the
// project asks whether text is UTF-8 and which code points it holds.

#include <cstddef>
#include <string>
#include <string_view>

namespace partnerops::util {

/// The offset of the first byte of `text` that begins no valid UTF-8
/// sequence (overlong forms, surrogates and code points past U+10FFFF are
/// invalid), or npos when all of `text` is valid.
std::size_t find_invalid_utf8(std::string_view text);

/// True when all of `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

/// The code points of `text`, each invalid sequence read as U+FFFD.
std::u32string code_points(std::string_view text);

}  // namespace partnerops::util
