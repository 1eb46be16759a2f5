#include <gtest/gtest.h>
#include <sys/stat.h>

#include "git/commit_files.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempDir;
using testing::TempRepo;

const std::string k_message =
    "acme: lead → prospect\n\nverbal close: yes\n\nPartner: acme\nStage-From: lead\nStage-To: "
    "prospect\n";

// A repository with a partner folder, a file staged with a change, a file
// modified but not staged, and an untracked file.
class GitCommitFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    temp.add("partners/acme/partner.yaml", "stage: lead\n");
    temp.add("partners/acme/notes.md", "# Acme\n");
    temp.add("partners/beta/partner.yaml", "stage: lead\n");
    temp.add("staged.txt", "staged v1\n");
    temp.add("modified.txt", "modified v1\n");
    base = temp.commit("base");
    temp.add("staged.txt", "staged v2\n");
    temp.write("modified.txt", "modified v2\n");
    temp.write("untracked.txt", "new\n");
  }

  CommitOptions transition() const {
    CommitOptions options;
    options.changes = {
        FileChange::write("partners/acme/partner.yaml", "stage: prospect\n"),
        FileChange::write("partners/acme/notes.md", "# Acme\n\n2026-11-23 verbal close: yes\n")};
    options.message = k_message;
    options.protected_paths = {"partners/acme"};
    return options;
  }

  void expect_other_work_untouched() const {
    EXPECT_EQ(temp.status("staged.txt"), unsigned{GIT_STATUS_INDEX_MODIFIED});
    EXPECT_EQ(temp.status("modified.txt"), unsigned{GIT_STATUS_WT_MODIFIED});
    EXPECT_EQ(temp.status("untracked.txt"), unsigned{GIT_STATUS_WT_NEW});
    EXPECT_EQ(temp.read("staged.txt"), "staged v2\n");
    EXPECT_EQ(temp.read("modified.txt"), "modified v2\n");
    EXPECT_EQ(temp.read("untracked.txt"), "new\n");
  }

  TempRepo temp;
  std::string base;
};

TEST_F(GitCommitFilesTest, CommitsExactlyTheGivenFilesOnTheCurrentBranch) {
  CommitResult result = commit_files(temp.repo(), transition());
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.branch, "refs/heads/main");
  EXPECT_EQ(temp.head(), "refs/heads/main");
  EXPECT_EQ(temp.resolve("main"), result.commit_id);
  EXPECT_EQ(temp.resolve("main~1"), base);

  EXPECT_EQ(temp.file_at("HEAD", "partners/acme/partner.yaml"), "stage: prospect\n");
  EXPECT_EQ(temp.file_at("HEAD", "partners/acme/notes.md"),
            "# Acme\n\n2026-11-23 verbal close: yes\n");
  EXPECT_EQ(temp.file_at("HEAD", "staged.txt"), "staged v1\n");
  EXPECT_EQ(temp.file_at("HEAD", "modified.txt"), "modified v1\n");
  EXPECT_EQ(temp.file_at("HEAD", "untracked.txt"), "<missing>");
  EXPECT_EQ(temp.file_at("HEAD", "partners/beta/partner.yaml"), "stage: lead\n");

  EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: prospect\n");
  EXPECT_EQ(temp.status("partners/acme/partner.yaml"), unsigned{GIT_STATUS_CURRENT});
  EXPECT_EQ(temp.status("partners/acme/notes.md"), unsigned{GIT_STATUS_CURRENT});
  expect_other_work_untouched();

  CommitPtr commit = lookup_commit(temp.repo(), "HEAD", nullptr);
  ASSERT_TRUE(commit);
  EXPECT_EQ(std::string(git_commit_message(commit.get())), k_message);
  EXPECT_EQ(std::string(git_commit_author(commit.get())->name), "Ada Lovelace");
  EXPECT_EQ(std::string(git_commit_author(commit.get())->email), "ada@example.org");
  EXPECT_EQ(std::string(git_commit_committer(commit.get())->email), "ada@example.org");
}

TEST_F(GitCommitFilesTest, CreatesAndChecksOutANewBranch) {
  CommitOptions options = transition();
  options.branch_mode = BranchMode::create;
  options.branch_name = "advance/acme-prospect";
  CommitResult result = commit_files(temp.repo(), options);
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(result.branch, "refs/heads/advance/acme-prospect");
  EXPECT_EQ(temp.head(), "refs/heads/advance/acme-prospect");
  EXPECT_EQ(temp.resolve("advance/acme-prospect"), result.commit_id);
  EXPECT_EQ(temp.resolve("main"), base);
  EXPECT_EQ(temp.resolve("HEAD~1"), base);
  EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: prospect\n");
  EXPECT_EQ(temp.status("partners/acme/partner.yaml"), unsigned{GIT_STATUS_CURRENT});
  expect_other_work_untouched();
}

TEST_F(GitCommitFilesTest, AddsFilesInNewFoldersAndDeletesFiles) {
  CommitOptions options;
  options.changes = {FileChange::write("partners/gamma/partner.yaml", "stage: lead\n"),
                     FileChange::remove("partners/beta/partner.yaml")};
  options.message = "gamma in, beta out";
  CommitResult result = commit_files(temp.repo(), options);
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(temp.file_at("HEAD", "partners/gamma/partner.yaml"), "stage: lead\n");
  EXPECT_EQ(temp.file_at("HEAD", "partners/beta/partner.yaml"), "<missing>");
  EXPECT_EQ(temp.read("partners/gamma/partner.yaml"), "stage: lead\n");
  EXPECT_EQ(temp.read("partners/beta/partner.yaml"), "<missing>");
  EXPECT_EQ(temp.status("partners/gamma/partner.yaml"), unsigned{GIT_STATUS_CURRENT});
  EXPECT_EQ(temp.status("partners/beta/partner.yaml"), TempRepo::k_nowhere);
  // Message clean-up gives the stored message a final newline.
  CommitPtr commit = lookup_commit(temp.repo(), "HEAD", nullptr);
  EXPECT_EQ(std::string(git_commit_message(commit.get())), "gamma in, beta out\n");
  expect_other_work_untouched();
}

TEST_F(GitCommitFilesTest, KeepsTheExecutableBitAndFileMode) {
  temp.add("run.sh", "#!/bin/sh\n");
  ::chmod((temp.root() / "run.sh").c_str(), 0755);
  temp.stage("run.sh");
  temp.commit("script");
  CommitOptions options;
  options.changes = {FileChange::write("run.sh", "#!/bin/sh\necho hi\n")};
  options.message = "script";
  CommitResult result = commit_files(temp.repo(), options);
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  struct stat info {};
  ASSERT_EQ(::stat((temp.root() / "run.sh").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0755u);
  EXPECT_EQ(temp.status("run.sh"), unsigned{GIT_STATUS_CURRENT});
  EXPECT_EQ(temp.file_at("HEAD", "run.sh"), "#!/bin/sh\necho hi\n");
}

TEST_F(GitCommitFilesTest, AppliesCleanFiltersAsGitAddWould) {
  temp.add(".gitattributes", "*.yaml text eol=crlf\n");
  temp.commit("attributes");
  CommitOptions options;
  options.changes = {
      FileChange::write("partners/acme/partner.yaml", "stage: prospect\r\nowner: x\r\n")};
  options.message = "crlf in the working tree, lf in the repository";
  CommitResult result = commit_files(temp.repo(), options);
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(temp.file_at("HEAD", "partners/acme/partner.yaml"), "stage: prospect\nowner: x\n");
  EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: prospect\r\nowner: x\r\n");
  EXPECT_EQ(temp.status("partners/acme/partner.yaml"), unsigned{GIT_STATUS_CURRENT});
  // The "attributes" commit took the staged file along; the unstaged one stays.
  EXPECT_EQ(temp.status("modified.txt"), unsigned{GIT_STATUS_WT_MODIFIED});
}

// Each refusal leaves HEAD, refs, index and working tree as they were.
class GitCommitRefusalTest : public GitCommitFilesTest {
 protected:
  void expect_refused(const CommitOptions& options, CommitStatus status, const std::string& error) {
    const std::string before = temp.snapshot();
    CommitResult result = commit_files(temp.repo(), options);
    EXPECT_EQ(result.status, status) << to_string(result.status);
    EXPECT_EQ(result.error, error);
    EXPECT_EQ(result.commit_id, "");
    EXPECT_EQ(temp.snapshot(), before);
  }
};

TEST_F(GitCommitRefusalTest, NotAGitRepository) {
  TempDir dir;
  CommitResult result = commit_files(dir.path(), transition());
  EXPECT_EQ(result.status, CommitStatus::not_a_repository);
  EXPECT_EQ(result.error, "not a git repository (or any parent up to /): " + dir.path().string());
}

TEST_F(GitCommitRefusalTest, OpensByPathFromASubfolder) {
  CommitResult result = commit_files(temp.root() / "partners", transition());
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(temp.file_at("HEAD", "partners/acme/partner.yaml"), "stage: prospect\n");
}

TEST_F(GitCommitRefusalTest, DetachedHead) {
  ASSERT_EQ(git_repository_set_head_detached(temp.repo(), nullptr), -1);  // needs an id
  git_oid id{};
  ASSERT_TRUE(parse_oid(base, &id));
  ASSERT_EQ(git_repository_set_head_detached(temp.repo(), &id), 0);
  expect_refused(transition(), CommitStatus::detached_head,
                 "HEAD is detached (not on a branch); check out a branch, then try again");
}

TEST(GitCommitRefusal, UnbornHead) {
  TempRepo temp;
  temp.add("partners/acme/partner.yaml", "stage: lead\n");
  const std::string before = temp.snapshot();
  CommitOptions options;
  options.changes = {FileChange::write("partners/acme/partner.yaml", "stage: prospect\n")};
  options.message = "m";
  CommitResult result = commit_files(temp.repo(), options);
  EXPECT_EQ(result.status, CommitStatus::unborn_head);
  EXPECT_EQ(
      result.error,
      "the repository has no commits yet (HEAD is unborn); make a first commit, then try again");
  EXPECT_EQ(temp.snapshot(), before);
}

TEST_F(GitCommitRefusalTest, UnmergedIndex) {
  git_index* raw = nullptr;
  ASSERT_EQ(git_repository_index(&raw, temp.repo()), 0);
  IndexPtr index(raw);
  git_index_entry ours{};
  ours.path = "conflicted.txt";
  ours.mode = GIT_FILEMODE_BLOB;
  git_blob_create_from_buffer(&ours.id, temp.repo(), "ours\n", 5);
  git_index_entry theirs = ours;
  git_blob_create_from_buffer(&theirs.id, temp.repo(), "theirs\n", 7);
  ASSERT_EQ(git_index_conflict_add(index.get(), nullptr, &ours, &theirs), 0);
  ASSERT_EQ(git_index_write(index.get()), 0);
  expect_refused(
      transition(), CommitStatus::unmerged_index,
      "the index has unmerged paths (a merge or rebase is in progress); resolve them first");
}

TEST_F(GitCommitRefusalTest, StagedChangeInAGivenPath) {
  temp.add("partners/acme/partner.yaml", "stage: lead # staged\n");
  expect_refused(transition(), CommitStatus::uncommitted_changes,
                 "uncommitted changes in partners/acme/partner.yaml; commit or stash them first");
}

TEST_F(GitCommitRefusalTest, UnstagedChangeInAGivenPath) {
  temp.write("partners/acme/notes.md", "# Acme edited\n");
  CommitResult result = commit_files(temp.repo(), transition());
  EXPECT_EQ(result.status, CommitStatus::uncommitted_changes);
  EXPECT_EQ(result.dirty_paths, std::vector<std::string>{"partners/acme/notes.md"});
  EXPECT_EQ(temp.read("partners/acme/notes.md"), "# Acme edited\n");
  EXPECT_EQ(temp.resolve("HEAD"), base);
}

TEST_F(GitCommitRefusalTest, UntrackedFileAtAGivenPath) {
  CommitOptions options;
  options.changes = {FileChange::write("partners/beta/notes.md", "# Beta\n")};
  options.message = "m";
  temp.write("partners/beta/notes.md", "mine, not yet added\n");
  expect_refused(options, CommitStatus::uncommitted_changes,
                 "uncommitted changes in partners/beta/notes.md; commit or stash them first");
}

TEST_F(GitCommitRefusalTest, ChangesAnywhereInTheProtectedFolder) {
  temp.write("partners/acme/draft.md", "draft\n");
  temp.remove("partners/acme/notes.md");
  CommitOptions options = transition();
  options.changes.pop_back();  // only partner.yaml; notes.md is covered by the folder
  const std::string before = temp.snapshot();
  CommitResult result = commit_files(temp.repo(), options);
  EXPECT_EQ(result.status, CommitStatus::uncommitted_changes);
  EXPECT_EQ(result.dirty_paths,
            (std::vector<std::string>{"partners/acme/draft.md", "partners/acme/notes.md"}));
  EXPECT_EQ(result.error,
            "uncommitted changes in partners/acme/draft.md, partners/acme/notes.md; commit or "
            "stash them first");
  EXPECT_EQ(temp.snapshot(), before);
}

TEST_F(GitCommitRefusalTest, DirtyFilesOutsideTheGivenPathsAreNotAConcern) {
  temp.write("partners/beta/partner.yaml", "stage: prospect\n");
  temp.write("partners/acmeish/partner.yaml", "a sibling whose name starts alike\n");
  CommitResult result = commit_files(temp.repo(), transition());
  EXPECT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(temp.status("partners/beta/partner.yaml"), unsigned{GIT_STATUS_WT_MODIFIED});
}

TEST_F(GitCommitRefusalTest, IndexLockedByAnotherProcess) {
  temp.write(".git/index.lock", "");
  expect_refused(transition(), CommitStatus::index_locked,
                 "another git process is using this repository (.git/index.lock exists); "
                 "wait for it to finish, or remove the lock file if it is left over");
}

TEST_F(GitCommitRefusalTest, BranchAlreadyExists) {
  git_reference* raw = nullptr;
  git_oid id{};
  ASSERT_TRUE(parse_oid(base, &id));
  ASSERT_EQ(
      git_reference_create(&raw, temp.repo(), "refs/heads/advance/acme-prospect", &id, 0, nullptr),
      0);
  git_reference_free(raw);
  CommitOptions options = transition();
  options.branch_mode = BranchMode::create;
  options.branch_name = "advance/acme-prospect";
  expect_refused(options, CommitStatus::branch_exists,
                 "a branch named 'advance/acme-prospect' already exists");
}

TEST_F(GitCommitRefusalTest, MissingIdentity) {
  temp.delete_config("user.email");
  expect_refused(transition(), CommitStatus::missing_identity,
                 "no author identity: set user.name and user.email in git config, e.g. git config "
                 "user.name \"Your Name\" && git config user.email you@example.org");
}

TEST_F(GitCommitRefusalTest, InvalidRequests) {
  CommitOptions options = transition();
  options.changes = {FileChange::write("../outside.yaml", "x\n")};
  expect_refused(options, CommitStatus::invalid_request,
                 "not a path inside the repository: '../outside.yaml'");
  options.changes = {FileChange::write(".git/config", "x\n")};
  expect_refused(options, CommitStatus::invalid_request,
                 "not a path inside the repository: '.git/config'");
  options.changes = {};
  expect_refused(options, CommitStatus::invalid_request, "no files to commit");
  options.changes = {FileChange::write("a.txt", "1"), FileChange::write("a.txt", "2")};
  expect_refused(options, CommitStatus::invalid_request, "the same path is changed twice: a.txt");
  options.changes = {FileChange::remove("nope.txt")};
  expect_refused(options, CommitStatus::invalid_request,
                 "cannot delete nope.txt: it is not a file in HEAD");
  options.changes = {FileChange::write("partners", "x\n")};
  options.protected_paths = {};
  expect_refused(options, CommitStatus::invalid_request,
                 "partners in the working tree is not a regular file");
  options = transition();
  options.message = " \n\n";
  expect_refused(options, CommitStatus::invalid_request, "the commit message is empty");
  options = transition();
  options.branch_mode = BranchMode::create;
  options.branch_name = "bad..name";
  expect_refused(options, CommitStatus::invalid_request, "not a valid branch name: 'bad..name'");
  options.branch_name = "";
  expect_refused(options, CommitStatus::invalid_request, "not a valid branch name: ''");
}

TEST_F(GitCommitRefusalTest, NothingToCommit) {
  CommitOptions options;
  options.changes = {FileChange::write("partners/acme/partner.yaml", "stage: lead\n")};
  options.message = "m";
  expect_refused(options, CommitStatus::nothing_to_commit,
                 "the files already have this content in HEAD; nothing to commit");
}

// Moves `ref` to HEAD~1 (an existing commit) without touching the index or
// working tree, as a concurrent `git commit` or `git reset --soft` elsewhere
// would.
void move_ref(git_repository* repo, const std::string& ref, const std::string& to) {
  git_oid id{};
  ASSERT_TRUE(parse_oid(to, &id));
  git_reference* raw = nullptr;
  ASSERT_EQ(git_reference_create(&raw, repo, ref.c_str(), &id, 1, nullptr), 0);
  git_reference_free(raw);
}

TEST_F(GitCommitRefusalTest, BranchMovedMidRunChangesNothing) {
  temp.add("partners/beta/notes.md", "# Beta\n");
  const std::string other = temp.commit("someone else's commit");
  temp.add("staged.txt", "staged v2\n");
  const std::string moved_to = base;
  // The files and index are written when the ref moves under us: they are
  // put back, so only the other process's ref move remains.
  std::string during = temp.snapshot();
  during.replace(during.find("ref refs/heads/main -> " + other), 23 + other.size(),
                 "ref refs/heads/main -> " + moved_to);
  CommitOptions options = transition();
  options.before_ref_update = [&] {
    EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: prospect\n");
    move_ref(temp.repo(), "refs/heads/main", moved_to);
  };
  CommitResult result = commit_files(temp.repo(), options);
  EXPECT_EQ(result.status, CommitStatus::ref_moved);
  EXPECT_EQ(result.error, "main moved while committing (it no longer points at " +
                              other.substr(0, 7) + "); nothing was changed, try again");
  EXPECT_EQ(result.commit_id, "");
  EXPECT_EQ(temp.resolve("main"), moved_to);
  EXPECT_EQ(temp.snapshot(), during);
  EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: lead\n");
}

TEST_F(GitCommitRefusalTest, BranchMovedBeforeANewBranchIsCreatedChangesNothing) {
  const std::string other = temp.commit("moves main");
  std::string during = temp.snapshot();
  during.replace(during.find("ref refs/heads/main -> " + other), 23 + other.size(),
                 "ref refs/heads/main -> " + base);
  CommitOptions options = transition();
  options.branch_mode = BranchMode::create;
  options.branch_name = "advance/acme-prospect";
  options.before_ref_update = [&] { move_ref(temp.repo(), "refs/heads/main", base); };
  CommitResult result = commit_files(temp.repo(), options);
  EXPECT_EQ(result.status, CommitStatus::ref_moved);
  EXPECT_EQ(result.error, "main moved while committing (it no longer points at " +
                              other.substr(0, 7) + "); nothing was changed, try again");
  EXPECT_EQ(temp.snapshot(), during);
  EXPECT_EQ(temp.resolve("advance/acme-prospect"), "<none>");
  EXPECT_EQ(temp.head(), "refs/heads/main");
}

TEST_F(GitCommitRefusalTest, HeadSwitchedMidRunChangesNothing) {
  std::string during = temp.snapshot();
  during.replace(0, during.find('\n'), "HEAD -> refs/heads/other");
  const std::size_t main_line = during.find("ref refs/heads/main");
  during.insert(during.find('\n', main_line) + 1, "ref refs/heads/other -> " + base + "\n");
  CommitOptions options = transition();
  options.before_ref_update = [&] {
    move_ref(temp.repo(), "refs/heads/other", base);
    git_reference* raw = nullptr;
    ASSERT_EQ(
        git_reference_symbolic_create(&raw, temp.repo(), "HEAD", "refs/heads/other", 1, nullptr),
        0);
    git_reference_free(raw);
  };
  CommitResult result = commit_files(temp.repo(), options);
  EXPECT_EQ(result.status, CommitStatus::ref_moved);
  EXPECT_EQ(result.error,
            "HEAD moved away from main while committing; nothing was changed, try again");
  EXPECT_EQ(temp.snapshot(), during);
  EXPECT_EQ(temp.resolve("main"), base);
}

}  // namespace
}  // namespace partnerops::git
