#include "model/page_setup.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace partnerops {

std::optional<PaperSize> parse_paper_size(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "a4") return PaperSize::a4;
  if (lower == "letter") return PaperSize::letter;
  return std::nullopt;
}

std::pair<double, double> paper_size_points(PaperSize paper) {
  switch (paper) {
    case PaperSize::letter:
      return {612.0, 792.0};  // 8.5 x 11 inches
    case PaperSize::a4:
      break;
  }
  return {mm_to_points(210), mm_to_points(297)};
}

}  // namespace partnerops
