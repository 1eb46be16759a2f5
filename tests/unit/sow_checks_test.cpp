// The SOW rules on the base workspace, whose one SOW (Cascadia's
// hub-migration, agreed) prices four deliverables at two of its three
// rates: each broken rule is exactly one diagnostic at the value to fix.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

using SowChecks = testing::FixtureChecksTest;
using Lines = std::vector<std::string>;

const std::string k_sow = "partners/cascadia-climate/sow/hub-migration.yaml";
const std::string k_agreement = "partners/cascadia-climate/agreement.yaml";

TEST_F(SowChecks, DeliverableWhoseRoleHasNoRateIsAnError) {
  edit(k_sow, "    role: Research software engineer\n    estimates:\n      - task: Convert",
       "    role: Research engineer\n    estimates:\n      - task: Convert");
  EXPECT_EQ(validate(), Lines{"error sow-role-unpriced " + k_sow + ":85:11"});
}

TEST_F(SowChecks, EveryDeliverableOfARoleWithoutRateIsReported) {
  edit(k_sow, "  - role: Research software engineer\n    rate: \"145.00\"\n", "");
  EXPECT_EQ(validate(), (Lines{"error sow-role-unpriced " + k_sow + ":83:11",
                               "error sow-role-unpriced " + k_sow + ":101:11"}));
}

TEST_F(SowChecks, LeadInTextBeforeUserStoriesOutOfScopeAndRolesIsMarkdown) {
  edit(k_sow, "user_stories:\n",
       "user_stories_intro: The *users* are researchers.\nuser_stories:\n");
  edit(k_sow, "out_of_scope:\n", "out_of_scope_intro: |\n  Not in this phase:\nout_of_scope:\n");
  edit(k_sow, "roles:\n", "roles_intro: Part time.\nroles:\n");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(SowChecks, LeadInTextMustBeText) {
  edit(k_sow, "user_stories:\n", "user_stories_intro: [a, b]\nuser_stories:\n");
  edit(k_sow, "roles:\n", "roles_intro: 42\nroles:\n");
  EXPECT_EQ(validate(), (Lines{"error schema-type " + k_sow + ":21:21",
                               "error schema-type " + k_sow + ":121:14"}));
}

TEST_F(SowChecks, AMisspeltLeadInIsAnUnknownKey) {
  edit(k_sow, "user_stories:\n", "user_story_intro: The users.\nuser_stories:\n");
  const Diagnostics found = diagnostics();
  ASSERT_EQ(found.items().size(), 1u);
  EXPECT_EQ(found.items()[0].code, "schema-unknown-key");
  EXPECT_EQ(found.items()[0].message, "unknown key 'user_story_intro'");
  EXPECT_EQ(found.items()[0].position.line, 21);
}

TEST_F(SowChecks, SowWithoutRatesIsAnEstimateOfHours) {
  edit(k_sow,
       "rates:\n  - role: Infrastructure engineer\n    rate: \"165.00\"\n"
       "  - role: Research software engineer\n    rate: \"145.00\"\n"
       "  - role: Project manager\n    rate: \"110.00\"\n",
       "");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(SowChecks, AnEmptyListOfRatesIsAnEstimateOfHours) {
  edit(k_sow,
       "rates:\n  - role: Infrastructure engineer\n    rate: \"165.00\"\n"
       "  - role: Research software engineer\n    rate: \"145.00\"\n"
       "  - role: Project manager\n    rate: \"110.00\"\n",
       "rates: []\n");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(SowChecks, HighHoursBelowLowHoursIsAnError) {
  edit(k_sow,
       "Inventory current hub configuration and images\n        low_hours: 6\n"
       "        high_hours: 10",
       "Inventory current hub configuration and images\n        low_hours: 6\n"
       "        high_hours: 4.5");
  EXPECT_EQ(validate(), Lines{"error sow-hours-range " + k_sow + ":47:21"});
}

TEST_F(SowChecks, EqualLowAndHighHoursAreARange) {
  edit(k_sow,
       "Inventory current hub configuration and images\n        low_hours: 6\n"
       "        high_hours: 10",
       "Inventory current hub configuration and images\n        low_hours: 6.0\n"
       "        high_hours: 6");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(SowChecks, HoursThatAreNotAnExactDecimalAreReported) {
  edit(k_sow, "Inventory current hub configuration and images\n        low_hours: 6\n",
       "Inventory current hub configuration and images\n        low_hours: 6e0\n");
  EXPECT_EQ(validate(), Lines{"error quantity-invalid " + k_sow + ":46:20"});
}

TEST_F(SowChecks, TimelineNamingAnUnknownDeliverableIsAnError) {
  edit(k_sow, "  - deliverable: d1-discovery", "  - deliverable: d1-discover");
  EXPECT_EQ(validate(), Lines{"error sow-timeline-unknown-deliverable " + k_sow + ":128:18"});
}

TEST_F(SowChecks, TimelineEntryEndingBeforeItStartsIsAnError) {
  edit(k_sow, "    end: 2026-12-11", "    end: 2026-11-30");
  EXPECT_EQ(validate(), Lines{"error sow-timeline-dates " + k_sow + ":130:10"});
}

TEST_F(SowChecks, TimelineEntryOfOneDayIsFine) {
  edit(k_sow, "    end: 2026-12-11", "    end: 2026-12-01");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(SowChecks, IdThatIsNotTheFileNameIsAnError) {
  edit(k_sow, "id: hub-migration", "id: hub-move");
  EXPECT_EQ(validate(), Lines{"error sow-file-name " + k_sow + ":2:5"});
}

TEST_F(SowChecks, CurrencyOtherThanTheAgreementsIsAnError) {
  edit(k_sow, "currency: USD", "currency: EUR");
  EXPECT_EQ(validate(), Lines{"error sow-currency " + k_sow + ":7:11"});
}

TEST_F(SowChecks, RateWithACurrencyCodeIsAnError) {
  edit(k_sow, "    rate: \"165.00\"", "    rate: \"165.00 USD\"");
  EXPECT_EQ(validate(), Lines{"error sow-rate-format " + k_sow + ":10:11"});
}

TEST_F(SowChecks, RateWithACurrencySignIsAnError) {
  edit(k_sow, "    rate: \"165.00\"", "    rate: \"$165\"");
  EXPECT_EQ(validate(), Lines{"error sow-rate-format " + k_sow + ":10:11"});
}

TEST_F(SowChecks, RateWithTooManyDecimalsIsMoneyInvalid) {
  edit(k_sow, "    rate: \"165.00\"", "    rate: \"165.005\"");
  EXPECT_EQ(validate(), Lines{"error money-invalid " + k_sow + ":10:11"});
}

TEST_F(SowChecks, RateFormatMessageSaysPlainDecimal) {
  edit(k_sow, "    rate: \"165.00\"", "    rate: \"$165\"");
  const Diagnostics diagnostics = this->diagnostics();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].message,
            "the rate \"$165\" must be plain decimal text, without a currency sign or code");
  EXPECT_EQ(diagnostics.items()[0].hint,
            "write digits with an optional decimal part, e.g. \"165.00\"; every rate is in the "
            "SOW's currency (USD)");
}

TEST_F(SowChecks, SecondRateForARoleIsAnError) {
  edit(k_sow,
       "  - role: Project manager\n    rate:", "  - role: Infrastructure engineer\n    rate:");
  EXPECT_EQ(validate(), Lines{"error sow-rate-duplicate " + k_sow + ":13:11"});
}

TEST_F(SowChecks, DeliverableIdUsedTwiceIsAnError) {
  edit(k_sow, "  - id: d4-training", "  - id: d3-data-migration");
  edit(k_sow, "  - deliverable: d4-training", "  - deliverable: d3-data-migration");
  EXPECT_EQ(validate(), Lines{"error sow-deliverable-duplicate " + k_sow + ":96:9"});
}

TEST_F(SowChecks, SowNotListedInTheAgreementsAddendaIsAWarning) {
  edit(k_agreement,
       "addenda:\n  - file: sow/hub-migration.yaml\n"
       "    title: \"Addendum A — Statement of Work: Hub Migration\"\n    kind: sow\n",
       "");
  EXPECT_EQ(validate(), Lines{"warning sow-not-in-addenda " + k_sow + ":4:12"});
}

TEST_F(SowChecks, MisspeltAddendumIsOnlyAMissingReference) {
  edit(k_agreement, "  - file: sow/hub-migration.yaml", "  - file: sow/hub-migraton.yaml");
  EXPECT_EQ(validate(), Lines{"error reference-missing " + k_agreement + ":72:11"});
}

TEST_F(SowChecks, AgreementThatDoesNotExistIsAMissingReference) {
  edit(k_sow, "agreement: agreement.yaml", "agreement: agreements.yaml");
  EXPECT_EQ(validate(), Lines{"error reference-missing " + k_sow + ":4:12"});
}

}  // namespace
}  // namespace partnerops
