// The template context of a statement of work (documents/context): hours
// with their unit, each list item's Markdown rendered inline by the
// project's renderer, the timeline naming deliverables by title, a flag per
// section that has something to print, and the agreement named as the one
// the SOW is an addendum to only when it is the file the SOW names.

#include <gtest/gtest.h>

#include "documents/context.hpp"
#include "fixture_workspace.hpp"
#include "render/markdown.hpp"

namespace partnerops {
namespace {

using json = nlohmann::json;

const std::string k_sow = "partners/cascadia-climate/sow/hub-migration.yaml";

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
                            ContextOptions{*Date::parse("2026-11-23"), [](std::string_view text) {
                                             return render::markdown_to_html(text);
                                           }});
  }
};

TEST_F(SowContextTest, HoursCarryTheirUnitInEveryRowAndTotal) {
  const json sow = sow_context()["sow"];
  const json& d1 = sow["deliverables"][0];
  EXPECT_EQ(d1["estimates"][0]["low_hours"], "6 h");
  EXPECT_EQ(d1["estimates"][0]["high_hours"], "10 h");
  EXPECT_EQ(d1["low_hours"], "16 h");
  EXPECT_EQ(d1["high_hours"], "28 h");
  EXPECT_EQ(sow["total_low_hours"], "84 h");
  EXPECT_EQ(sow["total_high_hours"], "138 h");
}

TEST_F(SowContextTest, TimelineRowsNameTheDeliverableByItsTitle) {
  const json sow = sow_context()["sow"];
  EXPECT_EQ(sow["timeline"][0]["deliverable"], "d1-discovery");
  EXPECT_EQ(sow["timeline"][0]["deliverable_title"], "Discovery and target design");
}

TEST_F(SowContextTest, ListItemsAreMarkdownRenderedInlineAndBlocksStayBlocks) {
  edit(k_sow, "      - Cut-over date agreed with member institutions\n",
       "      - Cut-over date agreed in `cutover.md`\n"
       "      - |\n        Two paragraphs.\n\n        The second.\n"
       "      - \"<b>bold</b> [x](javascript:alert(1))\"\n");
  const json done = sow_context()["sow"]["deliverables"][0]["definition_of_done_items"];
  ASSERT_EQ(done.size(), 4u) << done;
  EXPECT_EQ(done[1]["text_html"], "Cut-over date agreed in <code>cutover.md</code>");
  EXPECT_EQ(done[2]["text_html"], "<p>Two paragraphs.</p>\n<p>The second.</p>\n");
  EXPECT_EQ(done[3]["text_html"], "<!-- raw HTML omitted -->bold<!-- raw HTML omitted --> x");
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
