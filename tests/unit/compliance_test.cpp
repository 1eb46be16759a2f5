// Compliance audits: compliance.yaml read into typed audits, each
// requirement's latest result, when the next audit is due, the validator's
// checks against the agreement, and the tickler's row.

#include "model/compliance.hpp"

#include <gtest/gtest.h>

#include "check/checks.hpp"
#include "ops_fixture_support.hpp"
#include "report/tickler.hpp"

namespace partnerops {
namespace {

using testing::load_clean;
using testing::MemorySource;
using testing::replace_in;

const Date k_today = *Date::parse("2026-11-23");
constexpr const char* k_path = "partners/noordzee-marine-data/compliance.yaml";
constexpr const char* k_gdpr =
    "GDPR — Commons Compute processes participant names and e-mail addresses as processor for "
    "the Foundation; data processing terms in Annex 1";
constexpr const char* k_accounts =
    "Participant accounts deleted within 30 days after each workshop";
constexpr const char* k_licences =
    "Dataset licences respected; no redistribution outside the workshops";

/// Two audits, the later first in the file: on 2026-06-20 the accounts rule
/// failed and GDPR was met; on 2026-09-15 the accounts rule was met again.
/// The licences were never audited.
std::string two_audits() {
  return std::string("audits:\n") +
         "  - date: 2026-09-15\n"
         "    auditor: maya@commonscompute.org\n"
         "    results:\n"
         "      - requirement: " +
         k_accounts +
         "\n"
         "        result: met\n"
         "  - date: 2026-06-20\n"
         "    auditor: priya@commonscompute.org\n"
         "    results:\n"
         "      - requirement: \"" +
         k_gdpr +
         "\"\n"
         "        result: met\n"
         "      - requirement: " +
         k_accounts +
         "\n"
         "        result: not-met\n"
         "        finding: Summer school accounts still active\n"
         "        action: Remove them and automate removal\n";
}

TEST(Compliance, EachRequirementTakesTheResultOfItsLatestAudit) {
  MemorySource source = testing::fixture_workspace();
  source.add(k_path, two_audits());
  const auto workspace = load_clean(source);
  const PartnerFolder* folder = workspace->partner("noordzee-marine-data");
  ASSERT_TRUE(folder && folder->compliance && folder->agreement);
  const ComplianceLog& log = *folder->compliance;
  ASSERT_EQ(log.audits.size(), 2u);
  EXPECT_EQ(log.latest(), &log.audits[0]);
  EXPECT_EQ(log.audits[1].results[1].finding, "Summer school accounts still active");
  EXPECT_EQ(log.audits[1].results[1].action, "Remove them and automate removal");
  EXPECT_FALSE(log.audits[1].results[1].met);

  const std::vector<RequirementStanding> standings =
      requirement_standings(*folder->agreement, &log);
  ASSERT_EQ(standings.size(), 3u);
  EXPECT_EQ(standings[0].requirement, k_gdpr);
  EXPECT_EQ(standings[0].audit, &log.audits[1]);
  EXPECT_TRUE(standings[0].result->met);
  EXPECT_EQ(standings[1].requirement, k_accounts);
  EXPECT_EQ(standings[1].audit, &log.audits[0]);  // met again on 2026-09-15
  EXPECT_TRUE(standings[1].result->met);
  EXPECT_EQ(standings[2].requirement, k_licences);
  EXPECT_EQ(standings[2].audit, nullptr);
  EXPECT_EQ(standings[2].result, nullptr);
}

TEST(Compliance, TheNextAuditIsDueTheChecklistsDaysAfterTheLastOrAsTheItemFallsDue) {
  MemorySource source = testing::fixture_workspace();
  const auto before = load_clean(source);
  const PartnerFolder* folder = before->partner("noordzee-marine-data");
  // Entered partner 2026-06-12; compliance-audit is due 180 days after.
  EXPECT_EQ(next_compliance_audit_due(*before->lifecycle(), *folder->partner, nullptr),
            *Date::parse("2026-12-09"));
  // lakeshore recorded the item on 2026-07-22: the next is 180 days later.
  const PartnerFolder* lakeshore = before->partner("lakeshore-college");
  EXPECT_EQ(next_compliance_audit_due(*before->lifecycle(), *lakeshore->partner, nullptr),
            *Date::parse("2027-01-18"));
  // Audits recorded: 180 days after the latest, whatever the file order.
  source.add(k_path, two_audits());
  const auto after = load_clean(source);
  folder = after->partner("noordzee-marine-data");
  EXPECT_EQ(next_compliance_audit_due(*after->lifecycle(), *folder->partner, &*folder->compliance),
            *Date::parse("2027-03-14"));
  // A prospect's stage has no such item: nothing is due.
  const PartnerFolder* prairie = after->partner("prairie-public-health");
  EXPECT_EQ(next_compliance_audit_due(*after->lifecycle(), *prairie->partner, nullptr),
            std::nullopt);
}

class ComplianceChecks : public testing::FixtureChecksTest {};

TEST_F(ComplianceChecks, TheFixtureWithAuditsIsClean) {
  m_files[k_path] = two_audits();
  EXPECT_EQ(validate(), std::vector<std::string>{});
}

TEST_F(ComplianceChecks, AResultNamingARequirementTheAgreementDoesNotListIsAnErrorAtIt) {
  m_files[k_path] = two_audits();
  edit(k_path, "      - requirement: " + std::string(k_accounts) + "\n        result: met\n",
       "      - requirement: Participant accounts deleted within 60 days\n        result: met\n");
  const Diagnostics found = diagnostics();
  ASSERT_EQ(found.size(), 1u);
  const Diagnostic& d = *found.begin();
  EXPECT_EQ(d.code, "compliance-unknown-requirement");
  EXPECT_EQ(d.file, k_path);
  EXPECT_EQ(d.position, (Position{5, 22}));
  EXPECT_EQ(d.message,
            "the audit of 2026-09-15 names the requirement 'Participant accounts deleted within 60 "
            "days', which agreement.yaml's compliance list does not hold");
  EXPECT_EQ(d.hint, "name it word for word as agreement.yaml lists it");
}

TEST_F(ComplianceChecks, ANearMissIsNamedAndAnAgreementWithoutRequirementsSaysSo) {
  m_files[k_path] = two_audits();
  edit(k_path, "      - requirement: " + std::string(k_accounts) + "\n        result: met\n",
       "      - requirement: Participant accounts deleted within 30 days after each workshops\n"
       "        result: met\n");
  std::vector<std::string> hints;
  for (const Diagnostic& d : diagnostics()) hints.push_back(d.hint);
  EXPECT_EQ(hints, std::vector<std::string>{"did you mean '" + std::string(k_accounts) + "'?"});

  m_files = testing::fixture_files();
  m_files[k_path] = two_audits();
  const std::string agreement = "partners/noordzee-marine-data/agreement.yaml";
  const std::string& text = m_files.at(agreement);
  const std::size_t from = text.find("compliance:\n");
  const std::size_t to = text.find("clauses:\n");
  m_files[agreement] = text.substr(0, from) + text.substr(to);
  EXPECT_EQ(validate(),
            (std::vector<std::string>{
                "error compliance-unknown-requirement " + std::string(k_path) + ":5:22",
                "error compliance-unknown-requirement " + std::string(k_path) + ":10:22",
                "error compliance-unknown-requirement " + std::string(k_path) + ":12:22",
            }));
  EXPECT_EQ(diagnostics().begin()->hint, "agreement.yaml lists no compliance requirements");
}

TEST_F(ComplianceChecks, ASecondResultForOneRequirementInOneAuditIsAnError) {
  m_files[k_path] = two_audits() + "      - requirement: " + k_accounts + "\n        result: met\n";
  EXPECT_EQ(validate(), std::vector<std::string>{"error compliance-duplicate-result " +
                                                 std::string(k_path) + ":16:22"});
}

TEST_F(ComplianceChecks, ANotMetResultWithoutItsActionFailsTheSchema) {
  m_files[k_path] = two_audits();
  edit(k_path, "        action: Remove them and automate removal\n", "");
  const std::vector<std::string> lines = validate();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("error schema-", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find(k_path), std::string::npos) << lines[0];
}

std::vector<std::string> audit_rows(const Workspace& workspace) {
  std::vector<std::string> out;
  for (const TicklerItem& item : tickler_items(workspace, {k_today, 60}))
    if (item.subject == k_compliance_audit_item)
      out.push_back(item.due.iso() + " " + std::string(name_of(item.kind)) + " " + item.slug + " " +
                    item.file + " | " + item.title + " | " + item.detail);
  return out;
}

TEST(ComplianceTickler, ListsTheNextAuditInPlaceOfTheChecklistItem) {
  MemorySource source = testing::fixture_workspace();
  EXPECT_EQ(audit_rows(*load_clean(source)),
            (std::vector<std::string>{
                "2026-12-09 compliance-audit noordzee-marine-data "
                "partners/noordzee-marine-data/agreement.yaml | Audit the agreement's 3 "
                "compliance requirements | not audited yet; record it with partnerops record "
                "noordzee-marine-data compliance-audit",
                "2027-01-18 compliance-audit lakeshore-college "
                "partners/lakeshore-college/agreement.yaml | Audit the agreement's 3 compliance "
                "requirements | not audited yet; record it with partnerops record "
                "lakeshore-college compliance-audit",
            }));
  // After an audit the row moves 180 days on, names it, and counts what failed.
  std::string audit = two_audits();
  audit.replace(audit.find("2026-09-15"), 10, "2026-06-01");
  source.add(k_path, audit);
  EXPECT_EQ(audit_rows(*load_clean(source)),
            (std::vector<std::string>{
                "2026-12-17 compliance-audit noordzee-marine-data " + std::string(k_path) +
                    " | Audit the agreement's 3 compliance requirements | last audited 2026-06-20 "
                    "by priya@commonscompute.org, 1 not met; record it with partnerops record "
                    "noordzee-marine-data compliance-audit",
                "2027-01-18 compliance-audit lakeshore-college "
                "partners/lakeshore-college/agreement.yaml | Audit the agreement's 3 compliance "
                "requirements | not audited yet; record it with partnerops record "
                "lakeshore-college compliance-audit",
            }));
}

TEST(ComplianceTickler, AnAuditOutsideTheWindowIsNotListed) {
  MemorySource source = testing::fixture_workspace();
  source.add(k_path, two_audits());  // next due 2027-03-14
  const std::vector<std::string> rows = audit_rows(*load_clean(source));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].rfind("2027-01-18 compliance-audit lakeshore-college", 0), 0u);
}

}  // namespace
}  // namespace partnerops
