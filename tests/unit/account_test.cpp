// What an invoice comes to (model/account): total − payments − credit
// notes, the one figure every document and report prints, on the fixture's
// Lakeshore invoices.

#include "model/account.hpp"

#include <gtest/gtest.h>

#include "ops_fixture_support.hpp"

namespace partnerops {
namespace {

using testing::load_clean;
using testing::MemorySource;

const Invoice& invoice_of(const Workspace& workspace, const std::string& number) {
  return *workspace.partner("lakeshore-college")->invoice(number);
}

TEST(InvoiceBalance, PaymentsAndCreditNotesBothSettle) {
  MemorySource source = testing::fixture_workspace();
  testing::pay_and_credit_storage(source, "7200.00", "2026-11-25");
  const auto workspace = load_clean(source);
  const PartnerFolder& folder = *workspace->partner("lakeshore-college");
  const InvoiceBalance balance = balance_of(folder, invoice_of(*workspace, "INV-2026-0006"));
  EXPECT_EQ(balance.total, 732000);
  EXPECT_EQ(balance.paid, 720000);
  EXPECT_EQ(balance.credited, 12000);
  EXPECT_EQ(balance.balance, 0);
  EXPECT_FALSE(balance.is_credit());
  EXPECT_EQ(balance.owed(), 0);
  EXPECT_EQ(balance.credit(), 0);
}

TEST(InvoiceBalance, CreditedAfterPaymentInFullIsACreditBalance) {
  // CN-2026-0001 credits 40.00 on INV-2026-0004, paid in full before.
  const auto workspace = load_clean(testing::fixture_workspace());
  const PartnerFolder& folder = *workspace->partner("lakeshore-college");
  const InvoiceBalance balance = balance_of(folder, invoice_of(*workspace, "INV-2026-0004"));
  EXPECT_EQ(balance.total, 768250);
  EXPECT_EQ(balance.paid, 768250);
  EXPECT_EQ(balance.credited, 4000);
  EXPECT_EQ(balance.balance, -4000);
  EXPECT_TRUE(balance.is_credit());
  EXPECT_EQ(balance.owed(), 0);
  EXPECT_EQ(balance.credit(), 4000);
}

TEST(InvoiceBalance, AReceiptCountsOnlyWhatCameBeforeItsPayment) {
  MemorySource source = testing::fixture_workspace();
  testing::pay_and_credit_storage(source, "3000.00", "2026-11-25");
  testing::replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml",
                      "    amount: \"3000.00\"\n",
                      "    amount: \"3000.00\"\n  - date: 2026-11-30\n    amount: \"1000.00\"\n");
  const auto workspace = load_clean(source);
  const PartnerFolder& folder = *workspace->partner("lakeshore-college");
  const Invoice& invoice = invoice_of(*workspace, "INV-2026-0006");
  // Paid 3000.00 on 2026-11-20, before the credit note of 2026-11-25.
  const std::optional<InvoiceBalance> first = balance_after_payment(folder, invoice, 0);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->paid, 300000);
  EXPECT_EQ(first->credited, 0);
  EXPECT_EQ(first->balance, 432000);
  // Paid 1000.00 more on 2026-11-30, after it.
  const std::optional<InvoiceBalance> second = balance_after_payment(folder, invoice, 1);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->paid, 400000);
  EXPECT_EQ(second->credited, 12000);
  EXPECT_EQ(second->balance, 320000);
  EXPECT_EQ(balance_after_payment(folder, invoice, 2), std::nullopt);
  EXPECT_EQ(balance_of(folder, invoice).balance, 320000);
}

}  // namespace
}  // namespace partnerops
