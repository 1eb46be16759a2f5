// The organisation's settings that commands act on (date style, page setup,
// branch patterns, fiscal sponsor, outreach sender) are typed fields read
// once from partnerops.yaml: written, they are read with their positions;
// left out, they take their defaults; of the wrong type or value, they are
// the schema's diagnostic alone and the organisation is not read.

#include "model/organisation.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "fixture_workspace.hpp"
#include "transitions/change_set.hpp"
#include "yaml/node.hpp"

namespace partnerops {
namespace {

using Lines = std::vector<std::string>;
constexpr const char* k_file = "partnerops.yaml";

/// The fixture workspace, its partnerops.yaml edited by the test, loaded and kept.
class OrganisationRead : public testing::FixtureChecksTest {
 protected:
  const std::optional<Organisation>& load() {
    for (const auto& [path, text] : m_files) m_source.add(path, text);
    Diagnostics ignored;
    LoadOptions options;
    options.jobs = 1;
    m_workspace = load_workspace(m_source, options, ignored);
    return m_workspace.organisation();
  }

  /// Removes the one occurrence of `text` from partnerops.yaml.
  void remove(const std::string& text) { edit(k_file, text, ""); }

  testing::MemorySource m_source;
  Workspace m_workspace;
};

Position at(int line, int column) { return Position{line, column}; }

TEST_F(OrganisationRead, WrittenSettingsAreReadWithTheirPositions) {
  const std::optional<Organisation>& organisation = load();
  ASSERT_TRUE(organisation);
  EXPECT_EQ(organisation->date_style, DateStyle::long_form);

  EXPECT_EQ(organisation->page.paper, PaperSize::letter);
  EXPECT_EQ(organisation->page.margins_mm.top, 20);
  EXPECT_EQ(organisation->page.margins_mm.right, 18);
  EXPECT_EQ(organisation->page.margins_mm.bottom, 22);
  EXPECT_EQ(organisation->page.margins_mm.left, 18);

  EXPECT_EQ(organisation->branches.advance.value, "advance/{slug}-{stage}");
  EXPECT_EQ(organisation->branches.advance.position, at(73, 12));
  EXPECT_EQ(organisation->branches.invoice_run.value, "invoice-run/{period}");
  EXPECT_EQ(organisation->branches.invoice_run.position, at(74, 16));

  ASSERT_TRUE(organisation->fiscal_sponsor);
  const FiscalSponsor& sponsor = *organisation->fiscal_sponsor;
  EXPECT_EQ(sponsor.position, at(33, 3));
  EXPECT_EQ(sponsor.name, "Civic Works Fiscal Partners");
  EXPECT_EQ(sponsor.legal_name, "Civic Works Fiscal Partners, Inc.");
  EXPECT_EQ(sponsor.email, "projects@civicworksfp.org");
  EXPECT_EQ(sponsor.tax_id, "EIN 93-4417208");
  EXPECT_TRUE(sponsor.issues_invoices);
  EXPECT_TRUE(sponsor.signs_agreements);
  EXPECT_EQ(sponsor.handoff_account_code, "4100");
  EXPECT_EQ(sponsor.handoff_tax_type, "Tax Exempt");

  EXPECT_EQ(organisation->outreach_from.value, "partnerships@commonscompute.org");
  EXPECT_EQ(organisation->outreach_from.position, at(76, 9));
}

TEST_F(OrganisationRead, TheOtherWordsOfEachSettingAreRead) {
  edit(k_file, "date_style: long", "date_style: iso");
  edit(k_file, "paper: letter", "paper: a4");
  edit(k_file, "{top: 20, right: 18, bottom: 22, left: 18}",
       "{top: 12.5, right: 0, bottom: 25, left: 30}");
  edit(k_file, "  issues_invoices: true", "  issues_invoices: false");
  const std::optional<Organisation>& organisation = load();
  ASSERT_TRUE(organisation);
  EXPECT_EQ(organisation->date_style, DateStyle::iso);
  EXPECT_EQ(organisation->page.paper, PaperSize::a4);
  EXPECT_EQ(organisation->page.margins_mm.top, 12.5);
  EXPECT_EQ(organisation->page.margins_mm.right, 0);
  EXPECT_EQ(organisation->page.margins_mm.bottom, 25);
  EXPECT_EQ(organisation->page.margins_mm.left, 30);
  EXPECT_FALSE(organisation->fiscal_sponsor->issues_invoices);
}

TEST_F(OrganisationRead, OptionalSettingsLeftOutTakeTheirDefaults) {
  remove("  invoice_run: \"invoice-run/{period}\"\n");
  remove("  handoff:\n    account_code: \"4100\"\n    tax_type: Tax Exempt\n");
  remove(
      "outreach:\n  from: partnerships@commonscompute.org\n"
      "  meeting_link: https://cal.commonscompute.org/partnerships/30min\n"
      "  service_description: docs/service-description.md\n");
  EXPECT_EQ(validate(), Lines{});
  const std::optional<Organisation>& organisation = load();
  ASSERT_TRUE(organisation);
  EXPECT_EQ(organisation->branches.new_lead.value, "new/{slug}");
  EXPECT_EQ(organisation->branches.new_lead.position, Position{});
  EXPECT_EQ(organisation->branches.invoice_run.value, "invoice-run/{period}");
  EXPECT_EQ(organisation->branches.invoice_run.position, Position{});
  ASSERT_TRUE(organisation->fiscal_sponsor);
  EXPECT_EQ(organisation->fiscal_sponsor->handoff_account_code, std::nullopt);
  EXPECT_EQ(organisation->fiscal_sponsor->handoff_tax_type, std::nullopt);
  EXPECT_EQ(organisation->outreach_from.value, "");
}

TEST_F(OrganisationRead, AnOrganisationWithoutAFiscalSponsorHasNone) {
  // Everything the fixture's sponsor is used for goes with it.
  const std::string& text = m_files.at(k_file);
  const std::size_t from = text.find("fiscal_sponsor:\n");
  const std::size_t to = text.find("numbering:\n");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  remove(text.substr(from, to - from));
  const std::optional<Organisation>& organisation = load();
  ASSERT_TRUE(organisation);
  EXPECT_FALSE(organisation->fiscal_sponsor);
}

TEST_F(OrganisationRead, ThePatternsOfANewLeadAreRead) {
  edit(k_file, "  invoice_run:", "  new: \"lead/{slug}\"\n  invoice_run:");
  const std::optional<Organisation>& organisation = load();
  ASSERT_TRUE(organisation);
  EXPECT_EQ(organisation->branches.new_lead.value, "lead/{slug}");
  EXPECT_EQ(organisation->branches.new_lead.position, at(74, 8));
  EXPECT_EQ(transitions::branch_patterns(m_workspace).new_lead.value, "lead/{slug}");
}

TEST(OrganisationDefaults, AFileWithoutTheSettingsReadsAsTheDefaults) {
  // The schema requires date_style, paper, margins_mm and branches.advance;
  // the reader still has a default for each, the one a command uses when
  // partnerops.yaml did not load.
  Diagnostics diagnostics;
  const std::unique_ptr<yaml::Document> document =
      yaml::parse("partnerops.yaml", "organisation:\n  name: Example\n", diagnostics);
  ASSERT_TRUE(document);
  Reader reader(*document, diagnostics);
  const Organisation organisation = read_organisation(reader);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(organisation.date_style, DateStyle::iso);
  EXPECT_EQ(organisation.page.paper, PaperSize::a4);
  EXPECT_EQ(organisation.page.margins_mm.top, 18);
  EXPECT_EQ(organisation.page.margins_mm.right, 18);
  EXPECT_EQ(organisation.page.margins_mm.bottom, 20);
  EXPECT_EQ(organisation.page.margins_mm.left, 18);
  EXPECT_EQ(organisation.branches.advance.value, "advance/{slug}-{stage}");
  EXPECT_EQ(organisation.branches.new_lead.value, "new/{slug}");
  EXPECT_EQ(organisation.branches.invoice_run.value, "invoice-run/{period}");
  EXPECT_FALSE(organisation.fiscal_sponsor);
  EXPECT_EQ(organisation.outreach_from.value, "");
}

/// One wrong setting and the diagnostics it gives (those of the schema,
/// as before the settings were typed).
struct WrongSetting {
  const char* name;
  const char* from;
  const char* to;
  Lines expected;
};

class WrongSettingTest : public OrganisationRead,
                         public ::testing::WithParamInterface<WrongSetting> {};

TEST_P(WrongSettingTest, IsTheSchemaErrorAndTheOrganisationIsNotRead) {
  edit(k_file, GetParam().from, GetParam().to);
  EXPECT_EQ(validate(), GetParam().expected);
  EXPECT_FALSE(load());
  // What commands then use: the defaults.
  EXPECT_EQ(transitions::branch_patterns(m_workspace).advance.value, "advance/{slug}-{stage}");
}

INSTANTIATE_TEST_SUITE_P(
    Organisation, WrongSettingTest,
    ::testing::Values(WrongSetting{"UnknownDateStyle",
                                   "date_style: long",
                                   "date_style: longer",
                                   {"error schema-enum partnerops.yaml:56:15"}},
                      WrongSetting{"NumberForDateStyle",
                                   "date_style: long",
                                   "date_style: 1",
                                   {"error schema-enum partnerops.yaml:56:15",
                                    "error schema-type partnerops.yaml:56:15"}},
                      WrongSetting{"MissingDateStyle",
                                   "  date_style: long\n",
                                   "",
                                   {"error schema-required partnerops.yaml:51:3"}},
                      WrongSetting{"CapitalPaper",
                                   "paper: letter",
                                   "paper: A4",
                                   {"error schema-enum partnerops.yaml:54:10"}},
                      WrongSetting{"TextForAMargin",
                                   "top: 20,",
                                   "top: \"20\",",
                                   {"error schema-type partnerops.yaml:55:21"}},
                      WrongSetting{"NumberForABranchPattern",
                                   "invoice_run: \"invoice-run/{period}\"",
                                   "invoice_run: 5",
                                   {"error schema-type partnerops.yaml:74:16"}},
                      WrongSetting{"MissingAdvancePattern",
                                   "  advance: \"advance/{slug}-{stage}\"\n",
                                   "",
                                   {"error schema-required partnerops.yaml:73:3"}},
                      WrongSetting{"NumberForTheSender",
                                   "  from: partnerships@commonscompute.org",
                                   "  from: 5",
                                   {"error schema-type partnerops.yaml:76:9"}},
                      WrongSetting{"NumberForTheAccountCode",
                                   "account_code: \"4100\"",
                                   "account_code: 4100",
                                   {"error schema-type partnerops.yaml:44:19"}},
                      WrongSetting{"TextForASponsorFlag",
                                   "  signs_agreements: true",
                                   "  signs_agreements: \"yes\"",
                                   {"error schema-type partnerops.yaml:42:21"}}),
    [](const ::testing::TestParamInfo<WrongSetting>& info) { return info.param.name; });

}  // namespace
}  // namespace partnerops
