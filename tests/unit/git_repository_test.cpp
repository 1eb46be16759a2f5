#include <gtest/gtest.h>

#include "git/repository.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempDir;
using testing::TempRepo;

TEST(GitRepository, OpensFromASubfolderBySearchingUpward) {
  TempRepo temp;
  temp.add("partners/acme/partner.yaml", "name: Acme\n");
  temp.commit("first");
  std::string error;
  RepositoryPtr repo = open_repository(temp.root() / "partners" / "acme", &error);
  ASSERT_TRUE(repo) << error;
  EXPECT_EQ(std::filesystem::path(git_repository_workdir(repo.get())), temp.root() / "");
  EXPECT_EQ(error, "");
}

TEST(GitRepository, ReportsAFolderOutsideAnyRepository) {
  testing::isolate_git_config();
  TempDir dir;
  std::string error;
  RepositoryPtr repo = open_repository(dir.path(), &error);
  EXPECT_FALSE(repo);
  EXPECT_EQ(error, "not a git repository (or any parent up to /): " + dir.path().string());
}

TEST(GitRepository, CheckAddsContextToLibgit2sMessage) {
  TempRepo temp;
  git_reference* raw = nullptr;
  const int code = git_reference_lookup(&raw, temp.repo(), "refs/heads/nope");
  std::string error = "unchanged";
  EXPECT_FALSE(check(code, "cannot read branch nope", &error));
  EXPECT_EQ(error, "cannot read branch nope: reference 'refs/heads/nope' not found");
  std::string untouched = "unchanged";
  EXPECT_TRUE(check(0, "fine", &untouched));
  EXPECT_EQ(untouched, "unchanged");
  EXPECT_FALSE(check(-1, "no error pointer", nullptr));
}

TEST(GitRepository, LookupCommitExplainsUnknownAndUnbornRevisions) {
  TempRepo temp;
  std::string error;
  EXPECT_FALSE(lookup_commit(temp.repo(), "HEAD", &error));
  EXPECT_EQ(error, "the repository has no commits yet (HEAD is unborn)");
  temp.add("a.txt", "a\n");
  const std::string id = temp.commit("first");
  EXPECT_FALSE(lookup_commit(temp.repo(), "nope", &error));
  EXPECT_EQ(error, "unknown revision 'nope'");
  EXPECT_FALSE(lookup_commit(temp.repo(), "HEAD~1", &error));
  EXPECT_EQ(error, "unknown revision 'HEAD~1'");
  EXPECT_FALSE(lookup_commit(temp.repo(), "HEAD^{tree}", &error));
  EXPECT_EQ(error, "revision 'HEAD^{tree}' does not name a commit");
  CommitPtr commit = lookup_commit(temp.repo(), id, &error);
  ASSERT_TRUE(commit);
  EXPECT_EQ(to_hex(*git_commit_id(commit.get())), id);
}

TEST(GitRepository, HexAndShortIds) {
  TempRepo temp;
  temp.add("a.txt", "a\n");
  const std::string id = temp.commit("first");
  git_oid oid{};
  ASSERT_TRUE(parse_oid(id, &oid));
  EXPECT_EQ(to_hex(oid), id);
  EXPECT_FALSE(parse_oid("abc", &oid));
  EXPECT_FALSE(parse_oid(std::string(40, 'z'), &oid));
  EXPECT_EQ(short_id(temp.repo(), oid), id.substr(0, 7));
}

}  // namespace
}  // namespace partnerops::git
