#include "documents/plan.hpp"

#include <gtest/gtest.h>

#include "documents/context.hpp"
#include "documents/manifest.hpp"
#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

std::vector<std::string> outputs(const std::vector<DocumentJob>& jobs) {
  std::vector<std::string> out;
  for (const DocumentJob& job : jobs) out.push_back(job.output);
  return out;
}

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diagnostics;
    workspace = std::make_unique<Workspace>(load_workspace(source, {}, diagnostics));
    ASSERT_FALSE(diagnostics.has_errors());
  }
  testing::MemorySource source = testing::fixture_workspace();
  std::unique_ptr<Workspace> workspace;
};

TEST_F(PlanTest, ALeadHasOnlyItsNotes) {
  PlanOptions options{*Date::parse("2026-11-23"), std::string("halden-hydrology-group"), {}};
  EXPECT_EQ(outputs(plan_documents(*workspace, options)),
            std::vector<std::string>{"halden-hydrology-group/notes.pdf"});
}

TEST_F(PlanTest, AProspectHasItsAgreementSowAndQuote) {
  PlanOptions options{*Date::parse("2026-11-23"), std::string("cascadia-climate"), {}};
  EXPECT_EQ(outputs(plan_documents(*workspace, options)),
            (std::vector<std::string>{
                "cascadia-climate/notes.pdf", "cascadia-climate/quote-Q-2026-002.pdf",
                "cascadia-climate/agreement.pdf", "cascadia-climate/sow-hub-migration.pdf"}));
}

TEST_F(PlanTest, APartnerHasInvoicesReceiptsOnboardingAndARenewalNoticeInItsWindow) {
  PlanOptions options{*Date::parse("2026-11-23"), std::string("lakeshore-college"), {}};
  const std::vector<std::string> planned = outputs(plan_documents(*workspace, options));
  const std::vector<std::string> expected = {"lakeshore-college/notes.pdf",
                                             "lakeshore-college/quote-Q-2026-001.pdf",
                                             "lakeshore-college/agreement.pdf",
                                             "lakeshore-college/invoice-INV-2026-0001.pdf",
                                             "lakeshore-college/invoice-INV-2026-0002.pdf",
                                             "lakeshore-college/invoice-INV-2026-0004.pdf",
                                             "lakeshore-college/invoice-INV-2026-0006.pdf",
                                             "lakeshore-college/receipt-INV-2026-0001-1.pdf",
                                             "lakeshore-college/receipt-INV-2026-0002-1.pdf",
                                             "lakeshore-college/receipt-INV-2026-0004-1.pdf",
                                             "lakeshore-college/credit-note-CN-2026-0001.pdf",
                                             "lakeshore-college/renewal-notice-2027-01-31.pdf",
                                             "lakeshore-college/onboarding.pdf",
                                             "lakeshore-college/statement.pdf",
                                             "lakeshore-college/performance-review-2026-05-07.pdf",
                                             "lakeshore-college/performance-review-2026-08-13.pdf",
                                             "lakeshore-college/performance-review-2026-11-12.pdf",
                                             "lakeshore-college/issue-log.pdf",
                                             "lakeshore-college/compliance-audit.pdf"};
  EXPECT_EQ(planned, expected);
  // Outside the window there is no notice.
  options.today = *Date::parse("2026-06-01");
  const std::vector<std::string> early = outputs(plan_documents(*workspace, options));
  EXPECT_EQ(
      std::count(early.begin(), early.end(), "lakeshore-college/renewal-notice-2027-01-31.pdf"), 0);
}

TEST_F(PlanTest, AnAutomaticRenewalHasANoticeBeforeTheEndOfEachRolledTerm) {
  // Noordzee (auto, 2026-07-01 to 2027-06-30, 90 days' notice, window 60
  // days): in its first renewal, 2027-07-01 to 2028-06-30, the window runs
  // from 2028-02-01 (deadline 2028-04-01) to the term's end.
  PlanOptions options{*Date::parse("2028-02-15"), std::string("noordzee-marine-data"),
                      DocumentKind::renewal_notice};
  const std::vector<DocumentJob> jobs = plan_documents(*workspace, options);
  EXPECT_EQ(outputs(jobs),
            std::vector<std::string>{"noordzee-marine-data/renewal-notice-2028-06-30.pdf"});
  options.today = *Date::parse("2028-01-31");
  EXPECT_EQ(outputs(plan_documents(*workspace, options)), std::vector<std::string>{});
  ASSERT_EQ(jobs.size(), 1u);

  const nlohmann::json context =
      document_context(*workspace, jobs[0], ContextOptions{*Date::parse("2028-02-15"), {}});
  EXPECT_EQ(context["renewal"], nlohmann::json::parse(R"({
      "term_start": "1 July 2027", "term_end": "30 June 2028",
      "notice_deadline": "1 April 2028", "days_to_deadline": 46,
      "next_term_start": "1 July 2028", "next_term_end": "30 June 2029", "is_auto": true})"));
}

TEST_F(PlanTest, FiltersByKind) {
  PlanOptions options{*Date::parse("2026-11-23"), {}, DocumentKind::invoice};
  const std::vector<DocumentJob> jobs = plan_documents(*workspace, options);
  ASSERT_EQ(jobs.size(), 6u);
  for (const DocumentJob& job : jobs) EXPECT_EQ(job.kind, DocumentKind::invoice);
}

TEST_F(PlanTest, TheComplianceAuditIsNamedByTheLatestAuditAndReadsTheAuditsFile) {
  source.add(
      "partners/noordzee-marine-data/compliance.yaml",
      "audits:\n"
      "  - date: 2026-11-20\n    auditor: maya\n    results:\n"
      "      - requirement: Participant accounts deleted within 30 days after each workshop\n"
      "        result: met\n"
      "  - date: 2026-10-02\n    auditor: maya\n    results:\n"
      "      - requirement: Participant accounts deleted within 30 days after each workshop\n"
      "        result: met\n");
  Diagnostics diagnostics;
  const Workspace loaded = load_workspace(source, {}, diagnostics);
  PlanOptions options{*Date::parse("2026-11-23"), std::string("noordzee-marine-data"),
                      DocumentKind::compliance_audit};
  const std::vector<DocumentJob> jobs = plan_documents(loaded, options);
  ASSERT_EQ(outputs(jobs),
            std::vector<std::string>{"noordzee-marine-data/compliance-audit-2026-11-20.pdf"});
  EXPECT_EQ(jobs[0].inputs,
            (std::vector<std::string>{"partners/noordzee-marine-data/partner.yaml",
                                      "partners/noordzee-marine-data/agreement.yaml",
                                      "partners/noordzee-marine-data/compliance.yaml"}));
  options.kind = DocumentKind::issue_log;
  const std::vector<DocumentJob> logs = plan_documents(loaded, options);
  ASSERT_EQ(outputs(logs), std::vector<std::string>{"noordzee-marine-data/issue-log.pdf"});
  EXPECT_EQ(logs[0].inputs,
            (std::vector<std::string>{"partners/noordzee-marine-data/partner.yaml",
                                      "partners/noordzee-marine-data/issues.yaml"}));
  // A prospect's stage calls for neither, though its agreement lists requirements.
  options.partner = "prairie-public-health";
  options.kind = DocumentKind::compliance_audit;
  EXPECT_EQ(outputs(plan_documents(loaded, options)), std::vector<std::string>{});
}

TEST(Shard, ParsesAndSplitsStably) {
  EXPECT_FALSE(parse_shard("0/2").has_value());
  EXPECT_FALSE(parse_shard("3/2").has_value());
  EXPECT_FALSE(parse_shard("1-2").has_value());
  const Shard first = *parse_shard("1/2");
  const Shard second = *parse_shard("2/2");
  int in_first = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string slug = "partner-" + std::to_string(i);
    EXPECT_NE(in_shard(slug, first), in_shard(slug, second));
    in_first += in_shard(slug, first);
  }
  EXPECT_GT(in_first, 400);
  EXPECT_LT(in_first, 600);
  EXPECT_TRUE(in_shard("", first));
  EXPECT_FALSE(in_shard("", second));
  // Pinned so a change of hash, which would move every partner, is noticed.
  // (FNV-1a of "lakeshore-college" is 1 modulo 2 and 0 modulo 3.)
  EXPECT_TRUE(in_shard("lakeshore-college", *parse_shard("2/2")));
  EXPECT_TRUE(in_shard("lakeshore-college", *parse_shard("1/3")));
}

}  // namespace
}  // namespace partnerops
