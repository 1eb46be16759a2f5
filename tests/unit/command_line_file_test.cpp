// A file named on the command line (`invoice run --usage FILE`) may lie
// anywhere the user chooses, through the user's own links; but no link
// inside the workspace is followed on the way to it, however the path
// enters the workspace.

#include "source/command_line_file.hpp"

#include <gtest/gtest.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

class CommandLineFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(workspace());
    write_file(workspace() / "usage/2027-01.yaml", "inside\n");
    write_file(elsewhere() / "2027-01.yaml", "outside\n");
  }
  fs::path workspace() const { return dir.path() / "ws"; }
  fs::path elsewhere() const { return dir.path() / "elsewhere"; }
  ReadResult read(const fs::path& path) const {
    return read_command_line_file(workspace(), path, 1 << 20);
  }
  TempDir dir;
};

TEST_F(CommandLineFileTest, AFileInsideOrOutsideTheWorkspaceIsRead) {
  EXPECT_EQ(read(workspace() / "usage/2027-01.yaml").content, "inside\n");
  EXPECT_EQ(read(elsewhere() / "2027-01.yaml").content, "outside\n");
  // Lexically, as the shell would: in and out again.
  EXPECT_EQ(read(workspace() / "usage/../../elsewhere/2027-01.yaml").content, "outside\n");
}

TEST_F(CommandLineFileTest, TheUsersOwnLinksOutsideTheWorkspaceAreFollowed) {
  fs::create_symlink(elsewhere() / "2027-01.yaml", dir.path() / "current.yaml");
  EXPECT_EQ(read(dir.path() / "current.yaml").content, "outside\n");
  // A link of the user's to the workspace itself enters it as the workspace.
  fs::create_directory_symlink(workspace(), dir.path() / "ws-link");
  EXPECT_EQ(read(dir.path() / "ws-link/usage/2027-01.yaml").content, "inside\n");
}

TEST_F(CommandLineFileTest, AFolderLinkInsideTheWorkspaceIsNotFollowed) {
  // The workspace commits `bills -> ../elsewhere`: `--usage ws/bills/2027-01.yaml`.
  fs::create_directory_symlink("../elsewhere", workspace() / "bills");
  const ReadResult result = read(workspace() / "bills/2027-01.yaml");
  EXPECT_EQ(result.status, ReadResult::Status::symlink);
  EXPECT_EQ(result.error,
            "the path passes through the symbolic link bills inside the workspace (not followed)");
  EXPECT_EQ(result.content, "");
}

TEST_F(CommandLineFileTest, AFileLinkInsideTheWorkspaceIsNotFollowedEvenToInside) {
  fs::create_symlink("/etc/passwd", workspace() / "usage/passwd.yaml");
  const ReadResult out = read(workspace() / "usage/passwd.yaml");
  EXPECT_EQ(out.status, ReadResult::Status::symlink);
  EXPECT_EQ(out.error, "a symbolic link inside the workspace (not followed)");
  // git may store a link pointing anywhere: one pointing inside is refused too.
  fs::create_symlink("2027-01.yaml", workspace() / "usage/current.yaml");
  EXPECT_EQ(read(workspace() / "usage/current.yaml").status, ReadResult::Status::symlink);
}

TEST_F(CommandLineFileTest, ALinkOfTheUsersIntoAWorkspaceLinkIsNotFollowedOnward) {
  fs::create_symlink("/etc/passwd", workspace() / "usage/passwd.yaml");
  fs::create_symlink(workspace() / "usage/passwd.yaml", dir.path() / "mine.yaml");
  const ReadResult result = read(dir.path() / "mine.yaml");
  EXPECT_EQ(result.status, ReadResult::Status::symlink);
  EXPECT_EQ(result.error, "a symbolic link inside the workspace (not followed)");
}

TEST_F(CommandLineFileTest, ARelativePathIsReadFromTheCurrentFolder) {
  const fs::path before = fs::current_path();
  fs::current_path(workspace());
  const ReadResult inside = read("usage/2027-01.yaml");
  fs::create_directory_symlink("/etc", workspace() / "etc");
  const ReadResult linked = read("etc/passwd");
  fs::current_path(before);
  EXPECT_EQ(inside.content, "inside\n");
  EXPECT_EQ(linked.status, ReadResult::Status::symlink);
  EXPECT_EQ(linked.error,
            "the path passes through the symbolic link etc inside the workspace (not followed)");
}

TEST_F(CommandLineFileTest, MissingFilesAndFoldersAreSaidSo) {
  const ReadResult missing = read(workspace() / "usage/2027-02.yaml");
  EXPECT_EQ(missing.status, ReadResult::Status::missing);
  EXPECT_EQ(missing.error,
            (workspace() / "usage/2027-02.yaml").string() + ": No such file or directory");
  EXPECT_EQ(read(workspace() / "usage").status, ReadResult::Status::not_a_file);
  EXPECT_EQ(read(elsewhere()).status, ReadResult::Status::not_a_file);
}

}  // namespace
}  // namespace partnerops
