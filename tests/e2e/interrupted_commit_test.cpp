// Committing commands killed at many moments, and run two at once, as a CI
// cancel or a second terminal would: after each kill the repository is
// exactly as before (up to edits of the command's own file that the next run
// puts back) or exactly as after, and the rerun ends in one correct commit;
// two commands at once both land, one after the other, and nothing is lost.
// The command is slowed at each step of its commit by the test build's
// PARTNEROPS_FAULT_DELAY_MS (util/fault_point.hpp).

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string k_invoice = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";

using Background = BackgroundRun;

class InterruptedCommitTest : public GitWorkspaceTest {
 protected:
  std::string head() const { return trimmed(git("rev-parse main")); }
  static std::string trimmed(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }
  /// `git status --porcelain` without the lines about `path` and the
  /// temporary files beside it.
  std::string status_besides(const std::string& path) const {
    std::string rest;
    std::istringstream in(git("status --porcelain --untracked-files=all"));
    for (std::string line; std::getline(in, line);) {
      if (line.find(path) != std::string::npos ||
          line.find(".INV-2026-0006.yaml.partnerops-tmp-") != std::string::npos) {
        continue;
      }
      rest += line + "\n";
    }
    return rest;
  }
  std::vector<std::string> pay(const std::string& amount) const {
    return {"invoice", "pay", "INV-2026-0006", "--amount", amount, "--date", "2026-11-20"};
  }
};

TEST_F(InterruptedCommitTest, AKillAtAnyMomentLeavesBeforeOrAfterAndTheRerunCommitsOnce) {
  const std::string base = head();
  // The reference: the same payment, uninterrupted, at the speed the kills
  // below see (every step of the commit slowed by 40 ms).
  std::vector<std::string> slow = env;
  slow.push_back("PARTNEROPS_FAULT_DELAY_MS=40");
  // The moments are spread over the time the command holds its lock (from
  // before it reads the workspace until it has committed), where the commit
  // path runs, rather than over its start-up.
  const fs::path lock = dir.path() / ".git/partnerops.lock";
  auto until_locked = [&lock] {
    for (int i = 0; i < 20000 && !fs::exists(lock); ++i)
      std::this_thread::sleep_for(std::chrono::microseconds(500));
  };
  Background reference(pay("100.00"), dir.path(), slow);
  until_locked();
  const Clock::time_point start = Clock::now();
  ASSERT_EQ(reference.wait(), 0) << reference.err();
  const auto whole = Clock::now() - start;
  const std::string expected_tree = trimmed(git("rev-parse main^{tree}"));
  const std::string expected_file = read_file(dir.path() / k_invoice);
  ASSERT_EQ(trimmed(git("rev-parse main~1")), base);

  constexpr int k_moments = 20;
  int before = 0;
  int after = 0;
  int undone = 0;
  for (int moment = 0; moment < k_moments; ++moment) {
    git("reset -q --hard " + base);
    const auto delay = whole * (moment + 1) / (k_moments + 1);
    SCOPED_TRACE(
        "killed after " +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()) +
        " ms");
    Background killed(pay("100.00"), dir.path(), slow);
    until_locked();
    std::this_thread::sleep_for(delay);
    killed.kill();
    killed.wait();

    // Exactly after: the commit landed, index and working tree match it.
    if (head() != base) {
      ++after;
      EXPECT_EQ(trimmed(git("rev-parse main~1")), base);
      EXPECT_EQ(trimmed(git("rev-parse main^{tree}")), expected_tree);
      EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
      // The next command takes over the lock and finds nothing to finish.
      const RunResult next = partnerops(
          {"invoice", "pay", "INV-2026-0006", "--amount", "1.00", "--date", "2026-11-21"});
      EXPECT_EQ(next.exit_code, 0) << next.err;
      EXPECT_EQ(trimmed(git("rev-parse main~2")), base);
      EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
      continue;
    }
    // Exactly before, but for the command's own file: HEAD unmoved, nothing
    // else changed.
    ++before;
    EXPECT_EQ(status_besides(k_invoice), "");
    const bool edited = git("status --porcelain --untracked-files=all") != "";

    const RunResult rerun = partnerops(pay("100.00"));
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    if (rerun.err.find("were undone") != std::string::npos) ++undone;
    EXPECT_EQ(rerun.err.find("uncommitted changes"), std::string::npos) << rerun.err;
    if (edited) {
      EXPECT_NE(rerun.err, "") << "edits were left, the rerun must say what it did";
    }
    EXPECT_EQ(trimmed(git("rev-parse main~1")), base) << rerun.err;
    EXPECT_EQ(trimmed(git("rev-parse main^{tree}")), expected_tree);
    EXPECT_EQ(read_file(dir.path() / k_invoice), expected_file);
    EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
    EXPECT_FALSE(fs::exists(dir.path() / ".git/partnerops-pending"));
    EXPECT_FALSE(fs::exists(dir.path() / ".git/partnerops.lock"));
  }
  // Where the kills land depends on the machine's load, so the share of
  // each outcome is reported, not required; every step is killed on purpose
  // by tests/unit/git_commit_crash_test.cpp.
  EXPECT_EQ(before + after, k_moments);
  std::cerr << "kill moments: " << k_moments << " (before: " << before << ", after: " << after
            << ", of which undone by the rerun: " << undone << ")\n";
}

TEST_F(InterruptedCommitTest, TwoPaymentsAtOnceBothLandOneAfterTheOther) {
  const std::string base = head();
  std::vector<std::string> slow = env;
  slow.push_back("PARTNEROPS_FAULT_DELAY_MS=50");
  Background first(pay("100.00"), dir.path(), slow);
  Background second(
      {"invoice", "pay", "INV-2026-0006", "--amount", "200.00", "--date", "2026-11-21"}, dir.path(),
      slow);
  const int first_code = first.wait();
  const int second_code = second.wait();
  EXPECT_EQ(first_code, 0) << first.err();
  EXPECT_EQ(second_code, 0) << second.err();
  // One of them waited for the other, and said so.
  const std::string waited = first.err() + second.err();
  EXPECT_NE(waited.find("partnerops: waiting for another partnerops command (pid "),
            std::string::npos)
      << waited;
  EXPECT_EQ(trimmed(git("rev-parse main~2")), base);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
  const std::string invoice = read_file(dir.path() / k_invoice);
  EXPECT_NE(invoice.find("  - date: 2026-11-20\n    amount: \"100.00\"\n"), std::string::npos)
      << invoice;
  EXPECT_NE(invoice.find("  - date: 2026-11-21\n    amount: \"200.00\"\n"), std::string::npos)
      << invoice;
}

TEST_F(InterruptedCommitTest, ACommandThatCannotGetTheLockInTimeRefusesAndChangesNothing) {
  const std::string base = head();
  std::vector<std::string> slow = env;
  slow.push_back("PARTNEROPS_FAULT_DELAY_MS=300");
  Background first(pay("100.00"), dir.path(), slow);
  // Until the first holds the lock.
  for (int i = 0; i < 500 && !fs::exists(dir.path() / ".git/partnerops.lock"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::vector<std::string> hurried = env;
  hurried.push_back("PARTNEROPS_LOCK_TIMEOUT=0.2");
  const RunResult second = run_partnerops(pay("123.45"), dir.path(), hurried);
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_EQ(second.out, "");
  EXPECT_NE(second.err.find("partnerops: another partnerops command (pid "), std::string::npos)
      << second.err;
  EXPECT_TRUE(second.err.ends_with(
      ") is still changing this repository; nothing was changed, run the command again when it "
      "has finished\n"))
      << second.err;
  EXPECT_EQ(first.wait(), 0) << first.err();
  EXPECT_EQ(trimmed(git("rev-parse main~1")), base);
  EXPECT_EQ(read_file(dir.path() / k_invoice).find("123.45"), std::string::npos);
}

}  // namespace
}  // namespace partnerops::e2e
