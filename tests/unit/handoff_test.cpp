// The fiscal-sponsor handoff: RFC 4180 fields, the selection of invoices
// and its refusals, the CSV rows and the cover note, exactly.

#include "report/handoff.hpp"

#include <gtest/gtest.h>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain text"), "plain text");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
}

class HandoffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diagnostics;
    workspace = std::make_unique<Workspace>(load_workspace(source, {}, diagnostics));
    ASSERT_FALSE(diagnostics.has_errors());
  }
  testing::MemorySource source = testing::fixture_workspace();
  std::unique_ptr<Workspace> workspace;
};

TEST_F(HandoffTest, SettingsComeFromPartnersopsYaml) {
  const HandoffSettings settings = handoff_settings(*workspace);
  EXPECT_EQ(settings.account_code, "4100");
  EXPECT_EQ(settings.tax_type, "Tax Exempt");
}

TEST_F(HandoffTest, SelectsByNumberOrPeriodAndRefusesUnknownNumbers) {
  Diagnostics diagnostics;
  const auto named =
      select_for_handoff(*workspace, {"INV-2026-0006", "INV-2026-0003"}, "", diagnostics);
  ASSERT_TRUE(named);
  ASSERT_EQ(named->size(), 2u);
  EXPECT_EQ((*named)[0].invoice->number.value, "INV-2026-0003");
  EXPECT_EQ((*named)[1].invoice->number.value, "INV-2026-0006");

  const auto october = select_for_handoff(*workspace, {}, "2026-10", diagnostics);
  ASSERT_TRUE(october);
  ASSERT_EQ(october->size(), 1u);
  EXPECT_EQ((*october)[0].invoice->number.value, "INV-2026-0005");
  // Every fixture invoice has its sponsor number: nothing is waiting.
  const auto waiting = select_for_handoff(*workspace, {}, "", diagnostics);
  ASSERT_TRUE(waiting);
  EXPECT_TRUE(waiting->empty());
  EXPECT_TRUE(diagnostics.empty());

  EXPECT_FALSE(select_for_handoff(*workspace, {"INV-2026-0066"}, "", diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].code, "invoice-unknown");
  EXPECT_EQ(diagnostics.items()[0].hint, "did you mean 'INV-2026-0006'?");
}

TEST_F(HandoffTest, OneCsvRowPerInvoiceLine) {
  Diagnostics diagnostics;
  const auto items = select_for_handoff(*workspace, {"INV-2026-0005"}, "", diagnostics);
  ASSERT_TRUE(items);
  EXPECT_EQ(xero_csv(*items, HandoffSettings{}),
            "*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,"
            "POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,Reference,"
            "*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,"
            "Discount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,"
            "TrackingName2,TrackingOption2,Currency,BrandingTheme\r\n"
            "Stichting Noordzee Mariene Data,f.devries@noordzeedata.nl,,,,,,,,,INV-2026-0005,"
            "Memorandum of Understanding on Joint Marine Data Science Training,2026-10-01,"
            "2026-10-31,4500.00,,\"Workshop hub platform fee, October–December 2026\",1,4500.00,"
            ",200,Tax Exempt,,,,,,EUR,\r\n");
}

}  // namespace
}  // namespace partnerops
