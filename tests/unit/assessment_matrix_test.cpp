// documents/assessment_matrix: the prioritisation matrix read back as SVG:
// one mark per assessed partner, at its cell (strategic fit across,
// potential contribution up), sized by financial stability and coloured by
// priority; marks sharing a cell kept apart; every name escaped.

#include "documents/assessment_matrix.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace partnerops {
namespace {

AssessedPartner assessed(std::string name, int fit, int stability, int contribution,
                         AssessmentPriority priority) {
  AssessedPartner out;
  out.slug = "p";
  out.name = std::move(name);
  out.assessment.strategic_fit = fit;
  out.assessment.financial_stability = stability;
  out.assessment.potential_contribution = contribution;
  out.assessment.priority = priority;
  return out;
}

struct Mark {
  std::string cx, cy, r, fill, title;
};

/// The marks of the drawing, in the order they are drawn.
std::vector<Mark> marks_of(const std::string& svg) {
  static const std::regex mark(
      "<circle class=\"mark\" cx=\"([^\"]*)\" cy=\"([^\"]*)\" r=\"([^\"]*)\" "
      "fill=\"([^\"]*)\"[^>]*>"
      "<title>([^<]*)</title></circle>");
  std::vector<Mark> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), mark); it != std::sregex_iterator();
       ++it)
    out.push_back(Mark{(*it)[1], (*it)[2], (*it)[3], (*it)[4], (*it)[5]});
  return out;
}

/// The key's labels, "1. Name", in order.
std::vector<std::string> labels_of(const std::string& svg) {
  static const std::regex label("<text class=\"label\"[^>]*>([^<]*)</text>");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST(AssessmentMatrix, OneMarkPerPartnerAtItsCellSizedAndColoured) {
  const std::vector<AssessedPartner> shortlist = {
      assessed("Northbay", 5, 4, 4, AssessmentPriority::high),
      assessed("Prairie", 4, 4, 3, AssessmentPriority::medium),
      assessed("Halden", 1, 1, 1, AssessmentPriority::low),
      assessed("Top", 5, 5, 5, AssessmentPriority::low),
  };
  const std::string svg = assessment_matrix_svg(shortlist);
  ASSERT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"150mm\"", 0), 0u) << svg;
  const std::vector<Mark> marks = marks_of(svg);
  ASSERT_EQ(marks.size(), 4u) << svg;
  // A cell is 84 units; the plot's left edge is at 70 and its top at 10,
  // so fit f is centred at 70 + (f - 0.5) × 84 and contribution c at
  // 10 + (5.5 - c) × 84. The radius is 4 + 3 × stability.
  EXPECT_EQ(marks[0].cx, "448.0");
  EXPECT_EQ(marks[0].cy, "136.0");
  EXPECT_EQ(marks[0].r, "16.0");
  EXPECT_EQ(marks[0].fill, "#1f4e79");
  EXPECT_EQ(marks[0].title, "Northbay");
  EXPECT_EQ(marks[1].cx, "364.0");
  EXPECT_EQ(marks[1].cy, "220.0");
  EXPECT_EQ(marks[1].r, "16.0");
  EXPECT_EQ(marks[1].fill, "#e07a1f");
  EXPECT_EQ(marks[2].cx, "112.0");
  EXPECT_EQ(marks[2].cy, "388.0");
  EXPECT_EQ(marks[2].r, "7.0");
  EXPECT_EQ(marks[2].fill, "#7a8794");
  EXPECT_EQ(marks[3].cx, "448.0");
  EXPECT_EQ(marks[3].cy, "52.0");
  EXPECT_EQ(marks[3].r, "19.0");
  EXPECT_EQ(labels_of(svg),
            (std::vector<std::string>{"1. Northbay", "2. Prairie", "3. Halden", "4. Top"}));
  // Each mark's rank is printed over it.
  EXPECT_NE(svg.find("<text class=\"rank\" x=\"448.0\" y=\"140.0\""), std::string::npos);
}

TEST(AssessmentMatrix, MarksSharingACellAreSpreadAroundItsCentreInRankOrder) {
  const std::vector<AssessedPartner> two = {
      assessed("A", 3, 5, 2, AssessmentPriority::high),
      assessed("B", 3, 5, 2, AssessmentPriority::medium),
  };
  std::vector<MatrixMark> marks = matrix_marks(two);
  ASSERT_EQ(marks.size(), 2u);
  // The cell's centre is (280, 304); two marks of radius 19 side by side,
  // 40 apart, so they do not touch.
  EXPECT_DOUBLE_EQ(marks[0].x, 260);
  EXPECT_DOUBLE_EQ(marks[1].x, 300);
  EXPECT_DOUBLE_EQ(marks[0].y, 304);
  EXPECT_DOUBLE_EQ(marks[1].y, 304);

  std::vector<AssessedPartner> five(5, assessed("X", 3, 5, 2, AssessmentPriority::low));
  marks = matrix_marks(five);
  // A 3 × 2 grid, 32 apart, centred on the cell: no two marks coincide.
  EXPECT_DOUBLE_EQ(marks[0].x, 248);
  EXPECT_DOUBLE_EQ(marks[0].y, 288);
  EXPECT_DOUBLE_EQ(marks[2].x, 312);
  EXPECT_DOUBLE_EQ(marks[4].x, 280);
  EXPECT_DOUBLE_EQ(marks[4].y, 320);
  for (std::size_t i = 0; i < marks.size(); ++i)
    for (std::size_t j = i + 1; j < marks.size(); ++j)
      EXPECT_FALSE(marks[i].x == marks[j].x && marks[i].y == marks[j].y) << i << " " << j;
  // The same input always gives the same drawing.
  EXPECT_EQ(assessment_matrix_svg(five), assessment_matrix_svg(five));
}

TEST(AssessmentMatrix, AMarkAloneInItsCellSitsAtTheCentre) {
  const std::vector<AssessedPartner> shortlist = {
      assessed("A", 3, 5, 2, AssessmentPriority::high),
      assessed("B", 2, 5, 2, AssessmentPriority::high),
  };
  const std::vector<MatrixMark> marks = matrix_marks(shortlist);
  EXPECT_DOUBLE_EQ(marks[0].x, 280);
  EXPECT_DOUBLE_EQ(marks[1].x, 196);
}

TEST(AssessmentMatrix, HostileNamesAreText) {
  const std::vector<AssessedPartner> shortlist = {
      assessed("<script>alert('x')</script> & \"Co\"", 2, 2, 2, AssessmentPriority::high)};
  const std::string svg = assessment_matrix_svg(shortlist);
  EXPECT_EQ(svg.find("<script"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("\"Co\""), std::string::npos) << svg;
  const std::vector<Mark> marks = marks_of(svg);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].title, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
  EXPECT_EQ(labels_of(svg),
            std::vector<std::string>{"1. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                     "&quot;Co&quot;"});
}

TEST(AssessmentMatrix, NothingToDrawWithoutAssessments) {
  EXPECT_EQ(assessment_matrix_svg({}), "");
}

}  // namespace
}  // namespace partnerops
