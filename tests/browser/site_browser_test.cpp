// `partnerops site` in a real browser: the base workspace's PDFs and site
// are built as `make demo` builds them, then every page is opened from disk
// (file://) and every internal link followed: none is broken, no page asks
// for anything outside the machine, and the pipeline and a partner page
// render (their screenshots are kept for a look).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../e2e/run_support.hpp"
#include "site_crawl.hpp"

namespace partnerops::browser {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class SiteBrowserTest : public BrowserTest {
 protected:
  void SetUp() override {
    BrowserTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    e2e::make_base_workspace(dir.path());
    const std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1790000000"};
    e2e::RunResult run = e2e::run_partnerops({"build", "--today", "2026-11-23"}, dir.path(), env);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    run = e2e::run_partnerops({"site", "--today", "2026-11-23"}, dir.path(), env);
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }

  e2e::TempDir dir;
};

TEST_F(SiteBrowserTest, EveryPageRendersAndEveryInternalLinkResolves) {
  const SiteCrawl crawl = crawl_site(*browser, dir.path() / "out/site/index.html");
  EXPECT_THAT(crawl.broken_links, IsEmpty());
  EXPECT_THAT(crawl.outside_requests, IsEmpty());
  for (const char* page : {"index.html", "tickler.html", "report.html", "statements.html",
                           "partners/noordzee-marine-data.html", "partners/lakeshore-college.html"})
    EXPECT_THAT(crawl.pages, Contains(page));

  browser->navigate("file://" + (dir.path() / "out/site/index.html").string());
  EXPECT_EQ(browser->title(), "Pipeline · Commons Compute");
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "site-pipeline.png");
  browser->navigate("file://" + (dir.path() / "out/site/partners/lakeshore-college.html").string());
  EXPECT_THAT(browser->body_text(), HasSubstr("INV-2026-0006"));
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "site-partner.png");
}

}  // namespace
}  // namespace partnerops::browser
