#pragma once
// Paper and margins of a printed document: the organisation's
// defaults.paper and defaults.margins_mm, read with the rest of
// partnerops.yaml. The PDF engine sets them on the printer and the finisher
// stamps the footer inside the bottom margin; plain structs, free of Qt, so
// the Qt module can share them without linking the model.

#include <optional>
#include <string_view>
#include <utility>

namespace partnerops {

enum class PaperSize { a4, letter };

/// Parses "A4" or "Letter" (any letter case); std::nullopt for anything else.
std::optional<PaperSize> parse_paper_size(std::string_view text);

/// Width and height of the paper in PDF points (1/72 inch).
std::pair<double, double> paper_size_points(PaperSize paper);

/// Page margins in millimetres. The bottom margin also holds the footer that
/// finish_pdf() stamps, so keep it at 15 mm or more.
struct Margins {
  double top = 18;
  double right = 18;
  double bottom = 20;
  double left = 18;
};

/// Paper and margins are set on the printer, never left to CSS: Debian's Qt
/// WebKit ignores CSS @page size and margins.
struct PageSetup {
  PaperSize paper = PaperSize::a4;
  Margins margins_mm;
};

/// Millimetres to PDF points.
constexpr double mm_to_points(double mm) { return mm * 72.0 / 25.4; }

}  // namespace partnerops
