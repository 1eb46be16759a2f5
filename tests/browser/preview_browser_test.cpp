// `partnerops preview` in a real browser: the index and a document render,
// a saved edit reaches the open page with no reload by hand (and how long
// it takes is printed), a validation error appears at the top of the page
// in `validate`'s words, a path it does not serve is a 404, and nothing the
// pages request leaves 127.0.0.1.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "preview_run.hpp"
#include "webdriver.hpp"

namespace partnerops::browser {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* k_today = "2026-11-23";

class PreviewBrowserTest : public BrowserTest {
 protected:
  void SetUp() override {
    BrowserTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    e2e::make_base_workspace(dir.path());
    preview = std::make_unique<PreviewRun>(dir.path(), k_today);
    ASSERT_THAT(preview->url(), StartsWith("http://127.0.0.1:")) << preview->error();
  }

  void TearDown() override {
    browser.reset();
    // Stops cleanly on SIGTERM, as on Ctrl-C.
    if (preview) {
      EXPECT_EQ(preview->stop(), 0) << preview->error();
    }
  }

  /// The URL of the cascadia-climate notes page, from the documents' index.
  std::string notes_page() {
    browser->navigate(preview->url() + "documents/");
    for (const std::string& link : browser->links())
      if (link.find("/documents/cascadia-climate/notes") != std::string::npos &&
          link.ends_with(".html"))
        return link;
    ADD_FAILURE() << "no link to cascadia-climate's notes on the index";
    return preview->url();
  }

  /// Every request of the open page went to the preview itself.
  void expect_only_local_requests() {
    for (const std::string& url : browser->requested_urls())
      EXPECT_THAT(url, StartsWith(preview->url())) << "a request left the preview";
  }

  fs::path partner_file() const {
    return dir.path() / "partners" / "cascadia-climate" / "partner.yaml";
  }

  e2e::TempDir dir;
  std::unique_ptr<PreviewRun> preview;
};

TEST_F(PreviewBrowserTest, TheSitesPagesAreServedAndLinkTheDocuments) {
  // `/` is the site's pipeline, as `partnerops site` makes it.
  browser->navigate(preview->url());
  EXPECT_EQ(browser->title(), "Pipeline · Commons Compute");
  EXPECT_EQ(browser->execute("return document.getElementById('partnerops-problems') === null;"),
            true);
  expect_only_local_requests();
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "preview-site-index.png");
  // A partner's page, and the link from it to one of its PDFs.
  browser->navigate(preview->url() + "partners/noordzee-marine-data.html");
  EXPECT_THAT(browser->body_text(), HasSubstr("INV-2026-0005"));
  const std::vector<std::string> links = browser->links();
  EXPECT_NE(std::find(links.begin(), links.end(),
                      preview->url() + "documents/noordzee-marine-data/invoice-INV-2026-0005.pdf"),
            links.end());
  expect_only_local_requests();
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "preview-site-partner.png");
}

TEST_F(PreviewBrowserTest, IndexAndDocumentRender) {
  browser->navigate(preview->url() + "documents/");
  EXPECT_THAT(browser->title(), HasSubstr("preview"));
  EXPECT_THAT(browser->body_text(), HasSubstr("cascadia-climate"));
  // A clean workspace has no problems banner.
  EXPECT_EQ(browser->execute("return document.getElementById('partnerops-problems') === null;"),
            true);
  expect_only_local_requests();
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "preview-index.png");

  browser->navigate(notes_page());
  EXPECT_THAT(browser->body_text(), HasSubstr("Cascadia Climate Modeling Consortium"));
  // The same template as the PDF: its body carries the kind's class.
  EXPECT_EQ(browser->execute("return document.body.className;"), "kind-notes");
  expect_only_local_requests();
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "preview-notes.png");
}

TEST_F(PreviewBrowserTest, ASavedEditReachesTheOpenPageWithoutAReload) {
  browser->navigate(notes_page());
  const std::string original = e2e::read_file(partner_file());
  std::vector<double> milliseconds;
  for (int edit = 1; edit <= 5; ++edit) {
    // A mark on the page as it is now: a reload loses it.
    browser->execute("window.partneropsMark = true;");
    const std::string name = "Cascadia Climate Edit " + std::to_string(edit);
    const auto saved = std::chrono::steady_clock::now();
    save_like_an_editor(
        partner_file(),
        e2e::replaced(original, "name: Cascadia Climate Modeling Consortium", "name: " + name));
    const nlohmann::json seen = browser->wait_for(
        "return !window.partneropsMark && document.body &&"
        " document.body.innerText.indexOf('" +
            name + "') >= 0;",
        std::chrono::seconds(10));
    const double elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - saved).count();
    ASSERT_EQ(seen, true) << "edit " << edit << " did not reach the page";
    milliseconds.push_back(elapsed);
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  std::printf("preview: save to reloaded page, %zu edits: median %.0f ms, max %.0f ms\n",
              milliseconds.size(), milliseconds[milliseconds.size() / 2], milliseconds.back());
  // Within a second of the save, as issue 15 asks (the median: a loaded
  // sanitized build may be slow once).
  EXPECT_LT(milliseconds[milliseconds.size() / 2], 1000.0);
  expect_only_local_requests();
}

TEST_F(PreviewBrowserTest, AValidationErrorAppearsAtTheTopInValidatesWords) {
  browser->navigate(notes_page());
  browser->execute("window.partneropsMark = true;");
  save_like_an_editor(partner_file(), e2e::replaced(e2e::read_file(partner_file()),
                                                    "qualified: true", "qualified: maybe"));
  const nlohmann::json banner = browser->wait_for(
      "var b = document.getElementById('partnerops-problems');"
      "return !window.partneropsMark && b && b === document.body.firstElementChild"
      " ? b.querySelector('pre').textContent : '';",
      std::chrono::seconds(10));
  ASSERT_TRUE(banner.is_string() && !banner.get<std::string>().empty()) << browser->body_text();
  EXPECT_THAT(banner.get<std::string>(),
              HasSubstr("partners/cascadia-climate/partner.yaml:5:12: error"));
  // Word for word what `validate` prints.
  const e2e::RunResult validate = e2e::run_partnerops(
      {"validate", "--today", k_today, dir.path().string()}, dir.path(), {"NO_COLOR=1"});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_EQ(banner.get<std::string>(), validate.out);
  browser->screenshot(fs::path(BROWSER_SCREENSHOTS) / "preview-problem.png");
  expect_only_local_requests();
}

TEST_F(PreviewBrowserTest, APathItDoesNotServeIsNotFound) {
  browser->navigate(preview->url());
  const std::string status_of =
      "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
      "return x.status;";
  for (const std::string path :
       {"/partnerops.yaml", "/partners/cascadia-climate/partner.yaml", "/documents/x",
        "/documents/cascadia-climate/partner.yaml", "/documents/%2e%2e/partnerops.yaml",
        "/documents/..%2fpartnerops.yaml", "/templates/layout.mustache", "/etc/passwd"})
    EXPECT_EQ(browser->execute(status_of, {path}), 404) << path;
  // The site's pipeline, and the documents' index.
  EXPECT_EQ(browser->execute(status_of, {"/"}), 200);
  EXPECT_EQ(browser->execute(status_of, {"/documents/"}), 200);
  expect_only_local_requests();
}

}  // namespace
}  // namespace partnerops::browser
