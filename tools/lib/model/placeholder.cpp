#include "model/placeholder.hpp"

namespace partnerops {

namespace {

bool is_word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // a letter of another script
}

bool line_is_placeholder(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  line.remove_prefix(start);
  if (!line.starts_with(k_placeholder_marker)) return false;
  return line.size() == k_placeholder_marker.size() ||
         !is_word_character(line[k_placeholder_marker.size()]);
}

}  // namespace

std::string placeholder(std::string_view what) {
  return std::string(k_placeholder_marker) + ": " + std::string(what);
}

bool is_placeholder(std::string_view text) {
  while (true) {
    const std::size_t end = text.find('\n');
    if (line_is_placeholder(text.substr(0, end))) return true;
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + 1);
  }
}

}  // namespace partnerops
