#pragma once
// Helpers the render tests share: one engine per test process (Qt allows one
// application object per process), temporary folders, and the poppler tools
// that read a PDF back as text, word boxes and document information.

#include <filesystem>
#include <string>
#include <vector>

#include "render/pdf_engine.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::render::testing {

/// The engine every test in this process shares.
PdfEngine& engine();

using partnerops::testing::read_file;
using partnerops::testing::TempDir;
using partnerops::testing::write_file;

/// Runs a shell command and returns its standard output.
std::string run(const std::string& command);

/// `pdftotext <options> file -` on `pdf`.
std::string pdf_text(const std::string& pdf, const std::string& options = "");

/// `pdfinfo <options> file` on `pdf`.
std::string pdf_info(const std::string& pdf, const std::string& options = "");

/// One word from `pdftotext -bbox`, in points from the top-left corner.
struct Word {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  int page = 0;  ///< counts from 1
  std::string text;
};
std::vector<Word> pdf_words(const std::string& pdf);

/// The engine tests' own templates (layout, style sheet, sample invoice):
/// tests/render/fixtures/templates.
std::filesystem::path templates_folder();

/// Renders HTML, failing the test (via ADD_FAILURE) and returning "" on error.
std::string render_or_fail(const std::string& html, const PageSetup& page = {});

}  // namespace partnerops::render::testing
