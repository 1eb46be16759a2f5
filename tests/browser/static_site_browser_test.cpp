// The harness on a static site loaded from disk (file://), as
// `partnerops site`'s output will be: every internal link is followed,
// a link to a missing page is reported, and a request that would leave
// the machine is seen (and, by the resolver rule, never sent).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "site_crawl.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::browser {
namespace {

using partnerops::testing::TempDir;
using partnerops::testing::write_file;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title><link rel=\"stylesheet\" href=\"" +
         (title == "B" ? "../style.css" : "style.css") + "\"></head><body>" + body +
         "</body></html>\n";
}

class StaticSiteBrowserTest : public BrowserTest {
 protected:
  void SetUp() override {
    BrowserTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    write_file(site.path() / "style.css", "body { font-family: sans-serif; }\n");
    write_file(site.path() / "index.html",
               page("Index",
                    "<h1>Index</h1><a href=\"a.html\">A</a> <a href=\"sub/b.html#top\">B</a>"
                    " <a href=\"https://example.org/\">outside</a>"));
    write_file(site.path() / "a.html", page("A", "<h1>A</h1><a href=\"index.html\">back</a>"));
    write_file(site.path() / "sub" / "b.html",
               page("B", "<h1 id=\"top\">B</h1><a href=\"../a.html\">A</a>"));
  }

  TempDir site;
};

TEST_F(StaticSiteBrowserTest, FollowsEveryInternalLinkFromDisk) {
  const SiteCrawl crawl = crawl_site(*browser, site.path() / "index.html");
  EXPECT_THAT(crawl.pages, ElementsAre("a.html", "index.html", "sub/b.html"));
  EXPECT_THAT(crawl.broken_links, IsEmpty());
  EXPECT_THAT(crawl.external_links, ElementsAre("https://example.org/"));
  EXPECT_THAT(crawl.outside_requests, IsEmpty());
  // The page really rendered: its heading and its style sheet.
  browser->navigate("file://" + (site.path() / "sub" / "b.html").string());
  EXPECT_EQ(browser->title(), "B");
  EXPECT_EQ(browser->execute("return getComputedStyle(document.body).fontFamily;"), "sans-serif");
  browser->screenshot(std::filesystem::path(BROWSER_SCREENSHOTS) / "static-site-b.png");
}

TEST_F(StaticSiteBrowserTest, ReportsABrokenLinkAndARequestThatWouldLeave) {
  write_file(site.path() / "a.html", page("A",
                                          "<a href=\"missing.html\">gone</a><img alt=\"\" "
                                          "src=\"http://images.example.com/tracker.png\">"));
  const SiteCrawl crawl = crawl_site(*browser, site.path() / "index.html");
  EXPECT_THAT(crawl.broken_links,
              ElementsAre("a.html -> file://" + (site.path() / "missing.html").string()));
  EXPECT_THAT(crawl.outside_requests, ElementsAre("http://images.example.com/tracker.png"));
}

}  // namespace
}  // namespace partnerops::browser
