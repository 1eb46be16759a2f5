// The fiscal-sponsor handoff: RFC 4180 fields, the selection of invoices
// and its refusals, the CSV rows and the cover note, exactly.

#include "report/handoff.hpp"

#include <gtest/gtest.h>

#include "fixture_workspace.hpp"
#include "model/account.hpp"

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
            "Stichting Noordzee Mariene Data,facturen@noordzeedata.nl,"
            "t.a.v. Crediteurenadministratie,Havenkade 12,,,Den Helder,,1781 AB,Netherlands,"
            "INV-2026-0005,"
            "Memorandum of Understanding on Joint Marine Data Science Training,2026-10-01,"
            "2026-10-31,4500.00,,\"Workshop hub platform fee, October–December 2026\",1,4500.00,"
            ",200,Tax Exempt,,,,,,EUR,\r\n");
}

// The sponsor's accounting system addresses the invoice from the partner's
// billing address and accounts-payable mailbox, and the accounts-payable
// office matches it by the purchase-order number: the agreement's, since the
// invoice has none of its own and no reference of its own.
TEST(Handoff, RowsCarryTheBillingAddressAndTheAgreementsPurchaseOrder) {
  testing::MemorySource source;
  for (auto [path, text] : testing::fixture_files()) {
    const std::string reference =
        "reference: \"Managed JupyterHub Teaching Service Agreement; PO 26-00417\"\n";
    if (path == "partners/lakeshore-college/invoices/INV-2026-0006.yaml")
      text.erase(text.find(reference), reference.size());
    source.add(path, text);
  }
  Diagnostics diagnostics;
  const Workspace loaded = load_workspace(source, {}, diagnostics);
  const Workspace* workspace = &loaded;
  const auto items = select_for_handoff(*workspace, {"INV-2026-0006"}, "", diagnostics);
  ASSERT_TRUE(items);
  const std::string csv = xero_csv(*items, HandoffSettings{});
  const std::size_t first_row = csv.find("\r\n") + 2;
  EXPECT_EQ(csv.substr(first_row),
            "Lakeshore Community College District,accountspayable@lakeshorecc.edu,"
            "\"Accounts Payable, Business Office\",2800 Lakeshore Drive,,,Muskegon,MI,49442,"
            "United States,INV-2026-0006,26-00417,2026-11-02,2026-12-02,7320.00,,"
            "\"Managed JupyterHub teaching service, November 2026 – January 2027\",1,7200.00,,"
            "200,Tax Exempt,,,,,,USD,\r\n"
            "Lakeshore Community College District,accountspayable@lakeshorecc.edu,"
            "\"Accounts Payable, Business Office\",2800 Lakeshore Drive,,,Muskegon,MI,49442,"
            "United States,INV-2026-0006,26-00417,2026-11-02,2026-12-02,7320.00,,"
            "\"Additional storage, 500 GB (per month, November 2026 – January 2027)\",3,40.00,,"
            "200,Tax Exempt,,,,,,USD,\r\n");
}

// An invoice's own purchase order wins over its agreement's.
TEST(PurchaseOrder, TheInvoiceOwnOverridesTheAgreements) {
  PartnerFolder folder;
  EXPECT_EQ(purchase_order_of(folder, nullptr), "");
  folder.agreement = Agreement{};
  folder.agreement->purchase_order = "26-00417";
  Invoice invoice;
  EXPECT_EQ(purchase_order_of(folder, &invoice), "26-00417");
  EXPECT_EQ(purchase_order_of(folder, nullptr), "26-00417");
  invoice.purchase_order = "26-00512";
  EXPECT_EQ(purchase_order_of(folder, &invoice), "26-00512");
}

// What the invoice itself says wins over the agreement's purchase order in
// the sponsor's Reference column; its own purchase_order wins over both.
TEST_F(HandoffTest, TheInvoicesOwnReferenceOrPurchaseOrderFillsTheReferenceColumn) {
  Diagnostics diagnostics;
  const auto items = select_for_handoff(*workspace, {"INV-2026-0006"}, "", diagnostics);
  ASSERT_TRUE(items);
  EXPECT_NE(xero_csv(*items, HandoffSettings{})
                .find(",INV-2026-0006,Managed JupyterHub Teaching Service Agreement; PO "
                      "26-00417,2026-11-02,"),
            std::string::npos);
  Invoice own = *(*items)[0].invoice;
  own.purchase_order = "26-00512";
  const std::vector<HandoffItem> with_own = {HandoffItem{(*items)[0].folder, &own}};
  EXPECT_NE(xero_csv(with_own, HandoffSettings{}).find(",INV-2026-0006,26-00512,2026-11-02,"),
            std::string::npos);
}

}  // namespace
}  // namespace partnerops
