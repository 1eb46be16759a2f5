#include "util/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "support/files.hpp"

namespace partnerops::util {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

TEST(AtomicFile, WritesAndReplacesWithoutLeavingTemporaries) {
  const fs::path dir = fs::temp_directory_path() / ("atomic-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "a" / "b.pdf", "first", &error)) << error;
  ASSERT_TRUE(write_file_atomically(dir / "a" / "b.pdf", std::string("sec\0ond", 7), &error))
      << error;
  EXPECT_EQ(read_file(dir / "a" / "b.pdf"), std::string("sec\0ond", 7));
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "a")) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, WritesWhatAProducerHandsItPieceByPiece) {
  const fs::path dir = fs::temp_directory_path() / ("atomic-pieces-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  // Small pieces gathered across the buffer's edge, a piece larger than the
  // buffer written through, and empty pieces.
  const std::string large(3 << 20, 'L');
  std::string expected;
  const Producer produce = [&](const PieceWriter& write) {
    for (int i = 0; i < 200000; ++i) {
      const std::string piece = std::to_string(i) + ",";
      write(piece);
      write("");
    }
    write(large);
    write("end");
  };
  produce([&expected](std::string_view piece) { expected += piece; });
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "cache.bin", produce, &error)) << error;
  EXPECT_EQ(read_file(dir / "cache.bin"), expected);
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, ABatchWritesEveryFileOrNoneWhenATemporaryCannotBeMade) {
  const fs::path dir = fs::temp_directory_path() / ("atomic-batch-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "one.yaml", "old one", &error)) << error;
  ASSERT_TRUE(write_file_atomically(dir / "blocker", "a file, not a folder", &error)) << error;

  const std::vector<FileWrite> good = {{dir / "one.yaml", "new one"},
                                       {dir / "sub" / "two.yaml", "new two"}};
  EXPECT_TRUE(write_files_atomically(good).empty());
  EXPECT_EQ(read_file(dir / "one.yaml"), "new one");
  EXPECT_EQ(read_file(dir / "sub" / "two.yaml"), "new two");

  // The second file's folder cannot exist (a file stands in its way), so the
  // first file must keep its bytes although it came first.
  const std::vector<FileWrite> blocked = {{dir / "one.yaml", "newer one"},
                                          {dir / "blocker" / "three.yaml", "three"}};
  const std::vector<WriteFailure> failures = write_files_atomically(blocked);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].path, dir / "blocker" / "three.yaml");
  EXPECT_EQ(failures[0].error.rfind("cannot create " + (dir / "blocker").string() + ": ", 0), 0u)
      << failures[0].error;
  EXPECT_EQ(read_file(dir / "one.yaml"), "new one");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 3);  // one.yaml, blocker, sub: no temporary left behind
  fs::remove_all(dir);
}

TEST(AtomicFile, KeepsTheModeOfTheFileItReplaces) {
  const fs::path dir = fs::temp_directory_path() / ("atomic-mode-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "run.sh", "#!/bin/sh\n", &error)) << error;
  ::chmod((dir / "run.sh").c_str(), 0750);
  ASSERT_TRUE(write_file_atomically(dir / "run.sh", "#!/bin/sh\nexit 0\n", &error)) << error;
  struct stat info {};
  ASSERT_EQ(::stat((dir / "run.sh").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0750u);
  fs::remove_all(dir);
}

TEST(AtomicFile, FailureLeavesTheTargetAlone) {
  std::string error;
  EXPECT_FALSE(write_file_atomically("/proc/partnerops-cannot-write/x", "x", &error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace partnerops::util
