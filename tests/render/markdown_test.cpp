// Markdown becomes HTML with GitHub's extensions, and nothing a note or a
// clause contains can turn into markup or a dangerous link.

#include "render/markdown.hpp"

#include <gtest/gtest.h>

namespace partnerops::render {
namespace {

TEST(Markdown, RendersParagraphsEmphasisAndSmartPunctuation) {
  EXPECT_EQ(markdown_to_html("The *Partner* shall pay -- on time.\n"),
            "<p>The <em>Partner</em> shall pay – on time.</p>\n");
  EXPECT_EQ(markdown_to_html("\"Services\" means the partner's work.\n"),
            "<p>“Services” means the partner’s work.</p>\n");
}

TEST(Markdown, RendersTables) {
  EXPECT_EQ(markdown_to_html("| Task | Hours |\n|---|--:|\n| Design | 4 |\n"),
            "<table>\n<thead>\n<tr>\n<th>Task</th>\n<th align=\"right\">Hours</th>\n</tr>\n"
            "</thead>\n<tbody>\n<tr>\n<td>Design</td>\n<td align=\"right\">4</td>\n</tr>\n"
            "</tbody>\n</table>\n");
}

TEST(Markdown, RendersStrikethroughAutolinksAndTaskLists) {
  EXPECT_EQ(markdown_to_html("~~old~~ new\n"), "<p><del>old</del> new</p>\n");
  EXPECT_EQ(markdown_to_html("See www.example.org today\n"),
            "<p>See <a href=\"http://www.example.org\">www.example.org</a> today</p>\n");
  EXPECT_EQ(markdown_to_html("- [x] signed\n- [ ] paid\n"),
            "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> signed</li>\n"
            "<li><input type=\"checkbox\" disabled=\"\" /> paid</li>\n</ul>\n");
}

TEST(Markdown, OmitsRawHtml) {
  EXPECT_EQ(markdown_to_html("<script>alert(1)</script>\n"), "<!-- raw HTML omitted -->\n");
  EXPECT_EQ(markdown_to_html("Hi <img src=file:///etc/passwd> there\n"),
            "<p>Hi <!-- raw HTML omitted --> there</p>\n");
  EXPECT_EQ(markdown_to_html("<a href=\"javascript:alert(1)\">x</a>\n"),
            "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n");
}

TEST(Markdown, KeepsTheTextOfRefusedLinksAndDropsTheUrl) {
  EXPECT_EQ(markdown_to_html("[click](javascript:alert(1))\n"), "<p>click</p>\n");
  EXPECT_EQ(markdown_to_html("[click](JaVaScRiPt:alert(1))\n"), "<p>click</p>\n");
  EXPECT_EQ(markdown_to_html("[passwd](file:///etc/passwd)\n"), "<p>passwd</p>\n");
  EXPECT_EQ(markdown_to_html("[up](../../secret.txt)\n"), "<p>up</p>\n");
  EXPECT_EQ(markdown_to_html("![chart](data:image/png;base64,AAAA)\n"), "<p>chart</p>\n");
  EXPECT_EQ(markdown_to_html("[![logo](file:///etc/passwd)](javascript:x)\n"), "<p>logo</p>\n");
  EXPECT_EQ(markdown_to_html("<javascript:alert(1)>\n"), "<p>javascript:alert(1)</p>\n");
}

TEST(Markdown, KeepsAllowedLinks) {
  EXPECT_EQ(markdown_to_html("[site](https://example.org/a?b=c)\n"),
            "<p><a href=\"https://example.org/a?b=c\">site</a></p>\n");
  EXPECT_EQ(markdown_to_html("[mail](mailto:ops@example.org)\n"),
            "<p><a href=\"mailto:ops@example.org\">mail</a></p>\n");
  EXPECT_EQ(markdown_to_html("![plan](plan.png)\n"),
            "<p><img src=\"plan.png\" alt=\"plan\" /></p>\n");
}

TEST(Markdown, AllowsOnlySafeLinkTargets) {
  EXPECT_TRUE(is_allowed_link("HTTPS://example.org"));
  EXPECT_TRUE(is_allowed_link("#terms"));
  EXPECT_TRUE(is_allowed_link("docs/plan.png?x=1"));
  EXPECT_FALSE(is_allowed_link(""));
  EXPECT_FALSE(is_allowed_link("//evil.example/x"));
  EXPECT_FALSE(is_allowed_link("/etc/passwd"));
  EXPECT_FALSE(is_allowed_link("java\tscript:alert(1)"));
  EXPECT_FALSE(is_allowed_link("vbscript:x"));
  EXPECT_FALSE(is_allowed_link("C:/x.png"));
  EXPECT_FALSE(is_allowed_link("a/../../b"));
  EXPECT_FALSE(is_allowed_link("ftp://example.org"));
}

TEST(Markdown, EscapedValuesReadBackAsTheirText) {
  const std::string hostile = "*Acme* [x](javascript:y) <script>alert(1)</script> # 1. &amp;";
  EXPECT_EQ(escape_markdown(hostile),
            "\\*Acme\\* \\[x\\]\\(javascript:y\\) \\<script\\>alert\\(1\\)\\</script\\> \\# 1\\. "
            "\\&amp;");
  EXPECT_EQ(markdown_to_html(escape_markdown(hostile)),
            "<p>*Acme* [x](javascript:y) &lt;script&gt;alert(1)&lt;/script&gt; # 1. "
            "&amp;amp;</p>\n");
}

TEST(Markdown, EscapedLineBreaksBecomeHardBreaks) {
  EXPECT_EQ(escape_markdown("1 Main St\n\n\n    Springfield\n"), "1 Main St\\\nSpringfield");
  EXPECT_EQ(markdown_to_html(escape_markdown("1 Main St\nSpringfield")),
            "<p>1 Main St<br />\nSpringfield</p>\n");
}

}  // namespace
}  // namespace partnerops::render
