#include "yaml/floating.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace partnerops::yaml {

double floating_value(const Node& node) {
  // strtod needs a terminated string; a number's text fits the string's
  // inline buffer, so this allocates nothing.
  const std::string text(node.text());
  if (text.find(".inf") != std::string::npos || text.find(".Inf") != std::string::npos ||
      text.find(".INF") != std::string::npos)
    return text.front() == '-' ? -HUGE_VAL : HUGE_VAL;
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace partnerops::yaml
