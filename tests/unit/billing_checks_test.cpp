// Who is billed: partner.yaml `billing` read into the model, printed in the
// order a postal service expects, and required once an invoice is issued
// (an error), warned about while the partner's invoices are only drafts.

#include <gtest/gtest.h>

#include "fixture_workspace.hpp"
#include "model/billing.hpp"

namespace partnerops {
namespace {

using BillingChecks = testing::FixtureChecksTest;
using Lines = std::vector<std::string>;

constexpr const char* k_lakeshore = "partners/lakeshore-college/partner.yaml";
constexpr const char* k_noordzee = "partners/noordzee-marine-data/partner.yaml";

const char* const k_lakeshore_billing =
    "billing:\n"
    "  address:\n"
    "    lines:\n"
    "      - Accounts Payable, Business Office\n"
    "      - 2800 Lakeshore Drive\n"
    "    city: Muskegon\n"
    "    region: MI\n"
    "    postal_code: \"49442\"\n"
    "    country: United States\n"
    "  accounts_payable:\n"
    "    name: Rosa Delgado\n"
    "    email: accountspayable@lakeshorecc.edu\n";

TEST(PostalAddress, PrintsRegionFirstWhereThereIsOnePostalCodeFirstElsewhere) {
  const PostalAddress us{{"Accounts Payable, Business Office", "2800 Lakeshore Drive"},
                         "Muskegon",
                         "MI",
                         "49442",
                         "United States",
                         "US"};
  EXPECT_EQ(us.printed_lines(), (Lines{"Accounts Payable, Business Office", "2800 Lakeshore Drive",
                                       "Muskegon, MI 49442", "United States"}));
  const PostalAddress nl{{"Havenkade 12"}, "Den Helder", "", "1781 AB", "Netherlands", "NL"};
  EXPECT_EQ(nl.printed_lines(), (Lines{"Havenkade 12", "1781 AB Den Helder", "Netherlands"}));
  const PostalAddress bare{{"1 Main Street"}, "Dublin", "", "", "Ireland", "IE"};
  EXPECT_EQ(bare.printed_lines(), (Lines{"1 Main Street", "Dublin", "Ireland"}));
}

TEST_F(BillingChecks, TheFixturePartnersReadTheirBillingDetails) {
  testing::MemorySource source;
  for (const auto& [path, text] : m_files) source.add(path, text);
  Diagnostics diagnostics;
  const Workspace workspace = load_workspace(source, {}, diagnostics);
  const PartnerFolder* noordzee = workspace.partner("noordzee-marine-data");
  ASSERT_TRUE(noordzee && noordzee->partner);
  const Billing& billing = noordzee->partner->billing;
  ASSERT_TRUE(billing.address);
  EXPECT_EQ(billing.address->lines, (Lines{"t.a.v. Crediteurenadministratie", "Havenkade 12"}));
  EXPECT_EQ(billing.address->city, "Den Helder");
  EXPECT_EQ(billing.address->region, "");
  EXPECT_EQ(billing.address->postal_code, "1781 AB");
  EXPECT_EQ(billing.address->country, "Netherlands");
  ASSERT_TRUE(billing.accounts_payable);
  EXPECT_EQ(billing.accounts_payable->name, "Joost Bakker");
  EXPECT_EQ(billing.accounts_payable->email.value, "facturen@noordzeedata.nl");
  EXPECT_EQ(billing.tax_id, "NL862245901B01");
  EXPECT_TRUE(billing.missing_for_invoice().empty());
  const PartnerFolder* lakeshore = workspace.partner("lakeshore-college");
  ASSERT_TRUE(lakeshore && lakeshore->agreement);
  EXPECT_EQ(lakeshore->agreement->purchase_order, "26-00417");
}

// Without `billing:` the error points at the top of partner.yaml and names
// both parts and the first issued invoice; one error per partner, however
// many invoices it has issued.
TEST_F(BillingChecks, AnIssuedInvoiceWithoutBillingIsOneErrorOnPartnerYaml) {
  edit(k_lakeshore, k_lakeshore_billing, "");
  const Diagnostics diagnostics = this->diagnostics();
  ASSERT_EQ(diagnostics.size(), 1u);
  const Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.code, "billing-details-missing");
  EXPECT_EQ(d.file, k_lakeshore);
  EXPECT_EQ(d.position, (Position{2, 1}));
  EXPECT_EQ(d.message,
            "partner.yaml has no billing.address and no billing.accounts_payable, which invoice "
            "INV-2026-0001 needs once issued");
}

TEST_F(BillingChecks, AMissingAccountsPayableContactIsReportedAtBilling) {
  edit(k_noordzee,
       "  accounts_payable:\n    name: Joost Bakker\n    email: facturen@noordzeedata.nl\n", "");
  EXPECT_EQ(validate(),
            Lines{"error billing-details-missing " + std::string(k_noordzee) + ":105:3"});
}

TEST_F(BillingChecks, AnAccountsPayableAddressMustBeAnAddress) {
  edit(k_noordzee, "email: facturen@noordzeedata.nl", "email: facturen at noordzeedata");
  EXPECT_EQ(validate(), Lines{"error email-invalid " + std::string(k_noordzee) + ":115:12"});
}

TEST_F(BillingChecks, AnIncompleteAddressFailsItsSchema) {
  edit(k_lakeshore, "    city: Muskegon\n", "");
  EXPECT_EQ(validate(), Lines{"error schema-required " + std::string(k_lakeshore) + ":117:5"});
}

// Before anything is issued the partner is warned, so `invoice issue` does
// not come as a surprise; the warning leaves validate's exit status alone.
TEST_F(BillingChecks, DraftsAloneAreAWarning) {
  std::string draft = m_files.at("partners/lakeshore-college/invoices/INV-2026-0006.yaml");
  const auto replace = [&draft](const std::string& from, const std::string& to) {
    const std::size_t at = draft.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    draft.replace(at, from.size(), to);
  };
  replace("number: INV-2026-0006", "number: INV-2026-0007");
  replace("status: issued", "status: draft");
  replace("sponsor_number: CWFP-2026-0917\n", "");
  const std::string path = "partners/cascadia-climate/invoices/INV-2026-0007.yaml";
  m_files[path] = draft;
  EXPECT_EQ(validate(), Lines{"warning billing-details-missing "
                              "partners/cascadia-climate/partner.yaml:2:1"});
}

}  // namespace
}  // namespace partnerops
