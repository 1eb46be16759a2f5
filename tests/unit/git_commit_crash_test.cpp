// A commit killed at each of its steps (util/fault_point.hpp), in a child
// process that dies by SIGKILL exactly there: the repository must be exactly
// as before (once the next run has put back what was written) or exactly as
// after, and the next run must end in one commit with the right content, no
// temporary file, no record and no lock file left.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "git/commit_files.hpp"
#include "git/pending_commit.hpp"
#include "git_test_support.hpp"
#include "util/atomic_file.hpp"
#include "util/fault_point.hpp"

namespace partnerops::git {
namespace {

namespace fs = std::filesystem;
using testing::TempRepo;

const std::string k_message = "acme: lead → prospect\n\nPartner: acme\n";

// A partner folder with a file to change, a file to delete, and others' work
// (staged, modified, untracked) that must survive everything.
void set_up(TempRepo& temp) {
  temp.add("partners/acme/partner.yaml", "stage: lead\n");
  temp.add("partners/acme/old.md", "# Old\n");
  temp.add("partners/beta/partner.yaml", "stage: lead\n");
  temp.add("staged.txt", "staged v1\n");
  temp.add("modified.txt", "modified v1\n");
  temp.commit("base");
  temp.add("staged.txt", "staged v2\n");
  temp.write("modified.txt", "modified v2\n");
  temp.write("untracked.txt", "new\n");
}

CommitOptions transition(BranchMode mode, std::vector<std::string>* notices) {
  CommitOptions options;
  options.changes = {FileChange::write("partners/acme/partner.yaml", "stage: prospect\n"),
                     FileChange::write("partners/acme/invoices/INV-1.yaml", "number: INV-1\n"),
                     FileChange::remove("partners/acme/old.md")};
  options.message = k_message;
  options.protected_paths = {"partners/acme"};
  options.branch_mode = mode;
  options.branch_name = "advance/acme-prospect";
  options.notify = [notices](const std::string& text) { notices->push_back(text); };
  return options;
}

// The snapshot with the id of the new commit written as <commit>, so two
// repositories that committed the same thing at different seconds compare.
std::string normalised(const TempRepo& temp, const std::string& commit) {
  std::string text = temp.snapshot();
  if (commit.size() == 40) {
    for (std::size_t at = text.find(commit); at != std::string::npos; at = text.find(commit))
      text.replace(at, commit.size(), "<commit>");
  }
  return text;
}

// The snapshot without the lines about the changed paths, their temporary
// files and the branch being created: what a killed run must not touch.
std::string untouched_part(const std::string& snapshot) {
  std::istringstream in(snapshot);
  std::string out;
  bool skipping = false;
  for (std::string line; std::getline(in, line);) {
    // A file's content continues over lines that start no entry.
    const bool entry = line.starts_with("HEAD ") || line.starts_with("ref ") ||
                       line.starts_with("index ") || line.starts_with("file ");
    if (entry) {
      skipping = line.find("partners/acme/") != std::string::npos ||
                 line.find("refs/heads/advance/") != std::string::npos ||
                 line.find(".partnerops-tmp-") != std::string::npos;
    }
    if (!skipping) out += line + "\n";
  }
  return out;
}

std::vector<std::string> temporaries_in(const fs::path& root) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (util::is_temporary_name(entry.path().filename().string()))
      found.push_back(entry.path().lexically_relative(root).generic_string());
  }
  return found;
}

// Runs the commit in a child killed at `point`; returns its wait status.
int commit_in_child(TempRepo& temp, BranchMode mode, const std::string& point) {
  const pid_t child = ::fork();
  if (child == 0) {
    ::setenv("PARTNEROPS_FAULT_KILL", point.c_str(), 1);
    std::vector<std::string> notices;
    // A repository handle of its own: the parent's caches must not be shared.
    std::string error;
    RepositoryPtr repo = open_repository(temp.root(), &error);
    const CommitResult result = commit_files(repo.get(), transition(mode, &notices));
    ::_exit(result.ok() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

struct Reference {
  std::string before;
  std::string after;
};

Reference reference_for(BranchMode mode) {
  TempRepo temp;
  set_up(temp);
  Reference reference;
  reference.before = temp.snapshot();
  std::vector<std::string> notices;
  const CommitResult result = commit_files(temp.repo(), transition(mode, &notices));
  EXPECT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(notices, std::vector<std::string>{});
  reference.after = normalised(temp, result.commit_id);
  return reference;
}

class GitCommitCrashTest : public ::testing::TestWithParam<BranchMode> {};

TEST_P(GitCommitCrashTest, AKillAtEveryStepLeavesBeforeOrAfterAndARerunCommitsOnce) {
  ASSERT_TRUE(util::fault_injection_enabled());
  const BranchMode mode = GetParam();
  const Reference reference = reference_for(mode);
  int killed = 0;
  for (const std::string_view point : util::fault_points()) {
    SCOPED_TRACE(std::string(point));
    TempRepo temp;
    set_up(temp);
    ASSERT_EQ(temp.snapshot(), reference.before);
    const std::string base = temp.resolve("main");
    const int status = commit_in_child(temp, mode, std::string(point));
    const bool reached =
        !point.starts_with("undo-") && (point != "branch-created" || mode == BranchMode::create);
    const std::string landed_ref = mode == BranchMode::create ? "advance/acme-prospect" : "main";
    if (!reached) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
      EXPECT_EQ(normalised(temp, temp.resolve(landed_ref)), reference.after);
      continue;
    }
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
    ++killed;

    // Right after the kill: other work untouched, and the commit either
    // landed whole or not at all.
    const bool landed = point == "ref-moved" || point == "journal-removed";
    const std::string moved_to = temp.resolve(landed_ref);
    if (landed) {
      EXPECT_EQ(temp.resolve(moved_to + "~1"), base);
      EXPECT_EQ(normalised(temp, moved_to), reference.after);
    } else {
      EXPECT_EQ(temp.resolve("main"), base);
      EXPECT_EQ(temp.head(), "refs/heads/main");
      EXPECT_EQ(untouched_part(temp.snapshot()), untouched_part(reference.before));
    }

    // The next run (in this process) puts back or finishes, then commits.
    std::vector<std::string> notices;
    std::string error;
    RepositoryPtr repo = open_repository(temp.root(), &error);
    ASSERT_TRUE(repo) << error;
    const CommitResult rerun = commit_files(repo.get(), transition(mode, &notices));
    if (landed) {
      // Refused, changing nothing: the branch exists, or old.md is no longer
      // in HEAD to be deleted.
      EXPECT_EQ(rerun.status, mode == BranchMode::create ? CommitStatus::branch_exists
                                                         : CommitStatus::invalid_request);
      EXPECT_EQ(normalised(temp, moved_to), reference.after);
    } else {
      ASSERT_EQ(rerun.status, CommitStatus::committed) << rerun.error;
      EXPECT_EQ(temp.resolve(rerun.commit_id + "~1"), base);
      EXPECT_EQ(normalised(temp, rerun.commit_id), reference.after);
    }
    ASSERT_FALSE(notices.empty());
    EXPECT_TRUE(notices.front().starts_with(
        "taking over the lock of a partnerops command that was interrupted (pid "))
        << notices.front();
    // What the rerun said, each notice by its start (temporary names are random).
    const std::vector<std::string>& said = notices;
    const std::string who = "an interrupted partnerops command (pid ";
    std::vector<std::string> expected = {
        "taking over the lock of a partnerops command that was interrupted (pid "};
    if (point == "temporaries-written")
      expected.push_back("removed 2 temporary files left by " + who);
    if (point == "first-renamed") expected.push_back("removed 1 temporary file left by " + who);
    if (point == "branch-created")
      expected.push_back("deleted the branch advance/acme-prospect, which " + who);
    const std::string all =
        "partners/acme/partner.yaml, partners/acme/invoices/INV-1.yaml, partners/acme/old.md";
    std::string undone;
    if (point == "first-renamed") undone = "partners/acme/partner.yaml";
    if (point == "files-written" || point == "index-written" || point == "branch-created")
      undone = all;
    if (!undone.empty()) expected.push_back(who);
    EXPECT_EQ(said.size(), expected.size()) << ::testing::PrintToString(notices);
    for (std::size_t i = 0; i < said.size() && i < expected.size(); ++i)
      EXPECT_TRUE(notices[i].starts_with(expected[i])) << notices[i] << "\n" << expected[i];
    if (!undone.empty()) {
      EXPECT_TRUE(notices.back().ends_with(") had not committed; its unfinished edits of " +
                                           undone +
                                           " were undone, so the repository is as it was "
                                           "before it ran"))
          << notices.back();
    }
    EXPECT_EQ(temporaries_in(temp.root()), std::vector<std::string>{});
    EXPECT_FALSE(fs::exists(pending_commit_path(repo.get())));
    EXPECT_FALSE(fs::exists(fs::path(git_repository_path(repo.get())) / "partnerops.lock"));
  }
  EXPECT_EQ(killed, mode == BranchMode::create ? 10 : 9);
}

TEST_P(GitCommitCrashTest, AKillWhileUndoingIsUndoneByTheNextRun) {
  const BranchMode mode = GetParam();
  const Reference reference = reference_for(mode);
  for (const std::string point : {"undo-files-restored", "undo-index-restored"}) {
    SCOPED_TRACE(point);
    TempRepo temp;
    set_up(temp);
    const std::string base = temp.resolve("main");
    ASSERT_TRUE(WIFSIGNALED(commit_in_child(temp, mode, "index-written")));
    // The second run is killed while it puts the first one's files back.
    ASSERT_TRUE(WIFSIGNALED(commit_in_child(temp, mode, point)));
    EXPECT_EQ(temp.resolve("main"), base);
    std::vector<std::string> notices;
    std::string error;
    RepositoryPtr repo = open_repository(temp.root(), &error);
    const CommitResult rerun = commit_files(repo.get(), transition(mode, &notices));
    ASSERT_EQ(rerun.status, CommitStatus::committed) << rerun.error;
    EXPECT_EQ(temp.resolve(rerun.commit_id + "~1"), base);
    EXPECT_EQ(normalised(temp, rerun.commit_id), reference.after);
  }
}

INSTANTIATE_TEST_SUITE_P(BothBranchModes, GitCommitCrashTest,
                         ::testing::Values(BranchMode::current, BranchMode::create),
                         [](const ::testing::TestParamInfo<BranchMode>& info) {
                           return info.param == BranchMode::current ? "current" : "create";
                         });

TEST(GitCommitInterruption, CtrlCDuringTheLastStepsWaitsForTheCommitToLand) {
  TempRepo temp;
  set_up(temp);
  const std::string base = temp.resolve("main");
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<std::string> notices;
    CommitOptions options = transition(BranchMode::current, &notices);
    options.notify = nullptr;
    // SIGINT arrives after the files are written, before the ref moves.
    options.before_ref_update = [] { ::kill(::getpid(), SIGINT); };
    std::string error;
    RepositoryPtr repo = open_repository(temp.root(), &error);
    commit_files(repo.get(), options);
    ::_exit(3);  // not reached: the deferred SIGINT ends the process
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  EXPECT_EQ(WTERMSIG(status), SIGINT);
  EXPECT_EQ(temp.resolve("main~1"), base);
  EXPECT_EQ(temp.file_at("main", "partners/acme/partner.yaml"), "stage: prospect\n");
  EXPECT_EQ(temp.status("partners/acme/partner.yaml"), unsigned{GIT_STATUS_CURRENT});
  EXPECT_FALSE(fs::exists(temp.root() / ".git/partnerops-pending"));
}

TEST(GitCommitInterruption, LeftoverTemporaryFilesAreRemovedNotReported) {
  TempRepo temp;
  set_up(temp);
  temp.write("partners/acme/.partner.yaml.partnerops-tmp-a1B2c3", "stage: half\n");
  std::vector<std::string> notices;
  const CommitResult result = commit_files(temp.repo(), transition(BranchMode::current, &notices));
  ASSERT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_EQ(notices, std::vector<std::string>{
                         "removed temporary files left by an interrupted partnerops command: "
                         "partners/acme/.partner.yaml.partnerops-tmp-a1B2c3"});
  EXPECT_EQ(temporaries_in(temp.root()), std::vector<std::string>{});
}

TEST(GitCommitInterruption, EditsChangedSinceTheCrashAreLeftAndReported) {
  TempRepo temp;
  set_up(temp);
  ASSERT_TRUE(WIFSIGNALED(commit_in_child(temp, BranchMode::current, "index-written")));
  temp.write("partners/acme/partner.yaml", "stage: prospect\n# edited by hand\n");
  std::vector<std::string> notices;
  const CommitResult result = commit_files(temp.repo(), transition(BranchMode::current, &notices));
  EXPECT_EQ(result.status, CommitStatus::uncommitted_changes);
  ASSERT_EQ(notices.size(), 2u) << ::testing::PrintToString(notices);
  EXPECT_TRUE(notices[1].ends_with(
      "had not committed, and partners/acme/partner.yaml changed since; its edits are left as "
      "they are (see git status)"))
      << notices[1];
  EXPECT_EQ(temp.read("partners/acme/partner.yaml"), "stage: prospect\n# edited by hand\n");
}

TEST(GitCommitLock, ASecondCommandWaitsThenRefusesClearly) {
  TempRepo temp;
  set_up(temp);
  const std::string before = temp.snapshot();
  // Another process holds the lock: a forked child, which keeps it until killed.
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t holder = ::fork();
  if (holder == 0) {
    CommandLock lock;
    std::string error;
    if (!lock.acquire(temp.root() / ".git", std::chrono::seconds(1), nullptr, &error)) ::_exit(1);
    const char byte = 'x';
    if (::write(ready[1], &byte, 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ::setenv("PARTNEROPS_LOCK_TIMEOUT", "0.3", 1);
  std::vector<std::string> notices;
  const CommitResult refused = commit_files(temp.repo(), transition(BranchMode::current, &notices));
  ::unsetenv("PARTNEROPS_LOCK_TIMEOUT");
  EXPECT_EQ(refused.status, CommitStatus::busy);
  EXPECT_EQ(refused.error, "another partnerops command (pid " + std::to_string(holder) +
                               ") is still changing this repository; nothing was changed, run "
                               "the command again when it has finished");
  EXPECT_EQ(notices,
            std::vector<std::string>{"waiting for another partnerops command (pid " +
                                     std::to_string(holder) + ") to finish (at most 0.3 s)…"});
  EXPECT_EQ(temp.snapshot(), before);

  // Killed, its lock is taken over by the next command, which says so.
  ::kill(holder, SIGKILL);
  ::waitpid(holder, nullptr, 0);
  notices.clear();
  const CommitResult committed =
      commit_files(temp.repo(), transition(BranchMode::current, &notices));
  EXPECT_EQ(committed.status, CommitStatus::committed) << committed.error;
  EXPECT_EQ(notices, std::vector<std::string>{
                         "taking over the lock of a partnerops command that was interrupted (pid " +
                         std::to_string(holder) + ", no longer running)"});
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST(GitCommitLock, NestedAcquireInOneProcessDoesNotWait) {
  TempRepo temp;
  set_up(temp);
  CommandLock outer;
  std::string error;
  ASSERT_TRUE(lock_repository(temp.repo(), nullptr, &outer, &error)) << error;
  EXPECT_FALSE(outer.nested());
  std::vector<std::string> notices;
  const CommitResult result = commit_files(temp.repo(), transition(BranchMode::current, &notices));
  EXPECT_EQ(result.status, CommitStatus::committed) << result.error;
  EXPECT_TRUE(fs::exists(temp.root() / ".git/partnerops.lock"));
  outer.release();
  EXPECT_FALSE(fs::exists(temp.root() / ".git/partnerops.lock"));
}

}  // namespace
}  // namespace partnerops::git
