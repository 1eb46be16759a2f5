// Worker processes: each task's files are written whole and reported as
// they land; workers die with their parent, however it dies, and stop when
// it is told to stop; a stop that arrives while files are being written
// waits for them. No Qt here: the tasks write plain bytes.

#include "render/print_workers.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include "support/files.hpp"
#include "support/processes.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::render {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using partnerops::testing::children_of;
using partnerops::testing::holds_within;
using partnerops::testing::read_file;
using partnerops::testing::running;
using partnerops::testing::TempDir;
using partnerops::testing::write_file;

// `count` tasks, each taking `print` to print and writing <dir>/doc-<i>.pdf.
std::vector<PrintTask> slow_tasks(const fs::path& dir, int count, std::chrono::milliseconds print) {
  std::vector<PrintTask> tasks;
  for (int i = 0; i < count; ++i) {
    const std::string name = "doc-" + std::to_string(i) + ".pdf";
    tasks.push_back({name, [dir, name, print](std::vector<OutputFile>* files, std::string*) {
                       std::this_thread::sleep_for(print);
                       files->push_back({dir / name, "%PDF " + name});
                       return true;
                     }});
  }
  return tasks;
}

// Every file in `dir`: the documents and any temporary file.
std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename());
  return names;
}

// Runs `tasks` in a child process (the parent of the workers), which exits 0
// when they are done; its pid.
pid_t run_in_child(const std::vector<PrintTask>& tasks, unsigned workers,
                   const PrintFinished& finished = nullptr) {
  const pid_t child = ::fork();
  if (child == 0) {
    run_print_tasks(tasks, workers, nullptr, finished);
    ::_exit(0);
  }
  return child;
}

TEST(PrintWorkers, EveryTaskIsWrittenWholeAndReportedAsItFinishes) {
  TempDir dir;
  std::vector<PrintTask> tasks = slow_tasks(dir.path(), 5, std::chrono::milliseconds(10));
  tasks.push_back({"broken.pdf", [](std::vector<OutputFile>*, std::string* error) {
                     *error = "the printer\tfailed\non two lines";
                     return false;
                   }});
  std::vector<std::size_t> finished;
  const std::vector<PrintOutcome> outcomes =
      run_print_tasks(tasks, 2, nullptr, [&](std::size_t index, const PrintOutcome& outcome) {
        finished.push_back(index);
        // Reported once its files are on disk.
        if (outcome.ok) {
          EXPECT_EQ(read_file(dir.path() / tasks[index].label), "%PDF " + tasks[index].label);
        }
      });
  ASSERT_EQ(outcomes.size(), 6u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_TRUE(outcomes[i].ok) << outcomes[i].error;
  EXPECT_FALSE(outcomes[5].ok);
  EXPECT_EQ(outcomes[5].error, "the printer failed on two lines");
  EXPECT_EQ(std::set<std::size_t>(finished.begin(), finished.end()),
            (std::set<std::size_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(finished.size(), 6u);
  EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"doc-0.pdf", "doc-1.pdf", "doc-2.pdf",
                                                         "doc-3.pdf", "doc-4.pdf"}));
}

TEST(PrintWorkers, WorkersDieWithTheirParentAndNoFileAppearsAfterwards) {
  TempDir dir;
  const pid_t parent = run_in_child(slow_tasks(dir.path(), 12, std::chrono::milliseconds(300)), 2);
  ASSERT_TRUE(
      holds_within(std::chrono::seconds(20), [&] { return !files_in(dir.path()).empty(); }));
  const std::vector<pid_t> workers = children_of(parent);
  ASSERT_EQ(workers.size(), 2u);
  ::kill(parent, SIGKILL);
  ::waitpid(parent, nullptr, 0);
  const Clock::time_point killed = Clock::now();
  EXPECT_TRUE(holds_within(std::chrono::seconds(2), [&] {
    for (const pid_t worker : workers)
      if (running(worker)) return false;
    return true;
  })) << "a worker outlived its parent";
  const auto bound = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - killed);
  EXPECT_LT(bound.count(), 2000);
  // The tasks take 300 ms each: a worker still going would add a file.
  const std::set<std::string> after_kill = files_in(dir.path());
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  EXPECT_EQ(files_in(dir.path()), after_kill);
  EXPECT_LT(after_kill.size(), 12u);
}

TEST(PrintWorkers, ATerminatedParentStopsItsWorkersAtOnceAndEndsByTheSignal) {
  TempDir dir;
  const pid_t parent = run_in_child(slow_tasks(dir.path(), 6, std::chrono::seconds(5)), 2);
  ASSERT_TRUE(
      holds_within(std::chrono::seconds(20), [&] { return children_of(parent).size() == 2; }));
  const std::vector<pid_t> workers = children_of(parent);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const Clock::time_point told = Clock::now();
  ::kill(parent, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(parent, &status, 0), parent);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - told);
  // Printing takes 5 s; stopping must not wait for it.
  EXPECT_LT(took.count(), 2000);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  for (const pid_t worker : workers) EXPECT_FALSE(running(worker)) << worker;
  // Nothing was printed yet: no document and no temporary file.
  EXPECT_EQ(files_in(dir.path()), std::set<std::string>{});
}

TEST(PrintWorkers, AStopThatArrivesWhileFilesAreWrittenWaitsForThemAndTheirReport) {
  TempDir dir;
  // One process: the report of the first document is part of writing it,
  // so a stop sent from inside it lands once the report is done.
  const fs::path marker = dir.path() / "reported";
  const pid_t parent = run_in_child(slow_tasks(dir.path(), 2, std::chrono::milliseconds(1)), 1,
                                    [&marker](std::size_t index, const PrintOutcome&) {
                                      if (index != 0) return;
                                      ::kill(::getpid(), SIGTERM);
                                      write_file(marker, "yes");
                                    });
  int status = 0;
  ASSERT_EQ(::waitpid(parent, &status, 0), parent);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"doc-0.pdf", "reported"}));
}

}  // namespace
}  // namespace partnerops::render
