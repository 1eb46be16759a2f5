// `partnerops site` as a user runs it on the fixture workspace (the frozen
// demo organisation) in a git repository: every page written, then only
// what changed; every internal link of the whole site resolves, nothing is
// loaded from elsewhere, headings are in order (tests/support/html_check);
// built PDFs are linked where they belong; a partner's timeline comes from
// git; a removed partner's page goes away.

#include <gtest/gtest.h>

#include <algorithm>

#include "run_support.hpp"
#include "support/html_check.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;
using testing::check_html_site;
using testing::html_attributes;
using testing::html_rows;

class SiteCommandTest : public GitWorkspaceTest {};

TEST_F(SiteCommandTest, WritesAWholeSiteWhoseLinksResolveThenOnlyWhatChanged) {
  const RunResult first = partnerops({"site", ".", "--today", "2026-11-23"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err,
            "partnerops: site in out/site: 14 pages, 14 written, 0 unchanged, 0 removed\n");
  const fs::path out = dir.path() / "out";
  EXPECT_TRUE(check_html_site(out / "site", out).empty())
      << ::testing::PrintToString(check_html_site(out / "site", out));
  // The output folder ignores itself: nothing for `git add -A` to sweep in.
  EXPECT_EQ(git("status --porcelain"), "");

  const RunResult again = partnerops({"site", ".", "--today", "2026-11-23"});
  EXPECT_EQ(again.err,
            "partnerops: site in out/site: 14 pages, 0 written, 14 unchanged, 0 removed\n");

  // PDFs a build wrote are linked from the pages they belong to.
  write_file(out / "lakeshore-college" / "invoice-INV-2026-0006.pdf", "%PDF-1.7\n");
  write_file(out / "lakeshore-college" / "statement.pdf", "%PDF-1.7\n");
  write_file(out / "service-description.pdf", "%PDF-1.7\n");
  write_file(out / "pipeline-report.pdf", "%PDF-1.7\n");
  const RunResult linked = partnerops({"site", ".", "--today", "2026-11-23"});
  EXPECT_EQ(linked.err,
            "partnerops: site in out/site: 14 pages, 4 written, 10 unchanged, 0 removed\n");
  const std::string lakeshore = read_file(out / "site" / "partners" / "lakeshore-college.html");
  const std::vector<std::string> hrefs = html_attributes(lakeshore, "href");
  EXPECT_NE(
      std::find(hrefs.begin(), hrefs.end(), "../../lakeshore-college/invoice-INV-2026-0006.pdf"),
      hrefs.end());
  EXPECT_NE(std::find(hrefs.begin(), hrefs.end(), "../../lakeshore-college/statement.pdf"),
            hrefs.end());
  EXPECT_NE(read_file(out / "site" / "index.html").find("href=\"../service-description.pdf\""),
            std::string::npos);
  EXPECT_NE(read_file(out / "site" / "report.html").find("href=\"../pipeline-report.pdf\""),
            std::string::npos);
  EXPECT_TRUE(check_html_site(out / "site", out).empty())
      << ::testing::PrintToString(check_html_site(out / "site", out));

  // The partner's story, from the one commit that holds it.
  const std::vector<std::string> rows = html_rows(lakeshore);
  const auto told = std::find_if(rows.begin(), rows.end(), [](const std::string& row) {
    return row.starts_with("2026-01-05 (committed ") &&
           row.find(" new → lead inbound enquiry from the JupyterHub community forum ") !=
               std::string::npos &&
           row.ends_with(" Ada Lovelace");
  });
  EXPECT_NE(told, rows.end()) << ::testing::PrintToString(rows);

  // A partner removed from the workspace loses its page.
  fs::remove_all(dir.path() / "partners" / "halden-hydrology-group");
  const RunResult removed = partnerops({"site", ".", "--today", "2026-11-23"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_TRUE(removed.err.ends_with("13 pages, 4 written, 9 unchanged, 1 removed\n"))
      << removed.err;
  EXPECT_FALSE(fs::exists(out / "site" / "partners" / "halden-hydrology-group.html"));
  EXPECT_TRUE(check_html_site(out / "site", out).empty());
}

TEST_F(SiteCommandTest, ReadsARevisionAndWritesWhereItIsTold) {
  write_file(dir.path() / "partners" / "lakeshore-college" / "partner.yaml", "stage: [\n");
  const RunResult result = partnerops({"site", ".", "--rev", "HEAD", "--out", "public/site",
                                       "--pdfs", "public", "--today", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string index = read_file(dir.path() / "public" / "site" / "index.html");
  EXPECT_NE(index.find("from commit "), std::string::npos);
  EXPECT_NE(index.find("Lakeshore Community College"), std::string::npos);
}

TEST_F(SiteCommandTest, ListsTheFilesThatDidNotLoadOnEveryPage) {
  write_file(dir.path() / "partners" / "halden-hydrology-group" / "partner.yaml",
             "slug: halden-hydrology-group\nname: [\n");
  const RunResult result = partnerops({"site", ".", "--today", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const std::string index = read_file(dir.path() / "out" / "site" / "index.html");
  EXPECT_NE(index.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(index.find("<code>partners/halden-hydrology-group/partner.yaml:"), std::string::npos);
  EXPECT_NE(index.find("<code>partners/halden-hydrology-group</code>"), std::string::npos);
  EXPECT_FALSE(
      fs::exists(dir.path() / "out" / "site" / "partners" / "halden-hydrology-group.html"));
}

TEST(SiteCommandNoGitTest, SaysWhyThereIsNoTimeline) {
  TempDir dir;
  make_base_workspace(dir.path());
  const RunResult result =
      run_partnerops({"site", ".", "--today", "2026-11-23"}, dir.path(), isolated_git_env());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(read_file(dir.path() / "out" / "site" / "partners" / "lakeshore-college.html")
                .find("The workspace is not in a git repository, so there is no timeline."),
            std::string::npos);
}

}  // namespace
}  // namespace partnerops::e2e
