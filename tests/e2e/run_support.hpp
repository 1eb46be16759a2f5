#pragma once
// Runs the built partnerops binary as a user would, and builds throwaway
// workspaces for it from fixtures.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs partnerops with `args` in `cwd`, with the environment given as
/// extra `NAME=value` entries on top of the current one.
RunResult run_partnerops(const std::vector<std::string>& args,
                         const std::filesystem::path& cwd = std::filesystem::current_path(),
                         const std::vector<std::string>& env = {});

using partnerops::testing::TempDir;

/// partnerops started in the background (as run_partnerops starts it), for
/// tests that run two at once or kill one midway.
class BackgroundRun {
 public:
  BackgroundRun(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                const std::vector<std::string>& env);
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;
  /// Waits for it; the exit code, or 128 + the signal that ended it.
  int wait();
  /// Sends it SIGKILL.
  void kill() const;
  /// Sends it `signal`.
  void signal(int signal) const;
  int pid() const { return m_pid; }
  std::string out() const;
  std::string err() const;

 private:
  TempDir m_capture;
  int m_pid = 0;
};

/// The repository's own files (schemas/, the demo) and the test fixtures.
std::filesystem::path source_dir();
std::filesystem::path fixtures_dir();

/// Copies the minimal valid workspace (tests/fixtures/base plus the
/// repository's schemas/ and templates/) into `dir`.
void make_base_workspace(const std::filesystem::path& dir);

/// Runs a shell command and returns its standard output.
std::string run_tool(const std::string& command);

/// The text of a PDF as pdftotext reads it (layout preserved).
std::string pdf_text(const std::filesystem::path& pdf);

/// `text` with every run of spaces folded to one: pdftotext -layout pads
/// columns with spaces, so tests compare the folded text.
std::string fold(const std::string& text);

/// Builds the workspace of tests/fixtures/invalid/<name> in `dir`: the base,
/// minus the paths listed in `remove`, with `files/` laid over it.
void make_fixture_workspace(const std::string& name, const std::filesystem::path& dir);

/// The diagnostics of `partnerops validate --format json` output, one line
/// each as `<severity> <code> <file>:<line>:<col>` (the fixtures' `expect`
/// format). Empty, with a test failure, when the output is not JSON.
std::vector<std::string> diagnostic_lines(const std::string& json_output);

/// `text` with the first `from` replaced by `to`; a test failure when
/// `text` does not hold `from`.
std::string replaced(std::string text, const std::string& from, const std::string& to);

using partnerops::testing::read_file;
using partnerops::testing::write_file;

/// Plants the containment attack in the base workspace at `dir`: docs/ is
/// replaced by a link to /etc and partnerops.yaml names docs/passwd (at line
/// 78, column 24) as the service description.
void link_docs_to_etc(const std::filesystem::path& dir);

/// The environment of a run that commits: git reads no system or global
/// configuration (so the tests never see the user's), and no colours.
std::vector<std::string> isolated_git_env(std::vector<std::string> extra = {});

/// The setting of every test that commits: the base workspace as a git
/// repository on branch main with one commit, "base", by Ada Lovelace.
/// A fixture that adds to SetUp() calls GitWorkspaceTest::SetUp() first.
class GitWorkspaceTest : public ::testing::Test {
 protected:
  /// `extra_env`: NAME=value entries every partnerops run gets on top of
  /// isolated_git_env() (e.g. a fixed SOURCE_DATE_EPOCH).
  explicit GitWorkspaceTest(std::vector<std::string> extra_env = {});
  void SetUp() override;

  /// Runs `git ARGS` in the workspace; its output and errors, interleaved.
  std::string git(const std::string& args) const;
  /// Runs partnerops in the workspace with the fixture's environment.
  RunResult partnerops(const std::vector<std::string>& args) const;

  TempDir dir;
  const std::vector<std::string> env;
};

}  // namespace partnerops::e2e
