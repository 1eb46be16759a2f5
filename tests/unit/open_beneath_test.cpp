// Paths named by data are opened beneath the workspace root with no link in
// any component: util::open_beneath (openat2 and its per-component
// fallback) and the DirectorySource reads built on it.

#include "util/open_beneath.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "source/source.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;

class OpenBeneathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("partnerops-beneath-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root / "real/sub");
    fs::create_directories(outside());
    std::ofstream(root / "real/sub/file.md") << "inside\n";
    std::ofstream(outside() / "secret") << "root:x:0:0\n";
    fs::create_directory_symlink(outside(), root / "docs");    // a linked folder
    fs::create_directory_symlink("sub", root / "real/again");  // a link that stays inside
    fs::create_symlink("sub/file.md", root / "real/link.md");  // a linked file
    root_fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(root_fd, 0);
  }
  void TearDown() override {
    ::close(root_fd);
    fs::remove_all(root);
    fs::remove_all(outside());
  }
  fs::path outside() const { return root.string() + "-outside"; }

  fs::path root;
  int root_fd = -1;
};

using Opener = util::BeneathResult (*)(int, std::string_view, int);

void expect_contained(int root_fd, Opener open) {
  util::BeneathResult ok = open(root_fd, "real/sub/file.md", O_RDONLY);
  ASSERT_EQ(ok.status, util::BeneathResult::Status::ok);
  char buffer[16] = {};
  EXPECT_EQ(::read(ok.fd, buffer, sizeof buffer), 7);
  EXPECT_EQ(std::string(buffer), "inside\n");
  ::close(ok.fd);

  const util::BeneathResult through = open(root_fd, "docs/secret", O_RDONLY);
  EXPECT_EQ(through.status, util::BeneathResult::Status::symlink);
  EXPECT_EQ(through.link, "docs");
  EXPECT_EQ(through.fd, -1);

  // A link is refused even when it stays inside the workspace: a path
  // names one file, and git may store the link pointing anywhere.
  const util::BeneathResult inner = open(root_fd, "real/again/file.md", O_RDONLY);
  EXPECT_EQ(inner.status, util::BeneathResult::Status::symlink);
  EXPECT_EQ(inner.link, "real/again");

  const util::BeneathResult last = open(root_fd, "real/link.md", O_RDONLY);
  EXPECT_EQ(last.status, util::BeneathResult::Status::symlink);
  EXPECT_EQ(last.link, "real/link.md");

  EXPECT_EQ(open(root_fd, "real/nope/file.md", O_RDONLY).status,
            util::BeneathResult::Status::missing);
  EXPECT_EQ(open(root_fd, "real/sub/file.md/x", O_RDONLY).status,
            util::BeneathResult::Status::missing);
}

TEST_F(OpenBeneathTest, RefusesEveryLinkOnTheWay) { expect_contained(root_fd, util::open_beneath); }

TEST_F(OpenBeneathTest, TheFallbackRefusesEveryLinkOnTheWay) {
  expect_contained(root_fd, util::open_beneath_by_walking);
}

TEST_F(OpenBeneathTest, DirectorySourceReadsNothingThroughALinkedFolder) {
  const std::unique_ptr<Source> source = open_directory_source(root);
  const ReadResult through = source->read("docs/secret", 1000);
  EXPECT_EQ(through.status, ReadResult::Status::symlink);
  EXPECT_EQ(through.error, "the path passes through the symbolic link docs (not followed)");
  EXPECT_EQ(through.content, "");
  EXPECT_FALSE(source->is_file("docs/secret"));
  const ReadResult link = source->read("real/link.md", 1000);
  EXPECT_EQ(link.status, ReadResult::Status::symlink);
  EXPECT_EQ(link.error, "a symbolic link (not followed)");
  EXPECT_FALSE(source->is_file("real/link.md"));
  EXPECT_TRUE(source->is_file("real/sub/file.md"));
  EXPECT_EQ(source->read("real/sub/file.md", 1000).content, "inside\n");
  EXPECT_EQ(source->read("real/sub", 1000).status, ReadResult::Status::not_a_file);
  EXPECT_EQ(source->read("real/nope.md", 1000).status, ReadResult::Status::missing);

  // Listing a linked folder lists nothing from outside.
  std::string error;
  EXPECT_TRUE(source->list("docs", &error).empty());
  EXPECT_EQ(error, "cannot read " + (root / "docs").string() + ": a symbolic link (not followed)");
  error.clear();
  const std::vector<SourceEntry> real = source->list("real", &error);
  EXPECT_EQ(error, "");
  std::string names;
  for (const SourceEntry& entry : real) names += entry.path + " ";
  EXPECT_EQ(names, "real/again real/link.md real/sub real/sub/file.md ");
}

}  // namespace
}  // namespace partnerops
