#include "documents/assessment_matrix.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <sstream>

#include "util/svg.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

using util::escape_html;
using util::svg_number;

// The drawing, in user units: the plot's 5 × 5 cells, the legend to their
// right, the key of ranks and names below.
constexpr double k_width = 600;
constexpr double k_left = 70;  // the plot's left edge (room for the axis title)
constexpr double k_top = 10;   // the plot's top edge
constexpr double k_cell = 84;  // one score step, across and up
constexpr double k_plot = 5 * k_cell;
constexpr double k_key_top = k_top + k_plot + 62;  // below the axis and its title
constexpr double k_key_row = 16;
constexpr double k_legend_left = k_left + k_plot + 20;

/// A mark's radius grows with financial stability: 7 for 1 up to 19 for 5,
/// so two of the largest still fit side by side in a cell.
double radius_of(int stability) { return 4.0 + 3.0 * stability; }

/// The centre of the cell of a strategic fit and a potential contribution.
double cell_x(int fit) { return k_left + (fit - 0.5) * k_cell; }
double cell_y(int contribution) { return k_top + (5 - contribution + 0.5) * k_cell; }

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

const char* priority_colour(AssessmentPriority priority) {
  switch (priority) {
    case AssessmentPriority::high:
      return "#1f4e79";
    case AssessmentPriority::medium:
      return "#e07a1f";
    case AssessmentPriority::low:
      return "#7a8794";
  }
  return "#7a8794";
}

std::vector<MatrixMark> matrix_marks(const std::vector<AssessedPartner>& shortlist) {
  const auto cell_of = [](const Assessment& a) {
    const int cell = (a.strategic_fit - 1) * 5 + (a.potential_contribution - 1);
    return static_cast<std::size_t>(cell);
  };
  std::array<int, 25> in_cell{};
  for (const AssessedPartner& partner : shortlist) ++in_cell[cell_of(partner.assessment)];
  std::array<int, 25> placed{};
  std::vector<MatrixMark> marks;
  marks.reserve(shortlist.size());
  for (const AssessedPartner& partner : shortlist) {
    const Assessment& a = partner.assessment;
    const std::size_t cell = cell_of(a);
    const int count = in_cell[cell];
    const int slot = placed[cell]++;
    // The marks of a cell on a grid of columns × rows, centred on the cell:
    // two side by side, up to four in a square, and so on, closer together
    // as there are more so they stay near their cell.
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
    const int rows = (count + columns - 1) / columns;
    const double step = columns == 1 ? 0.0 : std::min(40.0, 64.0 / (columns - 1));
    const int column = slot % columns;
    const int row = slot / columns;
    const double dx = (column - (columns - 1) / 2.0) * step;
    const double dy = (row - (rows - 1) / 2.0) * step;
    marks.push_back(MatrixMark{cell_x(a.strategic_fit) + dx, cell_y(a.potential_contribution) + dy,
                               radius_of(a.financial_stability), priority_colour(a.priority)});
  }
  return marks;
}

std::string assessment_matrix_svg(const std::vector<AssessedPartner>& shortlist) {
  if (shortlist.empty()) return {};
  const std::vector<MatrixMark> marks = matrix_marks(shortlist);
  const double height = k_key_top + k_key_row * static_cast<double>(shortlist.size()) + 4;
  std::ostringstream svg;
  // 150 mm wide: narrower than the text, so the plot and its key stay
  // on one page with the heading above them more often.
  svg << util::svg_open(k_width, height,
                        "Prioritisation matrix: strategic fit against potential contribution",
                        150.0);
  // The grid, its scores and the axis titles.
  for (int i = 0; i <= 5; ++i) {
    const double at = k_left + i * k_cell;
    const double up = k_top + i * k_cell;
    svg << "  <line x1=\"" << svg_number(at) << "\" y1=\"" << svg_number(k_top) << "\" x2=\""
        << svg_number(at) << "\" y2=\"" << svg_number(k_top + k_plot)
        << "\" stroke=\"#d5dbe2\" stroke-width=\"1\"/>\n"
        << "  <line x1=\"" << svg_number(k_left) << "\" y1=\"" << svg_number(up) << "\" x2=\""
        << svg_number(k_left + k_plot) << "\" y2=\"" << svg_number(up)
        << "\" stroke=\"#d5dbe2\" stroke-width=\"1\"/>\n";
  }
  for (int score = 1; score <= 5; ++score) {
    svg << "  <text x=\"" << svg_number(cell_x(score)) << "\" y=\""
        << svg_number(k_top + k_plot + 16) << "\" text-anchor=\"middle\" font-size=\"11\">" << score
        << "</text>\n"
        << "  <text x=\"" << svg_number(k_left - 8) << "\" y=\"" << svg_number(cell_y(score) + 4)
        << "\" text-anchor=\"end\" font-size=\"11\">" << score << "</text>\n";
  }
  const double middle_x = k_left + k_plot / 2, middle_y = k_top + k_plot / 2;
  svg << "  <text x=\"" << svg_number(middle_x) << "\" y=\"" << svg_number(k_top + k_plot + 36)
      << "\" text-anchor=\"middle\" font-size=\"12\">Strategic fit (1 poor, 5 excellent)</text>\n"
      << "  <text x=\"24\" y=\"" << svg_number(middle_y) << "\" transform=\"rotate(-90 24 "
      << svg_number(middle_y)
      << ")\" text-anchor=\"middle\" font-size=\"12\">Potential contribution (1 small, 5 "
         "large)</text>\n";

  // The legend: a priority's colour, and what a radius stands for.
  svg << "  <text x=\"" << svg_number(k_legend_left) << "\" y=\"" << svg_number(k_top + 12)
      << "\" font-size=\"11\" font-weight=\"bold\">Priority</text>\n";
  for (const AssessmentPriority priority :
       {AssessmentPriority::high, AssessmentPriority::medium, AssessmentPriority::low}) {
    const double y = k_top + 30 + 18.0 * static_cast<int>(priority);
    svg << "  <circle cx=\"" << svg_number(k_legend_left + 6) << "\" cy=\"" << svg_number(y)
        << "\" r=\"6\" fill=\"" << priority_colour(priority) << "\"/>\n"
        << "  <text x=\"" << svg_number(k_legend_left + 18) << "\" y=\"" << svg_number(y + 4)
        << "\" font-size=\"11\">" << capitalised(name_of(priority)) << "</text>\n";
  }
  svg << "  <text x=\"" << svg_number(k_legend_left) << "\" y=\"" << svg_number(k_top + 104)
      << "\" font-size=\"11\" font-weight=\"bold\">Financial</text>\n"
      << "  <text x=\"" << svg_number(k_legend_left) << "\" y=\"" << svg_number(k_top + 118)
      << "\" font-size=\"11\" font-weight=\"bold\">stability</text>\n";
  double below = k_top + 126;
  for (const int stability : {1, 3, 5}) {
    const double r = radius_of(stability);
    svg << "  <circle cx=\"" << svg_number(k_legend_left + 20) << "\" cy=\""
        << svg_number(below + r) << "\" r=\"" << svg_number(r)
        << "\" fill=\"none\" stroke=\"#555\" stroke-width=\"1\"/>\n"
        << "  <text x=\"" << svg_number(k_legend_left + 46) << "\" y=\""
        << svg_number(below + r + 4) << "\" font-size=\"11\">" << stability << "</text>\n";
    below += 2 * r + 8;
  }

  // The marks, then their ranks over them, so a mark drawn later never
  // hides another's number.
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    const MatrixMark& mark = marks[i];
    svg << "  <circle class=\"mark\" cx=\"" << svg_number(mark.x) << "\" cy=\""
        << svg_number(mark.y) << "\" r=\"" << svg_number(mark.radius) << "\" fill=\"" << mark.colour
        << "\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>"
        << escape_html(shortlist[i].name) << "</title></circle>\n";
  }
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    svg << "  <text class=\"rank\" x=\"" << svg_number(marks[i].x) << "\" y=\""
        << svg_number(marks[i].y + 4) << "\" text-anchor=\"middle\" font-size=\"11\" "
        << "font-weight=\"bold\" fill=\"#ffffff\">" << i + 1 << "</text>\n";
  }

  // The key: each rank's partner, with its priority's colour.
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    const double y = k_key_top + k_key_row * static_cast<double>(i);
    const AssessedPartner& partner = shortlist[i];
    svg << "  <circle cx=\"" << svg_number(k_left + 6) << "\" cy=\"" << svg_number(y + 8)
        << "\" r=\"6\" fill=\"" << marks[i].colour << "\"/>\n"
        << "  <text class=\"label\" x=\"" << svg_number(k_left + 18) << "\" y=\""
        << svg_number(y + 12) << "\" font-size=\"11\">" << i + 1 << ". "
        << escape_html(partner.name) << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace partnerops
