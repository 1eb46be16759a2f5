#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "util/atomic_file.hpp"

namespace partnerops::util {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AtomicFile, WritesAndReplacesWithoutLeavingTemporaries) {
  const fs::path dir = fs::temp_directory_path() / ("atomic-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "a" / "b.pdf", "first", &error)) << error;
  ASSERT_TRUE(write_file_atomically(dir / "a" / "b.pdf", std::string("sec\0ond", 7), &error)) << error;
  EXPECT_EQ(slurp(dir / "a" / "b.pdf"), std::string("sec\0ond", 7));
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "a")) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, FailureLeavesTheTargetAlone) {
  std::string error;
  EXPECT_FALSE(write_file_atomically("/proc/partnerops-cannot-write/x", "x", &error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace partnerops::util
