#pragma once
// The seam between render::PdfEngine and the Qt WebKit printer behind it.
//
// Mapping and relocating Qt WebKit and its fifty-odd libraries costs about
// 30 ms at every start-up (more than half of `partnerops --version`, and of
// a small `log` or `advance`; bench/startup_bench.sh), yet only printing
// uses Qt. So the printer is a
// module, partnerops-pdf-engine.so (sources in render/qt/), that PdfEngine
// loads on its first render and never before: every other command starts
// without Qt, and `build`'s worker processes still fork before Qt exists.
//
// The module exports exactly one symbol, partnerops_pdf_engine_module(),
// which returns a PdfEngineModule. Its first field is the ABI version, read
// before anything else; a module whose version (or whose view of the sizes
// of what crosses the seam) differs from the program's is refused with a
// sentence, so a stale module next to a newer program fails a render instead
// of crashing. Only plain structs from pdf_engine.hpp and standard library
// types cross; both sides must use the same C++ standard library, which
// building them in one CMake build guarantees.
//
// This header is free of Qt: the program includes it, and so does the module.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "model/page_setup.hpp"
#include "render/pdf_engine.hpp"

namespace partnerops::render {

/// One printer. Created per PdfEngine by the module; destroyed through the
/// virtual destructor, so the module's own code frees what it allocated.
class PdfEngineBackend {
 public:
  virtual ~PdfEngineBackend() = default;

  /// Same contract as PdfEngine::render().
  virtual std::optional<std::string> render(const RenderRequest& request, std::string* error,
                                            RenderReport* report) = 0;
};

/// Bump whenever this header, EngineOptions, RenderRequest, RenderReport or
/// PageSetup change in a way that matters to the other side.
inline constexpr std::uint32_t k_pdf_engine_abi_version = 2;

/// What the module's entry point returns. Append fields only after
/// `abi_version`; the program reads nothing else when the versions differ.
struct PdfEngineModule {
  std::uint32_t abi_version = k_pdf_engine_abi_version;
  /// The sizes the module was compiled with: a cheap second check that
  /// catches a layout change whose version bump was forgotten.
  std::size_t options_size = sizeof(EngineOptions);
  std::size_t request_size = sizeof(RenderRequest);
  std::size_t report_size = sizeof(RenderReport);
  std::size_t page_size = sizeof(PageSetup);
  /// A new printer (the caller owns it), or nullptr when out of resources.
  /// Touches no Qt: the application object is created by the first render.
  PdfEngineBackend* (*create)(const EngineOptions& options) = nullptr;
};

/// The entry point's name, for dlsym().
inline constexpr char k_pdf_engine_entry_point[] = "partnerops_pdf_engine_module";

/// The module's file name: an installed program finds it in lib/partnerops/
/// beside its bin/; otherwise it is searched the way the dynamic loader
/// searches for libraries (the program's RUNPATH, which points at the build
/// folder). util::module_file decides.
inline constexpr char k_pdf_engine_module_file[] = "partnerops-pdf-engine.so";

/// The environment variable that names another module file (a path) to load
/// instead, e.g. for a program copied away from its build folder.
inline constexpr char k_pdf_engine_module_variable[] = "PARTNEROPS_PDF_ENGINE";

/// Loads the module `file` (a path, or a bare file name searched as above)
/// and returns its descriptor, or nullptr with a sentence naming the module
/// and the reason in `error`: the loader's own message (missing file,
/// missing library, missing entry point) or the version mismatch. The module
/// is never unloaded.
const PdfEngineModule* load_pdf_engine_module(const std::string& file, std::string* error);

/// The module this process prints with: $PARTNEROPS_PDF_ENGINE when set,
/// else k_pdf_engine_module_file where util::module_file finds it. Loaded by the first call; later
/// calls return the same descriptor, or fail with the same sentence.
const PdfEngineModule* pdf_engine_module(std::string* error);

}  // namespace partnerops::render

/// The module's entry point (defined in render/qt/module.cpp, the module's
/// only exported symbol). Never fails; the descriptor lives for the process.
extern "C" __attribute__((visibility("default"))) const partnerops::render::PdfEngineModule*
partnerops_pdf_engine_module();
