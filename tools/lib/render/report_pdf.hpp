#pragma once
// The pipeline and KPI report on paper. Its HTML (report/pipeline_report)
// is printed by the same engine and finished by the same qpdf step as every
// document `build` makes, so the report carries the same footer, metadata
// and reproducible bytes: the same inputs give the same PDF, byte for byte.

#include <cstdint>
#include <optional>
#include <string>

#include "model/page_setup.hpp"

namespace partnerops::render {

struct ReportPdfOptions {
  PageSetup page;             ///< from partnerops.yaml (render::page_setup_from)
  std::string as_of;          ///< the report's date, YYYY-MM-DD: the footer's number
  std::string author;         ///< the organisation
  std::string source_commit;  ///< the commit the report was computed from, if any
  std::optional<std::int64_t> epoch_seconds;  ///< PDF dates; see FinishOptions
};

/// Prints the report's HTML and finishes it. The PDF's /ID derives from a
/// SHA-256 of the tool's version, the page setup and the HTML. Returns the
/// PDF bytes, or std::nullopt with a sentence in `error` when printing or
/// finishing failed.
std::optional<std::string> print_report_pdf(const std::string& html,
                                            const ReportPdfOptions& options, std::string* error);

}  // namespace partnerops::render
