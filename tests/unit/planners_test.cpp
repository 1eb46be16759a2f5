// The planners the committing commands call, in process on the fixture
// workspace (tests/fixtures/base): exactly the files they would write, the
// numbers they take and the amounts in minor units, before any command
// applies them. The end-to-end tests run the same plans through the binary.

#include <gtest/gtest.h>

#include "billing/credit.hpp"
#include "billing/invoice_run.hpp"
#include "billing/run_summary.hpp"
#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "ops_fixture_support.hpp"
#include "scaffold/new_document.hpp"
#include "scaffold/new_lead.hpp"
#include "transitions/payment.hpp"

namespace partnerops::testing {
namespace {

class PlannersTest : public ::testing::Test {
 protected:
  PlannersTest() : source(fixture_workspace()), workspace(load_clean(source)) {}

  /// The paths a change writes, in order.
  static std::vector<std::string> paths_of(const transitions::ChangeSet& changes) {
    std::vector<std::string> paths;
    for (const transitions::FileEdit& edit : changes.edits) paths.push_back(edit.path);
    return paths;
  }

  /// Every diagnostic as "code file:line".
  static std::vector<std::string> codes_of(const Diagnostics& diagnostics) {
    std::vector<std::string> codes;
    for (const Diagnostic& d : diagnostics)
      codes.push_back(d.code + " " + d.file + ":" + std::to_string(d.position.line));
    return codes;
  }

  MemorySource source;
  std::unique_ptr<Workspace> workspace;
};

TEST_F(PlannersTest, InvoiceRunBillsEachScheduleDueInTheMonthWithTheNextNumbers) {
  Diagnostics diagnostics;
  const std::optional<billing::RunPlan> plan = billing::plan_invoice_run(
      *workspace, {*billing::Month::parse("2027-01"), *Date::parse("2026-12-20"), nullptr},
      diagnostics);
  ASSERT_TRUE(plan) << diagnostics.size();
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(plan->invoices.size(), 1u);
  const billing::DraftInvoice& draft = plan->invoices[0];
  EXPECT_EQ(draft.slug, "noordzee-marine-data");
  EXPECT_EQ(draft.path, "partners/noordzee-marine-data/invoices/INV-2027-0001.yaml");
  EXPECT_EQ(draft.number, "INV-2027-0001");
  EXPECT_EQ(draft.currency, "EUR");
  EXPECT_EQ(draft.period, "2027-01");
  // Drafted before the month starts: dated its first day, due 30 days later.
  EXPECT_EQ(draft.issue_date.iso(), "2027-01-01");
  EXPECT_EQ(draft.due_date.iso(), "2027-01-31");
  ASSERT_EQ(draft.lines.size(), 1u);
  EXPECT_EQ(draft.lines[0].amount_minor, 450000);
  EXPECT_EQ(draft.subtotal_minor, 450000);
  EXPECT_EQ(draft.tax_minor, 0);
  EXPECT_EQ(draft.total_minor, 450000);
  EXPECT_EQ(plan->already_invoiced, std::vector<std::string>{});

  EXPECT_EQ(
      billing::run_table(*plan, *billing::Month::parse("2027-01")),
      "number          partner               issue date  due date     lines             total\n"
      "INV-2027-0001   noordzee-marine-data  2027-01-01  2027-01-31       1       4500.00 EUR\n"
      "1 invoice for 2027-01: 4500.00 EUR\n");
  const transitions::ChangeSet changes =
      billing::run_changes(*workspace, *plan, *billing::Month::parse("2027-01"));
  EXPECT_EQ(paths_of(changes), std::vector<std::string>{draft.path});
  EXPECT_EQ(changes.edits[0].content, draft.content);
  EXPECT_EQ(changes.protected_paths, std::vector<std::string>{"partners"});
  EXPECT_EQ(
      changes.message,
      "invoice run 2027-01: 1 draft invoice\n\nINV-2027-0001 noordzee-marine-data 4500.00 EUR\n");
  EXPECT_EQ(changes.suggested_branch, "invoice-run/2027-01");
}

TEST_F(PlannersTest, InvoiceRunSkipsAPartnerAlreadyInvoicedForTheMonth) {
  // November 2026: Lakeshore's quarter is INV-2026-0006; Noordzee bills nothing.
  Diagnostics diagnostics;
  const std::optional<billing::RunPlan> plan = billing::plan_invoice_run(
      *workspace, {*billing::Month::parse("2026-11"), *Date::parse("2026-11-23"), nullptr},
      diagnostics);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->invoices.empty());
  EXPECT_EQ(plan->already_invoiced, std::vector<std::string>{"lakeshore-college"});
  EXPECT_EQ(billing::run_table(*plan, *billing::Month::parse("2026-11")),
            "0 invoices for 2026-11; 1 partner already invoiced for 2026-11\n");
}

TEST_F(PlannersTest, CreditTakesTheNextCreditNoteNumberForOneLine) {
  Diagnostics diagnostics;
  const std::optional<transitions::ChangeSet> changes = billing::plan_credit(
      *workspace, {"INV-2026-0006", "Storage not used", {{2, ""}}, *Date::parse("2026-11-25")},
      diagnostics);
  ASSERT_TRUE(changes) << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  EXPECT_EQ(paths_of(*changes),
            std::vector<std::string>{"partners/lakeshore-college/credit-notes/CN-2026-0002.yaml"});
  // Line 2 of the invoice, 3 x 40.00, credited whole.
  EXPECT_EQ(
      changes->edits[0].content,
      "# yaml-language-server: $schema=../../../schemas/credit-note.schema.yaml\n"
      "number: CN-2026-0002\n"
      "status: issued\n"
      "issue_date: 2026-11-25\n"
      "currency: USD\n"
      "invoice: INV-2026-0006\n"
      "reason: Storage not used\n"
      "lines:\n"
      "  - description: Additional storage, 500 GB (per month, November 2026 \u2013 January 2027)\n"
      "    invoice_line: 2\n"
      "    quantity: 3\n"
      "    unit_price: \"40.00\"\n"
      "    amount: \"120.00\"\n"
      "subtotal: \"120.00\"\n"
      "tax:\n"
      "  label: Sales tax (exempt services)\n"
      "  rate_percent: \"0\"\n"
      "  amount: \"0.00\"\n"
      "total: \"120.00\"\n");
  EXPECT_EQ(changes->message,
            "lakeshore-college: credit INV-2026-0006 with CN-2026-0002 (120.00 USD)\n\n"
            "Partner: lakeshore-college\nInvoice: INV-2026-0006\nCredit-Note: CN-2026-0002\n"
            "Reason: Storage not used\n");
}

TEST_F(PlannersTest, CreditRefusesMoreThanTheLineHolds) {
  Diagnostics diagnostics;
  EXPECT_FALSE(billing::plan_credit(
      *workspace, {"INV-2026-0006", "Storage", {{2, "120.01"}}, *Date::parse("2026-11-25")},
      diagnostics));
  EXPECT_EQ(codes_of(diagnostics),
            std::vector<std::string>{
                "credit-line partners/lakeshore-college/invoices/INV-2026-0006.yaml:17"});
}

TEST_F(PlannersTest, PaymentThatSettlesTheInvoiceMarksItPaid) {
  Diagnostics diagnostics;
  const std::optional<transitions::ChangeSet> changes = transitions::plan_payment(
      *workspace,
      {"lakeshore-college", "INV-2026-0006", "7320.00", *Date::parse("2026-11-30"), "ACH 4471"},
      diagnostics);
  ASSERT_TRUE(changes) << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  EXPECT_EQ(paths_of(*changes),
            std::vector<std::string>{"partners/lakeshore-college/invoices/INV-2026-0006.yaml"});
  // Two surgical edits of the file as it is: the status, and the payment.
  std::string expected = fixture_text("partners/lakeshore-college/invoices/INV-2026-0006.yaml");
  expected.replace(expected.find("status: issued\n"), 15, "status: paid\n");
  expected.replace(expected.find("payments: []\n"), 13,
                   "payments:\n  - date: 2026-11-30\n    amount: \"7320.00\"\n"
                   "    reference: ACH 4471\n");
  EXPECT_EQ(changes->edits[0].content, expected);
  EXPECT_EQ(changes->message,
            "lakeshore-college: payment of 7320.00 USD on INV-2026-0006, paid in full\n\n"
            "Partner: lakeshore-college\nInvoice: INV-2026-0006\nPayment-Date: 2026-11-30\n");
}

TEST_F(PlannersTest, PaymentRefusesMoreThanIsOpen) {
  Diagnostics diagnostics;
  EXPECT_FALSE(transitions::plan_payment(
      *workspace, {"lakeshore-college", "INV-2026-0006", "7320.01", *Date::parse("2026-11-30"), ""},
      diagnostics));
  EXPECT_EQ(codes_of(diagnostics),
            std::vector<std::string>{
                "payment-overpays partners/lakeshore-college/invoices/INV-2026-0006.yaml:23"});
}

TEST_F(PlannersTest, NewLeadPlansPartnerYamlAndNotesAtTheInitialStage) {
  scaffold::NewLeadRequest request;
  request.name = "Fjord Tide Institute";
  request.contact = {"Ingrid Dahl", "ingrid@fjordtide.no"};
  request.contact_role = "Research director";
  request.reason = "met at the ocean data workshop";
  request.date = *Date::parse("2026-11-23");
  std::string notes_context;
  const scaffold::NotesRenderer render = [&notes_context](const nlohmann::json& context,
                                                          Diagnostics&) {
    notes_context = context.dump();
    return std::optional<std::string>("# Fjord Tide Institute\n");
  };
  Diagnostics diagnostics;
  const std::optional<transitions::ChangeSet> changes =
      scaffold::plan_new_lead(*workspace, request, render, diagnostics);
  ASSERT_TRUE(changes) << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  EXPECT_EQ(paths_of(*changes),
            (std::vector<std::string>{"partners/fjord-tide-institute/partner.yaml",
                                      "partners/fjord-tide-institute/notes.md"}));
  // The owner is the first of roles.partnerships; the stage the initial one.
  EXPECT_EQ(changes->edits[0].content,
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "slug: fjord-tide-institute\n"
            "name: Fjord Tide Institute\n"
            "qualified: false\n"
            "stage: lead\n"
            "owner: tomas@commonscompute.org\n"
            "contacts:\n"
            "  - name: Ingrid Dahl\n"
            "    email: ingrid@fjordtide.no\n"
            "    role: Research director\n"
            "    primary: true\n"
            "history:\n"
            "  - date: 2026-11-23\n"
            "    stage: lead\n"
            "    reason: met at the ocean data workshop\n");
  EXPECT_EQ(changes->edits[1].content, "# Fjord Tide Institute\n");
  EXPECT_EQ(nlohmann::json::parse(notes_context), nlohmann::json::parse(R"({
      "entry": {"date": "2026-11-23", "reason": "met at the ocean data workshop"},
      "organisation": {"name": "Commons Compute"},
      "partner": {"contacts": [{"email": "ingrid@fjordtide.no", "name": "Ingrid Dahl",
                                "role": "Research director"}],
                  "name": "Fjord Tide Institute", "owner": "tomas@commonscompute.org",
                  "slug": "fjord-tide-institute", "stage": "Lead"}})"));
  EXPECT_EQ(changes->message,
            "fjord-tide-institute: new lead\n\nmet at the ocean data workshop\n\n"
            "Partner: fjord-tide-institute\nStage-To: lead\n");
  EXPECT_EQ(changes->suggested_branch, "new/fjord-tide-institute");
}

TEST_F(PlannersTest, NewLeadRefusesAFolderThatDiffersOnlyInCase) {
  scaffold::NewLeadRequest request;
  request.name = "Lakeshore College";
  request.contact = {"A", "a@lakeshorecc.edu"};
  request.contact_role = "Dean";
  request.reason = "new lead";
  request.date = *Date::parse("2026-11-23");
  request.existing_folders = {"Lakeshore-College"};
  Diagnostics diagnostics;
  EXPECT_FALSE(scaffold::plan_new_lead(
      *workspace, request,
      [](const nlohmann::json&, Diagnostics&) { return std::optional<std::string>("x\n"); },
      diagnostics));
  EXPECT_EQ(codes_of(diagnostics),
            std::vector<std::string>{"new-slug-taken partners/Lakeshore-College:0"});
}

TEST_F(PlannersTest, NewQuoteTakesTheNextQuoteNumberAcrossPartners) {
  Diagnostics diagnostics;
  const std::optional<transitions::ChangeSet> changes =
      scaffold::plan_new_document(*workspace,
                                  {scaffold::NewDocumentKind::quote, "prairie-public-health",
                                   *Date::parse("2026-11-23"), "", ""},
                                  diagnostics);
  ASSERT_TRUE(changes) << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  // Q-2026-001 (Lakeshore) and Q-2026-002 (Cascadia) are taken.
  EXPECT_EQ(paths_of(*changes),
            std::vector<std::string>{"partners/prairie-public-health/quotes/Q-2026-003.yaml"});
  EXPECT_EQ(changes->edits[0].content,
            "# yaml-language-server: $schema=../../../schemas/quote.schema.yaml\n"
            "number: Q-2026-003\n"
            "date: 2026-11-23\n"
            "valid_until: 2026-12-23\n"
            "currency: USD\n"
            "status: draft\n"
            "lines:\n"
            "  - description: \"TODO: the service or deliverable quoted\"\n"
            "    quantity: 1\n"
            "    unit_price: \"0\"\n"
            "    amount: \"0\"\n"
            "subtotal: \"0\"\n"
            "tax:\n"
            "  label: Tax\n"
            "  rate_percent: \"0\"\n"
            "  amount: \"0\"\n"
            "total: \"0\"\n");
  EXPECT_EQ(changes->message,
            "prairie-public-health: new quote Q-2026-003\n\n"
            "Partner: prairie-public-health\nNew-Document: quotes/Q-2026-003.yaml\n");
}

TEST_F(PlannersTest, NewSowTakesTheNextFreeId) {
  Diagnostics diagnostics;
  const std::optional<transitions::ChangeSet> changes =
      scaffold::plan_new_document(*workspace,
                                  {scaffold::NewDocumentKind::sow, "cascadia-climate",
                                   *Date::parse("2026-11-23"), "", "Data pipeline"},
                                  diagnostics);
  ASSERT_TRUE(changes) << (diagnostics.empty() ? "" : diagnostics.begin()->message);
  // The one SOW there is named hub-migration: sow-1 is free.
  EXPECT_EQ(paths_of(*changes),
            std::vector<std::string>{"partners/cascadia-climate/sow/sow-1.yaml"});
  const std::string& text = changes->edits[0].content;
  EXPECT_EQ(text.substr(0, text.find("background:")),
            "# yaml-language-server: $schema=../../../schemas/sow.schema.yaml\n"
            "id: sow-1\n"
            "title: Data pipeline\n"
            "agreement: agreement.yaml\n"
            "status: draft\n"
            "date: 2026-11-23\n"
            "currency: USD\n"
            "# rates: list each role's hourly rate to price the hours, e.g.\n"
            "#   - role: Research software engineer\n"
            "#     rate: \"145.00\"\n");
  // It says which agreement the SOW is an addendum to, and that the
  // agreement does not list it yet.
  EXPECT_EQ(changes->note,
            "sow/sow-1.yaml is an addendum to partners/cascadia-climate/agreement.yaml "
            "(\"Managed Pangeo Hub Service Agreement\", ready); list it in the agreement's "
            "addenda (file: sow/sow-1.yaml, kind: sow)");
  EXPECT_NE(changes->message.find("\nAgreement: agreement.yaml\n"), std::string::npos)
      << changes->message;
}

TEST_F(PlannersTest, DocumentContextOfAnInvoiceHoldsFormattedAmountsAndWhatIsOpen) {
  const DocumentJob job =
      invoice_document(*workspace->partner("lakeshore-college"),
                       workspace->partner("lakeshore-college")->invoices.back());
  const nlohmann::json context = document_context(
      *workspace, job, ContextOptions{*Date::parse("2026-11-23"), [](std::string_view text) {
                                        return "<p>" + std::string(text) + "</p>";
                                      }});
  EXPECT_EQ(context["document"], nlohmann::json::parse(R"({
      "date": "23 November 2026", "kind": "invoice", "number": "INV-2026-0006",
      "title": "Invoice INV-2026-0006", "status_mark": ""})"));
  const nlohmann::json& invoice = context["invoice"];
  EXPECT_EQ(invoice["total"], "$7,320.00");
  EXPECT_EQ(invoice["paid"], "$0.00");
  EXPECT_EQ(invoice["credited"], "$0.00");
  EXPECT_EQ(invoice["balance"], "$7,320.00");
  EXPECT_EQ(invoice["balance_label"], "Balance due");
  EXPECT_EQ(invoice["issue_date"], "2 November 2026");
  EXPECT_EQ(invoice["due_date"], "2 December 2026");
  EXPECT_EQ(invoice["sponsor_number"], "CWFP-2026-0917");
  EXPECT_EQ(invoice["lines"], nlohmann::json::parse(R"json([
      {"amount": "$7,200.00", "quantity": "1", "unit_price": "$7,200.00",
       "description": "Managed JupyterHub teaching service, November 2026 \u2013 January 2027"},
      {"amount": "$120.00", "quantity": "3", "unit_price": "$40.00",
       "description": "Additional storage, 500 GB (per month, November 2026 \u2013 January 2027)"}])json"));
}

TEST_F(PlannersTest, DocumentContextOfAPaidInvoiceShowsNothingDue) {
  // Settled by its payment, the invoice's context says so in every field.
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml", "payments: []\n",
             "payments:\n  - date: 2026-11-30\n    amount: \"7320.00\"\n");
  replace_in(source, "partners/lakeshore-college/invoices/INV-2026-0006.yaml", "status: issued\n",
             "status: paid\n");
  workspace = load_clean(source);
  const DocumentJob job =
      invoice_document(*workspace->partner("lakeshore-college"),
                       workspace->partner("lakeshore-college")->invoices.back());
  const nlohmann::json context =
      document_context(*workspace, job, ContextOptions{*Date::parse("2026-12-01"), {}});
  EXPECT_EQ(context["invoice"]["paid"], "$7,320.00");
  EXPECT_EQ(context["invoice"]["balance"], "$0.00");
  EXPECT_EQ(context["invoice"]["is_paid"], true);
}

}  // namespace
}  // namespace partnerops::testing
