// The status mark and the own title of each document, as its template
// context carries them to the page: every state that is not final has its
// words, and a final document has none; a sent quote expires against the
// build's date, not the clock.

#include "documents/status_mark.hpp"

#include <gtest/gtest.h>

#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "ops_fixture_support.hpp"

namespace partnerops::testing {
namespace {

constexpr const char* k_cascadia_agreement = "partners/cascadia-climate/agreement.yaml";
constexpr const char* k_quote = "partners/cascadia-climate/quotes/Q-2026-002.yaml";
constexpr const char* k_invoice = "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
constexpr const char* k_credit_note = "partners/lakeshore-college/credit-notes/CN-2026-0001.yaml";
constexpr const char* k_sow = "partners/cascadia-climate/sow/hub-migration.yaml";

class StatusMarkTest : public ::testing::Test {
 protected:
  StatusMarkTest() : source(fixture_workspace()) {}

  /// The `document` part of the context of the one job of `kind` for `slug`
  /// whose output is `output`, as `build` would make it on `today`.
  nlohmann::json document_of(const std::string& slug, DocumentKind kind, const std::string& output,
                             const std::string& today = "2026-11-23") {
    workspace = load_clean(source);
    const Date day = *Date::parse(today);
    for (const DocumentJob& job : plan_documents(*workspace, PlanOptions{day, slug, kind})) {
      if (job.output != output) continue;
      return document_context(*workspace, job, ContextOptions{day, [](std::string_view text) {
                                                                return std::string(text);
                                                              }})["document"];
    }
    ADD_FAILURE() << "no job " << output;
    return nlohmann::json::object();
  }

  std::string mark_of(const std::string& slug, DocumentKind kind, const std::string& output,
                      const std::string& today = "2026-11-23") {
    return document_of(slug, kind, output, today).value("status_mark", "<none>");
  }

  std::string agreement_mark() {
    return mark_of("cascadia-climate", DocumentKind::agreement, "cascadia-climate/agreement.pdf");
  }
  std::string quote_mark(const std::string& today = "2026-11-23") {
    return mark_of("cascadia-climate", DocumentKind::quote, "cascadia-climate/quote-Q-2026-002.pdf",
                   today);
  }
  std::string invoice_mark() {
    return mark_of("lakeshore-college", DocumentKind::invoice,
                   "lakeshore-college/invoice-INV-2026-0006.pdf");
  }

  MemorySource source;
  std::unique_ptr<Workspace> workspace;
};

TEST_F(StatusMarkTest, AnAgreementIsMarkedUntilEverySignatoryHasSigned) {
  EXPECT_EQ(agreement_mark(), "READY TO SIGN — not yet signed");
  replace_in(source, k_cascadia_agreement, "\nstatus: ready\n", "\nstatus: draft\n");
  EXPECT_EQ(agreement_mark(), "DRAFT — not for signature");
  replace_in(source, k_cascadia_agreement, "\nstatus: draft\n", "\nstatus: shared\n");
  EXPECT_EQ(agreement_mark(), "DRAFT SHARED FOR REVIEW — not for signature");
  replace_in(source, k_cascadia_agreement, "\nstatus: shared\n", "\nstatus: negotiating\n");
  EXPECT_EQ(agreement_mark(), "DRAFT IN NEGOTIATION — not for signature");
  replace_in(source, k_cascadia_agreement, "\nstatus: negotiating\n", "\nstatus: signing\n");
  replace_in(source, k_cascadia_agreement, "    email: maya@commonscompute.org\n",
             "    email: maya@commonscompute.org\n    signed_on: 2026-11-20\n");
  EXPECT_EQ(agreement_mark(), "SIGNING — 1 of 3 signatures");
  replace_in(source, k_cascadia_agreement, "\nstatus: signing\n", "\nstatus: signed\n");
  EXPECT_EQ(agreement_mark(), "");
  replace_in(source, k_cascadia_agreement, "\nstatus: signed\n", "\nstatus: executed\n");
  EXPECT_EQ(agreement_mark(), "");
  EXPECT_EQ(mark_of("prairie-public-health", DocumentKind::agreement,
                    "prairie-public-health/agreement.pdf"),
            "DRAFT SHARED FOR REVIEW — not for signature");
}

TEST_F(StatusMarkTest, ASentQuoteSaysUntilWhenAndExpiresAfterItsLastDayByTheBuildsDate) {
  EXPECT_EQ(quote_mark("2026-11-23"), "Offer valid until 31 December 2026");
  EXPECT_EQ(quote_mark("2026-12-31"), "Offer valid until 31 December 2026");
  EXPECT_EQ(quote_mark("2027-01-01"), "EXPIRED — was valid until 31 December 2026");
  replace_in(source, k_quote, "status: sent\n", "status: expired\n");
  EXPECT_EQ(quote_mark("2026-11-23"), "EXPIRED — was valid until 31 December 2026");
  replace_in(source, k_quote, "status: expired\n", "status: declined\n");
  EXPECT_EQ(quote_mark(), "DECLINED");
  replace_in(source, k_quote, "status: declined\n", "status: draft\n");
  EXPECT_EQ(quote_mark(), "DRAFT — not yet sent");
  replace_in(source, k_quote, "status: draft\n", "status: accepted\n");
  EXPECT_EQ(quote_mark("2027-06-01"), "");
}

TEST_F(StatusMarkTest, DraftAndVoidInvoicesAndCreditNotesAreMarkedIssuedAndPaidAreNot) {
  EXPECT_EQ(invoice_mark(), "");
  replace_in(source, k_invoice, "status: issued\n", "status: draft\n");
  EXPECT_EQ(invoice_mark(), "DRAFT — not an invoice until issued");
  replace_in(source, k_invoice, "status: draft\n", "status: void\n");
  EXPECT_EQ(invoice_mark(), "VOID — nothing is payable");
  EXPECT_EQ(mark_of("lakeshore-college", DocumentKind::invoice,
                    "lakeshore-college/invoice-INV-2026-0001.pdf"),
            "");  // paid
  EXPECT_EQ(mark_of("lakeshore-college", DocumentKind::receipt,
                    "lakeshore-college/receipt-INV-2026-0001-1.pdf"),
            "");
  const std::string note = "lakeshore-college/credit-note-CN-2026-0001.pdf";
  EXPECT_EQ(mark_of("lakeshore-college", DocumentKind::credit_note, note), "");
  replace_in(source, k_credit_note, "status: issued\n", "status: void\n");
  EXPECT_EQ(mark_of("lakeshore-college", DocumentKind::credit_note, note),
            "VOID — credits nothing");
}

TEST_F(StatusMarkTest, AStatementOfWorkIsMarkedUntilAgreedAndOtherKindsNever) {
  const std::string sow = "cascadia-climate/sow-hub-migration.pdf";
  EXPECT_EQ(mark_of("cascadia-climate", DocumentKind::sow, sow), "");
  replace_in(source, k_sow, "status: agreed\n", "status: draft\n");
  EXPECT_EQ(mark_of("cascadia-climate", DocumentKind::sow, sow), "DRAFT — not agreed");
  replace_in(source, k_sow, "status: draft\n", "status: shared\n");
  EXPECT_EQ(mark_of("cascadia-climate", DocumentKind::sow, sow),
            "DRAFT SHARED FOR REVIEW — not agreed");
  EXPECT_EQ(
      mark_of("lakeshore-college", DocumentKind::statement, "lakeshore-college/statement.pdf"), "");
  EXPECT_EQ(mark_of("cascadia-climate", DocumentKind::notes, "cascadia-climate/notes.pdf"), "");
}

TEST_F(StatusMarkTest, EachDocumentsTitleIsItsOwn) {
  struct Case {
    const char* slug;
    DocumentKind kind;
    const char* output;
    const char* title;
  };
  const Case cases[] = {
      {"lakeshore-college", DocumentKind::invoice, "lakeshore-college/invoice-INV-2026-0006.pdf",
       "Invoice INV-2026-0006"},
      {"lakeshore-college", DocumentKind::credit_note,
       "lakeshore-college/credit-note-CN-2026-0001.pdf", "Credit Note CN-2026-0001"},
      {"cascadia-climate", DocumentKind::quote, "cascadia-climate/quote-Q-2026-002.pdf",
       "Quote Q-2026-002"},
      {"cascadia-climate", DocumentKind::agreement, "cascadia-climate/agreement.pdf",
       "Managed Pangeo Hub Service Agreement"},
      {"cascadia-climate", DocumentKind::sow, "cascadia-climate/sow-hub-migration.pdf",
       "Migration of the Consortium Hub to Managed Hosting"},
      {"lakeshore-college", DocumentKind::statement, "lakeshore-college/statement.pdf",
       "Statement of Account — Lakeshore Community College"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(document_of(c.slug, c.kind, c.output)["title"], c.title) << c.output;
}

TEST_F(StatusMarkTest, AnAgreementsTermSaysHowItRenews) {
  workspace = load_clean(source);
  const auto term_of = [this](const std::string& slug) {
    workspace = load_clean(source);
    const Date day = *Date::parse("2026-11-23");
    const std::vector<DocumentJob> jobs =
        plan_documents(*workspace, PlanOptions{day, slug, DocumentKind::agreement});
    EXPECT_EQ(jobs.size(), 1u);
    return document_context(*workspace, jobs.at(0),
                            ContextOptions{day, nullptr})["agreement"]["term"];
  };
  nlohmann::json term = term_of("cascadia-climate");
  EXPECT_EQ(term["is_auto"], true);
  EXPECT_EQ(term["is_manual"], false);
  EXPECT_EQ(term["renewal_length"], "");
  EXPECT_EQ(term["next_start"], "1 January 2028");
  EXPECT_EQ(term["next_end"], "31 January 2029");
  replace_in(source, k_cascadia_agreement, "  notice_days: 90\n",
             "  notice_days: 90\n  renewal_months: 6\n");
  term = term_of("cascadia-climate");
  EXPECT_EQ(term["renewal_length"], "6 months");
  EXPECT_EQ(term["next_start"], "1 January 2028");
  EXPECT_EQ(term["next_end"], "30 June 2028");
  term = term_of("prairie-public-health");
  EXPECT_EQ(term["is_auto"], false);
  EXPECT_EQ(term["is_manual"], true);
  EXPECT_EQ(term["next_start"], "1 January 2028");
}

}  // namespace
}  // namespace partnerops::testing
