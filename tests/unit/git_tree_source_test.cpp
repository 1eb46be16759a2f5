#include "git/git_tree_source.hpp"

#include <git2.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempRepo;

std::string listing(const Source& source, std::string_view dir = "") {
  std::string error;
  std::string out;
  for (const SourceEntry& entry : source.list(dir, &error)) {
    const char* type = entry.type == EntryType::file        ? "file"
                       : entry.type == EntryType::directory ? "dir"
                       : entry.type == EntryType::symlink   ? "link"
                                                            : "other";
    out += entry.path + " " + type + "\n";
  }
  if (!error.empty()) out += "error: " + error + "\n";
  return out;
}

class GitTreeSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    temp.add("partnerops.yaml", "name: Org\n");
    temp.add("partners/acme/partner.yaml", "stage: lead\n");
    temp.add("a-b.txt", "dash\n");
    temp.add("a/x.txt", "x\n");
    first = temp.commit("first");
    temp.add("partners/acme/partner.yaml", "stage: prospect\n");
    temp.add("partners/acme/notes.md", "# Notes\n");
    temp.stage_symlink("partners/acme/escape.yaml", "../../../etc/passwd");
    second = temp.commit("second");
  }
  TempRepo temp;
  std::string first;
  std::string second;
};

TEST_F(GitTreeSourceTest, NamesAFilesBlobWithoutReadingItAndNothingElse) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  const ReadResult read = head->read("partners/acme/partner.yaml", 1 << 20);
  ASSERT_TRUE(read.ok() && read.blob_id);
  EXPECT_EQ(head->blob_id("partners/acme/partner.yaml"), read.blob_id);
  // What git names the bytes "stage: prospect\n" by.
  const std::string content = "stage: prospect\n";
  git_oid expected{};
  ASSERT_EQ(git_odb_hash(&expected, content.data(), content.size(), GIT_OBJECT_BLOB), 0);
  EXPECT_TRUE(std::equal(read.blob_id->begin(), read.blob_id->end(), expected.id));
  EXPECT_EQ(head->blob_id("partners/acme/escape.yaml"), std::nullopt);  // a link
  EXPECT_EQ(head->blob_id("partners/acme"), std::nullopt);              // a folder
  EXPECT_EQ(head->blob_id("partners/acme/missing.yaml"), std::nullopt);
  EXPECT_EQ(head->blob_id("../partnerops.yaml"), std::nullopt);
}

TEST_F(GitTreeSourceTest, ListsEveryEntryOfARevisionSortedByPath) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  // Plain string order ("a" < "a-b.txt" < "a/x.txt"), not git's tree order.
  EXPECT_EQ(listing(*head),
            "a dir\n"
            "a-b.txt file\n"
            "a/x.txt file\n"
            "partnerops.yaml file\n"
            "partners dir\n"
            "partners/acme dir\n"
            "partners/acme/escape.yaml link\n"
            "partners/acme/notes.md file\n"
            "partners/acme/partner.yaml file\n");
  auto before = open_git_tree_source(temp.shared(), "HEAD~1", &error);
  ASSERT_TRUE(before) << error;
  EXPECT_EQ(listing(*before),
            "a dir\n"
            "a-b.txt file\n"
            "a/x.txt file\n"
            "partnerops.yaml file\n"
            "partners dir\n"
            "partners/acme dir\n"
            "partners/acme/partner.yaml file\n");
}

TEST_F(GitTreeSourceTest, ListsBelowAFolder) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "main", &error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(listing(*head, "partners/acme"),
            "partners/acme/escape.yaml link\n"
            "partners/acme/notes.md file\n"
            "partners/acme/partner.yaml file\n");
  EXPECT_EQ(listing(*head, "partners/nope"), "");
  EXPECT_EQ(listing(*head, "partnerops.yaml"), "");
  EXPECT_EQ(listing(*head, "../etc"), "");
}

TEST_F(GitTreeSourceTest, ReadsTheBytesOfEachRevision) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), second, &error);
  auto before = open_git_tree_source(temp.shared(), first, &error);
  ASSERT_TRUE(head && before) << error;
  ReadResult now = head->read("partners/acme/partner.yaml", 1000);
  ASSERT_TRUE(now.ok()) << now.error;
  EXPECT_EQ(now.content, "stage: prospect\n");
  ReadResult then = before->read("partners/acme/partner.yaml", 1000);
  ASSERT_TRUE(then.ok()) << then.error;
  EXPECT_EQ(then.content, "stage: lead\n");
  EXPECT_EQ(before->read("partners/acme/notes.md", 1000).status, ReadResult::Status::missing);
  EXPECT_TRUE(head->is_file("partners/acme/notes.md"));
  EXPECT_FALSE(before->is_file("partners/acme/notes.md"));
}

TEST_F(GitTreeSourceTest, NeverFollowsASymlink) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  ReadResult link = head->read("partners/acme/escape.yaml", 1000);
  EXPECT_EQ(link.status, ReadResult::Status::symlink);
  EXPECT_EQ(link.error, "a symbolic link (not followed)");
  EXPECT_EQ(link.content, "");
  EXPECT_FALSE(head->is_file("partners/acme/escape.yaml"));
}

TEST(GitTreeSource, RefusesAPathThroughALinkedFolderAndNamesTheLink) {
  TempRepo temp;
  temp.add("partnerops.yaml", "name: Org\n");
  temp.add("real/service-description.md", "# Service\n");
  temp.stage_symlink("docs", "/etc");
  temp.stage_symlink("real/inner", "../real");
  temp.commit("links");
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  ReadResult through = head->read("docs/passwd", 1000);
  EXPECT_EQ(through.status, ReadResult::Status::symlink);
  EXPECT_EQ(through.error, "the path passes through the symbolic link docs (not followed)");
  EXPECT_EQ(through.content, "");
  ReadResult deeper = head->read("real/inner/service-description.md", 1000);
  EXPECT_EQ(deeper.status, ReadResult::Status::symlink);
  EXPECT_EQ(deeper.error, "the path passes through the symbolic link real/inner (not followed)");
  EXPECT_FALSE(head->is_file("docs/passwd"));
  EXPECT_TRUE(head->read("real/service-description.md", 1000).ok());
  EXPECT_EQ(head->read("real/nope/x.md", 1000).status, ReadResult::Status::missing);
}

TEST_F(GitTreeSourceTest, RefusesLargeFilesFoldersAndUnsafePaths) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  ReadResult large = head->read("partners/acme/partner.yaml", 15);
  EXPECT_EQ(large.status, ReadResult::Status::too_large);
  EXPECT_EQ(large.error, "the file has 16 bytes, more than the limit of 15");
  EXPECT_EQ(large.content, "");
  EXPECT_TRUE(head->read("partners/acme/partner.yaml", 16).ok());
  ReadResult folder = head->read("partners/acme", 1000);
  EXPECT_EQ(folder.status, ReadResult::Status::not_a_file);
  EXPECT_EQ(folder.error, "a directory, not a file");
  EXPECT_FALSE(head->is_file("partners"));
  ReadResult outside = head->read("../partnerops.yaml", 1000);
  EXPECT_EQ(outside.status, ReadResult::Status::missing);
  EXPECT_EQ(outside.error, "not a path inside the workspace: ../partnerops.yaml");
  EXPECT_EQ(head->read("/partnerops.yaml", 1000).status, ReadResult::Status::missing);
  ReadResult missing = head->read("nope.yaml", 1000);
  EXPECT_EQ(missing.status, ReadResult::Status::missing);
  EXPECT_EQ(missing.error, "no such file in " + head->describe());
}

TEST_F(GitTreeSourceTest, DescribesItselfByShortId) {
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(head->describe(), "revision " + second.substr(0, 7));
}

TEST_F(GitTreeSourceTest, DoesNotLookAtTheWorkingTree) {
  temp.write("partners/acme/partner.yaml", "stage: partner\n");
  temp.write("untracked.yaml", "x: 1\n");
  std::string error;
  auto head = open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(head->read("partners/acme/partner.yaml", 1000).content, "stage: prospect\n");
  EXPECT_FALSE(head->is_file("untracked.yaml"));
}

TEST_F(GitTreeSourceTest, ReportsUnknownRevisions) {
  std::string error;
  EXPECT_FALSE(open_git_tree_source(temp.shared(), "nope", &error));
  EXPECT_EQ(error, "unknown revision 'nope'");
  EXPECT_FALSE(open_git_tree_source(nullptr, "HEAD", &error));
  EXPECT_EQ(error, "no repository");
}

TEST_F(GitTreeSourceTest, ResolvesCommitIdAndTime) {
  std::string error;
  std::optional<ResolvedCommit> head = resolve_commit(temp.repo(), "HEAD", &error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(head->id, second);
  EXPECT_EQ(head->short_id, second.substr(0, 7));
  EXPECT_EQ(head->time, TempRepo::k_base_time + 60);
  EXPECT_EQ(head->offset_minutes, 60);
  std::optional<ResolvedCommit> parent = resolve_commit(temp.repo(), "HEAD~1", &error);
  ASSERT_TRUE(parent) << error;
  EXPECT_EQ(parent->id, first);
  EXPECT_EQ(parent->time, TempRepo::k_base_time);
  EXPECT_FALSE(resolve_commit(temp.repo(), "HEAD~2", &error));
  EXPECT_EQ(error, "unknown revision 'HEAD~2'");
}

}  // namespace
}  // namespace partnerops::git
