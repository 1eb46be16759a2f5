// The exact bytes `partnerops validate` prints in each format, its exit
// codes, and the global flags, as a user and a CI workflow see them.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_support.hpp"
#include "version.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_today = "2026-11-23";
constexpr const char* k_file = "partners/lakeshore-college/invoices/INV-2026-0002.yaml";

/// A workspace with one wrong line amount (tests/fixtures/invalid/money-line-total).
class ValidateOutput : public ::testing::Test {
 protected:
  void SetUp() override { make_fixture_workspace("money-line-total", m_dir.path()); }

  RunResult validate(const std::string& format) {
    return run_partnerops(
        {"validate", m_dir.path().string(), "--format", format, "--today", k_today},
        fs::current_path(), {"NO_COLOR=1"});
  }

  TempDir m_dir;
};

TEST_F(ValidateOutput, TextQuotesTheLineWithACaretAndTheHint) {
  const RunResult run = validate("text");
  EXPECT_EQ(run.out,
            std::string(k_file) +
                ":17:13: error[money-line-total]: the line amount is 130.00 but quantity × unit "
                "price is 120.00\n"
                " 17 |     amount: \"130.00\"\n"
                "    |             ^\n"
                "  hint: write \"120.00\"\n");
  EXPECT_EQ(run.err, "partnerops: 34 files, 7 partners: 1 error\n");
  EXPECT_EQ(run.exit_code, 1);
}

TEST_F(ValidateOutput, GithubPrintsOneWorkflowCommandPerProblem) {
  const RunResult run = validate("github");
  EXPECT_EQ(run.out, "::error file=" + std::string(k_file) +
                         ",line=17,col=13,title=money-line-total::the line amount is 130.00 but "
                         "quantity × unit price is 120.00%0Ahint: write \"120.00\"\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.exit_code, 1);
}

TEST_F(ValidateOutput, JsonHoldsEveryFieldAndTheCounts) {
  const RunResult run = validate("json");
  const nlohmann::json expected = {
      {"diagnostics",
       {{{"severity", "error"},
         {"code", "money-line-total"},
         {"file", k_file},
         {"line", 17},
         {"column", 13},
         {"message", "the line amount is 130.00 but quantity × unit price is 120.00"},
         {"hint", "write \"120.00\""}}}},
      {"errors", 1},
      {"warnings", 0}};
  EXPECT_EQ(nlohmann::json::parse(run.out, nullptr, false), expected) << run.out;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.exit_code, 1);
}

TEST(ValidateExitCodes, CleanWorkspaceExitsZero) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = run_partnerops({"validate", dir.path().string(), "--today", k_today},
                                       fs::current_path(), {"NO_COLOR=1"});
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: 34 files, 7 partners: no problems\n");
  EXPECT_EQ(run.exit_code, 0);
}

TEST(ValidateExitCodes, WarningsAloneExitZero) {
  TempDir dir;
  make_fixture_workspace("notes-missing", dir.path());
  const RunResult run =
      run_partnerops({"validate", dir.path().string(), "--format", "json", "--today", k_today});
  EXPECT_EQ(diagnostic_lines(run.out),
            std::vector<std::string>{
                "warning notes-missing partners/halden-hydrology-group/notes.md:0:0"});
  EXPECT_EQ(run.exit_code, 0);
}

TEST(ValidateExitCodes, UnknownFormatIsAUsageError) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = run_partnerops({"validate", dir.path().string(), "--format", "xml"});
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("--format: xml not in {text,json,github}"), std::string::npos) << run.err;
  EXPECT_EQ(run.exit_code, 2);
}

TEST(ValidateExitCodes, TodayThatIsNotACalendarDateIsAUsageError) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult run = run_partnerops({"validate", dir.path().string(), "--today", "2026-02-30"});
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: --today needs a calendar date as YYYY-MM-DD, not '2026-02-30'\n");
  EXPECT_EQ(run.exit_code, 2);
}

TEST(ValidateExitCodes, PathThatIsNotAFolderIsAUsageError) {
  TempDir dir;
  const std::string missing = (dir.path() / "no-such-folder").string();
  const RunResult run = run_partnerops({"validate", missing});
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: " + missing + " is not a folder\n");
  EXPECT_EQ(run.exit_code, 2);
}

TEST(GlobalFlags, VersionPrintsTheVersion) {
  const RunResult run = run_partnerops({"--version"});
  EXPECT_EQ(run.out, std::string("partnerops ") + k_version + "\n");
  EXPECT_EQ(run.exit_code, 0);
}

TEST(GlobalFlags, HelpListsValidate) {
  const RunResult run = run_partnerops({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("\n  validate "), std::string::npos) << run.out;
}

}  // namespace
}  // namespace partnerops::e2e
