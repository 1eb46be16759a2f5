// `--rev` reads a git revision's tree without checking it out: the working
// tree's state does not matter, and PDFs built from a commit are dated by it.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

/// A repository holding the base workspace in one commit, then a broken
/// invoice in the working tree only.
class RevisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    make_base_workspace(dir.path());
    const std::string git = "git -C '" + dir.path().string() + "' ";
    run_tool(git + "init -q -b main && " + git +
             "-c user.name=T -c user.email=t@example.org add -A && " + git +
             "-c user.name=T -c user.email=t@example.org commit -q -m base");
    commit = run_tool(git + "rev-parse HEAD");
    commit.erase(commit.find_last_not_of('\n') + 1);
    ASSERT_EQ(commit.size(), 40u);
    const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0004.yaml";
    std::string yaml = read_file(invoice);
    const std::string total = "\ntotal: \"7682.50\"";
    yaml.replace(yaml.find(total), total.size(), "\ntotal: \"1.00\"");
    write_file(invoice, yaml);
  }
  TempDir dir;
  std::string commit;
};

TEST_F(RevisionTest, ValidatesTheCommittedTreeNotTheWorkingTree) {
  const RunResult working =
      run_partnerops({"validate", dir.path().string(), "--today", "2026-11-23"});
  EXPECT_EQ(working.exit_code, 1);
  EXPECT_NE(working.out.find("error[money-total]"), std::string::npos) << working.out;
  const RunResult committed =
      run_partnerops({"validate", dir.path().string(), "--today", "2026-11-23", "--rev", "HEAD"});
  EXPECT_EQ(committed.exit_code, 0) << committed.out << committed.err;
}

TEST_F(RevisionTest, UnknownRevisionIsAUsageError) {
  const RunResult run =
      run_partnerops({"validate", dir.path().string(), "--rev", "no-such-branch"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "partnerops: --rev: unknown revision 'no-such-branch'\n");
}

TEST_F(RevisionTest, PdfsFromACommitAreDatedByItAndIdenticalAnywhere) {
  std::vector<std::string> runs;
  for (const char* out : {"out-a", "out-b"}) {
    const RunResult run =
        run_partnerops({"build", dir.path().string(), "--today", "2026-11-23", "--rev", "HEAD",
                        "--kind", "invoice", "--out", (dir.path() / out).string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    runs.push_back(read_file(dir.path() / out / "lakeshore-college/invoice-INV-2026-0004.pdf"));
  }
  EXPECT_FALSE(runs[0].empty());
  EXPECT_TRUE(runs[0] == runs[1]);
  const std::string info =
      run_tool("pdfinfo -custom '" +
               (dir.path() / "out-a/lakeshore-college/invoice-INV-2026-0004.pdf").string() + "'");
  EXPECT_NE(info.find("PartneropsSourceCommit:" + commit), std::string::npos) << info;
  // The committed total, not the working tree's.
  EXPECT_NE(
      pdf_text(dir.path() / "out-a/lakeshore-college/invoice-INV-2026-0004.pdf").find("$7,682.50"),
      std::string::npos);
}

TEST(Revision, ALinkedFolderInACommitIsReportedWithThePositionOfThePath) {
  // The link and the path naming a file through it are committed; the
  // working tree no longer has them, so only --rev can see them.
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path organisation = dir.path() / "partnerops.yaml";
  const std::string clean = read_file(organisation);
  link_docs_to_etc(dir.path());
  const std::string git =
      "git -C '" + dir.path().string() + "' -c user.name=T -c user.email=t@example.org ";
  run_tool(git + "init -q -b main && " + git + "add -A && " + git + "commit -q -m link");
  fs::remove(dir.path() / "docs");
  fs::create_directories(dir.path() / "docs");
  write_file(dir.path() / "docs/service-description.md", "# Service\n");
  write_file(organisation, clean);
  const RunResult working =
      run_partnerops({"validate", dir.path().string(), "--today", "2026-11-23"});
  EXPECT_EQ(working.exit_code, 0) << working.out << working.err;
  const RunResult committed = run_partnerops({"validate", dir.path().string(), "--today",
                                              "2026-11-23", "--rev", "HEAD", "--format", "json"});
  EXPECT_EQ(committed.exit_code, 1) << committed.out << committed.err;
  EXPECT_EQ(diagnostic_lines(committed.out),
            std::vector<std::string>{"error reference-symlink partnerops.yaml:78:24"});
  EXPECT_NE(committed.out.find("the path passes through the symbolic link docs (not followed)"),
            std::string::npos)
      << committed.out;
  // Building the revision prints nothing from behind the link.
  const RunResult build =
      run_partnerops({"build", dir.path().string(), "--today", "2026-11-23", "--rev", "HEAD",
                      "--kind", "service-description", "--out", (dir.path() / "out").string()});
  EXPECT_EQ(build.exit_code, 1) << build.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/service-description.pdf"));
}

}  // namespace
}  // namespace partnerops::e2e
