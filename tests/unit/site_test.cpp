// The site's generator (tools/lib/site/) on the fixture workspace with the
// repository's templates/site/: the pages it has, exact values on them
// (balances, overdue invoices and checklist items), hostile text from the
// files escaped or dropped, and the HTML rules every page keeps (the same
// checks the end-to-end test runs over a whole site).

#include "site/site.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "ops_fixture_support.hpp"
#include "render/markdown.hpp"
#include "support/files.hpp"
#include "support/html_check.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::testing {
namespace {

namespace fs = std::filesystem;

/// The fixture workspace plus the repository's templates/site/.
MemorySource site_workspace() {
  MemorySource source = fixture_workspace();
  const fs::path templates = fs::path(PARTNEROPS_SOURCE_DIR) / "templates" / "site";
  for (const auto& entry : fs::recursive_directory_iterator(templates))
    if (entry.is_regular_file())
      source.add("templates/site/" + entry.path().lexically_relative(templates).generic_string(),
                 read_file(entry.path()));
  return source;
}

/// Every row of every table of `html`, as its folded text.
std::vector<std::string> rows_of(const std::string& html) { return html_rows(html); }

site::SiteOptions on(const std::string& today) {
  site::SiteOptions options;
  options.today = *Date::parse(today);
  return options;
}

bool has_row(const std::string& html, const std::string& row) {
  const std::vector<std::string> rows = rows_of(html);
  return std::find(rows.begin(), rows.end(), row) != rows.end();
}

class SiteTest : public ::testing::Test {
 protected:
  SiteTest() : source(site_workspace()) {}

  /// The page at `path` as of `today`, failing the test on diagnostics.
  std::string page(const std::string& path, const std::string& today,
                   site::SiteOptions options = {}) {
    workspace = load_clean(source);
    Diagnostics diagnostics;
    templates =
        std::make_unique<site::SiteTemplates>(site::load_site_templates(source, diagnostics));
    options.today = *Date::parse(today);
    const site::SiteGenerator generator(*workspace, *templates, std::move(options));
    const std::optional<site::Page> rendered = generator.render_page(path, diagnostics);
    for (const Diagnostic& d : diagnostics)
      ADD_FAILURE() << d.file << ":" << d.position.line << ": " << d.code << ": " << d.message;
    if (!rendered) {
      ADD_FAILURE() << "no page " << path;
      return {};
    }
    EXPECT_EQ(rendered->path, path);
    return rendered->bytes;
  }

  MemorySource source;
  std::unique_ptr<Workspace> workspace;
  std::unique_ptr<site::SiteTemplates> templates;
};

TEST_F(SiteTest, HasTheFixedPagesAndOnePagePerPartner) {
  workspace = load_clean(source);
  Diagnostics diagnostics;
  const site::SiteTemplates set = site::load_site_templates(source, diagnostics);
  EXPECT_TRUE(set.found);
  const site::SiteGenerator generator(*workspace, set, on("2026-11-23"));
  EXPECT_EQ(
      generator.page_paths(),
      (std::vector<std::string>{
          "index.html", "partners/cascadia-climate.html", "partners/halden-hydrology-group.html",
          "partners/ironwood-policy-institute.html", "partners/lakeshore-college.html",
          "partners/noordzee-marine-data.html", "partners/northbay-earth-sciences.html",
          "partners/prairie-public-health.html", "report.html", "site.css", "site.js",
          "statements.html", "tickler.html", "tickler.ics"}));
  EXPECT_FALSE(generator.has_page("partners/nobody.html"));
  EXPECT_FALSE(generator.has_page("../partnerops.yaml"));
  EXPECT_FALSE(generator.render_page("partners/nobody.html", diagnostics));
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(SiteTest, PartnerPageShowsBalancesAndTheOverdueInvoice) {
  // INV-2026-0006 ($7,320.00, due 2026-12-02) is unpaid and past due on 2026-12-10.
  const std::string html = page("partners/lakeshore-college.html", "2026-12-10");
  EXPECT_TRUE(has_row(html,
                      "INV-2026-0006 overdue issued 2026-11-02 2026-12-02 $7,320.00 USD $0.00 USD "
                      "$0.00 USD $7,320.00 USD not built"))
      << ::testing::PrintToString(rows_of(html));
  // The statement of account: invoiced 8,700 + 7,320 + 7,682.50 + 7,320.
  EXPECT_TRUE(
      has_row(html, "USD $31,022.50 USD $23,702.50 USD $40.00 USD $7,280.00 USD $7,320.00 USD"))
      << ::testing::PrintToString(rows_of(html));
  // Before its due date the same invoice is not overdue.
  const std::string before = page("partners/lakeshore-college.html", "2026-11-23");
  EXPECT_TRUE(has_row(before,
                      "INV-2026-0006 issued 2026-11-02 2026-12-02 $7,320.00 USD $0.00 USD "
                      "$0.00 USD $7,320.00 USD not built"));
}

TEST_F(SiteTest, ChecklistMarksOverdueDueAndWaitingItems) {
  // Halden entered `lead` on 2026-11-16 and hailed on 2026-11-17: the
  // assessment is due 14 days after entering (2026-11-30), the meeting
  // preparation 21 days after the hail (2026-12-08), the meeting waits.
  const std::string html = page("partners/halden-hydrology-group.html", "2026-12-01");
  const std::vector<std::string> rows = rows_of(html);
  const auto row_of = [&](const std::string& start) {
    for (const std::string& row : rows)
      if (row.starts_with(start)) return row;
    return std::string();
  };
  EXPECT_EQ(row_of("Hail the lead"),
            "Hail the lead — canned message, service description, meeting link Hail the Lead "
            "2026-11-17 done");
  EXPECT_TRUE(row_of("Assess the lead").ends_with("2026-11-30 overdue")) << row_of("Assess");
  EXPECT_TRUE(row_of("Prepare the first meeting").ends_with("2026-12-08 due"))
      << ::testing::PrintToString(rows);
  EXPECT_NE(html.find("1 overdue."), std::string::npos);
  EXPECT_NE(html.find("waiting</span> <span class=\"muted\">(after first-meeting-prepared)"),
            std::string::npos);
}

TEST_F(SiteTest, HostileTextIsEscapedAndUnsafeLinksDropped) {
  replace_in(source, "partners/lakeshore-college/partner.yaml",
             "name: Lakeshore Community College\n", "name: \"<script>alert(1)</script> & Co\"\n");
  replace_in(source, "partners/lakeshore-college/partner.yaml",
             "website: https://www.lakeshorecc.edu/\n", "website: \"javascript:alert(1)\"\n");
  replace_in(source, "partners/lakeshore-college/partner.yaml",
             "url: https://drive.commonscompute.org/partnerships/agreements/lakeshore-college/"
             "running-notes\n",
             "url: file:///etc/passwd\n");
  source.add("partners/lakeshore-college/notes.md",
             "# Notes\n\n<script>alert(2)</script>\n\n"
             "[secrets](file:///etc/passwd) [here](partner.yaml) [site](https://example.org/x) "
             "![tracker](https://evil.example/pixel.png) <img src=\"https://evil.example/y\">\n\n"
             "#### Deep heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  const std::string html = page("partners/lakeshore-college.html", "2026-11-23");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), std::string::npos);
  const std::vector<std::string> hrefs = html_attributes(html, "href");
  for (const std::string& href : hrefs) {
    EXPECT_FALSE(href.starts_with("file:")) << href;
    EXPECT_FALSE(href.starts_with("javascript:")) << href;
    EXPECT_NE(href, "partner.yaml");
  }
  EXPECT_NE(std::find(hrefs.begin(), hrefs.end(), "https://example.org/x"), hrefs.end());
  EXPECT_TRUE(html_attributes(html, "src").size() == 1) << "only site.js";
  // The text of a refused link stays; so does the address, as text.
  EXPECT_NE(html.find("secrets"), std::string::npos);
  EXPECT_NE(html.find("Website: javascript:alert(1)"), std::string::npos);
  // The notes' headings continue the page's, in order.
  const std::vector<std::string> h3 = html_texts(html, "h3");
  EXPECT_NE(std::find(h3.begin(), h3.end(), "Notes"), h3.end());
  const std::vector<std::string> h4 = html_texts(html, "h4");
  EXPECT_NE(std::find(h4.begin(), h4.end(), "Deep heading"), h4.end());
  TempDir dir;
  write_file(dir.path() / "partners" / "page.html", html);
  write_file(dir.path() / "index.html", "<h1>x</h1>");
  write_file(dir.path() / "site.js", "");
  write_file(dir.path() / "site.css", "");
  std::vector<std::string> problems =
      check_html_page(dir.path() / "partners" / "page.html", dir.path());
  // Its links to the other pages lead nowhere in this folder; nothing else may fail.
  problems.erase(std::remove_if(problems.begin(), problems.end(),
                                [](const std::string& p) {
                                  return p.find("resolves to no file") != std::string::npos;
                                }),
                 problems.end());
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST_F(SiteTest, EveryPageKeepsTheHtmlRules) {
  workspace = load_clean(source);
  Diagnostics diagnostics;
  const site::SiteTemplates set = site::load_site_templates(source, diagnostics);
  site::SiteOptions options = on("2026-12-10");
  options.problems = {"partners/x/partner.yaml:3:7: error[yaml-syntax]: <b>bad</b>"};
  const site::SiteGenerator generator(*workspace, set, options);
  const std::vector<site::Page> pages = generator.render_all(diagnostics, 2);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(pages.size(), generator.page_paths().size());
  TempDir dir;
  for (const site::Page& page : pages) {
    write_file(dir.path() / page.path, page.bytes);
    // Rendering on two threads gives the bytes of rendering one by one.
    Diagnostics again;
    EXPECT_EQ(generator.render_page(page.path, again)->bytes, page.bytes) << page.path;
    if (page.path.ends_with(".html")) {
      EXPECT_NE(page.bytes.find("&lt;b&gt;bad&lt;/b&gt;"), std::string::npos) << page.path;
    }
  }
  EXPECT_TRUE(check_html_site(dir.path(), dir.path()).empty())
      << ::testing::PrintToString(check_html_site(dir.path(), dir.path()));
}

TEST_F(SiteTest, LinksOnlyThePdfsTheCallerVouchesFor) {
  site::SiteOptions options;
  options.document_href = [](const std::string& output) -> std::optional<std::string> {
    if (output == "lakeshore-college/invoice-INV-2026-0006.pdf" || output == "pipeline-report.pdf")
      return "../" + output;
    return std::nullopt;
  };
  const std::string html = page("partners/lakeshore-college.html", "2026-11-23", options);
  const std::vector<std::string> hrefs = html_attributes(html, "href");
  // From partners/, the site's root is one folder up, the build's two.
  EXPECT_EQ(
      std::count(hrefs.begin(), hrefs.end(), "../../lakeshore-college/invoice-INV-2026-0006.pdf"),
      2)  // in the invoice's row and in the list of documents
      << ::testing::PrintToString(hrefs);
  EXPECT_TRUE(has_row(html,
                      "INV-2026-0006 issued 2026-11-02 2026-12-02 $7,320.00 USD $0.00 USD "
                      "$0.00 USD $7,320.00 USD PDF: Invoice INV-2026-0006"));
  const std::string report = page("report.html", "2026-11-23", options);
  EXPECT_NE(report.find("href=\"../pipeline-report.pdf\""), std::string::npos);
}

TEST_F(SiteTest, TicklerAndStatementsCarryTheModelsFigures) {
  const std::string tickler = page("tickler.html", "2026-12-10");
  EXPECT_NE(tickler.find("Overdue invoices"), std::string::npos);
  EXPECT_TRUE(has_row(tickler,
                      "2026-12-02 overdue Lakeshore Community College Chase payment of invoice "
                      "INV-2026-0006 balance 7320.00 USD of 7320.00 USD, issued 2026-11-02, due "
                      "2026-12-02, 8 days overdue partners/lakeshore-college/invoices/"
                      "INV-2026-0006.yaml"))
      << ::testing::PrintToString(rows_of(tickler));
  const std::string statements = page("statements.html", "2026-12-10");
  // 8 days past due: the 0–30 bucket.
  EXPECT_TRUE(has_row(statements,
                      "Lakeshore Community College USD $31,022.50 USD $23,702.50 USD $40.00 USD "
                      "$7,280.00 USD $0.00 USD $7,320.00 USD $0.00 USD $0.00 USD $0.00 USD "
                      "not built"))
      << ::testing::PrintToString(rows_of(statements));
}

TEST_F(SiteTest, ATemplateNamingMissingDataIsReportedWithItsPlace) {
  source.add("templates/site/tickler.mustache", "<h1>Tickler</h1>\n<p>{{no_such_value}}</p>\n");
  workspace = load_clean(source);
  Diagnostics diagnostics;
  const site::SiteTemplates set = site::load_site_templates(source, diagnostics);
  const site::SiteGenerator generator(*workspace, set, on("2026-11-23"));
  EXPECT_FALSE(generator.render_page("tickler.html", diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  const Diagnostic& d = diagnostics.items().front();
  EXPECT_EQ(d.code, "template-unknown-variable");
  EXPECT_EQ(d.file, "templates/site/tickler.mustache");
  EXPECT_EQ(d.position.line, 2);
  EXPECT_EQ(d.position.column, 4);
}

TEST(SiteMarkdownTest, PlacedMarkdownKeepsHeadingsInOrderScopesHeadersAndDropsImages) {
  render::MarkdownPlacement placement;
  placement.outbound_links_only = true;
  placement.heading_offset = 2;
  placement.scoped_table_headers = true;
  EXPECT_EQ(render::markdown_to_html("# A\n\n#### B\n\n## C\n", placement),
            "<h3>A</h3>\n<h4>B</h4>\n<h4>C</h4>\n");
  EXPECT_EQ(render::markdown_to_html("##### Deep first\n", placement), "<h3>Deep first</h3>\n");
  EXPECT_EQ(render::markdown_to_html("![alt](https://x.example/a.png) [r](docs/a.md) "
                                     "[m](mailto:a@b.org) [f](#top)",
                                     placement),
            "<p>alt r <a href=\"mailto:a@b.org\">m</a> <a href=\"#top\">f</a></p>\n");
  EXPECT_NE(
      render::markdown_to_html("| a |\n|---|\n| 1 |\n", placement).find("<th scope=\"col\">a"),
      std::string::npos);
  // Documents keep their rules: relative links and images stay.
  EXPECT_EQ(render::markdown_to_html("[r](docs/a.md)"), "<p><a href=\"docs/a.md\">r</a></p>\n");
}

}  // namespace
}  // namespace partnerops::testing
