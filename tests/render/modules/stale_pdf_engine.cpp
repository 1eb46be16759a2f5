// A PDF engine module as a partnerops from another engine interface version
// would have built it: the program must refuse it before calling into it.

#include "render/pdf_engine_backend.hpp"

extern "C" const partnerops::render::PdfEngineModule* partnerops_pdf_engine_module() {
  static const partnerops::render::PdfEngineModule s_module = [] {
    partnerops::render::PdfEngineModule module;
    module.abi_version = partnerops::render::k_pdf_engine_abi_version + 1;
    return module;
  }();
  return &s_module;
}
