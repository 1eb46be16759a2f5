#pragma once
// The Qt WebKit printer behind render::PdfEngine, built into the module
// partnerops-pdf-engine.so (see render/pdf_engine_backend.hpp for why it is
// a module). Its contract, the sandbox included, is PdfEngine's
// (render/pdf_engine.hpp). This folder is the only code that includes Qt;
// it is linked into the module alone, never into the program.

#include <memory>

#include "render/pdf_engine_backend.hpp"

namespace partnerops::render {

/// A printer that renders with Qt WebKit. Creating it touches no Qt: the
/// one Qt application object of the process is created, after
/// prepare_qt_environment(), by the first render of any printer.
std::unique_ptr<PdfEngineBackend> make_webkit_engine(const EngineOptions& options);

}  // namespace partnerops::render
