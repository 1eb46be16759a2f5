#include "preview/live_page.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "preview/request_path.hpp"

namespace partnerops::preview {
namespace {

using ::testing::HasSubstr;

TEST(LivePage, BannerAfterTheBodyTagAndScriptBeforeItsEnd) {
  EXPECT_EQ(live_page("<html><BODY class=\"k\"><p>x</p></Body></html>", "[B]", "[S]"),
            "<html><BODY class=\"k\">[B]<p>x</p>[S]</Body></html>");
  // No body element: the banner first, the script last.
  EXPECT_EQ(live_page("<p>x</p>", "[B]", "[S]"), "[B]<p>x</p>[S]");
  // <bodyguard> is not <body>, and a "</body>" in text before the last one is not the end.
  EXPECT_EQ(live_page("<body><bodyguard></body></body>", "[B]", "[S]"),
            "<body>[B]<bodyguard></body>[S]</body>");
}

TEST(LivePage, TheBannerEscapesValidatesTextAndIsEmptyWithoutProblems) {
  Snapshot snapshot;
  EXPECT_EQ(problems_banner(snapshot), "");
  snapshot.diagnostics.error("schema-type", "partners/a/partner.yaml", {5, 12}, "bad <b>");
  snapshot.problems_text = "partners/a/partner.yaml:5:12: error[schema-type]: bad <b>\n";
  snapshot.summary = "1 error";
  const std::string banner = problems_banner(snapshot);
  EXPECT_THAT(banner, HasSubstr("<section id=\"partnerops-problems\" role=\"alert\""));
  EXPECT_THAT(banner, HasSubstr("partnerops validate: 1 error</h2>"));
  EXPECT_THAT(banner, HasSubstr("partners/a/partner.yaml:5:12: error[schema-type]: bad &lt;b&gt;"));
}

TEST(LivePage, TheScriptCarriesItsGenerationAndNonce) {
  EXPECT_EQ(reload_script(7, "abc"),
            "<script nonce=\"abc\">(function(){var g=\"7\";var s=new "
            "EventSource(\"/_preview/events\");s.onmessage=function(e){if(e.data!==g){s.close();"
            "location.reload();}};})();</script>\n");
}

TEST(RequestPath, OnlyCleanAbsolutePaths) {
  for (const char* path : {"/", "/documents/acme/notes.html", "/a/b/"})
    EXPECT_TRUE(is_clean_path(path)) << path;
  for (const char* path : {"", "documents", "/..", "/../x", "/a/../b", "/a/./b", "/.", "//x",
                           "/a//b", "/a\\b", "/%2e%2e/x", "/a%2fb", "/a\nb", "/a\x7f"})
    EXPECT_FALSE(is_clean_path(path)) << path;
  EXPECT_FALSE(is_clean_path(std::string_view("/a\0b", 4)));
}

}  // namespace
}  // namespace partnerops::preview
