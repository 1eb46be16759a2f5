#include "util/svg.hpp"

#include <sstream>

#include "util/text.hpp"

namespace partnerops::util {

std::string svg_number(double value) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << value;
  return out.str();
}

std::string svg_open(double width, double height, std::string_view label, double width_mm) {
  // The sizes as a stream writes a double by default ("170", "600"): the
  // pipeline report's charts have always been written so.
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width_mm << "mm\" height=\""
      << svg_number(width_mm * height / width) << "mm\" viewBox=\"0 0 " << width << ' ' << height
      << "\" role=\"img\" aria-label=\"" << escape_html(label) << "\">\n";
  return out.str();
}

}  // namespace partnerops::util
