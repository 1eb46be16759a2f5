// The template context of a statement of work (documents/context): hours
// with their unit, each list item's Markdown rendered inline (here by a
// stand-in that writes paragraphs as cmark-gfm does; the real renderer is
// read back in tests/e2e/sow_document_test.cpp), the timeline naming deliverables by title, a flag
// per section that has something to print, and the agreement named as the one the SOW is an
// addendum to only when it is the file the SOW names.

#include <gtest/gtest.h>

#include "documents/context.hpp"
#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

using json = nlohmann::json;

const std::string k_sow = "partners/cascadia-climate/sow/hub-migration.yaml";

/// Each blank-line-separated block of `text` as "<p>…</p>\n", with
/// backquoted words as <code>, as cmark-gfm writes them.
std::string paragraphs(std::string_view text) {
  std::string html;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string block(text.substr(start, end - start));
    while (!block.empty() && block.back() == '\n') block.pop_back();
    for (bool open = true;;) {
      const std::size_t tick = block.find('`');
      if (tick == std::string::npos) break;
      block.replace(tick, 1, open ? "<code>" : "</code>");
      open = !open;
    }
    if (!block.empty()) html += "<p>" + block + "</p>\n";
    start = end + 2;
  }
  return html;
}

class SowContextTest : public testing::FixtureChecksTest {
 protected:
  /// The context of the cascadia-climate SOW as `build` would render it.
  json sow_context() {
    testing::MemorySource source;
    for (const auto& [path, text] : m_files) source.add(path, text);
    Diagnostics diagnostics;
    const Workspace workspace = load_workspace(source, {}, diagnostics);
    PlanOptions plan;
    plan.today = *Date::parse("2026-11-23");
    plan.partner = "cascadia-climate";
    plan.kind = DocumentKind::sow;
    const std::vector<DocumentJob> jobs = plan_documents(workspace, plan);
    EXPECT_EQ(jobs.size(), 1u);
    if (jobs.empty()) return json::object();
    return document_context(workspace, jobs[0],
                            ContextOptions{*Date::parse("2026-11-23"), &paragraphs});
  }
};

TEST_F(SowContextTest, HoursCarryTheirUnitInEveryRowAndTotal) {
  const json sow = sow_context()["sow"];
  const json& d1 = sow["deliverables"][0];
  EXPECT_EQ(d1["estimates"][0]["low_hours"], "6 hours");
  EXPECT_EQ(d1["estimates"][0]["high_hours"], "10 hours");
  EXPECT_EQ(d1["low_hours"], "16 hours");
  EXPECT_EQ(d1["high_hours"], "28 hours");
  EXPECT_EQ(sow["total_low_hours"], "84 hours");
  EXPECT_EQ(sow["total_high_hours"], "138 hours");
}

TEST_F(SowContextTest, OneHourIsSingular) {
  edit(k_sow, "Inventory current hub configuration and images\n        low_hours: 6\n",
       "Inventory current hub configuration and images\n        low_hours: 1\n");
  const json sow = sow_context()["sow"];
  EXPECT_EQ(sow["deliverables"][0]["estimates"][0]["low_hours"], "1 hour");
  EXPECT_EQ(sow["deliverables"][0]["low_hours"], "11 hours");
}

TEST_F(SowContextTest, TimelineRowsNameTheDeliverableByItsTitle) {
  const json sow = sow_context()["sow"];
  EXPECT_EQ(sow["timeline"][0]["deliverable"], "d1-discovery");
  EXPECT_EQ(sow["timeline"][0]["deliverable_title"], "Discovery and target design");
}

TEST_F(SowContextTest, ListItemsAreMarkdownRenderedInlineAndBlocksStayBlocks) {
  edit(k_sow, "      - Cut-over date agreed with member institutions\n",
       "      - Cut-over date agreed in `cutover.md`\n"
       "      - |\n        Two paragraphs.\n\n        The second.\n");
  const json sow = sow_context()["sow"];
  const json& done = sow["deliverables"][0]["definition_of_done_items"];
  ASSERT_EQ(done.size(), 3u) << done;
  EXPECT_EQ(done[1]["text_html"], "Cut-over date agreed in <code>cutover.md</code>");
  EXPECT_EQ(done[2]["text_html"], "<p>Two paragraphs.</p>\n<p>The second.</p>\n");
  EXPECT_EQ(sow["deliverables"][1]["estimates"][0]["task_html"],
            "Provision cluster, node pools and networking");
  EXPECT_EQ(sow["user_stories_items"][0]["text_html"],
            "As a consortium researcher, I want to log in with my home institution's account, so "
            "that I do not manage another password.");
  EXPECT_EQ(sow["out_of_scope_items"].size(), sow["out_of_scope"].size());
  EXPECT_EQ(sow["links"][0]["title_html"], sow["links"][0]["title"]);
}

TEST_F(SowContextTest, EachSectionSaysWhetherItHasAnythingToPrint) {
  json sow = sow_context()["sow"];
  for (const char* key : {"has_user_stories", "has_technical_details", "has_out_of_scope",
                          "has_roles", "has_timeline", "has_links"})
    EXPECT_EQ(sow[key], true) << key;
  edit(k_sow, "out_of_scope:\n", "out_of_scope_intro: Nothing is left out.\nout_of_scope:\n");
  m_files.at(k_sow).erase(m_files.at(k_sow).find("links:\n"),
                          m_files.at(k_sow).find("roles:\n") - m_files.at(k_sow).find("links:\n"));
  sow = sow_context()["sow"];
  EXPECT_EQ(sow["has_links"], false);
  EXPECT_EQ(sow["links"], json::array());
  EXPECT_EQ(sow["has_out_of_scope"], true);
  EXPECT_EQ(sow["out_of_scope_intro_html"], "<p>Nothing is left out.</p>\n");
  EXPECT_EQ(sow["user_stories_intro_html"], "");
}

TEST_F(SowContextTest, AnAddendumOnlyToTheAgreementItNames) {
  json context = sow_context();
  EXPECT_EQ(context["sow"]["addendum_to"], "Managed Pangeo Hub Service Agreement");
  EXPECT_EQ(context["agreement"]["title"], "Managed Pangeo Hub Service Agreement");
  // A SOW naming another agreement file is no addendum of this one.
  edit(k_sow, "agreement: agreement.yaml", "agreement: agreement-2025.yaml");
  context = sow_context();
  EXPECT_EQ(context["sow"]["addendum_to"], "");
  EXPECT_EQ(context["agreement"], json::object());
}

}  // namespace
}  // namespace partnerops
