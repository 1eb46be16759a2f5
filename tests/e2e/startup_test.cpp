// Commands that never print start without Qt: the program does not link it,
// and printing loads the PDF engine module, or says why it cannot.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

TEST(Startup, TheProgramLoadsNoQtLibraryAtStartUp) {
  // ldd lists every library the dynamic loader maps before main(), the
  // indirect ones included.
  const std::string libraries = run_tool("ldd '" + std::string(PARTNEROPS_BINARY) + "'");
  ASSERT_NE(libraries.find("libgit2.so"), std::string::npos) << libraries;
  EXPECT_EQ(libraries.find("libQt"), std::string::npos) << libraries;
  EXPECT_EQ(libraries.find("partnerops-pdf-engine"), std::string::npos) << libraries;
}

TEST(Startup, PrintingWithoutTheEngineModuleFailsWithASentence) {
  TempDir dir;
  make_base_workspace(dir.path());
  const std::string module = (dir.path() / "missing" / "partnerops-pdf-engine.so").string();
  const fs::path out = dir.path() / "out";
  const RunResult result = run_partnerops({"report", dir.path().string(), "--today", "2026-11-23",
                                           "--format", "pdf", "--out", out.string()},
                                          dir.path(), {"PARTNEROPS_PDF_ENGINE=" + module});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "partnerops: cannot print the report: cannot load the PDF engine module " +
                            module + ": " + module +
                            ": cannot open shared object file: No such file or directory\n");
  EXPECT_FALSE(fs::exists(out / "pipeline-report.pdf"));
}

}  // namespace
}  // namespace partnerops::e2e
