#pragma once
// The frozen fixture workspace (tests/fixtures/base plus the repository's
// schemas/) as an in-memory Source, for tests of everything after loading.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "memory_source.hpp"

namespace partnerops::testing {

inline void add_tree(MemorySource& source, const std::filesystem::path& root,
                     const std::string& prefix) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    source.add(prefix + entry.path().lexically_relative(root).generic_string(), text.str());
  }
}

inline MemorySource fixture_workspace() {
  MemorySource source;
  const std::filesystem::path repo = PARTNEROPS_SOURCE_DIR;
  add_tree(source, repo / "tests" / "fixtures" / "base", "");
  add_tree(source, repo / "schemas", "schemas/");
  return source;
}

}  // namespace partnerops::testing
