#include "temp_dir.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

namespace partnerops::testing {

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "partnerops-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  m_path = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(m_path, ignored);
}

}  // namespace partnerops::testing
