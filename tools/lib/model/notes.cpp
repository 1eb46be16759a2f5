#include "model/notes.hpp"

#include <optional>

namespace partnerops {

std::vector<Date> dated_headings(std::string_view notes) {
  std::vector<Date> dates;
  std::size_t start = 0;
  while (start < notes.size()) {
    std::size_t end = notes.find('\n', start);
    if (end == std::string_view::npos) end = notes.size();
    const std::string_view line = notes.substr(start, end - start);
    start = end + 1;
    if (!line.starts_with("## ") || line.size() < 13) continue;
    if (line.size() > 13 && line[13] != ' ' && line[13] != '\r') continue;
    if (std::optional<Date> date = Date::parse(line.substr(3, 10))) dates.push_back(*date);
  }
  return dates;
}

}  // namespace partnerops
