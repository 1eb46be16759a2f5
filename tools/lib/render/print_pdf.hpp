#pragma once
// A finished PDF from HTML: printed by the PDF engine, then given its
// footer, metadata and reproducible /ID by finish_pdf. Documents and the
// pipeline report are made the same way, so they finish the same way.

#include <optional>
#include <string>

#include "render/pdf_engine.hpp"
#include "render/pdf_finish.hpp"

namespace partnerops::render {

/// Prints `html` with `engine` on `finish.page` and finishes it. Returns
/// the bytes, or std::nullopt with `error` filled by whichever step failed.
std::optional<std::string> print_pdf(PdfEngine& engine, const std::string& html,
                                     const FinishOptions& finish, std::string* error);

}  // namespace partnerops::render
