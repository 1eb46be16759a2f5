// invoice run, issue and credit as a user runs them, on a copy of the demo
// organisation in a fresh repository: exact numbers and totals, what the
// commits hold, and the rules that keep issued documents unchanged.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

// Usage for January 2027: Lakeshore's cloud bill, passed through with 10 %.
const char* const k_usage_2027_01 =
    "period: \"2027-01\"\n"
    "charges:\n"
    "  - partner: lakeshore-college\n"
    "    description: Cloud compute and storage, January 2027\n"
    "    cost: \"1234.56\"\n"
    "    service_charge_percent: \"10\"\n";

class InvoiceCliTest : public GitWorkspaceTest {
 protected:
  InvoiceCliTest() : GitWorkspaceTest({"SOURCE_DATE_EPOCH=1795392000"}) {}

  void SetUp() override {
    GitWorkspaceTest::SetUp();
    write_file(inputs.path() / "usage-2027-01.yaml", k_usage_2027_01);
  }

  std::string usage() const { return (inputs.path() / "usage-2027-01.yaml").string(); }

  std::string head_short() const {
    const std::string id = git("rev-parse --short HEAD");
    return id.substr(0, id.size() - 1);
  }

  TempDir inputs;
};

const char* const k_table_2027_01 =
    "number          partner               issue date  due date     lines             total\n"
    "INV-2027-0001   lakeshore-college     2027-01-01  2027-01-31       2       1358.02 USD\n"
    "INV-2027-0002   noordzee-marine-data  2027-01-01  2027-01-31       1       4500.00 EUR\n"
    "2 invoices for 2027-01: 4500.00 EUR, 1358.02 USD\n";

TEST_F(InvoiceCliTest, RunCreatesTheNextNumbersWithExactTotalsAndCommitsExactlyThem) {
  const RunResult run =
      partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, std::string(k_table_2027_01) + "[invoice-run/2027-01 " + head_short() +
                         "] invoice run 2027-01: 2 draft invoices\n");
  EXPECT_EQ(git("rev-parse --abbrev-ref HEAD"), "invoice-run/2027-01\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/lakeshore-college/invoices/INV-2027-0001.yaml\n"
            "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml\n");
  EXPECT_EQ(git("log -1 --format=%B"),
            "invoice run 2027-01: 2 draft invoices\n\n"
            "INV-2027-0001 lakeshore-college 1358.02 USD\n"
            "INV-2027-0002 noordzee-marine-data 4500.00 EUR\n\n");
  EXPECT_EQ(git("status --porcelain"), "");

  EXPECT_EQ(read_file(dir.path() / "partners/lakeshore-college/invoices/INV-2027-0001.yaml"),
            "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n"
            "number: INV-2027-0001\n"
            "status: draft\n"
            "issue_date: 2027-01-01\n"
            "due_date: 2027-01-31\n"
            "currency: USD\n"
            "period: \"2027-01\"\n"
            "reference: Managed JupyterHub Teaching Service Agreement\n"
            "lines:\n"
            "  - description: Cloud compute and storage, January 2027\n"
            "    quantity: 1\n"
            "    unit_price: \"1234.56\"\n"
            "    amount: \"1234.56\"\n"
            "  - description: Service charge 10 % on Cloud compute and storage, January 2027\n"
            "    quantity: 1\n"
            "    unit_price: \"123.46\"\n"
            "    amount: \"123.46\"\n"
            "subtotal: \"1358.02\"\n"
            "tax:\n"
            "  label: Sales tax (exempt services)\n"
            "  rate_percent: \"0\"\n"
            "  amount: \"0.00\"\n"
            "total: \"1358.02\"\n");
  EXPECT_EQ(read_file(dir.path() / "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml"),
            "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n"
            "number: INV-2027-0002\n"
            "status: draft\n"
            "issue_date: 2027-01-01\n"
            "due_date: 2027-01-31\n"
            "currency: EUR\n"
            "period: \"2027-01\"\n"
            "reference: Memorandum of Understanding on Joint Marine Data Science Training\n"
            "lines:\n"
            "  - description: Workshop hub platform fee, January – March 2027\n"
            "    quantity: 1\n"
            "    unit_price: \"4500.00\"\n"
            "    amount: \"4500.00\"\n"
            "subtotal: \"4500.00\"\n"
            "tax:\n"
            "  label: VAT reverse charge (Article 196, Directive 2006/112/EC)\n"
            "  rate_percent: \"0\"\n"
            "  amount: \"0.00\"\n"
            // The agreement's VAT category goes with its rate, for the e-invoice.
            "  vat_category: AE\n"
            "  exemption_reason: Reverse charge (Article 196, Directive 2006/112/EC)\n"
            "total: \"4500.00\"\n");

  // The drafts are valid where they are.
  const RunResult validate = partnerops({"validate", "--today", "2026-11-23"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out;

  // A second run for the same month creates nothing and commits nothing.
  const std::string head = git("rev-parse HEAD");
  const RunResult again =
      partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "0 invoices for 2027-01; 2 partners already invoiced for 2027-01\n");
  EXPECT_EQ(git("rev-parse HEAD"), head);
  EXPECT_EQ(git("status --porcelain"), "");
}

TEST_F(InvoiceCliTest, DryRunPrintsTheTableAndWritesNothing) {
  const RunResult run = partnerops(
      {"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20", "--dry-run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, k_table_2027_01);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
  EXPECT_EQ(git("branch --format='%(refname:short)'"), "main\n");
}

TEST_F(InvoiceCliTest, RunContinuesTheYearsSequenceAndSkipsInvoicedPartners) {
  // November 2026: Lakeshore's quarter is already invoiced (INV-2026-0006);
  // Noordzee bills nothing by its schedule but gets its usage.
  write_file(inputs.path() / "usage-2026-11.yaml",
             "period: \"2026-11\"\n"
             "charges:\n"
             "  - partner: noordzee-marine-data\n"
             "    description: Workshop GPU hours, November 2026\n"
             "    cost: \"310.25 EUR\"\n"
             "  - partner: lakeshore-college\n"
             "    description: Cloud costs, November 2026\n"
             "    cost: \"99.00\"\n");
  const RunResult run = partnerops({"invoice", "run", "2026-11", "--usage",
                                    (inputs.path() / "usage-2026-11.yaml").string(), "--today",
                                    "2026-11-23", "--no-commit"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(
      run.out,
      "number          partner               issue date  due date     lines             total\n"
      "INV-2026-0007   noordzee-marine-data  2026-11-23  2026-12-23       1        310.25 EUR\n"
      "1 invoice for 2026-11: 310.25 EUR; 1 partner already invoiced for 2026-11\n");
  EXPECT_EQ(git("status --porcelain --untracked-files=all"),
            "?? partners/noordzee-marine-data/invoices/INV-2026-0007.yaml\n");
}

TEST_F(InvoiceCliTest, RunRefusesAUsageFileForAnotherMonthOrAnUnknownPartner) {
  write_file(inputs.path() / "bad.yaml",
             "period: \"2026-12\"\n"
             "charges:\n"
             "  - partner: cascadia-climate\n"
             "    description: Cloud costs\n"
             "    cost: \"10.00\"\n");
  const RunResult run =
      partnerops({"invoice", "run", "2027-01", "--usage", (inputs.path() / "bad.yaml").string(),
                  "--today", "2026-12-20"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("error[usage-period]: the usage file is for 2026-12, not 2027-01"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("error[usage-partner]: 'cascadia-climate' has no executed agreement to "
                         "invoice under"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(run.err.ends_with("partnerops: nothing was changed\n")) << run.err;
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(InvoiceCliTest, RunReadsNoUsageFileThroughALinkCommittedIntoTheRepository) {
  // The repository commits `usage -> <a folder elsewhere>`; the usage file
  // named through it is not read, though the same file named directly is.
  fs::create_directory_symlink(inputs.path(), dir.path() / "usage");
  git("add usage");
  git("commit -q -m 'usage folder'");
  const std::string head = git("rev-parse HEAD");
  const RunResult run = partnerops({"invoice", "run", "2027-01", "--usage",
                                    "usage/usage-2027-01.yaml", "--today", "2026-12-20"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "partnerops: the usage file usage/usage-2027-01.yaml is not read: the path passes "
            "through the symbolic link usage inside the workspace (not followed)\n");
  EXPECT_EQ(git("rev-parse HEAD"), head);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  const RunResult direct =
      partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20"});
  EXPECT_EQ(direct.exit_code, 0) << direct.err;
}

TEST_F(InvoiceCliTest, RunSaysWhyAUsageFileCannotBeRead) {
  const RunResult run =
      partnerops({"invoice", "run", "2027-01", "--usage", "missing.yaml", "--today", "2026-12-20"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "partnerops: cannot read the usage file missing.yaml: " +
                         (dir.path() / "missing.yaml").string() + ": No such file or directory\n");
}

TEST_F(InvoiceCliTest, IssuedInvoiceEditsAreRejectedByValidateAndCheckRange) {
  ASSERT_EQ(partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20",
                        "--no-branch"})
                .exit_code,
            0);
  const RunResult issue = partnerops({"invoice", "issue", "INV-2027-0002", "--date", "2027-01-04"});
  ASSERT_EQ(issue.exit_code, 0) << issue.err;
  EXPECT_EQ(issue.out, "[main " + head_short() + "] noordzee-marine-data: issue INV-2027-0002\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml\n");
  const fs::path file = dir.path() / "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml";
  const std::string issued = read_file(file);
  EXPECT_NE(issued.find("status: issued\nissue_date: 2027-01-04\ndue_date: 2027-02-03\n"),
            std::string::npos)
      << issued;

  // Issuing twice is refused.
  const RunResult twice = partnerops({"invoice", "issue", "INV-2027-0002", "--date", "2027-01-05"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("error[invoice-not-draft]: invoice INV-2027-0002 is issued, not a "
                           "draft"),
            std::string::npos)
      << twice.err;

  // An edit of the issued invoice, uncommitted: validate rejects it.
  std::string edited = issued;
  edited.replace(edited.find("4500.00"), 7, "4000.00");
  edited.replace(edited.find("4500.00"), 7, "4000.00");
  edited.replace(edited.find("subtotal: \"4500.00\""), 19, "subtotal: \"4000.00\"");
  edited.replace(edited.find("total: \"4500.00\""), 16, "total: \"4000.00\"");
  write_file(file, edited);
  const RunResult validate = partnerops({"validate", "--today", "2026-11-23"});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_NE(validate.out.find("partners/noordzee-marine-data/invoices/INV-2027-0002.yaml:9:1: "
                              "error[invoice-issued-changed]: issued invoice INV-2027-0002 was "
                              "edited (lines); only its status, appended payments and a first "
                              "sponsor_number may change"),
            std::string::npos)
      << validate.out;

  // Committed, check-range rejects it too.
  git("commit -q -am 'lower the fee'");
  const RunResult range = partnerops({"check-range", "HEAD~1..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_NE(range.out.find("error[invoice-issued-changed]: issued invoice INV-2027-0002 was "
                           "edited (lines)"),
            std::string::npos)
      << range.out;
}

TEST_F(InvoiceCliTest, IssueDatesFollowNumbersAcrossPartners) {
  // INV-2027-0001 is Lakeshore's draft, INV-2027-0002 Noordzee's.
  ASSERT_EQ(partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20",
                        "--no-branch"})
                .exit_code,
            0);
  const RunResult later = partnerops({"invoice", "issue", "INV-2027-0002", "--date", "2027-01-10"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  const std::string head = head_short();

  // The earlier number may not be dated after the later one.
  const RunResult after = partnerops({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-12"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_NE(after.err.find("partners/lakeshore-college/invoices/INV-2027-0001.yaml:2:9: "
                           "error[invoice-date-order]: issuing invoice INV-2027-0001 on "
                           "2027-01-12 would date it after INV-2027-0002, issued on 2027-01-10 "
                           "with a later number\n"),
            std::string::npos)
      << after.err;
  EXPECT_NE(after.err.find("hint: numbers follow issue dates: issue it with --date 2027-01-10 or "
                           "earlier, or issue the drafts in number order\n"),
            std::string::npos)
      << after.err;
  EXPECT_EQ(head_short(), head);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  // On or before that date it is issued, and validate agrees.
  const RunResult same = partnerops({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-10"});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  const RunResult validate = partnerops({"validate", "--today", "2027-01-12"});
  EXPECT_EQ(validate.out.find("invoice-date-order"), std::string::npos) << validate.out;
}

TEST_F(InvoiceCliTest, AnIssueDateBeforeAnEarlierNumberIsRefused) {
  ASSERT_EQ(partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20",
                        "--no-branch"})
                .exit_code,
            0);
  ASSERT_EQ(partnerops({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-10"}).exit_code, 0);
  const RunResult before =
      partnerops({"invoice", "issue", "INV-2027-0002", "--date", "2027-01-05"});
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.err.find("partners/noordzee-marine-data/invoices/INV-2027-0002.yaml:2:9: "
                            "error[invoice-date-order]: issuing invoice INV-2027-0002 on "
                            "2027-01-05 would date it before INV-2027-0001, issued on 2027-01-10 "
                            "with an earlier number\n"),
            std::string::npos)
      << before.err;
  EXPECT_NE(before.err.find("hint: numbers follow issue dates: issue it with --date 2027-01-10 or "
                            "later\n"),
            std::string::npos)
      << before.err;

  // Written by hand instead, validate reports it at the later invoice's date.
  const fs::path file = dir.path() / "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml";
  std::string text = read_file(file);
  text.replace(text.find("status: draft"), 13, "status: issued");
  text.replace(text.find("issue_date: 2027-01-01"), 22, "issue_date: 2027-01-05");
  write_file(file, text);
  const RunResult validate = partnerops({"validate", "--today", "2027-01-12"});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_NE(validate.out.find("partners/noordzee-marine-data/invoices/INV-2027-0002.yaml:4:13: "
                              "error[invoice-date-order]: the invoice INV-2027-0002 is dated "
                              "2027-01-05, before INV-2027-0001 of 2027-01-10, which has an "
                              "earlier number\n"),
            std::string::npos)
      << validate.out;
}

TEST_F(InvoiceCliTest, ACreditNoteIsNeverDatedBeforeTheLastOne) {
  // CN-2026-0001 is dated 2026-11-10; the next note takes 0002.
  const RunResult early = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "early",
                                      "--line", "2", "--date", "2026-11-09"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find("partners/lakeshore-college/credit-notes/CN-2026-0001.yaml:4:13: "
                           "error[credit-note-date-order]: crediting on 2026-11-09 would number "
                           "CN-2026-0002 after CN-2026-0001 but date it before that note's "
                           "2026-11-10\n"),
            std::string::npos)
      << early.err;
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");
}

TEST_F(InvoiceCliTest, CreditNoteZeroesAnInvoiceAndPrints) {
  const RunResult credit = partnerops({"invoice", "credit", "INV-2026-0006", "--reason",
                                       "Billed twice for the quarter", "--date", "2026-11-23"});
  ASSERT_EQ(credit.exit_code, 0) << credit.err;
  EXPECT_EQ(credit.out, "[main " + head_short() +
                            "] lakeshore-college: credit INV-2026-0006 with CN-2026-0002 "
                            "(7320.00 USD)\n");
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml\n");
  EXPECT_EQ(read_file(dir.path() / "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml"),
            "# yaml-language-server: $schema=../../../schemas/credit-note.schema.yaml\n"
            "number: CN-2026-0002\n"
            "status: issued\n"
            "issue_date: 2026-11-23\n"
            "currency: USD\n"
            "invoice: INV-2026-0006\n"
            "reason: Billed twice for the quarter\n"
            "lines:\n"
            "  - description: Managed JupyterHub teaching service, November 2026 – January 2027\n"
            "    invoice_line: 1\n"
            "    quantity: 1\n"
            "    unit_price: \"7200.00\"\n"
            "    amount: \"7200.00\"\n"
            "  - description: Additional storage, 500 GB (per month, November 2026 – January "
            "2027)\n"
            "    invoice_line: 2\n"
            "    quantity: 3\n"
            "    unit_price: \"40.00\"\n"
            "    amount: \"120.00\"\n"
            "subtotal: \"7320.00\"\n"
            "tax:\n"
            "  label: Sales tax (exempt services)\n"
            "  rate_percent: \"0\"\n"
            "  amount: \"0.00\"\n"
            "total: \"7320.00\"\n");
  const RunResult validate = partnerops({"validate", "--today", "2026-11-23"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out;

  // Nothing is left to credit.
  const RunResult over = partnerops(
      {"invoice", "credit", "INV-2026-0006", "--reason", "again", "--date", "2026-11-23"});
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_NE(over.err.find("error[credit-note-over-credit]: crediting 7320.00 USD would exceed "
                          "what invoice INV-2026-0006 still asks for: 0.00 of its 7320.00"),
            std::string::npos)
      << over.err;
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  // The credit note prints.
  const RunResult build = partnerops({"build", "--partner", "lakeshore-college", "--kind",
                                      "credit-note", "--out", (dir.path() / "out").string()});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string text =
      pdf_text(dir.path() / "out/lakeshore-college/credit-note-CN-2026-0002.pdf");
  for (const char* expected :
       {"Credit Note CN-2026-0002", "23 November 2026", "Billed twice for the quarter",
        "INV-2026-0006 of 2 November 2026 ($7,320.00)", "$7,200.00", "$7,320.00",
        "credited against invoice INV-2026-0006"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

TEST_F(InvoiceCliTest, PartialCreditsStopAtTheInvoiceTotalAndStayUnchanged) {
  const RunResult first =
      partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "Storage not used", "--line",
                  "2=80.00", "--date", "2026-11-23"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const RunResult too_much = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "more",
                                         "--line", "2=50.00", "--date", "2026-11-23"});
  EXPECT_EQ(too_much.exit_code, 1);
  EXPECT_NE(too_much.err.find("error[credit-line]: cannot credit \"50.00\" on line 2 of invoice "
                              "INV-2026-0006: the amount must be above 0 and at most what is left "
                              "of the line, 40.00 of 120.00"),
            std::string::npos)
      << too_much.err;
  const RunResult rest = partnerops(
      {"invoice", "credit", "INV-2026-0006", "--reason", "Cancelled", "--date", "2026-11-23"});
  EXPECT_EQ(rest.exit_code, 1);
  EXPECT_NE(rest.err.find("error[credit-note-over-credit]: crediting 7320.00 USD would exceed "
                          "what invoice INV-2026-0006 still asks for: 7240.00 of its 7320.00"),
            std::string::npos)
      << rest.err;
  const RunResult line2 = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "x",
                                      "--line", "2", "--date", "2026-11-23"});
  EXPECT_EQ(line2.exit_code, 1);
  EXPECT_NE(line2.err.find("error[credit-line]: line 2 of invoice INV-2026-0006 is already "
                           "credited 80.00 of its 120.00"),
            std::string::npos)
      << line2.err;
  EXPECT_NE(line2.err.find("hint: credit the rest with --line 2=40.00"), std::string::npos);
  const RunResult line1 = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "Cancelled",
                                      "--line", "1", "--date", "2026-11-24"});
  ASSERT_EQ(line1.exit_code, 0) << line1.err;
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/lakeshore-college/credit-notes/CN-2026-0003.yaml\n");

  // A credit note is never edited: validate and check-range say so.
  const fs::path note = dir.path() / "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml";
  std::string text = read_file(note);
  text.replace(text.find("Storage not used"), 16, "Storage unused!!");
  write_file(note, text);
  const RunResult validate = partnerops({"validate", "--today", "2026-11-23"});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_NE(validate.out.find("partners/lakeshore-college/credit-notes/CN-2026-0002.yaml:7:1: "
                              "error[credit-note-issued-changed]: credit note CN-2026-0002 was "
                              "edited (reason); only its status may change, to void"),
            std::string::npos)
      << validate.out;
  git("commit -q -am 'reword'");
  const RunResult range = partnerops({"check-range", "HEAD~1..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_NE(range.out.find("error[credit-note-issued-changed]: credit note CN-2026-0002 was "
                           "edited (reason)"),
            std::string::npos)
      << range.out;
}

TEST_F(InvoiceCliTest, MilestonesBillInTheMonthTheyFallDue) {
  // Lakeshore's one-off fee becomes a fixed price paid by SOW milestones.
  const fs::path agreement = dir.path() / "partners/lakeshore-college/agreement.yaml";
  std::string text = read_file(agreement);
  text.replace(text.find("    schedule: one-off\n    first_period: \"2026-02\"\n"), 50,
               "    schedule: milestones\n    sow: sow/lms.yaml\n");
  write_file(agreement, text);
  std::string sow = read_file(dir.path() / "partners/cascadia-climate/sow/hub-migration.yaml");
  sow.replace(sow.find("id: hub-migration"), 17, "id: lms");
  sow +=
      "milestones:\n"
      "  - id: m1\n    title: LTI sign-in live\n    due: 2026-12-01\n    amount: \"900.00\"\n"
      "  - id: m2\n    title: Gradebook sync live\n    due: 2026-12-31\n    amount: \"600.00\"\n"
      "  - id: m3\n    title: Handover\n    due: 2027-01-01\n    amount: \"0.50\"\n";
  write_file(dir.path() / "partners/lakeshore-college/sow/lms.yaml", sow);
  git("add -A");
  git("commit -q -m milestones");
  const RunResult run = partnerops({"invoice", "run", "2026-12", "--today", "2026-11-23"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find("[")),
            "number          partner            issue date  due date     lines             total\n"
            "INV-2026-0007   lakeshore-college  2026-12-01  2026-12-31       2       1500.00 USD\n"
            "1 invoice for 2026-12: 1500.00 USD\n");
  const std::string invoice =
      read_file(dir.path() / "partners/lakeshore-college/invoices/INV-2026-0007.yaml");
  EXPECT_NE(
      invoice.find("lines:\n"
                   "  - description: \"Onboarding and LMS integration: LTI sign-in live\"\n"
                   "    quantity: 1\n"
                   "    unit_price: \"900.00\"\n"
                   "    amount: \"900.00\"\n"
                   "  - description: \"Onboarding and LMS integration: Gradebook sync live\"\n"),
      std::string::npos)
      << invoice;
}

TEST_F(InvoiceCliTest, DraftsAreNotCredited) {
  ASSERT_EQ(partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20",
                        "--no-branch"})
                .exit_code,
            0);
  const RunResult credit =
      partnerops({"invoice", "credit", "INV-2027-0001", "--reason", "x", "--date", "2027-01-02"});
  EXPECT_EQ(credit.exit_code, 1);
  EXPECT_NE(credit.err.find("error[credit-note-invoice-status]: invoice INV-2027-0001 is draft; "
                            "only an issued or paid invoice is credited"),
            std::string::npos)
      << credit.err;
}

TEST_F(InvoiceCliTest, AnAutomaticRenewalBillsOnAcrossTheTermEndAndAManualOneStops) {
  // February 2027: Lakeshore's quarterly fee (from 2026-02: Feb, May, Aug,
  // Nov) would bill, but its manual term ended on 2027-01-31.
  const RunResult manual =
      partnerops({"invoice", "run", "2027-02", "--today", "2027-01-25", "--dry-run"});
  ASSERT_EQ(manual.exit_code, 0) << manual.err;
  EXPECT_EQ(manual.out, "0 invoices for 2027-02\n");

  // Renewing by itself, the term rolls into 2027-02-01 to 2028-01-31 and the
  // quarter bills; the one-off onboarding fee does not come back.
  const fs::path agreement = dir.path() / "partners/lakeshore-college/agreement.yaml";
  std::string text = read_file(agreement);
  text.replace(text.find("  renewal: manual\n"), 18, "  renewal: auto\n");
  write_file(agreement, text);
  git("commit -q -am 'lakeshore renews automatically'");
  const RunResult february = partnerops({"invoice", "run", "2027-02", "--today", "2027-01-25"});
  ASSERT_EQ(february.exit_code, 0) << february.err;
  EXPECT_EQ(february.out,
            "number          partner            issue date  due date     lines             total\n"
            "INV-2027-0001   lakeshore-college  2027-02-01  2027-03-03       1       7200.00 USD\n"
            "1 invoice for 2027-02: 7200.00 USD\n"
            "[invoice-run/2027-02 " +
                head_short() + "] invoice run 2027-02: 1 draft invoice\n");
  EXPECT_EQ(read_file(dir.path() / "partners/lakeshore-college/invoices/INV-2027-0001.yaml"),
            "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n"
            "number: INV-2027-0001\n"
            "status: draft\n"
            "issue_date: 2027-02-01\n"
            "due_date: 2027-03-03\n"
            "currency: USD\n"
            "period: \"2027-02\"\n"
            "reference: Managed JupyterHub Teaching Service Agreement\n"
            "lines:\n"
            "  - description: Managed JupyterHub teaching service, February – April 2027\n"
            "    quantity: 1\n"
            "    unit_price: \"7200.00\"\n"
            "    amount: \"7200.00\"\n"
            "subtotal: \"7200.00\"\n"
            "tax:\n"
            "  label: Sales tax (exempt services)\n"
            "  rate_percent: \"0\"\n"
            "  amount: \"0.00\"\n"
            "total: \"7200.00\"\n");

  // July 2027: Noordzee's memorandum (auto, 2026-07-01 to 2027-06-30) is in
  // its first renewal; its quarterly fee bills the next number.
  const RunResult july =
      partnerops({"invoice", "run", "2027-07", "--today", "2027-06-20", "--no-commit"});
  ASSERT_EQ(july.exit_code, 0) << july.err;
  EXPECT_EQ(
      july.out,
      "number          partner               issue date  due date     lines             total\n"
      "INV-2027-0002   noordzee-marine-data  2027-07-01  2027-07-31       1       4500.00 EUR\n"
      "1 invoice for 2027-07: 4500.00 EUR\n");
  const std::string noordzee =
      read_file(dir.path() / "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml");
  EXPECT_NE(noordzee.find("lines:\n"
                          "  - description: Workshop hub platform fee, July – September 2027\n"
                          "    quantity: 1\n"
                          "    unit_price: \"4500.00\"\n"
                          "    amount: \"4500.00\"\n"
                          "subtotal: \"4500.00\"\n"),
            std::string::npos)
      << noordzee;
  EXPECT_NE(noordzee.find("\ntotal: \"4500.00\"\n"), std::string::npos) << noordzee;
}

TEST_F(InvoiceCliTest, IssuingTheFirstInvoiceRecordsTheFirstInvoiceStepInTheSameCommit) {
  // Noordzee as a partner before its first invoice: no invoices, the step
  // not recorded.
  const fs::path partner = dir.path() / "partners/noordzee-marine-data/partner.yaml";
  std::string text = read_file(partner);
  text = replaced(text, "  first-invoice: 2026-07-01\n", "");
  write_file(partner, text);
  git("rm -q partners/noordzee-marine-data/invoices/INV-2026-0003.yaml "
      "partners/noordzee-marine-data/invoices/INV-2026-0005.yaml");
  git("commit -q -am 'before the first invoice'");
  ASSERT_EQ(
      partnerops({"invoice", "run", "2027-01", "--today", "2026-12-20", "--no-branch"}).exit_code,
      0);

  const RunResult issue = partnerops({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-04"});
  ASSERT_EQ(issue.exit_code, 0) << issue.err;
  EXPECT_EQ(issue.out, "[main " + head_short() + "] noordzee-marine-data: issue INV-2027-0001\n");
  EXPECT_EQ(git("show --name-only --format=%B HEAD"),
            "noordzee-marine-data: issue INV-2027-0001\n\n"
            "Partner: noordzee-marine-data\nInvoice: INV-2027-0001\nIssue-Date: 2027-01-04\n"
            "Due-Date: 2027-02-03\nChecklist-Item: first-invoice\n\n\n"
            "partners/noordzee-marine-data/invoices/INV-2027-0001.yaml\n"
            "partners/noordzee-marine-data/partner.yaml\n");
  std::string expected = text;
  expected = replaced(expected, "  quarterly-review: 2026-09-17\n",
                      "  quarterly-review: 2026-09-17\n  first-invoice: 2027-01-04\n");
  EXPECT_EQ(read_file(partner), expected);
  EXPECT_EQ(git("status --porcelain"), "");

  // A recorded step is left as it is: the next invoice touches only itself.
  ASSERT_EQ(
      partnerops({"invoice", "run", "2027-04", "--today", "2027-03-20", "--no-branch"}).exit_code,
      0);
  const RunResult next = partnerops({"invoice", "issue", "INV-2027-0002", "--date", "2027-04-01"});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml\n");
  EXPECT_EQ(read_file(partner), expected);
}

TEST_F(InvoiceCliTest, NumbersTakenOnTwoBranchesAreCaughtAndRenumbered) {
  // Two invoice runs from the same main, on two branches: one bills
  // Noordzee's fee for January, the other Lakeshore's usage for January,
  // and both take INV-2027-0001.
  git("checkout -q -b fees");
  ASSERT_EQ(
      partnerops({"invoice", "run", "2027-01", "--today", "2026-12-20", "--no-branch"}).exit_code,
      0);
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/noordzee-marine-data/invoices/INV-2027-0001.yaml\n");
  git("checkout -q -b usage main");
  ASSERT_EQ(partnerops({"invoice", "run", "2027-01", "--usage", usage(), "--today", "2026-12-20",
                        "--no-commit"})
                .exit_code,
            0);
  fs::remove(dir.path() / "partners/noordzee-marine-data/invoices/INV-2027-0002.yaml");
  git("add -A");
  git("commit -q -m 'usage for January'");
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/lakeshore-college/invoices/INV-2027-0001.yaml\n");
  git("checkout -q main");
  git("merge -q --ff-only fees");
  git("checkout -q usage");

  // The branch, behind its base: the base's tip numbers another file so.
  const std::string taken =
      "partners/lakeshore-college/invoices/INV-2027-0001.yaml:2:9: error[invoice-number-taken]: "
      "invoice number INV-2027-0001 is already taken at the base by "
      "partners/noordzee-marine-data/invoices/INV-2027-0001.yaml\n"
      " 2 | number: INV-2027-0001\n"
      "   |         ^\n"
      "  hint: another branch took the number first; merge the base into this branch, then run "
      "partnerops invoice renumber INV-2027-0001 --partner lakeshore-college\n";
  RunResult range = partnerops({"check-range", "main..usage", "--today", "2026-12-20"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_EQ(range.out, taken);
  EXPECT_EQ(range.err, "partnerops: main..usage: 2 files changed: 1 error\n");

  // The merge result, as the workflow checks it: the duplicate lies in a
  // file the range did not change, and is still reported on the new one.
  git("merge -q --no-edit main");
  range = partnerops({"check-range", "main..HEAD", "--today", "2026-12-20"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_EQ(range.out, taken);
  EXPECT_EQ(range.err, "partnerops: main..HEAD: 1 files changed: 1 error\n");

  // Both drafts carry the number: the partner must be named.
  const std::string merged = git("rev-parse HEAD");
  const RunResult ambiguous = partnerops({"invoice", "renumber", "INV-2027-0001"});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_EQ(ambiguous.out, "");
  EXPECT_EQ(ambiguous.err,
            "partners/noordzee-marine-data/invoices/INV-2027-0001.yaml:2:9: "
            "error[invoice-number-ambiguous]: the drafts of lakeshore-college and "
            "noordzee-marine-data are all numbered INV-2027-0001\n"
            " 2 | number: INV-2027-0001\n"
            "   |         ^\n"
            "  hint: name the one to renumber with --partner SLUG\n"
            "partnerops: nothing was changed\n");
  // An issued invoice is never renumbered.
  const RunResult issued = partnerops({"invoice", "renumber", "INV-2026-0006"});
  EXPECT_EQ(issued.exit_code, 1);
  EXPECT_EQ(issued.err,
            "partners/lakeshore-college/invoices/INV-2026-0006.yaml:3:9: "
            "error[invoice-not-draft]: invoice INV-2026-0006 is issued, not a draft; an issued "
            "invoice keeps its number for good, so it is never renumbered\n"
            " 3 | status: issued\n"
            "   |         ^\n"
            "  hint: renumber the draft that took the same number instead; an issued invoice is "
            "corrected with partnerops invoice credit\n"
            "partnerops: nothing was changed\n");
  EXPECT_EQ(git("rev-parse HEAD"), merged);
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  const std::string draft =
      read_file(dir.path() / "partners/lakeshore-college/invoices/INV-2027-0001.yaml");
  const RunResult renumber =
      partnerops({"invoice", "renumber", "INV-2027-0001", "--partner", "lakeshore-college"});
  ASSERT_EQ(renumber.exit_code, 0) << renumber.err;
  EXPECT_EQ(renumber.err, "");
  EXPECT_EQ(renumber.out, "[usage " + head_short() +
                              "] lakeshore-college: renumber draft INV-2027-0001 to "
                              "INV-2027-0002\n");
  EXPECT_EQ(git("show --no-renames --name-status --format=%B HEAD"),
            "lakeshore-college: renumber draft INV-2027-0001 to INV-2027-0002\n\n"
            "Partner: lakeshore-college\nInvoice: INV-2027-0002\n"
            "Renumbered-From: INV-2027-0001\n\n\n"
            "D\tpartners/lakeshore-college/invoices/INV-2027-0001.yaml\n"
            "A\tpartners/lakeshore-college/invoices/INV-2027-0002.yaml\n");
  std::string expected = draft;
  expected = replaced(expected, "number: INV-2027-0001\n", "number: INV-2027-0002\n");
  EXPECT_EQ(read_file(dir.path() / "partners/lakeshore-college/invoices/INV-2027-0002.yaml"),
            expected);
  EXPECT_FALSE(fs::exists(dir.path() / "partners/lakeshore-college/invoices/INV-2027-0001.yaml"));
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  range = partnerops({"check-range", "main..HEAD", "--today", "2026-12-20"});
  EXPECT_EQ(range.exit_code, 0) << range.out;
  EXPECT_EQ(range.err, "partnerops: main..HEAD: 1 files changed: no problems\n");
  const RunResult validate = partnerops({"validate", "--today", "2026-12-20"});
  EXPECT_EQ(validate.exit_code, 0) << validate.out;

  // Already the next free number: nothing to do.
  const RunResult again = partnerops({"invoice", "renumber", "INV-2027-0002"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out,
            "partnerops: invoice INV-2027-0002 already holds the next free number of its "
            "sequence; nothing to change\n");
}

TEST_F(InvoiceCliTest, CreditNoteNumbersTakenOnTwoBranchesAreCaught) {
  // Two branches each write a credit note, and both take CN-2026-0002.
  git("checkout -q -b noordzee");
  ASSERT_EQ(partnerops({"invoice", "credit", "INV-2026-0005", "--reason", "Workshop cancelled",
                        "--date", "2026-11-23"})
                .exit_code,
            0);
  git("checkout -q -b lakeshore main");
  ASSERT_EQ(partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "Billed twice", "--date",
                        "2026-11-24"})
                .exit_code,
            0);
  EXPECT_EQ(git("show --name-only --format= HEAD"),
            "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml\n");
  git("checkout -q main");
  git("merge -q --ff-only noordzee");
  // The merge result, as the workflow checks it: HEAD's duplicate lands on
  // Noordzee's file, which the range did not change.
  git("checkout -q lakeshore");
  git("merge -q --no-edit main");

  const RunResult range = partnerops({"check-range", "main..HEAD", "--today", "2026-11-24"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_EQ(range.out,
            "partners/lakeshore-college/credit-notes/CN-2026-0002.yaml:2:9: "
            "error[credit-note-number-taken]: credit note number CN-2026-0002 is already taken "
            "at the base by partners/noordzee-marine-data/credit-notes/CN-2026-0002.yaml\n"
            " 2 | number: CN-2026-0002\n"
            "   |         ^\n"
            "  hint: another branch took the number first; remove this credit note, merge the "
            "base into this branch and write it again with partnerops invoice credit\n");
  EXPECT_EQ(range.err, "partnerops: main..HEAD: 1 files changed: 1 error\n");
}

}  // namespace
}  // namespace partnerops::e2e
