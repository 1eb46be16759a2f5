// Diagnostic codes are a public interface: users look them up and CI
// annotations show them. Every code the library can emit must have its own
// `### <code>` section in docs/diagnostics.md, and every section must name a
// code that still exists, so the page neither lags behind nor goes stale.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/files.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

/// Codes passed as a literal first argument to error(, warning( or fail(
/// (across line breaks), as the third argument of the template checker's
/// report(file, position, "code", ...), a designated initializer of a
/// field whose name ends in `code` (`.gap_code = "invoice-number-gap"`, for
/// checks shared by several kinds of document), plus both literals of a
/// `? "a-code" : "b-code"` choice, which model/reader.cpp uses to pick
/// between two codes.
std::set<std::string> codes_in_sources() {
  const std::regex call(R"re(\b(?:error|warning|fail)\(\s*"([a-z][a-z0-9-]*)")re");
  const std::regex report(R"re(\breport\(\s*[^,()]+,\s*[^,()]+,\s*"([a-z][a-z0-9-]*)")re");
  const std::regex designated(R"re(\.[a-z_]*code\s*=\s*"([a-z][a-z0-9-]*)")re");
  const std::regex choice(R"re(\?\s*"([a-z]+-[a-z0-9-]+)"\s*:\s*"([a-z]+-[a-z0-9-]+)")re");
  std::set<std::string> codes;
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(fs::path(PARTNEROPS_SOURCE_DIR) / "tools" / "lib")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = read_file(entry.path());
    for (const std::regex* single : {&call, &report, &designated})
      for (std::sregex_iterator it(text.begin(), text.end(), *single), end; it != end; ++it)
        codes.insert((*it)[1]);
    for (std::sregex_iterator it(text.begin(), text.end(), choice), end; it != end; ++it) {
      codes.insert((*it)[1]);
      codes.insert((*it)[2]);
    }
  }
  return codes;
}

std::set<std::string> documented_codes() {
  std::set<std::string> codes;
  std::istringstream doc(read_file(fs::path(PARTNEROPS_SOURCE_DIR) / "docs" / "diagnostics.md"));
  for (std::string line; std::getline(doc, line);)
    if (line.starts_with("### ")) codes.insert(line.substr(4));
  return codes;
}

std::set<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  for (const std::string& item : a)
    if (!b.count(item)) out.insert(item);
  return out;
}

TEST(DiagnosticCodes, TheScanFindsCodesOfEveryForm) {
  const std::set<std::string> codes = codes_in_sources();
  // One of each form, so a scan that silently finds nothing fails here.
  for (const char* code : {"yaml-tab-indent", "yaml-too-deep", "checklist-overdue", "money-invalid",
                           "currency-mismatch", "schema-required", "template-unknown-variable"})
    EXPECT_TRUE(codes.count(code)) << code;
  EXPECT_GT(codes.size(), 60u);
}

TEST(DiagnosticCodes, EveryCodeIsDocumented) {
  EXPECT_EQ(minus(codes_in_sources(), documented_codes()), std::set<std::string>{})
      << "add a '### <code>' section to docs/diagnostics.md";
}

TEST(DiagnosticCodes, EveryDocumentedCodeExists) {
  EXPECT_EQ(minus(documented_codes(), codes_in_sources()), std::set<std::string>{})
      << "remove the stale sections from docs/diagnostics.md";
}

TEST(DiagnosticCodes, NoCodeIsDocumentedTwice) {
  std::istringstream doc(read_file(fs::path(PARTNEROPS_SOURCE_DIR) / "docs" / "diagnostics.md"));
  std::set<std::string> seen;
  for (std::string line; std::getline(doc, line);)
    if (line.starts_with("### ")) {
      EXPECT_TRUE(seen.insert(line.substr(4)).second) << line;
    }
}

}  // namespace
}  // namespace partnerops
