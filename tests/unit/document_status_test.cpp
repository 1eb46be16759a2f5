// The status of an invoice or a credit note is read once, into an enum: each
// word the schema admits gives its own value at the value's position, and a
// word or a type the schema refuses is the schema's diagnostic alone (the
// file is then not read, so nothing else reports on a status it cannot have).

#include "model/document_status.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

using Lines = std::vector<std::string>;
constexpr const char* k_folder = "lakeshore-college";
constexpr const char* k_inv4 = "partners/lakeshore-college/invoices/INV-2026-0004.yaml";
constexpr const char* k_inv6 = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
constexpr const char* k_cn1 = "partners/lakeshore-college/credit-notes/CN-2026-0001.yaml";

TEST(DocumentStatus, EveryInvoiceWordTheSchemaAdmitsParsesAndPrintsBack) {
  const std::vector<std::pair<std::string, InvoiceStatus>> words = {
      {"draft", InvoiceStatus::draft},
      {"issued", InvoiceStatus::issued},
      {"paid", InvoiceStatus::paid},
      {"void", InvoiceStatus::voided}};
  for (const auto& [word, status] : words) {
    EXPECT_EQ(parse_invoice_status(word), status) << word;
    EXPECT_EQ(to_string(status), word);
  }
}

TEST(DocumentStatus, EveryCreditNoteWordTheSchemaAdmitsParsesAndPrintsBack) {
  EXPECT_EQ(parse_credit_note_status("issued"), CreditNoteStatus::issued);
  EXPECT_EQ(parse_credit_note_status("void"), CreditNoteStatus::voided);
  EXPECT_EQ(to_string(CreditNoteStatus::issued), "issued");
  EXPECT_EQ(to_string(CreditNoteStatus::voided), "void");
}

TEST(DocumentStatus, OtherWordsAreNoStatus) {
  for (const char* word : {"sent", "Draft", "PAID", "voided", "", " issued"})
    EXPECT_EQ(parse_invoice_status(word), std::nullopt) << word;
  for (const char* word : {"draft", "paid", "Issued", ""})
    EXPECT_EQ(parse_credit_note_status(word), std::nullopt) << word;
}

/// The fixture workspace, edited by the test, loaded and kept.
class StatusRead : public testing::FixtureChecksTest {
 protected:
  const Workspace& load() {
    for (const auto& [path, text] : m_files) m_source.add(path, text);
    Diagnostics ignored;
    LoadOptions options;
    options.jobs = 1;
    m_workspace = load_workspace(m_source, options, ignored);
    return m_workspace;
  }

  const Invoice* invoice(const std::string& file) {
    for (const Invoice& candidate : m_workspace.partner(k_folder)->invoices)
      if (candidate.file == file) return &candidate;
    return nullptr;
  }

  const CreditNote* credit_note(const std::string& file) {
    for (const CreditNote& candidate : m_workspace.partner(k_folder)->credit_notes)
      if (candidate.file == file) return &candidate;
    return nullptr;
  }

  testing::MemorySource m_source;
  Workspace m_workspace;
};

TEST_F(StatusRead, InvoiceStatusesAreReadWithTheValuesPosition) {
  load();
  ASSERT_NE(invoice(k_inv6), nullptr);
  EXPECT_EQ(invoice(k_inv6)->status.value, InvoiceStatus::issued);
  EXPECT_EQ(invoice(k_inv6)->status.position.line, 3);
  EXPECT_EQ(invoice(k_inv6)->status.position.column, 9);
  ASSERT_NE(invoice(k_inv4), nullptr);
  EXPECT_EQ(invoice(k_inv4)->status.value, InvoiceStatus::paid);
}

TEST_F(StatusRead, ADraftInvoiceIsADraft) {
  edit(k_inv6, "status: issued", "status: draft");
  load();
  ASSERT_NE(invoice(k_inv6), nullptr);
  EXPECT_EQ(invoice(k_inv6)->status.value, InvoiceStatus::draft);
}

TEST_F(StatusRead, AVoidInvoiceIsVoid) {
  edit(k_inv6, "status: issued", "status: void");
  load();
  ASSERT_NE(invoice(k_inv6), nullptr);
  EXPECT_EQ(invoice(k_inv6)->status.value, InvoiceStatus::voided);
}

TEST_F(StatusRead, CreditNoteStatusesAreRead) {
  load();
  ASSERT_NE(credit_note(k_cn1), nullptr);
  EXPECT_EQ(credit_note(k_cn1)->status.value, CreditNoteStatus::issued);
  EXPECT_EQ(credit_note(k_cn1)->status.position.line, 3);
  EXPECT_EQ(credit_note(k_cn1)->status.position.column, 9);
  EXPECT_TRUE(credit_note(k_cn1)->credits());
}

TEST_F(StatusRead, AVoidCreditNoteCreditsNothing) {
  edit(k_cn1, "status: issued", "status: void");
  load();
  ASSERT_NE(credit_note(k_cn1), nullptr);
  EXPECT_EQ(credit_note(k_cn1)->status.value, CreditNoteStatus::voided);
  EXPECT_FALSE(credit_note(k_cn1)->credits());
  EXPECT_EQ(credit_note(k_cn1)->credited_minor(), 0);
}

TEST_F(StatusRead, AnUnknownInvoiceStatusIsTheSchemaErrorAndTheInvoiceIsNotRead) {
  edit(k_inv4, "status: paid", "status: sent");
  EXPECT_EQ(validate(), Lines{"error schema-enum " + std::string(k_inv4) + ":3:9"});
  load();
  EXPECT_EQ(invoice(k_inv4), nullptr);
}

TEST_F(StatusRead, AWrongTypedInvoiceStatusIsTheSchemaErrors) {
  edit(k_inv4, "status: paid", "status: 3");
  EXPECT_EQ(validate(), (Lines{"error schema-enum " + std::string(k_inv4) + ":3:9",
                               "error schema-type " + std::string(k_inv4) + ":3:9"}));
  load();
  EXPECT_EQ(invoice(k_inv4), nullptr);
}

TEST_F(StatusRead, ADraftCreditNoteIsTheSchemaError) {
  edit(k_cn1, "status: issued", "status: draft");
  EXPECT_EQ(validate(), Lines{"error schema-enum " + std::string(k_cn1) + ":3:9"});
  load();
  EXPECT_EQ(credit_note(k_cn1), nullptr);
}

TEST_F(StatusRead, AListForACreditNoteStatusIsTheSchemaErrors) {
  edit(k_cn1, "status: issued", "status: [issued]");
  EXPECT_EQ(validate(), (Lines{"error schema-enum " + std::string(k_cn1) + ":3:9",
                               "error schema-type " + std::string(k_cn1) + ":3:9"}));
}

}  // namespace
}  // namespace partnerops
