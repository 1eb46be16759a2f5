// A statement of work as people write them, built end to end and read back:
// hours without rates (no money anywhere), sections left out when they have
// nothing to say, Markdown in every list item, lead-in text before the user
// stories, out-of-scope items and roles, and a timeline naming each
// deliverable by its title. The PDF is read with pdftotext; the Markdown is
// checked in the HTML `build --html` keeps beside it.

#include <gtest/gtest.h>

#include <tuple>

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

/// Every one of `needles` is in `text`; each missing one is named.
void expect_holds(const std::string& text, std::initializer_list<std::string> needles) {
  for (const std::string& needle : needles)
    EXPECT_NE(text.find(needle), std::string::npos) << needle << "\nnot in\n" << text;
}

/// None of `needles` is in `text`.
void expect_lacks(const std::string& text, std::initializer_list<std::string> needles) {
  for (const std::string& needle : needles)
    EXPECT_EQ(text.find(needle), std::string::npos) << needle << "\nin\n" << text;
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
  // D1: 4 + 2.5 = 6.5 to 8 + 4 = 12; D2: 3 to 5; in all 9.5 to 17.
  expect_holds(t, {"Test with one course 2.5 hours 4 hours", "Total 6.5 hours 12 hours",
                   "Total 3 hours 5 hours", "Total 9.5 hours – 17 hours"});
  expect_lacks(t, {"$", "Price", "RATE PER HOUR"});
}

TEST_F(SowDocumentTest, TimelineNamesEachDeliverableByItsTitle) {
  const std::string t = build(k_pilot);
  expect_holds(t, {"Sign-in for the three courses 4 January 2027 15 January 2027",
                   "Handover to the college 18 January 2027 22 January 2027"});
  expect_lacks(t, {"d1-sign-in", "d2-handover"});
}

TEST_F(SowDocumentTest, MarkdownWorksInEveryListAndRawHtmlAndFileLinksAreDropped) {
  const std::string t = build(k_pilot);
  // User stories, definition of done, tasks, out of scope, link titles:
  // inline, with no paragraph inside the list item or cell.
  expect_holds(
      html(), {"<li>As a student, I want <strong>one</strong> sign-in",
               "<li>As a lecturer, I want <code>nbgrader</code>, so that "
               "<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->grading is quick.</li>",
               "<li>Every student signs in with a <em>college</em> account</li>",
               "<li>See the <a href=\"https://example.org/runbook\">runbook</a> and local</li>",
               "<td class=\"description\">Configure the <code>GenericOAuthenticator</code></td>",
               "<td class=\"description\">Test with <em>one</em> course</td>",
               "<li>Grading <em>integration</em> with the LMS</li>",
               "<li>Design <em>notes</em> in <code>docs/</code>: https://example.org/design</li>"});
  expect_lacks(html(), {"<script", "file:", "<li><p>"});
  // The PDF shows the text, not the Markdown.
  expect_holds(t, {"Every student signs in with a college account"});
  expect_lacks(t, {"*", "`"});
}

TEST_F(SowDocumentTest, LeadInTextPrecedesUserStoriesOutOfScopeAndRoles) {
  const std::string t = build(k_pilot);
  expect_holds(html(), {"<p>The pilot serves <em>two</em> groups of users.</p>"});
  // Heading, lead-in, then the first item, in each of the three sections.
  for (const auto& [heading, intro, item] :
       {std::tuple{"User stories", "The pilot serves two groups of users.", "As a student"},
        std::tuple{"Out of scope", "Left for a later phase.", "Grading integration with the LMS"},
        std::tuple{"Roles and capacity", "Both people work part time.", "0.1 FTE for 2 weeks"}}) {
    ASSERT_NE(t.find(intro), std::string::npos) << intro << "\n" << t;
    EXPECT_LT(t.find(heading), t.find(intro)) << heading;
    EXPECT_LT(t.find(intro), t.find(item)) << item;
  }
}

TEST_F(SowDocumentTest, SectionsWithNothingToSayAreLeftOutHeadingAndAll) {
  const std::string t = build(k_bare);
  const std::string h = html();
  for (const char* heading : {"User stories", "Technical details", "Out of scope",
                              "Roles and capacity", "Timeline", "Related links"}) {
    expect_lacks(t, {heading});
    expect_lacks(h, {std::string("<h2>") + heading});
  }
  expect_lacks(h, {"<ul></ul>", "<tbody></tbody>"});
  // What the SOW does say is all there.
  expect_holds(t, {"Background", "Deliverables", "Total 4 hours – 8 hours"});
}

TEST_F(SowDocumentTest, SubtitleNamesTheAgreementItIsAnAddendumTo) {
  expect_holds(build(k_pilot),
               {"Statement of work, an addendum to the Managed Pangeo Hub Service Agreement"});
}

}  // namespace
}  // namespace partnerops::e2e
