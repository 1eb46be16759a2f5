#include "render/print_pdf.hpp"

namespace partnerops::render {

std::optional<std::string> print_pdf(PdfEngine& engine, const std::string& html,
                                     const FinishOptions& finish, std::string* error) {
  const std::optional<std::string> printed = engine.render(html, finish.page, error);
  if (!printed) return std::nullopt;
  const std::optional<FinishedPdf> finished = finish_pdf(*printed, finish, error);
  if (!finished) return std::nullopt;
  return finished->bytes;
}

}  // namespace partnerops::render
