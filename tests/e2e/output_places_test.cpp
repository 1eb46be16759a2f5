// Where the commands that write files put them, in a workspace that is a
// git repository without any ignore rule: documents go under out/, which
// git is told to ignore, never into the repository root, and the folders a
// named output needs are made.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

class OutputPlacesTest : public GitWorkspaceTest {
 protected:
  OutputPlacesTest() : GitWorkspaceTest({"SOURCE_DATE_EPOCH=1790000000"}) {}
};

/// The words of the README's `invoice handoff` example, without the comment.
std::vector<std::string> readme_handoff_example() {
  std::istringstream readme(read_file(source_dir() / "README.md"));
  for (std::string line; std::getline(readme, line);) {
    if (!line.starts_with("partnerops invoice handoff ")) continue;
    std::istringstream words(line.substr(0, line.find('#')));
    std::vector<std::string> args;
    for (std::string word; words >> word;) args.push_back(word);
    args.erase(args.begin());  // "partnerops"
    return args;
  }
  ADD_FAILURE() << "README.md has no `partnerops invoice handoff` example";
  return {};
}

TEST_F(OutputPlacesTest, TheReadmesHandoffExampleWorksInAFreshCheckout) {
  std::vector<std::string> args = readme_handoff_example();
  ASSERT_FALSE(args.empty());
  const auto out = std::find(args.begin(), args.end(), "--out");
  ASSERT_NE(out, args.end());
  const std::string folder = *std::next(out);
  EXPECT_EQ(folder, "out/handoff/2026-11");
  args.insert(args.end(), {"--today", "2026-11-23"});
  const RunResult run = partnerops(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote out/handoff/2026-11: 1 invoice, invoices.csv, README.md\n");
  EXPECT_TRUE(fs::exists(dir.path() / "out/handoff/2026-11/INV-2026-0006.pdf"));
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(OutputPlacesTest, HandoffMakesTheFoldersAboveItsBundleAnywhere) {
  TempDir elsewhere;
  const fs::path bundle = elsewhere.path() / "sponsor" / "2026" / "11";
  const RunResult run = partnerops({"invoice", "handoff", "--period", "2026-11", "--out",
                                    bundle.string(), "--today", "2026-11-23"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(bundle / "invoices.csv"));
  EXPECT_FALSE(fs::exists(elsewhere.path() / "sponsor" / ".gitignore"));
}

TEST_F(OutputPlacesTest, StatementPdfGoesUnderOutNotIntoTheRepositoryRoot) {
  const RunResult run =
      partnerops({"statement", "lakeshore-college", "--today", "2027-01-02", "--format", "pdf"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote out/lakeshore-college/statement-2027-01-02.pdf\n");
  EXPECT_FALSE(fs::exists(dir.path() / "lakeshore-college-statement-2027-01-02.pdf"));
  EXPECT_NE(pdf_text(dir.path() / "out/lakeshore-college/statement-2027-01-02.pdf")
                .find("Statement of account"),
            std::string::npos);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(OutputPlacesTest, TheDefaultFolderIgnoresItselfWhereNoRuleIgnoresIt) {
  const RunResult message = partnerops(
      {"message", "satisfaction-check-in", "lakeshore-college", "--today", "2026-11-23"});
  ASSERT_EQ(message.exit_code, 0) << message.err;
  EXPECT_EQ(message.out, "wrote out/messages/lakeshore-college-satisfaction-check-in.eml\n");
  EXPECT_EQ(read_file(dir.path() / "out/.gitignore"),
            "# Documents partnerops writes; never committed.\n*\n");
  const RunResult build = partnerops(
      {"build", "--partner", "halden-hydrology-group", "--kind", "notes", "--today", "2026-11-23"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_TRUE(fs::exists(dir.path() / "out/halden-hydrology-group/notes.pdf"));
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(OutputPlacesTest, AFolderGitAlreadyIgnoresIsLeftAsItIs) {
  write_file(dir.path() / ".gitignore", "/out/\n");
  git("add .gitignore");
  git("commit -q -m ignore");
  const RunResult message = partnerops(
      {"message", "satisfaction-check-in", "lakeshore-college", "--today", "2026-11-23"});
  ASSERT_EQ(message.exit_code, 0) << message.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/.gitignore"));
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(OutputPlacesTest, StatementTextGoesIntoANewFolderUnderOut) {
  const RunResult run = partnerops({"statement", "lakeshore-college", "--today", "2026-11-23",
                                    "--out", "out/statements/lakeshore.txt"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(
      read_file(dir.path() / "out/statements/lakeshore.txt").find("Lakeshore Community College"),
      std::string::npos);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

}  // namespace
}  // namespace partnerops::e2e
