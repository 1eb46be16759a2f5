#include "render_support.hpp"

#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>

#include <array>
#include <fstream>
#include <regex>
#include <sstream>

namespace partnerops::render::testing {

namespace fs = std::filesystem;

PdfEngine& engine() {
  static PdfEngine s_engine;
  return s_engine;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

namespace {
std::string on_pdf(const std::string& pdf, const std::string& command_before_file,
                   const std::string& after_file) {
  TempDir dir;
  const fs::path file = dir.path() / "document.pdf";
  write_file(file, pdf);
  return run(command_before_file + " '" + file.string() + "'" + after_file + " 2>/dev/null");
}
}  // namespace

std::string pdf_text(const std::string& pdf, const std::string& options) {
  return on_pdf(pdf, "pdftotext " + options, " -");
}

std::string pdf_info(const std::string& pdf, const std::string& options) {
  return on_pdf(pdf, "pdfinfo " + options, "");
}

std::vector<Word> pdf_words(const std::string& pdf) {
  const std::string xml = on_pdf(pdf, "pdftotext -bbox", " -");
  std::vector<Word> words;
  int page = 0;
  static const std::regex k_word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>)re");
  std::istringstream lines(xml);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, k_word)) {
      words.push_back(
          Word{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), page, m[5]});
    }
  }
  return words;
}

fs::path templates_folder() {
  return fs::path(PARTNEROPS_SOURCE_DIR) / "tests/render/fixtures/templates";
}

std::string render_or_fail(const std::string& html, const PageSetup& page) {
  std::string error;
  std::optional<std::string> pdf = engine().render(html, page, &error);
  if (!pdf) {
    ADD_FAILURE() << "render failed: " << error;
    return {};
  }
  return *pdf;
}

}  // namespace partnerops::render::testing
