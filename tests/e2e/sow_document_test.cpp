// A statement of work as people write them, built end to end and read back:
// hours without rates (no money anywhere), sections left out when they have
// nothing to say, Markdown in every list item, lead-in text before the user
// stories, out-of-scope items and roles, and a timeline naming each
// deliverable by its title. The PDF is read with pdftotext; the Markdown is
// checked in the HTML `build --html` keeps beside it.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};
constexpr const char* k_sow_path = "partners/cascadia-climate/sow/pilot.yaml";

/// A SOW of hours alone, with Markdown in each list and hostile input
/// (raw HTML, a file:// link) among it.
constexpr const char* k_pilot = R"(id: pilot
title: Pilot of the Teaching Hub
agreement: agreement.yaml
status: draft
date: 2026-11-23
currency: USD
background: |
  Three courses try the hub for one term.
user_stories_intro: The pilot serves *two* groups of users.
user_stories:
  - As a student, I want **one** sign-in, so that I start in class.
  - As a lecturer, I want `nbgrader`, so that <script>alert(1)</script>grading is quick.
deliverables:
  - id: d1-sign-in
    title: Sign-in for the three courses
    overview: |
      Connect the hub to the college's identity provider.
    definition_of_done:
      - Every student signs in with a *college* account
      - See the [runbook](https://example.org/runbook) and [local](file:///etc/passwd)
    role: Infrastructure engineer
    estimates:
      - task: Configure the `GenericOAuthenticator`
        low_hours: 4
        high_hours: 8
      - task: Test with _one_ course
        low_hours: 2.5
        high_hours: 4
  - id: d2-handover
    title: Handover to the college
    overview: |
      Train the college's administrator.
    definition_of_done:
      - Administrator guide delivered
    role: Research software engineer
    estimates:
      - task: Write the guide
        low_hours: 3
        high_hours: 5
out_of_scope_intro: Left for a later phase.
out_of_scope:
  - Grading *integration* with the LMS
roles_intro: Both people work part time.
roles:
  - role: Infrastructure engineer
    capacity: 0.1 FTE for 2 weeks
timeline:
  - deliverable: d1-sign-in
    start: 2027-01-04
    end: 2027-01-15
  - deliverable: d2-handover
    start: 2027-01-18
    end: 2027-01-22
links:
  - title: Design *notes* in `docs/`
    url: https://example.org/design
)";

/// The same SOW with only what is required: no user stories, technical
/// details, out-of-scope items, roles, timeline or links.
constexpr const char* k_bare = R"(id: pilot
title: Pilot of the Teaching Hub
agreement: agreement.yaml
status: draft
date: 2026-11-23
currency: USD
background: |
  Three courses try the hub for one term.
deliverables:
  - id: d1-sign-in
    title: Sign-in for the three courses
    overview: |
      Connect the hub to the college's identity provider.
    definition_of_done:
      - Every student signs in with a college account
    role: Infrastructure engineer
    estimates:
      - task: Configure the authenticator
        low_hours: 4
        high_hours: 8
user_stories: []
out_of_scope: []
links: []
roles: []
timeline: []
)";

/// pdftotext keeps the layout; compare with runs of spaces folded.
std::string fold(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

class SowDocumentTest : public ::testing::Test {
 protected:
  /// Builds `yaml` as the cascadia-climate SOW pilot.yaml; its PDF's text.
  std::string build(const std::string& yaml) {
    make_base_workspace(dir.path());
    write_file(dir.path() / k_sow_path, yaml);
    const RunResult result = run_partnerops(
        {"build", dir.path().string(), "--partner", "cascadia-climate", "--kind", "sow", "--html",
         "--today", "2026-11-23", "--out", (dir.path() / "out").string()},
        dir.path(), k_epoch);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return fold(pdf_text(dir.path() / "out/cascadia-climate/sow-pilot.pdf"));
  }
  std::string html() const { return read_file(dir.path() / "out/cascadia-climate/sow-pilot.html"); }
  TempDir dir;
};

TEST_F(SowDocumentTest, HoursAloneCarryTheirUnitPerTaskDeliverableAndTotalAndNoMoney) {
  const std::string t = build(k_pilot);
  EXPECT_NE(t.find("Test with one course 2.5 hours 4 hours"), std::string::npos) << t;
  // D1: 4 + 2.5 = 6.5 to 8 + 4 = 12; D2: 3 to 5; in all 9.5 to 17.
  EXPECT_NE(t.find("Total 6.5 hours 12 hours"), std::string::npos) << t;
  EXPECT_NE(t.find("Total 3 hours 5 hours"), std::string::npos) << t;
  EXPECT_NE(t.find("Total 9.5 hours – 17 hours"), std::string::npos) << t;
  EXPECT_EQ(t.find("$"), std::string::npos) << t;
  EXPECT_EQ(t.find("Price"), std::string::npos) << t;
  EXPECT_EQ(t.find("RATE PER HOUR"), std::string::npos) << t;
}

TEST_F(SowDocumentTest, TimelineNamesEachDeliverableByItsTitle) {
  const std::string t = build(k_pilot);
  EXPECT_NE(t.find("Sign-in for the three courses 4 January 2027 15 January 2027"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("Handover to the college 18 January 2027 22 January 2027"), std::string::npos)
      << t;
  EXPECT_EQ(t.find("d1-sign-in"), std::string::npos) << t;
}

TEST_F(SowDocumentTest, MarkdownWorksInEveryListAndRawHtmlAndFileLinksAreDropped) {
  const std::string t = build(k_pilot);
  const std::string h = html();
  // User stories, definition of done, tasks, out of scope, link titles:
  // inline, with no paragraph inside the list item or cell.
  EXPECT_NE(h.find("<li>As a student, I want <strong>one</strong> sign-in"), std::string::npos)
      << h;
  EXPECT_NE(
      h.find("<li>As a lecturer, I want <code>nbgrader</code>, so that "
             "<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->grading is quick.</li>"),
      std::string::npos)
      << h;
  EXPECT_NE(h.find("<li>Every student signs in with a <em>college</em> account</li>"),
            std::string::npos)
      << h;
  EXPECT_NE(
      h.find("<li>See the <a href=\"https://example.org/runbook\">runbook</a> and local</li>"),
      std::string::npos)
      << h;
  EXPECT_NE(
      h.find("<td class=\"description\">Configure the <code>GenericOAuthenticator</code></td>"),
      std::string::npos)
      << h;
  EXPECT_NE(h.find("<td class=\"description\">Test with <em>one</em> course</td>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<li>Grading <em>integration</em> with the LMS</li>"), std::string::npos) << h;
  EXPECT_NE(
      h.find("<li>Design <em>notes</em> in <code>docs/</code>: https://example.org/design</li>"),
      std::string::npos)
      << h;
  EXPECT_EQ(h.find("<script"), std::string::npos) << h;
  EXPECT_EQ(h.find("file:"), std::string::npos) << h;
  EXPECT_EQ(h.find("<li><p>"), std::string::npos) << h;
  // The PDF shows the text, not the Markdown.
  EXPECT_NE(t.find("Every student signs in with a college account"), std::string::npos) << t;
  EXPECT_EQ(t.find("*"), std::string::npos) << t;
  EXPECT_EQ(t.find("`"), std::string::npos) << t;
}

TEST_F(SowDocumentTest, LeadInTextPrecedesUserStoriesOutOfScopeAndRoles) {
  const std::string t = build(k_pilot);
  const std::string h = html();
  EXPECT_NE(h.find("<p>The pilot serves <em>two</em> groups of users.</p>"), std::string::npos)
      << h;
  const std::size_t stories = t.find("User stories");
  const std::size_t intro = t.find("The pilot serves two groups of users.");
  const std::size_t first = t.find("As a student");
  ASSERT_NE(intro, std::string::npos) << t;
  EXPECT_LT(stories, intro);
  EXPECT_LT(intro, first);
  const std::size_t scope = t.find("Out of scope");
  const std::size_t later = t.find("Left for a later phase.");
  EXPECT_LT(scope, later);
  EXPECT_LT(later, t.find("Grading integration with the LMS"));
  const std::size_t roles = t.find("Roles and capacity");
  const std::size_t part_time = t.find("Both people work part time.");
  EXPECT_LT(roles, part_time);
  EXPECT_LT(part_time, t.find("0.1 FTE for 2 weeks"));
}

TEST_F(SowDocumentTest, SectionsWithNothingToSayAreLeftOutHeadingAndAll) {
  const std::string t = build(k_bare);
  const std::string h = html();
  for (const char* heading : {"User stories", "Technical details", "Out of scope",
                              "Roles and capacity", "Timeline", "Related links"}) {
    EXPECT_EQ(t.find(heading), std::string::npos) << heading << "\n" << t;
    EXPECT_EQ(h.find(std::string("<h2>") + heading), std::string::npos) << heading;
  }
  EXPECT_EQ(h.find("<ul></ul>"), std::string::npos) << h;
  EXPECT_EQ(h.find("<tbody></tbody>"), std::string::npos) << h;
  // What the SOW does say is all there.
  EXPECT_NE(t.find("Background"), std::string::npos) << t;
  EXPECT_NE(t.find("Deliverables"), std::string::npos) << t;
  EXPECT_NE(t.find("Total 4 hours – 8 hours"), std::string::npos) << t;
}

TEST_F(SowDocumentTest, SubtitleNamesTheAgreementItIsAnAddendumTo) {
  const std::string t = build(k_pilot);
  EXPECT_NE(t.find("Statement of work, an addendum to the Managed Pangeo Hub Service Agreement"),
            std::string::npos)
      << t;
}

}  // namespace
}  // namespace partnerops::e2e
