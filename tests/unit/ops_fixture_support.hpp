#pragma once
// Variants of the fixture workspace for the tickler, report and CODEOWNERS
// tests: a fixture file with one piece of text replaced, so each test says
// exactly what it changed.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "fixture_workspace.hpp"
#include "model/workspace.hpp"

namespace partnerops::testing {

inline std::string fixture_text(const std::string& path) {
  std::ifstream in(std::filesystem::path(PARTNEROPS_SOURCE_DIR) / "tests" / "fixtures" / "base" / path,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces `from` (which must occur exactly once) by `to` in the file
/// `path` of `source` (a fixture file, possibly already changed).
inline void replace_in(MemorySource& source, const std::string& path, const std::string& from,
                       const std::string& to) {
  const ReadResult current = source.read(path, 1 << 20);
  std::string text = current.ok() ? current.content : fixture_text(path);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << path;
  ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from << " twice in " << path;
  text.replace(at, from.size(), to);
  source.add(path, text);
}

/// Loads `source`, failing the test when a file does not load.
inline std::unique_ptr<Workspace> load_clean(const MemorySource& source) {
  Diagnostics diagnostics;
  auto workspace = std::make_unique<Workspace>(load_workspace(source, {}, diagnostics));
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error) ADD_FAILURE() << d.file << ": " << d.code << ": " << d.message;
  return workspace;
}

}  // namespace partnerops::testing
