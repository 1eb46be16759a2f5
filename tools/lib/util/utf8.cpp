#include "util/utf8.hpp"

#include <utf8.h>

namespace partnerops::util {

std::size_t find_invalid_utf8(std::string_view text) { return utf8::find_invalid(text); }

bool is_valid_utf8(std::string_view text) { return utf8::is_valid(text); }

std::u32string code_points(std::string_view text) {
  return utf8::utf8to32(utf8::replace_invalid(text));
}

}  // namespace partnerops::util
