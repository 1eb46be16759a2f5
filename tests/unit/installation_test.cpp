// Where a program finds its PDF engine module and default files: beside its
// own path when installed (any prefix), through the build folder otherwise,
// or where the environment says.

#include "util/installation.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::util {
namespace {

namespace fs = std::filesystem;
using partnerops::testing::TempDir;
using partnerops::testing::write_file;

constexpr char k_variable[] = "PARTNEROPS_PDF_ENGINE";

/// Unsets a variable for one test and puts it back afterwards.
class WithoutVariable {
 public:
  explicit WithoutVariable(const char* name) : m_name(name) {
    if (const char* value = std::getenv(name)) m_value = value;
    unsetenv(name);
  }
  ~WithoutVariable() {
    if (m_value) setenv(m_name, m_value->c_str(), 1);
  }

 private:
  const char* m_name;
  std::optional<std::string> m_value;
};

TEST(Installation, ProgramPathIsThisTestBinary) {
  EXPECT_EQ(program_path().filename(), "partnerops_unit_tests");
}

TEST(Installation, InstalledModuleIsFoundBesideTheProgramUnderAnyPrefix) {
  const WithoutVariable unset(k_variable);
  TempDir prefix;
  write_file(prefix.path() / "lib/partnerops/engine.so", "");
  EXPECT_EQ(module_file(prefix.path() / "bin/partnerops", "engine.so", k_variable),
            (prefix.path() / "lib/partnerops/engine.so").string());
}

TEST(Installation, WithoutAnInstalledModuleTheLoaderSearchesTheRunpath) {
  const WithoutVariable unset(k_variable);
  TempDir prefix;
  EXPECT_EQ(module_file(prefix.path() / "bin/partnerops", "engine.so", k_variable), "engine.so");
  EXPECT_EQ(module_file(fs::path(), "engine.so", k_variable), "engine.so");
}

TEST(Installation, TheEnvironmentNamesAnotherModule) {
  const WithoutVariable unset(k_variable);
  TempDir prefix;
  write_file(prefix.path() / "lib/partnerops/engine.so", "");
  setenv(k_variable, "/elsewhere/engine.so", 1);
  EXPECT_EQ(module_file(prefix.path() / "bin/partnerops", "engine.so", k_variable),
            "/elsewhere/engine.so");
  unsetenv(k_variable);
}

TEST(Installation, InstalledDefaultsAreFoundBesideTheProgram) {
  const WithoutVariable unset(k_defaults_variable);
  TempDir prefix;
  write_file(prefix.path() / "share/partnerops/schemas/partner.schema.yaml", "");
  std::string error;
  EXPECT_EQ(defaults_folder(prefix.path() / "bin/partnerops", &error),
            prefix.path() / "share/partnerops");
  EXPECT_EQ(error, "");
}

TEST(Installation, MissingDefaultsSayWhereTheyWereLookedFor) {
  const WithoutVariable unset(k_defaults_variable);
  TempDir prefix;
  std::string error;
  EXPECT_EQ(defaults_folder(prefix.path() / "bin/partnerops", &error), std::nullopt);
  EXPECT_EQ(error, "the default schemas and templates are missing: " +
                       (prefix.path() / "share/partnerops").string() +
                       "/schemas does not exist; reinstall partnerops");
}

TEST(Installation, AProgramInItsBuildFolderUsesTheSourceTree) {
  const WithoutVariable unset(k_defaults_variable);
  // This test binary sits in tests/ under the build folder, not in it: only
  // a program directly in the build folder (partnerops itself) qualifies.
  std::string error;
  EXPECT_EQ(defaults_folder(program_path(), &error), std::nullopt);
  EXPECT_EQ(defaults_folder(program_path().parent_path().parent_path() / "partnerops", &error),
            fs::path(PARTNEROPS_SOURCE_DIR));
}

TEST(Installation, TheEnvironmentNamesAnotherDefaultsFolder) {
  const WithoutVariable unset(k_defaults_variable);
  TempDir other;
  std::string error;
  setenv(k_defaults_variable, other.path().c_str(), 1);
  EXPECT_EQ(defaults_folder(fs::path("/usr/bin/partnerops"), &error), std::nullopt);
  EXPECT_EQ(error,
            "PARTNEROPS_DEFAULTS names " + other.path().string() + ", which has no schemas/");
  write_file(other.path() / "schemas/partner.schema.yaml", "");
  EXPECT_EQ(defaults_folder(fs::path("/usr/bin/partnerops"), &error), other.path());
  unsetenv(k_defaults_variable);
}

}  // namespace
}  // namespace partnerops::util
