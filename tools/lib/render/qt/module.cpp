// The module's one exported symbol (everything else is built with hidden
// visibility): the descriptor render::PdfEngine checks and creates printers
// through.

#include <new>

#include "render/pdf_engine_backend.hpp"
#include "render/qt/webkit_engine.hpp"

namespace {

partnerops::render::PdfEngineBackend* create_engine(
    const partnerops::render::EngineOptions& options) {
  // Exceptions must not cross into the program: out of memory is a nullptr.
  try {
    return partnerops::render::make_webkit_engine(options).release();
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

}  // namespace

extern "C" const partnerops::render::PdfEngineModule* partnerops_pdf_engine_module() {
  static const partnerops::render::PdfEngineModule s_module = [] {
    partnerops::render::PdfEngineModule module;
    module.create = &create_engine;
    return module;
  }();
  return &s_module;
}
