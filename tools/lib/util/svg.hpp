#pragma once
// The pieces every chart partnerops draws as inline SVG shares: numbers
// written the same way on every machine, and an opening tag sized in
// millimetres so that a chart prints at the width of the page's text.
// The charts themselves (report/pipeline_report, documents/assessment_matrix)
// are built from their model as text; every text they place goes through
// util::escape_html.

#include <string>
#include <string_view>

namespace partnerops::util {

/// A coordinate or length with one decimal ("12.5", "-3.0"), so a chart's
/// bytes do not depend on how a double would print.
std::string svg_number(double value);

/// `<svg …>` for a drawing of `width` × `height` user units printed
/// `width_mm` wide (the height in proportion), with `label` (escaped) as its
/// accessible name.
std::string svg_open(double width, double height, std::string_view label, double width_mm = 170.0);

}  // namespace partnerops::util
