#pragma once
// A temporary folder for one test, removed with everything in it when the
// test is done. Every test binary uses this one.

#include <filesystem>

namespace partnerops::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// Canonical, so a test compares against the same path the code under
  /// test resolves (the render sandbox, git's workdir).
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace partnerops::testing
