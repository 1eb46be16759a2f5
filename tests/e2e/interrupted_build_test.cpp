// Builds run two at once into one folder, killed midway and told to stop,
// as a second terminal, a CI cancel or Ctrl-C would: the builds take turns;
// the manifest always describes the files on disk (each entry's SHA-256 is
// the file's); a killed build's workers die with it, no PDF appears after,
// what it finished is kept and the next build removes what it left; a
// stopped build leaves no temporary file. Builds are slowed at each
// document by the test build's PARTNEROPS_FAULT_DELAY_MS (util/fault_point.hpp).

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "run_support.hpp"
#include "support/processes.hpp"
#include "util/digest.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using partnerops::testing::children_of;
using partnerops::testing::holds_within;
using partnerops::testing::running;

constexpr std::size_t k_documents = 41;  // what the base workspace builds

class InterruptedBuildTest : public ::testing::Test {
 protected:
  void SetUp() override { make_base_workspace(dir.path()); }

  fs::path out() const { return dir.path() / "out"; }
  std::vector<std::string> build_args() const {
    return {"build", dir.path().string(), "--today", "2026-11-23",
            "--out", out().string(),      "--jobs",  "2"};
  }
  /// Each document slowed by `ms` in its worker.
  static std::vector<std::string> slowed(int ms) {
    return {"SOURCE_DATE_EPOCH=1790000000", "PARTNEROPS_FAULT_DELAY_MS=" + std::to_string(ms)};
  }

  nlohmann::json manifest() const {
    const fs::path path = out() / ".partnerops-manifest.json";
    if (!fs::exists(path)) return nlohmann::json::object();
    return nlohmann::json::parse(read_file(path), nullptr, false);
  }
  std::size_t recorded() const {
    const nlohmann::json document = manifest();
    return document.is_object() && document.contains("outputs") ? document["outputs"].size() : 0;
  }

  /// Every file under out/ by its path there, and the temporary files apart.
  std::set<std::string> pdfs() const { return files(".pdf"); }
  std::set<std::string> temporaries() const { return files(".partnerops-tmp-"); }
  std::set<std::string> files(const std::string& containing) const {
    std::set<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(out())) {
      const std::string relative = entry.path().lexically_relative(out()).generic_string();
      if (entry.is_regular_file() && relative.find(containing) != std::string::npos)
        found.insert(relative);
    }
    return found;
  }
  std::map<std::string, fs::file_time_type> pdf_times() const {
    std::map<std::string, fs::file_time_type> times;
    for (const std::string& pdf : pdfs()) times[pdf] = fs::last_write_time(out() / pdf);
    return times;
  }

  /// Each document the manifest records holds the bytes it records, and
  /// (`complete`) every PDF on disk is recorded.
  void expect_manifest_matches_disk(bool complete) const {
    const nlohmann::json document = manifest();
    ASSERT_TRUE(document.is_object() && document.contains("outputs")) << document.dump();
    std::set<std::string> listed;
    for (const auto& [output, entry] : document["outputs"].items()) {
      listed.insert(output);
      util::Sha256 digest;
      digest.add(read_file(out() / output));
      EXPECT_EQ(entry["sha256"].get<std::string>(), digest.hex()) << output;
    }
    if (complete) {
      EXPECT_EQ(listed, pdfs());
    }
  }

  TempDir dir;
};

TEST_F(InterruptedBuildTest, TwoBuildsAtOnceIntoOneFolderTakeTurns) {
  BackgroundRun first(build_args(), dir.path(), slowed(20));
  BackgroundRun second(build_args(), dir.path(), slowed(20));
  EXPECT_EQ(first.wait(), 0) << first.err();
  EXPECT_EQ(second.wait(), 0) << second.err();
  // One waited for the other and said so, then found everything built.
  const std::string waited = first.err() + second.err();
  EXPECT_NE(waited.find("partnerops: waiting for another build into " + out().string() + " (pid "),
            std::string::npos)
      << waited;
  const std::string built = "built 41, skipped 0 (unchanged), failed 0";
  const std::string skipped = "built 0, skipped 41 (unchanged), failed 0";
  EXPECT_TRUE((first.err().find(built) != std::string::npos &&
               second.err().find(skipped) != std::string::npos) ||
              (second.err().find(built) != std::string::npos &&
               first.err().find(skipped) != std::string::npos))
      << first.err() << "\n---\n"
      << second.err();
  EXPECT_EQ(pdfs().size(), k_documents);
  expect_manifest_matches_disk(true);
  EXPECT_FALSE(manifest().contains("writing"));
  EXPECT_EQ(temporaries(), std::set<std::string>{});
  EXPECT_FALSE(fs::exists(out() / ".partnerops-build.lock"));
}

TEST_F(InterruptedBuildTest, AKilledBuildTakesItsWorkersAlongKeepsWhatItBuiltAndIsFinishedNext) {
  BackgroundRun killed(build_args(), dir.path(), slowed(250));
  // Until some documents are done, and recorded as they finished.
  ASSERT_TRUE(holds_within(std::chrono::seconds(60), [&] { return recorded() >= 4; }))
      << killed.err();
  const std::vector<pid_t> workers = children_of(killed.pid());
  EXPECT_EQ(workers.size(), 2u);
  const int pid = killed.pid();
  killed.kill();
  EXPECT_EQ(killed.wait(), 128 + SIGKILL);

  // The workers die with it, and no PDF appears or changes afterwards.
  EXPECT_TRUE(holds_within(std::chrono::seconds(2), [&] {
    for (const pid_t worker : workers)
      if (running(worker)) return false;
    return true;
  })) << "a worker outlived the build";
  const auto times = pdf_times();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(pdf_times(), times);
  EXPECT_LT(times.size(), k_documents);

  // What it finished is recorded with the bytes on disk; what it was
  // writing is listed.
  expect_manifest_matches_disk(false);
  const std::size_t kept = recorded();
  const nlohmann::json listed = manifest()["writing"];
  ASSERT_TRUE(listed.is_array());
  EXPECT_EQ(listed.size(), k_documents);
  // A worker killed while writing leaves a temporary file; make sure there is one.
  const fs::path writing = out() / listed[listed.size() - 1].get<std::string>();
  write_file(writing.parent_path() / ("." + writing.filename().string() + ".partnerops-tmp-K1ll3d"),
             "%PDF-1.4 half");
  const std::size_t left = temporaries().size();

  const RunResult next = run_partnerops(build_args(), dir.path(), slowed(0));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(
      next.err.find("partnerops: taking over the lock of a build into " + out().string() +
                    " that was interrupted (pid " + std::to_string(pid) + ", no longer running)\n"),
      std::string::npos)
      << next.err;
  EXPECT_NE(next.err.find("partnerops: removed " + std::to_string(left) + " temporary file" +
                          (left == 1 ? "" : "s") + " left in " + out().string() +
                          " by an interrupted build\n"),
            std::string::npos)
      << next.err;
  EXPECT_NE(next.err.find("built " + std::to_string(k_documents - kept) + ", skipped " +
                          std::to_string(kept) + " (unchanged), failed 0"),
            std::string::npos)
      << next.err;
  EXPECT_EQ(pdfs().size(), k_documents);
  expect_manifest_matches_disk(true);
  EXPECT_FALSE(manifest().contains("writing"));
  EXPECT_EQ(temporaries(), std::set<std::string>{});
}

TEST_F(InterruptedBuildTest, ATerminatedBuildStopsAtOnceAndLeavesNoTemporaryFile) {
  BackgroundRun stopped(build_args(), dir.path(), slowed(250));
  ASSERT_TRUE(holds_within(std::chrono::seconds(60), [&] { return recorded() >= 2; }))
      << stopped.err();
  const std::vector<pid_t> workers = children_of(stopped.pid());
  const Clock::time_point told = Clock::now();
  stopped.signal(SIGTERM);
  EXPECT_EQ(stopped.wait(), 128 + SIGTERM) << stopped.err();
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - told).count(),
            3000);
  for (const pid_t worker : workers) EXPECT_FALSE(running(worker)) << worker;
  EXPECT_EQ(temporaries(), std::set<std::string>{});
  expect_manifest_matches_disk(true);
  const std::size_t kept = recorded();

  const RunResult next = run_partnerops(build_args(), dir.path(), slowed(0));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(next.err.find("temporary file"), std::string::npos) << next.err;
  EXPECT_NE(next.err.find("built " + std::to_string(k_documents - kept) + ", skipped " +
                          std::to_string(kept) + " (unchanged), failed 0"),
            std::string::npos)
      << next.err;
  expect_manifest_matches_disk(true);
}

}  // namespace
}  // namespace partnerops::e2e
