// `partnerops preview` as a user starts it: the address it prints, --open,
// --port, no --host, and a clean stop on Ctrl-C. What it serves is tested
// in tests/preview/ (in process) and tests/browser/ (in Chromium).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "run_support.hpp"
#include "support/processes.hpp"

namespace partnerops::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

/// The address `run` printed, once it has printed it; empty after 60 s.
std::string address_of(const BackgroundRun& run) {
  std::string url;
  testing::holds_within(std::chrono::seconds(60), [&] {
    const std::string out = run.out();
    const std::size_t at = out.find(" at http://");
    if (at == std::string::npos) return !testing::running(run.pid());
    const std::size_t end = out.find(' ', at + 4);
    if (end == std::string::npos) return false;
    url = out.substr(at + 4, end - at - 4);
    return true;
  });
  return url;
}

TEST(PreviewCliTest, PrintsItsAddressOpensTheBrowserAndStopsOnCtrlC) {
  TempDir dir;
  make_base_workspace(dir.path());
  const auto opened = dir.path() / "opened.txt";
  write_file(dir.path() / "browser.sh",
             "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened.string() + "'\n");
  std::filesystem::permissions(dir.path() / "browser.sh", std::filesystem::perms::owner_all);
  BackgroundRun run({"preview", "--open", "--today", "2026-11-23"}, dir.path(),
                    {"BROWSER=" + (dir.path() / "browser.sh").string()});
  const std::string url = address_of(run);
  EXPECT_THAT(url, MatchesRegex("http://127\\.0\\.0\\.1:[0-9]+/")) << run.err();
  EXPECT_TRUE(
      testing::holds_within(std::chrono::seconds(10), [&] { return read_file(opened) == url; }));
  EXPECT_EQ(run.out(),
            "partnerops: previewing " + dir.path().string() + " at " + url + " (Ctrl-C to stop)\n");
  run.signal(SIGINT);
  EXPECT_EQ(run.wait(), 0);
  EXPECT_THAT(run.err(), HasSubstr("partnerops: stopping the preview\n"));
}

TEST(PreviewCliTest, APortInUseIsAUsageError) {
  TempDir dir;
  make_base_workspace(dir.path());
  BackgroundRun first({"preview", "--today", "2026-11-23"}, dir.path(), {});
  const std::string url = address_of(first);
  ASSERT_FALSE(url.empty()) << first.err();
  const std::string port = url.substr(std::string("http://127.0.0.1:").size(),
                                      url.size() - std::string("http://127.0.0.1:/").size());
  const RunResult second = run_partnerops({"preview", "--port", port}, dir.path());
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.err, "partnerops: cannot listen on 127.0.0.1 port " + port + " (in use?)\n");
  first.signal(SIGTERM);
  EXPECT_EQ(first.wait(), 0);
}

TEST(PreviewCliTest, OffersNoHostAndRefusesAFolderThatIsNoWorkspace) {
  TempDir dir;
  const RunResult host = run_partnerops({"preview", "--host", "0.0.0.0"}, dir.path());
  EXPECT_EQ(host.exit_code, 2);
  EXPECT_THAT(host.err, HasSubstr("--host"));
  const RunResult empty = run_partnerops({"preview", dir.path().string()}, dir.path());
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.err, "partnerops: " + dir.path().string() +
                           " is not a workspace (it holds no partnerops.yaml)\n");
}

}  // namespace
}  // namespace partnerops::e2e
