#pragma once
// The frozen fixture workspace (tests/fixtures/base plus the repository's
// schemas/) as an in-memory Source, for tests of everything after loading,
// and as editable text, for tests that break one rule and expect exactly the
// diagnostics it causes.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check/checks.hpp"
#include "memory_source.hpp"

namespace partnerops::testing {

/// The fixture workspace's files by workspace-relative path.
inline std::map<std::string, std::string> fixture_files() {
  std::map<std::string, std::string> files;
  const std::filesystem::path repo = PARTNEROPS_SOURCE_DIR;
  for (const auto& [root, prefix] : {std::pair{repo / "tests" / "fixtures" / "base", std::string()},
                                     std::pair{repo / "schemas", std::string("schemas/")}}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files[prefix + entry.path().lexically_relative(root).generic_string()] = text.str();
    }
  }
  return files;
}

inline MemorySource fixture_workspace() {
  MemorySource source;
  for (const auto& [path, text] : fixture_files()) source.add(path, text);
  return source;
}

/// A test of the checks: the fixture workspace, edited by the test, then
/// loaded and checked on 2026-11-23.
class FixtureChecksTest : public ::testing::Test {
 protected:
  /// Replaces the one occurrence of `from` in `path` with `to`.
  void edit(const std::string& path, const std::string& from, const std::string& to) {
    std::string& text = m_files.at(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from;
    text.replace(at, from.size(), to);
  }

  /// Every diagnostic, sorted, with its message and hint.
  Diagnostics diagnostics() {
    MemorySource source;
    for (const auto& [path, text] : m_files) source.add(path, text);
    Diagnostics diagnostics;
    LoadOptions options;
    options.jobs = 1;
    const Workspace workspace = load_workspace(source, options, diagnostics);
    run_checks(workspace, *Date::parse("2026-11-23"), diagnostics);
    diagnostics.sort();
    return diagnostics;
  }

  /// Every diagnostic as `<severity> <code> <file>:<line>:<col>`.
  std::vector<std::string> validate() {
    const Diagnostics diagnostics = this->diagnostics();
    std::vector<std::string> lines;
    for (const Diagnostic& d : diagnostics)
      lines.push_back(std::string(to_string(d.severity)) + " " + d.code + " " + d.file + ":" +
                      std::to_string(d.position.line) + ":" + std::to_string(d.position.column));
    return lines;
  }

  std::map<std::string, std::string> m_files = fixture_files();
};

}  // namespace partnerops::testing
