// The PDF engine module is found, checked and refused with a sentence: a
// missing or stale module must fail a render, never crash the program.

#include <gtest/gtest.h>

#include <string>

#include "render/pdf_engine_backend.hpp"
#include "render_support.hpp"

namespace partnerops::render {
namespace {

TEST(PdfEngineModule, TheBuiltModuleLoadsByPathAndMatchesThisProgram) {
  std::string error;
  const PdfEngineModule* module = load_pdf_engine_module(PDF_ENGINE_MODULE, &error);
  ASSERT_NE(module, nullptr) << error;
  EXPECT_EQ(error, "");
  EXPECT_EQ(module->abi_version, k_pdf_engine_abi_version);
  EXPECT_NE(module->create, nullptr);
}

TEST(PdfEngineModule, TheProcessFindsTheModuleByFileNameThroughItsRunpath) {
  std::string error;
  const PdfEngineModule* by_name = pdf_engine_module(&error);
  ASSERT_NE(by_name, nullptr) << error;
  // The same file, so the same mapping: one Qt application per process.
  EXPECT_EQ(load_pdf_engine_module(PDF_ENGINE_MODULE, &error), by_name);
}

TEST(PdfEngineModule, AMissingModuleIsRefusedWithTheLoadersReason) {
  std::string error;
  const std::string file = "/nonexistent/partnerops-pdf-engine.so";
  EXPECT_EQ(load_pdf_engine_module(file, &error), nullptr);
  EXPECT_EQ(error, "cannot load the PDF engine module " + file + ": " + file +
                       ": cannot open shared object file: No such file or directory");
}

TEST(PdfEngineModule, AModuleForAnotherInterfaceVersionIsRefusedBeforeUse) {
  std::string error;
  const std::string file = STALE_PDF_ENGINE_MODULE;
  EXPECT_EQ(load_pdf_engine_module(file, &error), nullptr);
  EXPECT_EQ(error, "the PDF engine module " + file + " was built for engine interface version " +
                       std::to_string(k_pdf_engine_abi_version + 1) +
                       ", but this partnerops needs version " +
                       std::to_string(k_pdf_engine_abi_version) +
                       "; rebuild it with this partnerops");
}

}  // namespace
}  // namespace partnerops::render
