// Placeholders and zero amounts: what `new quote|sow|agreement` leaves for a
// person to fill in is a warning while the document is a draft and an error
// once it is past draft, at the value itself; `free: true` makes a zero
// amount deliberate.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture_workspace.hpp"
#include "model/placeholder.hpp"

namespace partnerops {
namespace {

using FinishedChecks = testing::FixtureChecksTest;
using Lines = std::vector<std::string>;

const std::string k_sow = "partners/cascadia-climate/sow/hub-migration.yaml";
const std::string k_quote = "partners/cascadia-climate/quotes/Q-2026-002.yaml";
const std::string k_agreement = "partners/cascadia-climate/agreement.yaml";
const std::string k_draft_agreement = "partners/prairie-public-health/agreement.yaml";

TEST(Placeholder, IsTheWordTodoAtTheStartOfALine) {
  EXPECT_EQ(placeholder("the scope"), "TODO: the scope");
  EXPECT_TRUE(is_placeholder(placeholder("the scope")));
  EXPECT_TRUE(is_placeholder("TODO"));
  EXPECT_TRUE(is_placeholder("  TODO confirm the dates"));
  EXPECT_TRUE(is_placeholder("The consortium runs a hub.\n\tTODO: the outage dates\n"));
  EXPECT_TRUE(is_placeholder("line one\r\nTODO\r\n"));
  EXPECT_FALSE(is_placeholder("TODOS los martes"));
  EXPECT_FALSE(is_placeholder("TODO_list"));
  EXPECT_FALSE(is_placeholder("TODOé"));
  EXPECT_FALSE(is_placeholder("Review the TODO list"));
  EXPECT_FALSE(is_placeholder("todo: lower case is prose"));
  EXPECT_FALSE(is_placeholder(""));
}

TEST_F(FinishedChecks, PlaceholderInAnAgreedSowIsAnError) {
  edit(k_sow, "  - Migration of the legacy Globus endpoint", "  - \"TODO: anything else?\"");
  EXPECT_EQ(validate(), Lines{"error placeholder-text " + k_sow + ":114:5"});
}

TEST_F(FinishedChecks, PlaceholderLineInMarkdownIsFound) {
  edit(k_sow, "`environment.yml` with repo2docker.\n",
       "`environment.yml` with repo2docker.\n  TODO: which region?\n");
  EXPECT_EQ(validate(), Lines{"error placeholder-text " + k_sow + ":26:20"});
}

TEST_F(FinishedChecks, PlaceholderInADraftSowIsAWarning) {
  edit(k_sow, "status: agreed", "status: draft");
  edit(k_sow, "  - Migration of the legacy Globus endpoint", "  - \"TODO: anything else?\"");
  EXPECT_EQ(validate(), Lines{"warning placeholder-text " + k_sow + ":114:5"});
}

TEST_F(FinishedChecks, PlaceholderInASentQuoteIsAnError) {
  edit(k_quote, "  - description: Managed Pangeo hub service, January–December 2027 (per month)",
       "  - description: \"TODO: the service\"");
  EXPECT_EQ(validate(), Lines{"error placeholder-text " + k_quote + ":25:18"});
}

TEST_F(FinishedChecks, PlaceholderInAReadyAgreementIsAnError) {
  edit(k_agreement, "title: Managed Pangeo Hub Service Agreement", "title: \"TODO: a title\"");
  EXPECT_EQ(validate(), Lines{"error placeholder-text " + k_agreement + ":3:8"});
}

TEST_F(FinishedChecks, PlaceholderInADraftAgreementIsAWarning) {
  std::string& text = m_files.at(k_draft_agreement);
  ASSERT_NE(text.find("status: shared\n"), std::string::npos);
  // Back to draft as its only status, with a placeholder scope.
  edit(k_draft_agreement, "status: shared\ncurrency", "status: draft\ncurrency");
  const std::size_t history = text.find("history:\n");
  ASSERT_NE(history, std::string::npos);
  const std::size_t shared = text.find("  - date:", text.find("status: draft", history));
  ASSERT_NE(shared, std::string::npos);
  text.erase(shared);
  const std::size_t scope = text.find("scope: |\n");
  ASSERT_NE(scope, std::string::npos);
  text.insert(text.find('\n', scope) + 1, "  TODO: what else is in scope\n");
  const Lines lines = validate();
  ASSERT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
  EXPECT_TRUE(lines[0].starts_with("warning placeholder-text " + k_draft_agreement + ":"))
      << lines[0];
}

TEST_F(FinishedChecks, ZeroQuoteLineIsAnErrorOnceSent) {
  edit(k_quote, "subtotal: \"55875.00\"",
       "  - description: Onboarding call\n    quantity: 1\n    unit_price: \"0.00\"\n"
       "    amount: \"0.00\"\nsubtotal: \"55875.00\"");
  EXPECT_EQ(validate(), Lines{"error zero-amount " + k_quote + ":32:13"});
}

TEST_F(FinishedChecks, ZeroQuoteLineMarkedFreeIsFine) {
  edit(k_quote, "subtotal: \"55875.00\"",
       "  - description: Onboarding call\n    quantity: 1\n    unit_price: \"0.00\"\n"
       "    amount: \"0.00\"\n    free: true\nsubtotal: \"55875.00\"");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(FinishedChecks, ZeroQuoteLineInADraftIsAWarning) {
  edit(k_quote, "status: sent", "status: draft");
  edit(k_quote, "subtotal: \"55875.00\"",
       "  - description: Onboarding call\n    quantity: 1\n    unit_price: \"0.00\"\n"
       "    amount: \"0\"\nsubtotal: \"55875.00\"");
  EXPECT_EQ(validate(), Lines{"warning zero-amount " + k_quote + ":32:13"});
}

TEST_F(FinishedChecks, ZeroFeeOfAReadyAgreementIsAnError) {
  edit(k_agreement, "  amount: \"3200.00\"", "  amount: \"0.00\"");
  EXPECT_EQ(validate(), Lines{"error zero-amount " + k_agreement + ":47:13"});
}

TEST_F(FinishedChecks, ZeroFeeMarkedFreeIsFine) {
  edit(k_agreement, "  amount: \"3200.00\"", "  amount: \"0.00\"\n    free: true");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(FinishedChecks, ZeroRateOfAnAgreedSowIsAnError) {
  edit(k_sow, "    rate: \"110.00\"", "    rate: \"0\"");
  EXPECT_EQ(validate(), Lines{"error zero-amount " + k_sow + ":14:11"});
}

// A milestone bills an invoice line: at zero it would bill nothing, which a
// person would want to hear about as for a zero rate.
const std::string k_last_timeline_line = "    start: 2027-01-18\n    end: 2027-01-29\n";

std::string milestone(const std::string& amount, const std::string& extra = "") {
  return k_last_timeline_line +
         "milestones:\n  - id: m1-deployed\n    title: Hub deployed\n    due: 2027-02-01\n"
         "    amount: \"" +
         amount + "\"\n" + extra;
}

TEST_F(FinishedChecks, ZeroMilestoneOfAnAgreedSowIsAnError) {
  edit(k_sow, k_last_timeline_line, milestone("0.00"));
  // The fixture's SOW has 139 lines; the amount is the fifth line after.
  EXPECT_EQ(validate(), Lines{"error zero-amount " + k_sow + ":144:13"});
  const Diagnostics found = diagnostics();
  EXPECT_EQ(found.items()[0].message, "the SOW is agreed but the milestone 'm1-deployed' is zero");
}

TEST_F(FinishedChecks, ZeroMilestoneOfADraftSowIsAWarning) {
  edit(k_sow, "status: agreed", "status: draft");
  edit(k_sow, k_last_timeline_line, milestone("0"));
  EXPECT_EQ(validate(), Lines{"warning zero-amount " + k_sow + ":144:13"});
}

TEST_F(FinishedChecks, ZeroMilestoneMarkedFreeAndAPricedOneAreFine) {
  edit(k_sow, k_last_timeline_line,
       milestone("0.00",
                 "    free: true\n  - id: m2-migrated\n"
                 "    title: Data migrated\n"
                 "    due: 2027-03-01\n"
                 "    amount: \"4800.00\"\n"));
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(FinishedChecks, MilestoneThatIsNotMoneyIsReportedWhenTheSowLoads) {
  edit(k_sow, k_last_timeline_line, milestone("4800.005"));
  EXPECT_EQ(validate(), Lines{"error money-invalid " + k_sow + ":144:13"});
}

TEST_F(FinishedChecks, ZeroRateMarkedFreeIsFine) {
  edit(k_sow, "    rate: \"110.00\"", "    rate: \"0\"\n    free: true");
  EXPECT_EQ(validate(), Lines{});
}

}  // namespace
}  // namespace partnerops
