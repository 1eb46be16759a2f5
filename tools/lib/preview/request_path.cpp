#include "preview/request_path.hpp"

namespace partnerops::preview {

bool is_clean_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  for (const char c : path)
    if (c == '\\' || c == '%' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  std::size_t start = 1;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace partnerops::preview
