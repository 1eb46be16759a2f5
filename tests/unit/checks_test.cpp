// The rules run on the frozen base workspace (tests/fixtures/base plus the
// repository's schemas) held in memory, with one problem introduced per
// test: each problem must come out as exactly one diagnostic, not also as
// the follow-on failures of rules that depend on the broken value.

#include "check/checks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

using BaseWorkspace = testing::FixtureChecksTest;

using Lines = std::vector<std::string>;
constexpr const char* k_inv2 = "partners/lakeshore-college/invoices/INV-2026-0002.yaml";
constexpr const char* k_inv4 = "partners/lakeshore-college/invoices/INV-2026-0004.yaml";
constexpr const char* k_inv6 = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";

TEST_F(BaseWorkspace, IsClean) { EXPECT_EQ(validate(), Lines{}); }

TEST_F(BaseWorkspace, OverpaidPaidInvoiceIsOnlyOverpaid) {
  edit(k_inv2, "    amount: \"7320.00\"", "    amount: \"7500.00\"");
  EXPECT_EQ(validate(), Lines{"error invoice-overpaid " + std::string(k_inv2) + ":23:8"});
}

TEST_F(BaseWorkspace, UnreadablePaymentLeavesThePaidSumAlone) {
  edit(k_inv2, "    amount: \"7320.00\"", "    amount: \"7320.005\"");
  EXPECT_EQ(validate(), Lines{"error money-invalid " + std::string(k_inv2) + ":26:13"});
}

TEST_F(BaseWorkspace, WrongLineAmountIsNotAlsoAWrongSubtotal) {
  edit(k_inv2, "    amount: \"120.00\"", "    amount: \"130.00\"");
  EXPECT_EQ(validate(), Lines{"error money-line-total " + std::string(k_inv2) + ":17:13"});
}

TEST_F(BaseWorkspace, WrongSubtotalIsNotAlsoAWrongTotal) {
  edit(k_inv6, "subtotal: \"7320.00\"", "subtotal: \"7230.00\"");
  EXPECT_EQ(validate(), Lines{"error money-subtotal " + std::string(k_inv6) + ":18:11"});
}

TEST_F(BaseWorkspace, WrongTaxIsNotAlsoAWrongTotal) {
  edit(k_inv6, "  amount: \"0.00\"", "  amount: \"12.00\"");
  EXPECT_EQ(validate(), Lines{"error money-tax " + std::string(k_inv6) + ":22:11"});
}

TEST_F(BaseWorkspace, InvoiceThatFailsItsSchemaKeepsItsNumber) {
  edit(k_inv4, "\ntotal: \"7682.50\"", "\ntotal: 7682.50");
  EXPECT_EQ(validate(), Lines{"error schema-type " + std::string(k_inv4) + ":27:8"});
}

TEST_F(BaseWorkspace, InvoiceThatDoesNotParseKeepsTheNumberOfItsName) {
  edit(k_inv4, "status: paid", "status: [paid");
  const Lines lines = validate();
  ASSERT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
  EXPECT_TRUE(lines[0].starts_with("error yaml-syntax " + std::string(k_inv4))) << lines[0];
}

TEST_F(BaseWorkspace, BrokenCopyOfAnInvoiceNumberIsNotAGap) {
  // A second file with the number INV-2026-0002 that fails its schema: its
  // own error only, whatever order the two copies sort in.
  std::string copy = m_files.at(k_inv2);
  copy.replace(copy.find("status: paid"), 12, "status: settled");
  m_files["partners/prairie-public-health/invoices/INV-2026-0002.yaml"] = copy;
  EXPECT_EQ(
      validate(),
      Lines{"error schema-enum partners/prairie-public-health/invoices/INV-2026-0002.yaml:3:9"});
}

TEST_F(BaseWorkspace, ALaterNumberDatedBeforeAnEarlierOneIsOutOfOrder) {
  // INV-2026-0005 (another partner's) was issued on 2026-10-01.
  edit(k_inv6, "issue_date: 2026-11-02", "issue_date: 2026-09-15");
  EXPECT_EQ(validate(), Lines{"error invoice-date-order " + std::string(k_inv6) + ":4:13"});
}

TEST_F(BaseWorkspace, TheSameDateAsTheEarlierNumberIsInOrder) {
  edit(k_inv6, "issue_date: 2026-11-02", "issue_date: 2026-10-01");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(BaseWorkspace, ADraftsDateIsNotYetInTheSequence) {
  edit(k_inv6, "status: issued", "status: draft");
  edit(k_inv6, "issue_date: 2026-11-02", "issue_date: 2026-09-15");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(BaseWorkspace, UnsignedSignatoryOfAPartnerIsOneError) {
  edit("partners/lakeshore-college/agreement.yaml",
       "    email: gwhitfield@lakeshorecc.edu\n    signed_on: 2026-01-29\n",
       "    email: gwhitfield@lakeshorecc.edu\n");
  EXPECT_EQ(validate(),
            Lines{"error lifecycle-guard partners/lakeshore-college/agreement.yaml:64:5"});
}

TEST_F(BaseWorkspace, ClosedWithoutReasonIsOneError) {
  edit("partners/ironwood-policy-institute/partner.yaml", "closed_reason: verbal-no\n", "");
  EXPECT_EQ(validate(),
            Lines{"error lifecycle-guard partners/ironwood-policy-institute/partner.yaml:2:1"});
}

TEST_F(BaseWorkspace, AgreementThatDoesNotParseLeavesItsGuardsUndecided) {
  edit("partners/lakeshore-college/agreement.yaml", "  end: 2027-01-31", "  end: [2027-01-31");
  EXPECT_EQ(validate(), Lines{"error yaml-syntax partners/lakeshore-college/agreement.yaml:33:10"});
}

TEST_F(BaseWorkspace, DatesTheModelDoesNotReadAreCheckedToo) {
  edit("partners/cascadia-climate/partner.yaml", "assessed_on: 2026-07-17",
       "assessed_on: 2026-06-31");
  EXPECT_EQ(validate(), Lines{"error date-invalid partners/cascadia-climate/partner.yaml:34:16"});
}

TEST_F(BaseWorkspace, InvalidChecklistDateIsNotAlsoOverdue) {
  edit("partners/northbay-earth-sciences/partner.yaml", "lead-assessed: 2026-11-06",
       "lead-assessed: 2026-11-31");
  EXPECT_EQ(validate(),
            Lines{"error date-invalid partners/northbay-earth-sciences/partner.yaml:42:18"});
}

TEST_F(BaseWorkspace, UnknownChecklistItemIsReportedAtItsKey) {
  edit("partners/halden-hydrology-group/partner.yaml", "hail-the-lead:", "hail-the-leed:");
  EXPECT_EQ(
      validate(),
      Lines{"error checklist-unknown-item partners/halden-hydrology-group/partner.yaml:20:3"});
}

TEST_F(BaseWorkspace, NumberingRuleIsReportedAtItsValue) {
  edit("partnerops.yaml", "invoice: \"INV-{year}-{seq:4}\"", "invoice: \"INV-{yr}-{seq:4}\"");
  EXPECT_EQ(validate(), Lines{"error numbering-rule-invalid partnerops.yaml:47:12"});
}

TEST_F(BaseWorkspace, EveryNumberingRuleIsReportedNotOnlyTheInvoices) {
  edit("partnerops.yaml", "credit_note: \"CN-{year}-{seq:4}\"", "credit_note: \"CN-{yr}-{seq:4}\"");
  edit("partnerops.yaml", "quote: \"Q-{year}-{seq:3}\"", "quote: \"Q-{year}-{seq:3}-{seq}\"");
  EXPECT_EQ(validate(), (Lines{"error numbering-rule-invalid partnerops.yaml:48:16",
                               "error numbering-rule-invalid partnerops.yaml:49:10"}));
}

TEST_F(BaseWorkspace, NumberingRuleThatMakesPathsIsRefusedByTheSchema) {
  edit("partnerops.yaml", "invoice: \"INV-{year}-{seq:4}\"", "invoice: \"INV/{year}/{seq:4}\"");
  edit("partnerops.yaml", "quote: \"Q-{year}-{seq:3}\"", "quote: \"Q..{year}-{seq:3}\"");
  EXPECT_EQ(validate(), (Lines{"error schema-pattern partnerops.yaml:47:12",
                               "error schema-pattern partnerops.yaml:49:10"}));
}

TEST_F(BaseWorkspace, BranchPatternsGitWouldRefuseAreRefusedByTheSchema) {
  edit("partnerops.yaml", "advance: \"advance/{slug}-{stage}\"", "advance: \"advance//{slug}\"");
  edit("partnerops.yaml", "invoice_run: \"invoice-run/{period}\"",
       "invoice_run: \"-run/{period}.\"");
  EXPECT_EQ(validate(), (Lines{"error schema-pattern partnerops.yaml:73:12",
                               "error schema-pattern partnerops.yaml:74:16"}));
}

TEST_F(BaseWorkspace, IdentifiersWithDoubleDotsAreRefusedByTheSchema) {
  edit("partners/cascadia-climate/sow/hub-migration.yaml", "id: hub-migration",
       "id: hub..migration");
  EXPECT_EQ(validate(),
            Lines{"error schema-pattern partners/cascadia-climate/sow/hub-migration.yaml:2:5"});
}

TEST_F(BaseWorkspace, MissingServiceDescriptionAndSowAgreementAreReported) {
  edit("partnerops.yaml", "service_description: docs/service-description.md",
       "service_description: docs/service.md");
  edit("partners/cascadia-climate/sow/hub-migration.yaml", "agreement: agreement.yaml",
       "agreement: ../lakeshore-college/agreement.yaml");
  EXPECT_EQ(
      validate(),
      (Lines{"error reference-missing partnerops.yaml:78:24",
             "error reference-missing partners/cascadia-climate/sow/hub-migration.yaml:4:12"}));
}

TEST_F(BaseWorkspace, UnknownStageInATransitionIsReportedAtTheStage) {
  edit("schemas/lifecycle.yaml", "  - from: prospect\n    to: closed\n",
       "  - from: prospect\n    to: archived\n");
  // lifecycle.yaml is the repository's own and may grow: find the line.
  const std::string& text = m_files.at("schemas/lifecycle.yaml");
  const std::size_t at = text.find("    to: archived\n");
  const long line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
  EXPECT_EQ(
      validate(),
      Lines{"error lifecycle-unknown-stage schemas/lifecycle.yaml:" + std::to_string(line) + ":9"});
}

constexpr const char* k_cascadia = "partners/cascadia-climate/agreement.yaml";
constexpr const char* k_lakeshore = "partners/lakeshore-college/agreement.yaml";
const std::string k_maya = "    email: maya@commonscompute.org\n";

TEST_F(BaseWorkspace, SigningWithSomeSignaturesInIsValid) {
  // Out for signature, one of three signed: the status the docs call signing.
  edit(k_cascadia, "\nstatus: ready\n", "\nstatus: signing\n");
  edit(k_cascadia, k_maya, k_maya + "    signed_on: 2026-11-20\n");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(BaseWorkspace, SigningWithEverySignatureInIsAnError) {
  edit(k_cascadia, "\nstatus: ready\n", "\nstatus: signing\n");
  for (const char* email : {"hboateng@civicworksfp.org", "maya@commonscompute.org",
                            "lars.eklund@cascadiaclimate.org"}) {
    const std::string line = std::string("    email: ") + email + "\n";
    edit(k_cascadia, line, line + "    signed_on: 2026-11-20\n");
  }
  EXPECT_EQ(validate(), Lines{"error agreement-signing " + std::string(k_cascadia) + ":4:9"});
}

TEST_F(BaseWorkspace, SignedMeansEverySignatureIsIn) {
  // The docs used to call one signature of three "signed": it is signing.
  edit(k_cascadia, "\nstatus: ready\n", "\nstatus: signed\n");
  edit(k_cascadia, k_maya, k_maya + "    signed_on: 2026-11-20\n");
  EXPECT_EQ(validate(), (Lines{"error agreement-unsigned " + std::string(k_cascadia) + ":59:5",
                               "error agreement-unsigned " + std::string(k_cascadia) + ":68:5"}));
}

TEST_F(BaseWorkspace, ASignatureBeforeSigningIsAnError) {
  edit(k_cascadia, k_maya, k_maya + "    signed_on: 2026-11-20\n");
  EXPECT_EQ(validate(),
            Lines{"error agreement-signed-early " + std::string(k_cascadia) + ":67:16"});
}

TEST_F(BaseWorkspace, AnEndedTermThatDoesNotRenewIsAWarningAtItsEnd) {
  edit(k_lakeshore, "  end: 2027-01-31", "  end: 2026-10-31");
  EXPECT_EQ(validate(),
            Lines{"warning agreement-term-ended " + std::string(k_lakeshore) + ":32:8"});
}

TEST_F(BaseWorkspace, AnEndedTermThatRenewsByItselfRollsOn) {
  edit("partners/noordzee-marine-data/agreement.yaml", "  end: 2027-06-30", "  end: 2026-10-31");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(BaseWorkspace, AnEndedTermOfAClosedPartnerIsHistory) {
  edit(k_lakeshore, "  end: 2027-01-31", "  end: 2026-10-31");
  edit("partners/lakeshore-college/partner.yaml", "\nstage: partner\n",
       "\nstage: closed\nclosed_reason: ended\n");
  const Lines lines = validate();
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& line) {
                            return line.find("agreement-term-ended") != std::string::npos;
                          }),
            0)
      << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace partnerops
