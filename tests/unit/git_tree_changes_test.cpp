#include <gtest/gtest.h>

#include <filesystem>

#include "git/tree_changes.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempRepo;

std::string kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::deleted:
      return "deleted";
    case ChangeKind::type_changed:
      return "type changed";
    case ChangeKind::modified:
      break;
  }
  return "modified";
}

std::string listed(const std::vector<ChangedPath>& paths) {
  std::string text;
  for (const ChangedPath& path : paths) text += path.path + " " + kind_name(path.kind) + "\n";
  return text;
}

git_oid tree_of(const TempRepo& temp, const std::string& revspec) {
  git_oid id{};
  EXPECT_TRUE(parse_oid(temp.resolve(revspec), &id));
  git_commit* raw = nullptr;
  EXPECT_EQ(git_commit_lookup(&raw, temp.repo(), &id), 0);
  const CommitPtr commit(raw);
  return *git_commit_tree_id(commit.get());
}

// What libgit2's own diff of the two trees reports (with `prefix` as a
// pathspec taken literally), the way paths_changed_by and changed_paths
// listed changes before they compared a folder at a time.
std::string libgit2_diff(const TempRepo& temp, const git_oid* from, const git_oid& to,
                         const std::string& prefix) {
  TreePtr trees[2];
  const git_oid* ids[2] = {from, &to};
  for (int i = 0; i < 2; ++i) {
    if (ids[i] == nullptr) continue;
    git_tree* raw = nullptr;
    EXPECT_EQ(git_tree_lookup(&raw, temp.repo(), ids[i]), 0);
    trees[i].reset(raw);
  }
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.flags = GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  char* specs[] = {const_cast<char*>(prefix.c_str())};
  if (!prefix.empty()) {
    options.pathspec.strings = specs;
    options.pathspec.count = 1;
  }
  git_diff* raw = nullptr;
  EXPECT_EQ(git_diff_tree_to_tree(&raw, temp.repo(), trees[0].get(), trees[1].get(), &options), 0);
  const DiffPtr diff(raw);
  std::vector<ChangedPath> out;
  for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    ChangedPath changed;
    changed.kind = delta->status == GIT_DELTA_ADDED        ? ChangeKind::added
                   : delta->status == GIT_DELTA_DELETED    ? ChangeKind::deleted
                   : delta->status == GIT_DELTA_TYPECHANGE ? ChangeKind::type_changed
                                                           : ChangeKind::modified;
    changed.path = delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path;
    out.push_back(std::move(changed));
  }
  std::sort(out.begin(), out.end(),
            [](const ChangedPath& a, const ChangedPath& b) { return a.path < b.path; });
  return listed(out);
}

std::string compared(const TempRepo& temp, const git_oid* from, const git_oid& to,
                     const PathPattern& pattern) {
  std::string error;
  const std::optional<TreeChanges> changes = compare_trees(temp.repo(), from, &to, pattern, &error);
  return changes ? listed(changes->paths) : "error: " + error;
}

TEST(GitTreeChangesTest, ReportsWhatLibgit2sDiffReportsForEveryKindOfChange) {
  TempRepo temp;
  temp.add("partnerops.yaml", "name: Org\n");
  temp.add("partners/acme/partner.yaml", "stage: lead\n");
  temp.add("partners/acme/notes.md", "# Acme\n");
  temp.add("partners/acme/invoices/2026-001.yaml", "number: 2026-001\n");
  temp.add("partners/beta/partner.yaml", "stage: lead\n");
  temp.add("partners/beta-x", "a file sorting beside beta\n");
  temp.add("partners/gone/partner.yaml", "stage: lead\n");
  temp.add("partners/gone/sow/a.yaml", "title: A\n");
  temp.add("partners/turns/partner.yaml", "stage: lead\n");
  temp.add("partners/run.sh", "echo\n");
  temp.add("partners/link", "not yet a link\n");
  temp.add("partners/unchanged/partner.yaml", "stage: lead\n");
  temp.commit("first");
  temp.add("partners/acme/partner.yaml", "stage: prospect\n");
  temp.add("partners/acme/invoices/2026-002.yaml", "number: 2026-002\n");
  temp.remove("partners/gone/partner.yaml");
  temp.stage("partners/gone/partner.yaml");
  temp.remove("partners/gone/sow/a.yaml");
  temp.stage("partners/gone/sow/a.yaml");
  temp.add("partners/new/partner.yaml", "stage: lead\n");
  temp.add("partners/new/quotes/q.yaml", "total: 1\n");
  // A folder that becomes a file, a file that becomes a folder.
  temp.remove("partners/turns/partner.yaml");
  temp.stage("partners/turns/partner.yaml");
  temp.remove("partners/turns");
  temp.add("partners/turns", "now a file\n");
  temp.remove("partners/beta-x");
  temp.stage("partners/beta-x");
  temp.add("partners/beta-x/partner.yaml", "stage: lead\n");
  std::filesystem::permissions(temp.root() / "partners/run.sh", std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  temp.stage("partners/run.sh");
  temp.remove("partners/link");
  temp.stage("partners/link");
  temp.stage_symlink("partners/link", "acme");
  temp.commit("second");
  const git_oid first = tree_of(temp, "HEAD~1");
  const git_oid second = tree_of(temp, "HEAD");

  const std::string expected =
      "partners/acme/invoices/2026-002.yaml added\n"
      "partners/acme/partner.yaml modified\n"
      "partners/beta-x deleted\n"
      "partners/beta-x/partner.yaml added\n"
      "partners/gone/partner.yaml deleted\n"
      "partners/gone/sow/a.yaml deleted\n"
      "partners/link type changed\n"
      "partners/new/partner.yaml added\n"
      "partners/new/quotes/q.yaml added\n"
      "partners/run.sh modified\n"
      "partners/turns added\n"
      "partners/turns/partner.yaml deleted\n";
  EXPECT_EQ(libgit2_diff(temp, &first, second, ""), expected);
  EXPECT_EQ(compared(temp, &first, second, {}), expected);
  // The other way round, "partners/beta-x" goes from a folder to a file.
  EXPECT_EQ(compared(temp, &second, first, {}), libgit2_diff(temp, &second, first, ""));
  for (const std::string prefix : {"partners", "partners/acme", "partners/acme/partner.yaml",
                                   "partners/beta", "partners/turns", "partners/link",
                                   "partners/unchanged", "partners/nowhere", "partnerops.yaml"}) {
    EXPECT_EQ(compared(temp, &first, second, literal_pattern(prefix)),
              libgit2_diff(temp, &first, second, prefix))
        << prefix;
  }
  // Against nothing (a root commit), everything is added or deleted.
  EXPECT_EQ(compared(temp, nullptr, first, {}), libgit2_diff(temp, nullptr, first, ""));
  EXPECT_EQ(compared(temp, nullptr, first, literal_pattern("partners/gone")),
            "partners/gone/partner.yaml added\npartners/gone/sow/a.yaml added\n");
  // Any partner's partner.yaml: the file at the end of the pattern only.
  EXPECT_EQ(compared(temp, &first, second, {"partners", std::nullopt, "partner.yaml"}),
            "partners/acme/partner.yaml modified\n"
            "partners/beta-x/partner.yaml added\n"
            "partners/gone/partner.yaml deleted\n"
            "partners/new/partner.yaml added\n"
            "partners/turns/partner.yaml deleted\n");
}

TEST(GitTreeChangesTest, OpensOnlyTheFoldersWhoseIdsDiffer) {
  TempRepo temp;
  for (int i = 0; i < 20; ++i) {
    const std::string folder = "partners/p" + std::to_string(10 + i) + "/";
    temp.add(folder + "partner.yaml", "stage: lead\n");
    temp.add(folder + "notes.md", "# " + std::to_string(i) + "\n");
    temp.add(folder + "invoices/2026-001.yaml", "number: 2026-001\n");
  }
  temp.commit("twenty partners");
  temp.add("partners/p17/notes.md", "# seven, again\n");
  temp.commit("one partner's notes");
  const git_oid before = tree_of(temp, "HEAD~1");
  const git_oid after = tree_of(temp, "HEAD");
  std::string error;
  auto opened = [&](const git_oid* from, const PathPattern& pattern) -> std::size_t {
    const std::optional<TreeChanges> changes =
        compare_trees(temp.repo(), from, &after, pattern, &error);
    EXPECT_TRUE(changes) << error;
    return changes ? changes->trees_opened : 0;
  };
  // The two top trees, the two partners/ folders and the two p17 folders;
  // not one of the other nineteen partners' folders, nor p17's invoices/.
  EXPECT_EQ(opened(&before, {}), 6u);
  EXPECT_EQ(compared(temp, &before, after, {}), "partners/p17/notes.md modified\n");
  EXPECT_EQ(opened(&before, {"partners", std::nullopt, "partner.yaml"}), 6u);
  EXPECT_EQ(compared(temp, &before, after, {"partners", std::nullopt, "partner.yaml"}), "");
  // Another partner: its folder has the same id on both sides.
  EXPECT_EQ(opened(&before, literal_pattern("partners/p12/partner.yaml")), 4u);
  EXPECT_EQ(opened(&after, {}), 0u);
  // Against nothing every folder holding a match is opened, and only those:
  // the top, partners/ and the twenty partners, none of their invoices/.
  EXPECT_EQ(opened(nullptr, {"partners", std::nullopt, "partner.yaml"}), 22u);
}

TEST(GitTreeChangesTest, SaysWhichFolderItCouldNotRead) {
  TempRepo temp;
  temp.add("partners/acme/partner.yaml", "stage: lead\n");
  temp.commit("first");
  const git_oid tree = tree_of(temp, "HEAD");
  git_oid missing{};
  ASSERT_TRUE(parse_oid(std::string(40, '1'), &missing));
  std::string error;
  EXPECT_FALSE(compare_trees(temp.repo(), &missing, &tree, {}, &error));
  EXPECT_EQ(error.substr(0, error.find(':')), "cannot read the folder '/'");
}

}  // namespace
}  // namespace partnerops::git
