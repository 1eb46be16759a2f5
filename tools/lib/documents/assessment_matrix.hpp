#pragma once
// The prioritisation matrix of the assessment report, drawn as inline SVG
// from the ranked shortlist: strategic fit across (1 to 5), potential
// contribution up (1 to 5), financial stability as the mark's radius and
// the priority as its colour. Each mark carries its rank in the shortlist,
// and the key under the plot names the partner of each rank, so a name
// never runs over another mark however many share a cell.

#include <string>
#include <vector>

#include "documents/assessment_report.hpp"

namespace partnerops {

/// Where the matrix puts one partner's mark (user units of the drawing).
struct MatrixMark {
  double x = 0;
  double y = 0;
  double radius = 0;
  const char* colour = "";
};

/// The mark of each partner of `shortlist`, in its order. Marks of one cell
/// are spread over a small grid around the cell's centre in the shortlist's
/// order, so they stay apart and land in the same places on every build.
std::vector<MatrixMark> matrix_marks(const std::vector<AssessedPartner>& shortlist);

/// The fill of a priority's marks.
const char* priority_colour(AssessmentPriority priority);

/// The matrix as an `<svg>` element (every text escaped); empty when the
/// shortlist is.
std::string assessment_matrix_svg(const std::vector<AssessedPartner>& shortlist);

}  // namespace partnerops
