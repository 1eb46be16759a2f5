// Credit notes on the frozen base workspace (whose Lakeshore folder holds
// CN-2026-0001, crediting 40.00 of INV-2026-0004): each broken rule comes
// out as exactly one diagnostic at the place to fix.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/checks.hpp"
#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

using CreditNotes = testing::FixtureChecksTest;

using Lines = std::vector<std::string>;

constexpr const char* k_cn1 = "partners/lakeshore-college/credit-notes/CN-2026-0001.yaml";
constexpr const char* k_cn2 = "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml";

TEST_F(CreditNotes, TheBaseIsClean) { EXPECT_EQ(validate(), Lines{}); }

/// A copy of CN-2026-0001 numbered CN-2026-0002 that credits `amount` of line 2.
std::string second_note(std::string text, const std::string& amount) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"CN-2026-0001", "CN-2026-0002"},
                          {"\"40.00\"", "\"" + amount + "\""}}) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  return text;
}

TEST_F(CreditNotes, MoreThanTheInvoiceLeftIsOverCredit) {
  // 40.00 is credited already; crediting the whole 7682.50 again goes over.
  m_files[k_cn2] = second_note(m_files.at(k_cn1), "7682.50");
  EXPECT_EQ(validate(), Lines{"error credit-note-over-credit " + std::string(k_cn2) + ":19:8"});
}

TEST_F(CreditNotes, UpToTheInvoiceTotalIsFine) {
  m_files[k_cn2] = second_note(m_files.at(k_cn1), "7642.50");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(CreditNotes, VoidNotesCreditNothing) {
  m_files[k_cn2] = second_note(m_files.at(k_cn1), "7682.50");
  edit(k_cn1, "status: issued", "status: void");
  EXPECT_EQ(validate(), Lines{});
}

TEST_F(CreditNotes, AnotherPartnersInvoiceIsUnknown) {
  edit(k_cn1, "invoice: INV-2026-0004", "invoice: INV-2026-0003");
  EXPECT_EQ(validate(), Lines{"error credit-note-invoice-unknown " + std::string(k_cn1) + ":6:10"});
}

TEST_F(CreditNotes, AnInvoiceThatDoesNotLoadIsNotAlsoUnknown) {
  edit("partners/lakeshore-college/invoices/INV-2026-0004.yaml", "status: paid", "status: settled");
  EXPECT_EQ(validate(), Lines{"error schema-enum partners/lakeshore-college/invoices/"
                              "INV-2026-0004.yaml:3:9"});
}

TEST_F(CreditNotes, ADraftInvoiceIsNotCredited) {
  edit("partners/lakeshore-college/invoices/INV-2026-0006.yaml", "status: issued", "status: draft");
  edit(k_cn1, "invoice: INV-2026-0004", "invoice: INV-2026-0006");
  EXPECT_EQ(validate(), Lines{"error credit-note-invoice-status " + std::string(k_cn1) + ":6:10"});
}

TEST_F(CreditNotes, TheCurrencyIsTheInvoices) {
  edit(k_cn1, "currency: USD", "currency: EUR");
  EXPECT_EQ(validate(), Lines{"error credit-note-currency " + std::string(k_cn1) + ":6:10"});
}

TEST_F(CreditNotes, TotalsAreExact) {
  edit(k_cn1, "\ntotal: \"40.00\"", "\ntotal: \"40.01\"");
  EXPECT_EQ(validate(), Lines{"error money-total " + std::string(k_cn1) + ":19:8"});
}

TEST_F(CreditNotes, NumbersAreGaplessInTheirOwnSequence) {
  m_files[k_cn2] = m_files.at(k_cn1);
  m_files.erase(k_cn1);
  edit(k_cn2, "number: CN-2026-0001", "number: CN-2026-0002");
  EXPECT_EQ(validate(), Lines{"error credit-note-number-gap " + std::string(k_cn2) + ":2:9"});
}

TEST_F(CreditNotes, TheFileIsNamedAfterTheNumber) {
  m_files["partners/lakeshore-college/credit-notes/storage.yaml"] = m_files.at(k_cn1);
  m_files.erase(k_cn1);
  EXPECT_EQ(validate(), Lines{"error credit-note-file-name partners/lakeshore-college/"
                              "credit-notes/storage.yaml:2:9"});
}

TEST_F(CreditNotes, ANumberOutsideTheRuleIsReported) {
  edit(k_cn1, "number: CN-2026-0001", "number: CR-1");
  const Lines expected = {"error credit-note-file-name " + std::string(k_cn1) + ":2:9",
                          "error credit-note-number-format " + std::string(k_cn1) + ":2:9"};
  EXPECT_EQ(validate(), expected);
}

TEST_F(CreditNotes, ALaterNumberDatedBeforeAnEarlierOneIsOutOfOrder) {
  // CN-2026-0001 is dated 2026-11-10.
  m_files[k_cn2] = second_note(m_files.at(k_cn1), "20.00");
  edit(k_cn2, "issue_date: 2026-11-10", "issue_date: 2026-11-09");
  EXPECT_EQ(validate(), Lines{"error credit-note-date-order " + std::string(k_cn2) + ":4:13"});
}

}  // namespace
}  // namespace partnerops
