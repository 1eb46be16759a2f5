// The text format quotes the source line and puts a caret under the column,
// which counts characters, so lines with accents and tabs line up.

#include <gtest/gtest.h>

#include <sstream>

#include "diag/format.hpp"

namespace partnerops {
namespace {

std::string text_of(const Diagnostic& d, const std::string& source) {
  Diagnostics diagnostics;
  diagnostics.add(d.severity, d.code, d.file, d.position, d.message, d.hint);
  std::ostringstream out;
  print_diagnostics(out, diagnostics, DiagnosticFormat::text, Colour::off,
                    [&source](std::string_view) { return &source; });
  return out.str();
}

TEST(DiagnosticFormat, CaretSitsUnderTheCharacterAfterMultiByteText) {
  const std::string source = "x: 1\n  - name: Sofía Ramírez, born: 2026-02-30\n";
  // "born" value: 2 + "- name: Sofía Ramírez, born: " -> character column 33.
  const Diagnostic d{Severity::error, "date-invalid", "p.yaml", {2, 33}, "bad date", "fix it"};
  EXPECT_EQ(text_of(d, source),
            "p.yaml:2:33: error[date-invalid]: bad date\n"
            " 2 |   - name: Sofía Ramírez, born: 2026-02-30\n"
            "   |                                 ^\n"
            "  hint: fix it\n");
}

TEST(DiagnosticFormat, CaretKeepsTabs) {
  const std::string source = "\tvalue\n";
  const Diagnostic d{Severity::warning, "c", "p.yaml", {1, 2}, "m", ""};
  EXPECT_EQ(text_of(d, source), "p.yaml:1:2: warning[c]: m\n 1 | \tvalue\n   | \t^\n");
}

TEST(DiagnosticFormat, WholeFileProblemsHaveNoPositionOrQuote) {
  const Diagnostic d{Severity::error, "file-empty", "p.yaml", {}, "the file is empty", "fill it"};
  EXPECT_EQ(text_of(d, "anything\n"),
            "p.yaml: error[file-empty]: the file is empty\n  hint: fill it\n");
}

TEST(DiagnosticFormat, JsonReplacesBytesThatAreNotUtf8) {
  Diagnostics diagnostics;
  diagnostics.warning("file-unknown", "caf\xe9.txt", {}, "m");
  std::ostringstream out;
  print_diagnostics(out, diagnostics, DiagnosticFormat::json, Colour::off);
  EXPECT_NE(out.str().find("\"file\": \"caf\xef\xbf\xbd.txt\""), std::string::npos) << out.str();
}

}  // namespace
}  // namespace partnerops
