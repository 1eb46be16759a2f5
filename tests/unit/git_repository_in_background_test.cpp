#include <gtest/gtest.h>

#include <fstream>

#include "git/repository_in_background.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempDir;
using testing::TempRepo;

TEST(GitRepositoryInBackground, HandsOverTheRepositoryWithItsIndexAlreadyRead) {
  TempRepo temp;
  temp.add("partners/acme/partner.yaml", "name: Acme\n");
  temp.add("partners/acme/notes.md", "# Acme\n");
  temp.commit("first");
  RepositoryInBackground opening(temp.root() / "partners" / "acme");
  std::string error;
  RepositoryPtr repo = opening.take(&error);
  ASSERT_TRUE(repo) << error;
  EXPECT_EQ(error, "");
  EXPECT_EQ(std::filesystem::path(git_repository_workdir(repo.get())), temp.root() / "");
  // Spoil the file: the repository answers from the index it already read.
  std::ofstream(temp.root() / ".git" / "index", std::ios::binary | std::ios::trunc) << "spoilt";
  git_index* raw = nullptr;
  ASSERT_EQ(git_repository_index(&raw, repo.get()), 0);
  IndexPtr index(raw);
  ASSERT_EQ(git_index_entrycount(index.get()), 2u);
  EXPECT_STREQ(git_index_get_byindex(index.get(), 0)->path, "partners/acme/notes.md");
}

TEST(GitRepositoryInBackground, ReportsAFolderOutsideAnyRepositoryAsOpenRepositoryDoes) {
  testing::isolate_git_config();
  TempDir dir;
  RepositoryInBackground opening(dir.path());
  std::string error;
  EXPECT_FALSE(opening.take(&error));
  EXPECT_EQ(error, "not a git repository (or any parent up to /): " + dir.path().string());
}

TEST(GitRepositoryInBackground, ARepositoryWithoutAnIndexYetIsHandedOver) {
  TempRepo temp;
  RepositoryInBackground opening(temp.root());
  std::string error;
  RepositoryPtr repo = opening.take(&error);
  ASSERT_TRUE(repo) << error;
  git_index* raw = nullptr;
  ASSERT_EQ(git_repository_index(&raw, repo.get()), 0);
  IndexPtr index(raw);
  EXPECT_EQ(git_index_entrycount(index.get()), 0u);
}

}  // namespace
}  // namespace partnerops::git
