#include "render/report_pdf.hpp"

#include "render/print_pdf.hpp"
#include "util/digest.hpp"
#include "version.hpp"

namespace partnerops::render {

namespace {

constexpr const char* k_title = "Pipeline and KPI report";

std::string report_hash(const std::string& html, const PageSetup& page) {
  util::Sha256 hash;
  const std::string setup =
      std::string(k_version) + "\npipeline-report\n" +
      std::to_string(static_cast<int>(page.paper)) + " " + std::to_string(page.margins_mm.top) +
      " " + std::to_string(page.margins_mm.right) + " " + std::to_string(page.margins_mm.bottom) +
      " " + std::to_string(page.margins_mm.left) + "\n";
  hash.add(setup);
  hash.add(html);
  return hash.hex();
}

}  // namespace

std::optional<std::string> print_report_pdf(const std::string& html,
                                            const ReportPdfOptions& options, std::string* error) {
  FinishOptions finish;
  finish.title = k_title;
  finish.number = options.as_of;
  finish.author = options.author;
  finish.subject = std::string(k_title) + " as of " + options.as_of;
  finish.keywords = "partnerops, pipeline-report";
  finish.source_commit = options.source_commit;
  finish.input_hash = report_hash(html, options.page);
  finish.epoch_seconds = options.epoch_seconds;
  finish.page = options.page;
  PdfEngine engine;
  return print_pdf(engine, html, finish, error);
}

}  // namespace partnerops::render
