#include "render/print_pdf.hpp"

namespace partnerops::render {

std::optional<std::string> print_pdf(PdfEngine& engine, const std::string& html,
                                     const FinishOptions& finish, std::string* error) {
  RenderRequest request;
  request.html = html;
  request.page = finish.page;
  request.profile = finish.factur_x ? PdfProfile::pdf_a : PdfProfile::plain;
  const std::optional<std::string> printed = engine.render(request, error);
  if (!printed) return std::nullopt;
  const std::optional<FinishedPdf> finished = finish_pdf(*printed, finish, error);
  if (!finished) return std::nullopt;
  return finished->bytes;
}

}  // namespace partnerops::render
