#include "report/tickler.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <nlohmann/json.hpp>

#include "check/checks.hpp"
#include "model/checklist.hpp"
#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

using testing::load_clean;
using testing::MemorySource;
using testing::replace_in;

const Date k_today = *Date::parse("2026-11-23");

/// "due kind partner subject file", one string per item, for exact lists.
std::vector<std::string> rows(const std::vector<TicklerItem>& items) {
  std::vector<std::string> out;
  for (const TicklerItem& item : items) {
    out.push_back(item.due.iso() + " " + std::string(name_of(item.kind)) + " " + item.slug + " " +
                  item.subject + " " + item.file);
  }
  return out;
}

TEST(Tickler, FixtureItemsWithinSixtyDays) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  // Computed by hand from tests/fixtures/base (see the comments).
  const std::vector<std::string> expected = {
      // lakeshore: term ends 2027-01-31, 30 days' notice → deadline 2027-01-01;
      // renewal_notice_days 60 → window opened 2026-11-02; no renewal-reviewed.
      "2026-11-02 renewal-notice lakeshore-college 2027-01-31 "
      "partners/lakeshore-college/partner.yaml",
      // halden entered lead 2026-11-16; lead-assessed 14 days.
      "2026-11-30 checklist halden-hydrology-group lead-assessed "
      "partners/halden-hydrology-group/partner.yaml",
      // prairie entered prospect 2026-11-03; technical-scoping 30 days.
      "2026-12-03 checklist prairie-public-health technical-scoping "
      "partners/prairie-public-health/partner.yaml",
      // first-meeting-prepared: 21 days after hail-the-lead (2026-11-17), later than entry.
      "2026-12-08 checklist halden-hydrology-group first-meeting-prepared "
      "partners/halden-hydrology-group/partner.yaml",
      // noordzee entered partner 2026-06-12; compliance-audit 180 days; its
      // agreement lists compliance requirements, so the row is the audit's.
      "2026-12-09 compliance-audit noordzee-marine-data compliance-audit "
      "partners/noordzee-marine-data/agreement.yaml",
      // negotiation-started: 30 days after draft-agreement-shared 2026-11-10.
      "2026-12-10 checklist prairie-public-health negotiation-started "
      "partners/prairie-public-health/partner.yaml",
      // first-meeting-held: 30 days after first-meeting-prepared 2026-11-12.
      "2026-12-12 checklist northbay-earth-sciences first-meeting-held "
      "partners/northbay-earth-sciences/partner.yaml",
      // noordzee's only performance review, 2026-09-17, quarterly: three months on.
      "2026-12-17 review noordzee-marine-data performance-review "
      "partners/noordzee-marine-data/kpis.yaml",
      // northbay's latest activity: checklist and notes heading 2026-11-12, + 45 days.
      "2026-12-27 lead-inactive northbay-earth-sciences activity "
      "partners/northbay-earth-sciences/notes.md",
      // technical-deployment: 75 days after technical-scoping 2026-10-14.
      "2026-12-28 checklist cascadia-climate technical-deployment "
      "partners/cascadia-climate/partner.yaml",
      "2027-01-01 renewal lakeshore-college 2027-01-31 partners/lakeshore-college/agreement.yaml",
      // halden's latest activity: hail-the-lead and its notes heading 2026-11-17.
      "2027-01-01 lead-inactive halden-hydrology-group activity "
      "partners/halden-hydrology-group/notes.md",
      // lakeshore recorded compliance-audit on 2026-07-22: the next, 180 days on.
      "2027-01-18 compliance-audit lakeshore-college compliance-audit "
      "partners/lakeshore-college/agreement.yaml",
  };
  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  EXPECT_EQ(rows(items), expected);

  // Left out: cascadia e-signature-sent (due 2027-01-31) and lakeshore
  // partnership-review (2027-01-29) are after 2027-01-22; lakeshore's
  // renewal-reviewed item (2026-12-25) is the renewal notice already listed.
  ASSERT_EQ(items.size(), 13u);
  EXPECT_EQ(items[0].title, "Send the renewal notice and record the decision");
  EXPECT_EQ(items[0].detail,
            "in the renewal window since 2026-11-02 (notice deadline 2027-01-01, term ends "
            "2027-01-31); no renewal-reviewed record since then");
  EXPECT_EQ(
      items[10].title,
      "Notice deadline to renew, amend or end 'Managed JupyterHub Teaching Service Agreement'");
  EXPECT_EQ(items[10].detail, "term 2026-02-01 to 2027-01-31 (renewal: manual, 30 days' notice)");
  EXPECT_EQ(items[8].title, "Follow up: no activity since 2026-11-12");
}

TEST(Tickler, AShorterWindowKeepsOnlyWhatIsDueSooner) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  EXPECT_EQ(rows(tickler_items(*workspace, {k_today, 7})),
            (std::vector<std::string>{
                "2026-11-02 renewal-notice lakeshore-college 2027-01-31 "
                "partners/lakeshore-college/partner.yaml",
                "2026-11-30 checklist halden-hydrology-group lead-assessed "
                "partners/halden-hydrology-group/partner.yaml",
            }));
}

class TicklerVariant : public ::testing::Test {
 protected:
  MemorySource source = testing::fixture_workspace();
};

TEST_F(TicklerVariant, OverdueLapsedStalledCheckInAndRecordedRenewal) {
  // An issued invoice past its due date with nothing paid.
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
             "due_date: 2026-12-02", "due_date: 2026-11-20");
  // The satisfaction check-in never recorded: due 90 days after 2026-01-29.
  // The renewal decision recorded after the window opened (2026-11-02).
  replace_in(source, "partners/lakeshore-college/partner.yaml",
             "  satisfaction-check-in: 2026-04-21\n", "  renewal-reviewed: 2026-11-05\n");
  // noordzee's term ended while it is still a partner, and it does not
  // renew by itself.
  replace_in(source, "partners/noordzee-marine-data/agreement.yaml", "  end: 2027-06-30",
             "  end: 2026-10-31");
  replace_in(source, "partners/noordzee-marine-data/agreement.yaml", "  renewal: auto",
             "  renewal: manual");
  // prairie negotiating since its last agreement entry on 2026-11-10; the
  // organisation calls a negotiation stalled after 20 days.
  replace_in(source, "partners/prairie-public-health/agreement.yaml", "status: shared\ncurrency",
             "status: negotiating\ncurrency");
  replace_in(source, "partnerops.yaml", "  renewal_notice_days: 60\n",
             "  renewal_notice_days: 60\n  negotiation_stall_days: 20\n");
  const auto workspace = load_clean(source);

  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  EXPECT_EQ(rows(items), (std::vector<std::string>{
                             "2026-04-29 check-in lakeshore-college satisfaction-check-in "
                             "partners/lakeshore-college/partner.yaml",
                             "2026-10-31 lapsed noordzee-marine-data 2026-10-31 "
                             "partners/noordzee-marine-data/agreement.yaml",
                             "2026-11-20 invoice-overdue lakeshore-college INV-2026-0006 "
                             "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
                             "2026-11-30 negotiation-stalled prairie-public-health agreement "
                             "partners/prairie-public-health/agreement.yaml",
                             "2026-11-30 checklist halden-hydrology-group lead-assessed "
                             "partners/halden-hydrology-group/partner.yaml",
                             "2026-12-03 checklist prairie-public-health technical-scoping "
                             "partners/prairie-public-health/partner.yaml",
                             "2026-12-08 checklist halden-hydrology-group first-meeting-prepared "
                             "partners/halden-hydrology-group/partner.yaml",
                             "2026-12-09 compliance-audit noordzee-marine-data compliance-audit "
                             "partners/noordzee-marine-data/agreement.yaml",
                             "2026-12-10 checklist prairie-public-health negotiation-started "
                             "partners/prairie-public-health/partner.yaml",
                             "2026-12-12 checklist northbay-earth-sciences first-meeting-held "
                             "partners/northbay-earth-sciences/partner.yaml",
                             "2026-12-17 review noordzee-marine-data performance-review "
                             "partners/noordzee-marine-data/kpis.yaml",
                             "2026-12-27 lead-inactive northbay-earth-sciences activity "
                             "partners/northbay-earth-sciences/notes.md",
                             "2026-12-28 checklist cascadia-climate technical-deployment "
                             "partners/cascadia-climate/partner.yaml",
                             "2027-01-01 renewal lakeshore-college 2027-01-31 "
                             "partners/lakeshore-college/agreement.yaml",
                             "2027-01-01 lead-inactive halden-hydrology-group activity "
                             "partners/halden-hydrology-group/notes.md",
                             "2027-01-18 compliance-audit lakeshore-college compliance-audit "
                             "partners/lakeshore-college/agreement.yaml",
                         }));
  const auto invoice = std::find_if(items.begin(), items.end(), [](const TicklerItem& item) {
    return item.kind == TicklerKind::invoice_overdue;
  });
  ASSERT_NE(invoice, items.end());
  EXPECT_EQ(
      invoice->detail,
      "balance 7320.00 USD of 7320.00 USD, issued 2026-11-02, due 2026-11-20, 3 days overdue");
}

/// The rows of one partner.
std::vector<std::string> rows_of(const std::vector<TicklerItem>& items, const std::string& slug) {
  std::vector<std::string> out;
  for (const std::string& row : rows(items))
    if (row.find(" " + slug + " ") != std::string::npos) out.push_back(row);
  return out;
}

TEST_F(TicklerVariant, AnAutomaticRenewalRollsOnInsteadOfLapsing) {
  // noordzee's written term (auto, 90 days' notice) is four months and ended
  // on 2026-10-31: on 2026-11-23 the renewal 2026-11-01 to 2027-02-28 is in
  // force, notice deadline 2026-11-30, window opened 60 days before.
  replace_in(source, "partners/noordzee-marine-data/agreement.yaml", "  end: 2027-06-30",
             "  end: 2026-10-31");
  const auto workspace = load_clean(source);
  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  EXPECT_EQ(rows_of(items, "noordzee-marine-data"),
            (std::vector<std::string>{
                "2026-10-01 renewal-notice noordzee-marine-data 2027-02-28 "
                "partners/noordzee-marine-data/partner.yaml",
                "2026-11-30 renewal noordzee-marine-data 2027-02-28 "
                "partners/noordzee-marine-data/agreement.yaml",
                "2026-12-09 compliance-audit noordzee-marine-data compliance-audit "
                "partners/noordzee-marine-data/agreement.yaml",
                "2026-12-17 review noordzee-marine-data performance-review "
                "partners/noordzee-marine-data/kpis.yaml",
            }));
  const auto renewal = std::find_if(items.begin(), items.end(), [](const TicklerItem& item) {
    return item.kind == TicklerKind::renewal && item.slug == "noordzee-marine-data";
  });
  ASSERT_NE(renewal, items.end());
  EXPECT_EQ(renewal->detail,
            "term 2026-11-01 to 2027-02-28, renewal 1 of 2026-07-01 to 2026-10-31 (renewal: auto, "
            "90 days' notice)");
  // A year on, the renewal in force is the fourth; its deadline is listed.
  const std::vector<TicklerItem> later =
      tickler_items(*workspace, {*Date::parse("2027-11-23"), 60});
  std::vector<std::string> renewals;
  for (const std::string& row : rows_of(later, "noordzee-marine-data"))
    if (row.find(" renewal ") != std::string::npos ||
        row.find(" renewal-notice ") != std::string::npos)
      renewals.push_back(row);
  EXPECT_EQ(renewals, (std::vector<std::string>{
                          "2027-10-02 renewal-notice noordzee-marine-data 2028-02-29 "
                          "partners/noordzee-marine-data/partner.yaml",
                          "2027-12-01 renewal noordzee-marine-data 2028-02-29 "
                          "partners/noordzee-marine-data/agreement.yaml",
                      }));
}

TEST_F(TicklerVariant, ARenewalRecordFromBeforeTheWindowDoesNotCount) {
  replace_in(source, "partners/lakeshore-college/partner.yaml", "  compliance-audit: 2026-07-22\n",
             "  compliance-audit: 2026-07-22\n  renewal-reviewed: 2026-10-30\n");
  const auto workspace = load_clean(source);
  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(rows(items)[0],
            "2026-11-02 renewal-notice lakeshore-college 2027-01-31 "
            "partners/lakeshore-college/partner.yaml");
}

TEST_F(TicklerVariant, APaidBalanceAndATerminalStageAreNotReported) {
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
             "due_date: 2026-12-02", "due_date: 2026-11-20");
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml", "payments: []",
             "payments:\n  - date: 2026-11-21\n    amount: \"7320.00\"");
  const auto workspace = load_clean(source);
  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  // The other partners' items are still there: an empty list would pass
  // the loop below without checking anything.
  ASSERT_FALSE(items.empty());
  for (const TicklerItem& item : items) {
    EXPECT_NE(item.kind, TicklerKind::invoice_overdue);
    EXPECT_NE(item.slug, "ironwood-policy-institute");
  }
}

TEST_F(TicklerVariant, ACreditNoteLowersTheBalanceToChase) {
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
             "due_date: 2026-12-02", "due_date: 2026-11-20");
  const std::string note = "partners/lakeshore-college/credit-notes/CN-2026-0001.yaml";
  replace_in(source, note, "invoice: INV-2026-0004", "invoice: INV-2026-0006");
  replace_in(source, note, "invoice_line: 2", "invoice_line: 1");
  for (const char* key : {"unit_price: ", "    amount: ", "\nsubtotal: ", "\ntotal: "})
    replace_in(source, note, std::string(key) + "\"40.00\"", std::string(key) + "\"7000.00\"");
  const auto workspace = load_clean(source);
  const std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  const auto invoice = std::find_if(items.begin(), items.end(), [](const TicklerItem& item) {
    return item.kind == TicklerKind::invoice_overdue;
  });
  ASSERT_NE(invoice, items.end());
  EXPECT_EQ(invoice->detail,
            "balance 320.00 USD of 7320.00 USD, issued 2026-11-02, due 2026-11-20, 3 days overdue");
}

TEST_F(TicklerVariant, AClosedPartnerStillOwingMoneyIsChased) {
  std::string invoice =
      testing::fixture_text("partners/lakeshore-college/invoices/INV-2026-0006.yaml");
  invoice.replace(invoice.find("due_date: 2026-12-02"), 20, "due_date: 2026-11-01");
  source.add("partners/ironwood-policy-institute/invoices/INV-2026-0006.yaml", invoice);
  const auto workspace = load_clean(source);
  std::vector<std::string> ironwood;
  for (const std::string& row : rows(tickler_items(*workspace, {k_today, 60})))
    if (row.find("ironwood") != std::string::npos) ironwood.push_back(row);
  EXPECT_EQ(ironwood, std::vector<std::string>{
                          "2026-11-01 invoice-overdue ironwood-policy-institute INV-2026-0006 "
                          "partners/ironwood-policy-institute/invoices/INV-2026-0006.yaml"});
}

TEST(ChecklistDue, TheValidatorAndTheTicklerShareTheRule) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  const Partner& halden = *workspace->partner("halden-hydrology-group")->partner;
  const Stage& lead = *workspace->lifecycle()->stage("lead");
  EXPECT_EQ(checklist_item_due(*lead.item("lead-assessed"), halden), Date::parse("2026-11-30"));
  EXPECT_EQ(checklist_item_due(*lead.item("first-meeting-prepared"), halden),
            Date::parse("2026-12-08"));
  EXPECT_EQ(checklist_item_due(*lead.item("hail-the-lead"), halden), std::nullopt);       // done
  EXPECT_EQ(checklist_item_due(*lead.item("first-meeting-held"), halden), std::nullopt);  // waiting

  // On 2026-12-01, lead-assessed is the one overdue item, for both.
  Diagnostics diagnostics;
  run_checks(*workspace, *Date::parse("2026-12-01"), diagnostics);
  std::vector<std::string> overdue;
  for (const Diagnostic& d : diagnostics)
    if (d.code == "checklist-overdue") overdue.push_back(d.file + ": " + d.message);
  EXPECT_THAT(overdue,
              ::testing::Contains(
                  "partners/halden-hydrology-group/partner.yaml: 'Assess the lead — strategic "
                  "fit, financial stability, potential contribution, priority' was due on "
                  "2026-11-30 (1 days ago)"));
}

TEST_F(TicklerVariant, TheNextPerformanceReviewFollowsTheLatestReview) {
  // noordzee's only review, 2026-09-17, quarterly: the next is due three
  // months on. lakeshore's latest, 2026-11-12, is due 2027-02-12, after
  // the 60 days; a date agreed at the review brings it forward.
  replace_in(source, "partners/lakeshore-college/kpis.yaml",
             "  - date: 2026-11-12\n    kind: quarterly\n",
             "  - date: 2026-11-12\n    kind: quarterly\n    next_review: 2026-11-20\n");
  auto workspace = load_clean(source);
  std::vector<TicklerItem> items = tickler_items(*workspace, {k_today, 60});
  std::vector<std::string> reviews;
  for (const TicklerItem& item : items)
    if (item.kind == TicklerKind::review)
      reviews.push_back(rows({item})[0] + " | " + item.title + " | " + item.detail);
  EXPECT_EQ(reviews, (std::vector<std::string>{
                         "2026-11-20 review lakeshore-college performance-review "
                         "partners/lakeshore-college/kpis.yaml | Hold the next quarterly "
                         "performance review | last review 2026-11-12 (quarterly); next_review "
                         "agreed at it",
                         "2026-12-17 review noordzee-marine-data performance-review "
                         "partners/noordzee-marine-data/kpis.yaml | Hold the next quarterly "
                         "performance review | last review 2026-09-17 (quarterly); due three "
                         "months after it",
                     }));

  // An annual review is due twelve months on; a closed partner has none.
  replace_in(source, "partners/noordzee-marine-data/kpis.yaml",
             "  - date: 2026-09-17\n    kind: quarterly\n",
             "  - date: 2025-12-01\n    kind: annual\n");
  replace_in(source, "partners/lakeshore-college/partner.yaml", "\nstage: partner\n",
             "\nstage: closed\nclosed_reason: ended\n");
  Diagnostics ignored;
  const Workspace changed = load_workspace(source, {}, ignored);
  reviews.clear();
  for (const TicklerItem& item : tickler_items(changed, {k_today, 60}))
    if (item.kind == TicklerKind::review) reviews.push_back(rows({item})[0] + " | " + item.detail);
  EXPECT_EQ(reviews, (std::vector<std::string>{
                         "2026-12-01 review noordzee-marine-data performance-review "
                         "partners/noordzee-marine-data/kpis.yaml | last review 2025-12-01 "
                         "(annual); due twelve months after it",
                     }));
}

TEST(TicklerFormats, WindowAndFormatParsing) {
  EXPECT_EQ(parse_window_days("60d"), 60);
  EXPECT_EQ(parse_window_days("60"), 60);
  EXPECT_EQ(parse_window_days("8w"), 56);
  EXPECT_EQ(parse_window_days("d"), std::nullopt);
  EXPECT_EQ(parse_window_days("-3d"), std::nullopt);
  EXPECT_EQ(parse_window_days("6m"), std::nullopt);
  EXPECT_EQ(parse_tickler_format("ics"), TicklerFormat::ics);
  EXPECT_EQ(parse_tickler_format("html"), std::nullopt);
}

TEST(TicklerFormats, UidsAreStableAndSafe) {
  TicklerItem item{k_today, TicklerKind::invoice_overdue, "acme", "INV-2026-0001", "", "", ""};
  EXPECT_EQ(tickler_uid(item, "example.org"), "invoice-overdue.acme.INV-2026-0001@example.org");
  item.subject = "a b/c";
  EXPECT_EQ(tickler_uid(item, "example.org"), "invoice-overdue.acme.a_b_c@example.org");
}

TEST(TicklerFormats, MarkdownHasATablePerKindAndEscapesCells) {
  const std::vector<TicklerItem> items = {
      {*Date::parse("2026-11-20"), TicklerKind::invoice_overdue, "acme", "INV-1", "Chase <b>|</b>",
       "a\nb", "partners/acme/invoices/INV-1.yaml"},
      {*Date::parse("2026-12-01"), TicklerKind::checklist, "acme", "x", "Do x", "because", "f"},
  };
  std::string error;
  EXPECT_EQ(render_tickler(items, {k_today, 60}, TicklerFormat::markdown, "example.org", &error),
            "# Tickler: due by 2027-01-22\n\n"
            "As of 2026-11-23: 2 items due within 60 days, 1 of them already past their date.\n\n"
            "## Overdue invoices (1)\n\n"
            "| Due | Partner | What | Details | File |\n|---|---|---|---|---|\n"
            "| 2026-11-20 (overdue) | acme | Chase &lt;b&gt;\\|&lt;/b&gt; | a b | "
            "partners/acme/invoices/INV-1.yaml |\n\n"
            "## SOP checklist items (1)\n\n"
            "| Due | Partner | What | Details | File |\n|---|---|---|---|---|\n"
            "| 2026-12-01 | acme | Do x | because | f |\n");
  EXPECT_EQ(error, "");
}

TEST(TicklerFormats, JsonListsEveryField) {
  const std::vector<TicklerItem> items = {{*Date::parse("2026-12-01"), TicklerKind::renewal, "acme",
                                           "2027-01-31", "T", "D", "partners/acme/agreement.yaml"}};
  const nlohmann::json json = nlohmann::json::parse(
      render_tickler(items, {k_today, 30}, TicklerFormat::json, "example.org", nullptr));
  EXPECT_EQ(json, nlohmann::json::parse(R"({
    "today": "2026-11-23", "within_days": 30, "until": "2026-12-23",
    "items": [{"due": "2026-12-01", "overdue": false, "kind": "renewal", "partner": "acme",
               "subject": "2027-01-31", "title": "T", "detail": "D",
               "file": "partners/acme/agreement.yaml",
               "uid": "renewal.acme.2027-01-31@example.org"}]})"));
}

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

TEST(TicklerFormats, IcsParsesBackWithLibicalWithOneEventPerItem) {
  const MemorySource source = testing::fixture_workspace();
  const auto workspace = load_clean(source);
  const TicklerOptions options{k_today, 60};
  const std::vector<TicklerItem> items = tickler_items(*workspace, options);
  std::string error;
  const std::string ics =
      render_tickler(items, options, TicklerFormat::ics, tickler_domain(*workspace), &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(ics,
            render_tickler(items, options, TicklerFormat::ics, tickler_domain(*workspace), &error));

  std::unique_ptr<icalcomponent, ComponentFree> calendar(icalparser_parse_string(ics.c_str()));
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY) != nullptr
                   ? icalproperty_get_prodid(
                         icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY))
                   : "",
               "-//partnerops//tickler//EN");
  std::vector<std::string> events;
  for (icalcomponent* event =
           icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       event; event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(event);
    EXPECT_TRUE(start.is_date);
    const icaltimetype stamp = icalcomponent_get_dtstamp(event);
    EXPECT_EQ(stamp.year * 10000 + stamp.month * 100 + stamp.day, 20261123);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", start.year, start.month, start.day);
    events.push_back(std::string(date) + " " + icalcomponent_get_uid(event));
  }
  EXPECT_EQ(
      events,
      (std::vector<std::string>{
          "2026-11-02 renewal-notice.lakeshore-college.2027-01-31@commonscompute.org",
          "2026-11-30 checklist.halden-hydrology-group.lead-assessed@commonscompute.org",
          "2026-12-03 checklist.prairie-public-health.technical-scoping@commonscompute.org",
          "2026-12-08 checklist.halden-hydrology-group.first-meeting-prepared@commonscompute.org",
          "2026-12-09 compliance-audit.noordzee-marine-data.compliance-audit@commonscompute.org",
          "2026-12-10 checklist.prairie-public-health.negotiation-started@commonscompute.org",
          "2026-12-12 checklist.northbay-earth-sciences.first-meeting-held@commonscompute.org",
          "2026-12-17 review.noordzee-marine-data.performance-review@commonscompute.org",
          "2026-12-27 lead-inactive.northbay-earth-sciences.activity@commonscompute.org",
          "2026-12-28 checklist.cascadia-climate.technical-deployment@commonscompute.org",
          "2027-01-01 renewal.lakeshore-college.2027-01-31@commonscompute.org",
          "2027-01-01 lead-inactive.halden-hydrology-group.activity@commonscompute.org",
          "2027-01-18 compliance-audit.lakeshore-college.compliance-audit@commonscompute.org",
      }));
}

TEST(TicklerIcs, EveryLineIsFoldedCleanlyWhateverTheLengthOfItsValue) {
  // libical's own folding wrote "\r\r\n \n" when a value ended right at the
  // fold (a UID of 74 octets after "UID:" did): a bare LF no calendar reads.
  for (std::size_t length = 1; length <= 160; ++length) {
    TicklerItem item{k_today,
                     TicklerKind::checklist,
                     std::string(length, 's'),
                     "item",
                     std::string(length, 't'),
                     "why",
                     "partners/x/partner.yaml"};
    std::string error;
    const std::string ics =
        render_tickler({item}, {k_today, 60}, TicklerFormat::ics, "example.org", &error);
    ASSERT_EQ(error, "");
    ASSERT_TRUE(ics.ends_with("\r\n"));
    std::vector<std::string> unfolded;
    std::size_t start = 0;
    while (start < ics.size()) {
      const std::size_t end = ics.find("\r\n", start);
      ASSERT_NE(end, std::string::npos);
      const std::string line = ics.substr(start, end - start);
      EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << length << ": " << line;
      EXPECT_LE(line.size(), 75u) << length << ": " << line;
      if (!line.empty() && line[0] == ' ' && !unfolded.empty())
        unfolded.back() += line.substr(1);
      else
        unfolded.push_back(line);
      start = end + 2;
    }
    const std::string uid = "UID:" + tickler_uid(item, "example.org");
    EXPECT_EQ(std::count(unfolded.begin(), unfolded.end(), uid), 1) << length;
    EXPECT_EQ(std::count(unfolded.begin(), unfolded.end(),
                         "SUMMARY:[checklist] " + item.slug + ": " + item.title),
              1)
        << length;
  }
}

}  // namespace
}  // namespace partnerops
