#pragma once
// Turns finished HTML into PDF bytes inside this process with Qt WebKit, the
// engine wkhtmltopdf is built on. Starting a program per document costs about
// five times more than the page itself, so one Qt application object lives for
// the whole process and renders many documents.
//
// Qt itself lives in a module, partnerops-pdf-engine.so, loaded by the first
// render() of the process (render/pdf_engine_backend.hpp says why and how);
// this header and the program are free of Qt.
//
// The engine is a sandbox as much as a printer: templates carry partner data,
// and partner data is untrusted. JavaScript, plugins and Java are off; every
// network request is refused except `data:` URLs and `file:` URLs that resolve
// (after following `..` and symbolic links) inside folders the caller allows.
//
// Threads: Qt WebKit must run on the thread that created the application
// object. The first render() creates it on the calling thread; a later call
// from another thread fails with an error instead of crashing. Create,
// use and destroy a PdfEngine on that thread. See "Parallelism" at the end
// of pdf_engine.cpp for how `build` uses several cores (worker processes).

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/page_setup.hpp"

namespace partnerops::render {

struct EngineOptions {
  /// How long one document may take to load (its HTML plus allowed local
  /// images and style sheets) before render() gives up.
  std::chrono::milliseconds load_timeout{15000};
};

/// What the printer promises about the file it writes.
enum class PdfProfile {
  plain,  ///< PDF 1.4 as Qt writes it
  /// Qt's PDF/A-1b mode, the archival mode it has: every font embedded,
  /// and Qt's own XMP packet and output intent, which finish_pdf replaces
  /// when it makes a Factur-X invoice's PDF/A-3b from the pages.
  pdf_a,
};

/// One document to print.
struct RenderRequest {
  std::string html;  ///< a complete UTF-8 HTML document
  PageSetup page;
  /// Relative URLs in the HTML resolve against this folder (e.g. templates/).
  /// Empty: relative URLs resolve nowhere and load nothing.
  std::filesystem::path base_folder;
  /// The only folders `file:` URLs may read from, e.g. templates/ and the
  /// partner's folder. Empty: no file is readable.
  std::vector<std::filesystem::path> allowed_folders;
  PdfProfile profile = PdfProfile::plain;
};

/// What happened while rendering, besides the bytes: the requests the
/// sandbox refused, so callers can warn and tests can prove the refusal.
struct RenderReport {
  std::vector<std::string> refused_urls;
};

class PdfEngine {
 public:
  explicit PdfEngine(EngineOptions options = {});
  ~PdfEngine();
  PdfEngine(const PdfEngine&) = delete;
  PdfEngine& operator=(const PdfEngine&) = delete;

  /// Prints `request.html` and returns the PDF bytes, or std::nullopt with a
  /// sentence in `error` when the PDF engine module cannot be loaded (the
  /// sentence names the module and the loader's reason), the load timed out,
  /// the HTML failed to load, the printer could not write, or the call came
  /// from a thread other than the one that created the Qt application
  /// object. `report` (optional) receives the requests the sandbox refused.
  std::optional<std::string> render(const RenderRequest& request, std::string* error,
                                    RenderReport* report = nullptr);

  /// Shorthand for HTML that needs no local files.
  std::optional<std::string> render(const std::string& html, const PageSetup& page,
                                    std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// True once a render in this process has loaded the PDF engine module, so
/// Qt WebKit and its threads live in the process until it exits.
bool pdf_engine_loaded();

}  // namespace partnerops::render
