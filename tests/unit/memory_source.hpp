#pragma once
// An in-memory Source, so unit tests write their fixture files inline.

#include <map>
#include <string>

#include "source/source.hpp"

namespace partnerops::testing {

class MemorySource final : public Source {
 public:
  MemorySource& add(std::string path, std::string content) {
    m_files[std::move(path)] = std::move(content);
    return *this;
  }

  std::vector<SourceEntry> list(std::string_view dir, std::string*) const override {
    std::vector<SourceEntry> entries;
    const std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
    std::map<std::string, bool> dirs;
    for (const auto& [path, content] : m_files) {
      if (path.rfind(prefix, 0) != 0) continue;
      for (std::size_t slash = path.find('/', prefix.size()); slash != std::string::npos;
           slash = path.find('/', slash + 1))
        dirs[path.substr(0, slash)] = true;
      entries.push_back({path, EntryType::file});
    }
    for (const auto& [path, unused] : dirs) entries.push_back({path, EntryType::directory});
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    const auto found = m_files.find(std::string(path));
    if (found == m_files.end())
      return ReadResult::failure(ReadResult::Status::missing, "no such file");
    if (found->second.size() > max_bytes)
      return ReadResult::failure(ReadResult::Status::too_large, "too large");
    return ReadResult::bytes(found->second);
  }

  bool is_file(std::string_view path) const override {
    return m_files.count(std::string(path)) > 0;
  }

  std::string describe() const override { return "memory"; }

 private:
  std::map<std::string, std::string> m_files;
};

}  // namespace partnerops::testing
