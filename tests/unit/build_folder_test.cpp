// One build at a time in an output folder: a second waits for the first and
// then refuses with a sentence naming it, a killed holder's lock is taken
// over, and the temporary files an interrupted build left beside the files
// it was writing are removed, and only those.

#include "documents/build_folder.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

// A child process holding the folder open until killed; its pid.
pid_t hold_in_child(const fs::path& folder) {
  int ready[2];
  EXPECT_EQ(::pipe(ready), 0);
  const pid_t holder = ::fork();
  if (holder == 0) {
    BuildFolder held;
    std::string error;
    if (!held.open(
            folder, std::chrono::seconds(1), [](const std::string&) {}, &error))
      ::_exit(1);
    const char byte = 'x';
    if (::write(ready[1], &byte, 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  char byte = 0;
  EXPECT_EQ(::read(ready[0], &byte, 1), 1);
  ::close(ready[0]);
  ::close(ready[1]);
  return holder;
}

TEST(BuildFolder, ASecondBuildWaitsThenRefusesAndTakesOverOnceTheFirstIsKilled) {
  TempDir dir;
  const pid_t holder = hold_in_child(dir.path());
  const std::string pid = std::to_string(holder);
  std::vector<std::string> notices;
  const auto notify = [&notices](const std::string& text) { notices.push_back(text); };
  BuildFolder second;
  std::string error;
  EXPECT_FALSE(second.open(dir.path(), std::chrono::milliseconds(300), notify, &error));
  EXPECT_EQ(error, "another build into " + dir.path().string() + " (pid " + pid +
                       ") is still writing there; nothing was built, run the build again when "
                       "it has finished");
  EXPECT_EQ(notices,
            std::vector<std::string>{"waiting for another build into " + dir.path().string() +
                                     " (pid " + pid + ") to finish (at most 0.3 s)…"});

  ::kill(holder, SIGKILL);
  ::waitpid(holder, nullptr, 0);
  notices.clear();
  ASSERT_TRUE(second.open(dir.path(), std::chrono::milliseconds(300), notify, &error)) << error;
  EXPECT_EQ(notices,
            std::vector<std::string>{"taking over the lock of a build into " + dir.path().string() +
                                     " that was interrupted (pid " + pid + ", no longer running)"});
  EXPECT_TRUE(fs::exists(BuildFolder::lock_path_in(dir.path())));
  second.close();
  EXPECT_FALSE(fs::exists(BuildFolder::lock_path_in(dir.path())));
}

TEST(BuildFolder, ASecondBuildThatWaitsLongEnoughGetsTheFolder) {
  TempDir dir;
  const pid_t holder = hold_in_child(dir.path());
  std::thread killer([holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(holder, SIGKILL);
  });
  BuildFolder second;
  std::string error;
  std::vector<std::string> notices;
  EXPECT_TRUE(second.open(
      dir.path(), std::chrono::seconds(20),
      [&notices](const std::string& text) { notices.push_back(text); }, &error))
      << error;
  killer.join();
  ::waitpid(holder, nullptr, 0);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0], "waiting for another build into " + dir.path().string() + " (pid " +
                            std::to_string(holder) + ") to finish (at most 20 s)…");
}

TEST(BuildFolder, RemovesTheTemporaryFilesAnInterruptedBuildLeftAndNoOthers) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  fs::create_directories(out);
  Manifest interrupted = Manifest::load(out);
  interrupted.begin_writing({"acme/invoice-1.pdf", "acme/invoice-1.html", "../escape.pdf"});
  std::string error;
  ASSERT_TRUE(interrupted.save(&error)) << error;
  // What the killed build left: a half-written PDF, its HTML, the manifest.
  write_file(out / "acme/.invoice-1.pdf.partnerops-tmp-a1B2c3", "%PDF half");
  write_file(out / "acme/.invoice-1.html.partnerops-tmp-Zz9900", "<html");
  write_file(out / "..partnerops-manifest.json.partnerops-tmp-x0x0x0", "{");
  // What it did not: a statement being printed by another command, a file
  // the list names outside the folder, and a finished PDF.
  write_file(out / "acme/.statement-2026-11-23.pdf.partnerops-tmp-q1q1q1", "%PDF");
  write_file(dir.path() / ".escape.pdf.partnerops-tmp-e1e1e1", "not ours");
  write_file(out / "acme/invoice-1.pdf", "%PDF whole");

  std::vector<std::string> notices;
  BuildFolder folder;
  ASSERT_TRUE(folder.open(
      out, std::chrono::seconds(1),
      [&notices](const std::string& text) { notices.push_back(text); }, &error))
      << error;
  EXPECT_EQ(notices, std::vector<std::string>{"removed 3 temporary files left in " + out.string() +
                                              " by an interrupted build"});
  EXPECT_FALSE(fs::exists(out / "acme/.invoice-1.pdf.partnerops-tmp-a1B2c3"));
  EXPECT_FALSE(fs::exists(out / "acme/.invoice-1.html.partnerops-tmp-Zz9900"));
  EXPECT_FALSE(fs::exists(out / "..partnerops-manifest.json.partnerops-tmp-x0x0x0"));
  EXPECT_TRUE(fs::exists(out / "acme/.statement-2026-11-23.pdf.partnerops-tmp-q1q1q1"));
  EXPECT_TRUE(fs::exists(dir.path() / ".escape.pdf.partnerops-tmp-e1e1e1"));
  EXPECT_EQ(read_file(out / "acme/invoice-1.pdf"), "%PDF whole");
  // The list is done with: the next save leaves it out.
  EXPECT_TRUE(folder.manifest().writing().empty());
  EXPECT_TRUE(folder.manifest().changed());
}

TEST(BuildFolder, NothingToRemoveSaysNothing) {
  TempDir dir;
  std::vector<std::string> notices;
  BuildFolder folder;
  std::string error;
  ASSERT_TRUE(folder.open(
      dir.path(), std::chrono::seconds(1),
      [&notices](const std::string& text) { notices.push_back(text); }, &error))
      << error;
  EXPECT_EQ(notices, std::vector<std::string>{});
  EXPECT_FALSE(folder.manifest().changed());
}

}  // namespace
}  // namespace partnerops
