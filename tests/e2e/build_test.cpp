// `partnerops build` end to end on the fixture workspace: every document
// kind read back with pdftotext, reproducible bytes, incremental rebuilds,
// partners held back by errors, hostile text, and shards.

#include <gtest/gtest.h>

#include <set>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};

class BuildTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace = new TempDir;
    make_base_workspace(workspace->path());
    first =
        new RunResult(run_partnerops({"build", workspace->path().string(), "--today", "2026-11-23",
                                      "--out", (workspace->path() / "out").string()},
                                     workspace->path(), k_epoch));
  }
  static void TearDownTestSuite() {
    delete first;
    delete workspace;
  }
  static std::string text(const std::string& output) {
    return pdf_text(workspace->path() / "out" / output);
  }
  static TempDir* workspace;
  static RunResult* first;
};

TempDir* BuildTest::workspace = nullptr;
RunResult* BuildTest::first = nullptr;

TEST_F(BuildTest, BuildsEveryDocumentTheStagesCallFor) {
  EXPECT_EQ(first->exit_code, 0) << first->err;
  EXPECT_NE(first->err.find("built 41, skipped 0 (unchanged), failed 0"), std::string::npos)
      << first->err;
  for (const char* output :
       {"service-description.pdf", "assessment-report.pdf", "halden-hydrology-group/notes.pdf",
        "cascadia-climate/agreement.pdf", "cascadia-climate/sow-hub-migration.pdf",
        "cascadia-climate/quote-Q-2026-002.pdf", "lakeshore-college/invoice-INV-2026-0004.pdf",
        "lakeshore-college/receipt-INV-2026-0004-1.pdf",
        "lakeshore-college/renewal-notice-2027-01-31.pdf", "lakeshore-college/onboarding.pdf",
        "lakeshore-college/statement.pdf", "noordzee-marine-data/statement.pdf",
        "noordzee-marine-data/mou.pdf", "lakeshore-college/issue-log.pdf",
        "noordzee-marine-data/issue-log.pdf", "lakeshore-college/compliance-audit.pdf",
        "noordzee-marine-data/compliance-audit.pdf"}) {
    EXPECT_TRUE(fs::is_regular_file(workspace->path() / "out" / output)) << output;
  }
  // No temporary files are left behind.
  for (const auto& entry : fs::recursive_directory_iterator(workspace->path() / "out"))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST_F(BuildTest, InvoiceShowsPartiesLinesExactTotalsAndFooter) {
  const std::string t = fold(text("lakeshore-college/invoice-INV-2026-0004.pdf"));
  EXPECT_NE(t.find("Invoice INV-2026-0004"), std::string::npos) << t;
  EXPECT_NE(t.find("Commons Compute Collaborative"), std::string::npos);
  EXPECT_NE(t.find("Lakeshore Community College District"), std::string::npos);
  EXPECT_NE(t.find("Issue date 3 August 2026"), std::string::npos);
  EXPECT_NE(t.find("Due date 2 September 2026"), std::string::npos);
  EXPECT_NE(t.find("Custom R environment for STAT 215 (hours) 2.5 $145.00 $362.50"),
            std::string::npos);
  EXPECT_NE(t.find("Total $7,682.50"), std::string::npos);
  // Paid in full, then credited 40.00 by CN-2026-0001: owed back, printed
  // as a credit balance (the extra row takes the payment details, with the
  // legal line, to a second page).
  EXPECT_NE(t.find("Paid $7,682.50"), std::string::npos) << t;
  EXPECT_NE(t.find("Credited $40.00"), std::string::npos) << t;
  EXPECT_NE(t.find("Credit balance $40.00"), std::string::npos) << t;
  EXPECT_EQ(t.find("Balance due"), std::string::npos) << t;
  EXPECT_NE(t.find("Invoice · INV-2026-0004 · Page 1 of 2"), std::string::npos) << t;
}

TEST_F(BuildTest, EuroInvoiceUsesItsCurrency) {
  const std::string t = fold(text("noordzee-marine-data/invoice-INV-2026-0003.pdf"));
  EXPECT_NE(t.find("€"), std::string::npos) << t;
  EXPECT_EQ(t.find("$"), std::string::npos) << t;
}

TEST_F(BuildTest, ReceiptNamesThePayment) {
  const std::string t = fold(text("lakeshore-college/receipt-INV-2026-0004-1.pdf"));
  EXPECT_NE(t.find("Receipt for invoice INV-2026-0004"), std::string::npos) << t;
  EXPECT_NE(t.find("Received on 1 September 2026"), std::string::npos) << t;
  EXPECT_NE(t.find("Amount received $7,682.50"), std::string::npos) << t;
  EXPECT_NE(t.find("ACH LCC-AP-0901-022"), std::string::npos) << t;
}

TEST_F(BuildTest, QuoteTotals) {
  const std::string t = fold(text("cascadia-climate/quote-Q-2026-002.pdf"));
  EXPECT_NE(t.find("Quote Q-2026-002"), std::string::npos) << t;
  EXPECT_NE(t.find("Valid until 31 December 2026"), std::string::npos) << t;
  EXPECT_NE(t.find("Total $55,875.00"), std::string::npos) << t;
}

TEST_F(BuildTest, AgreementHasClausesAndSignatories) {
  const std::string t = fold(text("lakeshore-college/agreement.pdf"));
  EXPECT_NE(t.find("Managed JupyterHub Teaching Service Agreement"), std::string::npos) << t;
  EXPECT_NE(t.find("Data protection"), std::string::npos);
  EXPECT_NE(t.find("Dr. Grace Whitfield"), std::string::npos);
  EXPECT_NE(t.find("Signed 29 January 2026"), std::string::npos);
  EXPECT_NE(t.find("1 February 2026 to 31 January 2027"), std::string::npos) << t;
}

TEST_F(BuildTest, MouIsItsOwnKind) {
  const std::string t = fold(text("noordzee-marine-data/mou.pdf"));
  EXPECT_NE(t.find("Memorandum of understanding between"), std::string::npos) << t;
  EXPECT_NE(t.find("Revenue sharing and payment terms"), std::string::npos);
}

TEST_F(BuildTest, StatementOfWorkTotalsTheEstimatesAtTheRates) {
  const std::string t = fold(text("cascadia-climate/sow-hub-migration.pdf"));
  // D1–D4 low 16+36+20+12 = 84 h, high 28+58+34+18 = 138 h; infrastructure
  // at $165 (D1, D2), research software at $145 (D3, D4).
  EXPECT_NE(t.find("Total 84 hours – 138 hours"), std::string::npos) << t;
  EXPECT_NE(t.find("Price range $13,220.00 – $21,730.00"), std::string::npos) << t;
  EXPECT_NE(t.find("Out of scope"), std::string::npos);
}

TEST_F(BuildTest, StatementOfWorkPricesEachDeliverableAtItsRole) {
  const std::string t = fold(text("cascadia-climate/sow-hub-migration.pdf"));
  // D3: 20–34 hours at $145.
  EXPECT_NE(t.find("Priced at the Research software engineer rate $2,900.00 $4,930.00"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("RATE PER HOUR"), std::string::npos) << t;
}

TEST(BuildSowTest, StatementOfWorkWithoutRatesShowsHoursAndNoPrices) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path sow = dir.path() / "partners/cascadia-climate/sow/hub-migration.yaml";
  std::string yaml = read_file(sow);
  const std::size_t rates = yaml.find("rates:\n");
  ASSERT_NE(rates, std::string::npos);
  yaml.erase(rates, yaml.find("background:") - rates);
  write_file(sow, yaml);
  const RunResult result =
      run_partnerops({"build", dir.path().string(), "--partner", "cascadia-climate", "--kind",
                      "sow", "--today", "2026-11-23", "--out", (dir.path() / "out").string()},
                     dir.path(), k_epoch);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string t = fold(pdf_text(dir.path() / "out/cascadia-climate/sow-hub-migration.pdf"));
  // Per task, per deliverable (D2: 36–58 h) and in total.
  EXPECT_NE(t.find("Configure Dask Gateway limits and autoscaling 12 hours 20 hours"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("Total 36 hours 58 hours"), std::string::npos) << t;
  EXPECT_NE(t.find("Total 84 hours – 138 hours"), std::string::npos) << t;
  // No price column, rate table or money total, and no $0.00 anywhere.
  EXPECT_EQ(t.find("Priced at"), std::string::npos) << t;
  EXPECT_EQ(t.find("Price range"), std::string::npos) << t;
  EXPECT_EQ(t.find("RATE PER HOUR"), std::string::npos) << t;
  EXPECT_EQ(t.find("$"), std::string::npos) << t;
}

TEST_F(BuildTest, RenewalNoticeGivesTheDeadline) {
  const std::string t = fold(text("lakeshore-college/renewal-notice-2027-01-31.pdf"));
  EXPECT_NE(t.find("Notice deadline 1 January 2027"), std::string::npos) << t;
  EXPECT_NE(t.find("ends on 31 January 2027"), std::string::npos) << t;
}

TEST_F(BuildTest, OnboardingAndNotesAndServiceDescription) {
  const std::string onboarding = fold(text("lakeshore-college/onboarding.pdf"));
  EXPECT_NE(onboarding.find("Lakeshore Community College · 5 of 5 tasks completed"),
            std::string::npos)
      << onboarding;
  EXPECT_NE(onboarding.find("Introductory meeting Partnerships Yes 4 February 2026"),
            std::string::npos)
      << onboarding;
  EXPECT_NE(fold(text("lakeshore-college/notes.pdf")).find("Running notes: Lakeshore"),
            std::string::npos);
  EXPECT_NE(fold(text("service-description.pdf")).find("Commons Compute — Service Description"),
            std::string::npos);
}

TEST_F(BuildTest, MetadataNamesTheDocument) {
  const std::string info = run_tool(
      "pdfinfo '" +
      (workspace->path() / "out/lakeshore-college/invoice-INV-2026-0004.pdf").string() + "'");
  // The document's own title, not its kind.
  EXPECT_NE(info.find("Title:           Invoice INV-2026-0004\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          Commons Compute"), std::string::npos);
  EXPECT_NE(info.find("Creator:         partnerops "), std::string::npos);
  EXPECT_NE(info.find("Page size:       612 x 792 pts (letter)"), std::string::npos);
}

TEST_F(BuildTest, ASecondBuildSkipsEverythingAndAForcedOneIsByteIdentical) {
  const fs::path out = workspace->path() / "out";
  const std::string before = read_file(out / "lakeshore-college/agreement.pdf");
  const RunResult again = run_partnerops(
      {"build", workspace->path().string(), "--today", "2026-11-23", "--out", out.string()},
      workspace->path(), k_epoch);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.err.find("built 0, skipped 41 (unchanged), failed 0"), std::string::npos)
      << again.err;

  const fs::path other = workspace->path() / "out-again";
  const RunResult forced =
      run_partnerops({"build", workspace->path().string(), "--today", "2026-11-23", "--out",
                      other.string(), "--force", "--jobs", "1"},
                     workspace->path(), k_epoch);
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  // One worker instead of two renders the documents in another order in
  // another process: the bytes must not notice.
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.path().extension() != ".pdf") continue;
    const fs::path relative = entry.path().lexically_relative(out);
    EXPECT_TRUE(read_file(entry.path()) == read_file(other / relative)) << relative << " differs";
  }
  EXPECT_TRUE(read_file(other / "lakeshore-college/agreement.pdf") == before);
}

TEST(Build, HostileTextComesOutAsText) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path partner = dir.path() / "partners/halden-hydrology-group/partner.yaml";
  std::string yaml = read_file(partner);
  const std::string from = "name: Halden Hydrology Group";
  yaml.replace(
      yaml.find(from), from.size(),
      "name: \"<script>document.write('PWNED')</script><b>Bold</b> <img src=file:///etc/passwd>\"");
  write_file(partner, yaml);
  write_file(dir.path() / "partners/halden-hydrology-group/notes.md",
             "# Notes\n\n<script>document.write('PWNED')</script>\n\n"
             "[local](file:///etc/passwd) ![x](file:///etc/passwd) <b>raw</b>\n");
  const RunResult run =
      run_partnerops({"build", dir.path().string(), "--today", "2026-11-23", "--partner",
                      "halden-hydrology-group", "--out", (dir.path() / "out").string()},
                     dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string t = pdf_text(dir.path() / "out/halden-hydrology-group/notes.pdf");
  EXPECT_NE(t.find("Running notes: <script>document.write('PWNED')"), std::string::npos) << t;
  EXPECT_NE(t.find("</script><b>Bold</b> <img src=file:///etc/passwd>"), std::string::npos) << t;
  EXPECT_EQ(t.find("root:x:0"), std::string::npos);
  EXPECT_EQ(fold(t).find("\nPWNED"), std::string::npos);
}

TEST(Build, APartnerWithErrorsIsHeldBackAndTheOthersAreBuilt) {
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0004.yaml";
  std::string yaml = read_file(invoice);
  const std::string total = "\ntotal: \"7682.50\"";
  yaml.replace(yaml.find(total), total.size(), "\ntotal: \"7682.00\"");
  write_file(invoice, yaml);
  const RunResult run = run_partnerops({"build", dir.path().string(), "--today", "2026-11-23",
                                        "--out", (dir.path() / "out").string()},
                                       dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("error[money-total]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("held back 1 partners"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/lakeshore-college"));
  EXPECT_TRUE(fs::exists(dir.path() / "out/cascadia-climate/agreement.pdf"));
}

TEST(Build, AnUnknownTemplateVariableNamesTheTemplateLine) {
  TempDir dir;
  make_base_workspace(dir.path());
  write_file(dir.path() / "templates/onboarding.mustache",
             "<h1>Onboarding</h1>\n<p>{{partner.nickname}}</p>\n");
  const RunResult run =
      run_partnerops({"build", dir.path().string(), "--today", "2026-11-23", "--kind", "onboarding",
                      "--out", (dir.path() / "out").string()},
                     dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("templates/onboarding.mustache:2:4: error[template-unknown-variable]"),
            std::string::npos)
      << run.err;
}

TEST(Build, AServiceDescriptionBehindALinkToEtcIsNeverPrinted) {
  // The workspace commits `docs -> /etc` and names docs/passwd: the build
  // refuses (the organisation's files have an error) and prints nothing of it.
  TempDir dir;
  make_base_workspace(dir.path());
  link_docs_to_etc(dir.path());
  const RunResult run =
      run_partnerops({"build", dir.path().string(), "--today", "2026-11-23", "--kind",
                      "service-description", "--out", (dir.path() / "out").string()},
                     dir.path(), {"NO_COLOR=1"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("partnerops.yaml:78:24: error[reference-symlink]: the service description "
                         "'docs/passwd' is not read: the path passes through the symbolic link "
                         "docs (not followed)"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing built"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/service-description.pdf"));
  EXPECT_EQ(run.err.find("root:x:0"), std::string::npos) << run.err;
}

TEST(Build, AMarginOfTheWrongTypeIsTheSchemaErrorNotACrash) {
  // The page setup is read from the organisation once its file passed the
  // schema; reading it from the raw file threw on the text "20".
  TempDir dir;
  make_base_workspace(dir.path());
  const fs::path organisation = dir.path() / "partnerops.yaml";
  write_file(organisation, replaced(read_file(organisation), "{top: 20,", "{top: \"20\","));
  const RunResult run = run_partnerops({"build", dir.path().string(), "--today", "2026-11-23",
                                        "--out", (dir.path() / "out").string()},
                                       dir.path(), {"NO_COLOR=1"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("partnerops.yaml:55:21: error[schema-type]: 'defaults.margins_mm.top' "
                         "must be a number, not the text \"20\""),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing built"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("internal error"), std::string::npos) << run.err;
}

TEST(Build, ShardsSplitPartnersWithoutOverlap) {
  TempDir dir;
  make_base_workspace(dir.path());
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const char* shard : {"1/2", "2/2"}) {
    const fs::path out = dir.path() / (std::string("out-") + shard[0]);
    const RunResult run = run_partnerops({"build", dir.path().string(), "--today", "2026-11-23",
                                          "--shard", shard, "--out", out.string()},
                                         dir.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.path().extension() != ".pdf") continue;
      ++total;
      seen.insert(entry.path().lexically_relative(out).string());
    }
  }
  EXPECT_EQ(total, 41u);
  EXPECT_EQ(seen.size(), 41u);
}

}  // namespace
}  // namespace partnerops::e2e

namespace partnerops::e2e {
namespace {

TEST(Build, BrandingColoursComeFromTheOrganisation) {
  TempDir dir;
  make_base_workspace(dir.path());
  const std::filesystem::path organisation = dir.path() / "partnerops.yaml";
  std::string yaml = read_file(organisation);
  yaml.replace(yaml.find("#1f4e79"), 7, "#ab12cd");
  yaml.replace(yaml.find("#e07a1f"), 7, "#00ff7f");
  write_file(organisation, yaml);
  const RunResult run = run_partnerops(
      {"build", dir.path().string(), "--today", "2026-11-23", "--partner", "lakeshore-college",
       "--kind", "invoice", "--html", "--out", (dir.path() / "out").string()},
      dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string html =
      read_file(dir.path() / "out/lakeshore-college/invoice-INV-2026-0004.html");
  EXPECT_NE(html.find("h1 { font-size: 20pt; font-weight: 600; margin: 0 0 4pt; color: #ab12cd; }"),
            std::string::npos)
      << html.substr(0, 2000);
  EXPECT_NE(html.find("border-bottom: 2pt solid #00ff7f;"), std::string::npos);
  EXPECT_EQ(html.find("#1f4e79"), std::string::npos);
}

TEST(Build, APartlySignedAgreementSaysWhoHasSignedAndWhoIsAwaited) {
  TempDir dir;
  make_base_workspace(dir.path());
  // Cascadia's agreement out for signature, Maya Lindqvist's signature in.
  const std::filesystem::path agreement = dir.path() / "partners/cascadia-climate/agreement.yaml";
  std::string yaml = read_file(agreement);
  yaml.replace(yaml.find("status: ready\n"), 14, "status: signing\n");
  const std::string maya = "    email: maya@commonscompute.org\n";
  yaml.insert(yaml.find(maya) + maya.size(), "    signed_on: 2026-11-20\n");
  write_file(agreement, yaml);
  const RunResult run = run_partnerops(
      {"build", dir.path().string(), "--today", "2026-11-23", "--partner", "cascadia-climate",
       "--kind", "agreement", "--out", (dir.path() / "out").string()},
      dir.path(), k_epoch);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string t = fold(pdf_text(dir.path() / "out/cascadia-climate/agreement.pdf"));
  EXPECT_NE(t.find("Signed by 1 of 3 signatories; the others have not signed yet."),
            std::string::npos)
      << t;
  // Each line, then its signatory: Harriet Boateng and Dr. Lars Eklund are
  // awaited, Maya Lindqvist signed.
  std::string lines;
  for (char c : t) {
    if ((c == ' ' || c == '\n') && !lines.empty() && lines.back() == ' ') continue;
    lines += c == '\n' ? ' ' : c;
  }
  EXPECT_NE(lines.find("Awaiting signature Signed 20 November 2026 Harriet Boateng Maya Lindqvist"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("Awaiting signature Dr. Lars Eklund"), std::string::npos) << lines;
}

}  // namespace
}  // namespace partnerops::e2e
