// `new lead`, `new quote|sow|agreement` and `message` as a user runs them on
// a copy of the demo organisation: the files written, their validity, the
// commit, and every .eml read back by an independent parser (python3's
// `email` package) with its attachment checked by pdftotext.

#include <gtest/gtest.h>

#include <algorithm>

#include "run_support.hpp"
#include "yaml/node.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_lead_name = "Société Ørsted Müller";
constexpr const char* k_lead_slug = "societe-orsted-muller";

// Prints what a mail client would show, decoded: headers, the text body and
// each attachment (saved beside the message for pdftotext).
constexpr const char* k_reader = R"(import sys, email
from email import policy
with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_binary_file(f, policy=policy.default)
for name in ('From', 'To', 'Cc', 'Subject', 'Date', 'MIME-Version'):
    print(name + ': ' + str(msg[name] or ''))
print('Message-ID: ' + ('present' if msg['Message-ID'] else 'missing'))
print('Content-Type: ' + msg.get_content_type())
print('Body:')
sys.stdout.write(msg.get_body(preferencelist=('plain',)).get_content())
print('End of body')
for part in msg.iter_attachments():
    data = part.get_payload(decode=True)
    print('Attachment: %s %s, starts %r' % (part.get_filename(), part.get_content_type(), data[:5]))
    with open(sys.argv[2] + '/' + part.get_filename(), 'wb') as out:
        out.write(data)
)";

class NewAndMessageTest : public GitWorkspaceTest {
 protected:
  RunResult new_lead() const {
    return partnerops({"new", "lead", k_lead_name, "--contact",
                       "Zoë Ångström <zoe.angstrom@orsted.example.org>", "--date", "2026-11-23"});
  }

  /// The decoded message as k_reader prints it; attachments land in out/.
  std::string read_eml(const fs::path& eml) const {
    write_file(dir.path() / "read_eml.py", k_reader);
    fs::create_directories(dir.path() / "attachments");
    return run_tool("python3 '" + (dir.path() / "read_eml.py").string() + "' '" + eml.string() +
                    "' '" + (dir.path() / "attachments").string() + "' 2>&1");
  }

  void expect_valid() const {
    const RunResult validate = partnerops({"validate", "--today", "2026-11-23"});
    EXPECT_EQ(validate.exit_code, 0) << validate.out << validate.err;
    EXPECT_EQ(validate.out.find("error"), std::string::npos) << validate.out;
  }
};

TEST_F(NewAndMessageTest, NewLeadWritesAValidPartnerAndNotes) {
  const RunResult result = new_lead();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path folder = dir.path() / "partners" / k_lead_slug;
  EXPECT_EQ(read_file(folder / "partner.yaml"),
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "slug: societe-orsted-muller\n"
            "name: Société Ørsted Müller\n"
            "qualified: false\n"
            "stage: lead\n"
            "owner: tomas@commonscompute.org\n"
            "contacts:\n"
            "  - name: Zoë Ångström\n"
            "    email: zoe.angstrom@orsted.example.org\n"
            "    role: Main contact\n"
            "    primary: true\n"
            "history:\n"
            "  - date: 2026-11-23\n"
            "    stage: lead\n"
            "    reason: new lead\n");
  EXPECT_EQ(read_file(folder / "notes.md"),
            "# Running Notes — Société Ørsted Müller\n"
            "\n"
            "- **Partner:** Société Ørsted Müller (societe-orsted-muller)\n"
            "- **Owner:** <tomas@commonscompute.org>\n"
            "- **Contacts:** Zoë Ångström (Main contact) <zoe.angstrom@orsted.example.org>\n"
            "- **Stage:** Lead\n"
            "\n"
            "## 2026-11-23 New lead\n"
            "\n"
            "new lead\n");
  expect_valid();
}

TEST_F(NewAndMessageTest, NewLeadCommitsExactlyTheTwoFilesWithTrailersOnItsBranch) {
  const RunResult result = new_lead();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string short_id = git("rev-parse --short HEAD");
  EXPECT_EQ(result.out, "[new/societe-orsted-muller " + short_id.substr(0, short_id.size() - 1) +
                            "] societe-orsted-muller: new lead\n");
  EXPECT_EQ(git("rev-parse --abbrev-ref HEAD"), "new/societe-orsted-muller\n");
  EXPECT_EQ(git("diff-tree --no-commit-id --name-only -r HEAD"),
            "partners/societe-orsted-muller/notes.md\n"
            "partners/societe-orsted-muller/partner.yaml\n");
  EXPECT_EQ(git("log -1 --format=%B"),
            "societe-orsted-muller: new lead\n\nnew lead\n\nPartner: societe-orsted-muller\n"
            "Stage-To: lead\n\n");
  EXPECT_EQ(git("status --porcelain"), "");

  const RunResult log = partnerops({"log", k_lead_slug});
  EXPECT_EQ(log.exit_code, 0) << log.err;
  // Dated by the history entry (--date), with the day it was committed.
  std::string today = git("log -1 --date=short --format=%ad");
  today.pop_back();
  EXPECT_EQ(log.out, "2026-11-23 (committed " + today + ")  " +
                         short_id.substr(0, short_id.size() - 1) +
                         "  Ada Lovelace  societe-orsted-muller  new → lead  new lead\n");
}

TEST_F(NewAndMessageTest, HostileNamesRoundTripThroughPartnerYaml) {
  const std::string name = "- *&Acme: \"Data\" #1 'Lab'\n? | > {x}";
  const std::string contact = "O'Brien: \"#2\" & Co";
  const RunResult result = partnerops(
      {"new", "lead", name, "--contact", contact + " <ob@acme.example.org>", "--role",
       "- role: with # hash", "--reason", "true", "--no-commit", "--date", "2026-11-23"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "wrote partners/acme-data-1-lab-x/partner.yaml\n"
            "wrote partners/acme-data-1-lab-x/notes.md\n");
  const fs::path file = dir.path() / "partners/acme-data-1-lab-x/partner.yaml";
  Diagnostics problems;
  const std::unique_ptr<yaml::Document> document =
      yaml::parse("partner.yaml", read_file(file), problems);
  ASSERT_TRUE(document);
  EXPECT_TRUE(problems.empty());
  const yaml::Node& root = document->root();
  ASSERT_TRUE(root.find("name"));
  EXPECT_EQ(root.find("name")->text(), name);
  EXPECT_TRUE(root.find("name")->is_string());
  ASSERT_FALSE(root.find("contacts")->items().empty());
  const yaml::Node* first = root.find("contacts")->items()[0];
  EXPECT_EQ(first->find("name")->text(), contact);
  EXPECT_EQ(first->find("role")->text(), "- role: with # hash");
  ASSERT_FALSE(root.find("history")->items().empty());
  const yaml::Node* entry = root.find("history")->items()[0];
  EXPECT_TRUE(entry->find("reason")->is_string());
  EXPECT_EQ(entry->find("reason")->text(), "true");
  EXPECT_EQ(root.entries().size(), 7u);
  // The notes put the name on one line, escaped, so it cannot make a heading.
  const std::string notes = read_file(dir.path() / "partners/acme-data-1-lab-x/notes.md");
  EXPECT_EQ(notes.substr(0, notes.find('\n')),
            "# Running Notes — - \\*\\&Acme: \"Data\" \\#1 'Lab' ? \\| \\> {x}");
  expect_valid();
}

TEST_F(NewAndMessageTest, NewLeadRefusesASlugClashAndAnEmptySlug) {
  RunResult result = partnerops({"new", "lead", "Halden Hydrology Group!", "--contact",
                                 "a@halden.example.org", "--date", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("partners/halden-hydrology-group: error[new-slug-taken]: "
                            "'Halden Hydrology Group!' would be partners/halden-hydrology-group, "
                            "and partners/halden-hydrology-group exists"),
            std::string::npos)
      << result.err;

  fs::create_directories(dir.path() / "partners/Acme-Lab");
  write_file(dir.path() / "partners/Acme-Lab/notes.md", "# Acme Lab\n");
  result =
      partnerops({"new", "lead", "ACME lab", "--contact", "a@acme.example.org", "--no-commit"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("partners/Acme-Lab: error[new-slug-taken]: 'ACME lab' would be "
                            "partners/acme-lab, and partners/Acme-Lab exists"),
            std::string::npos)
      << result.err;

  result = partnerops({"new", "lead", "東京 ★", "--contact", "a@tokyo.example.org"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error[new-slug-empty]"), std::string::npos) << result.err;
  EXPECT_TRUE(result.err.ends_with("partnerops: nothing was changed\n")) << result.err;
  EXPECT_EQ(git("status --porcelain"), "?? partners/Acme-Lab/\n");
  EXPECT_EQ(git("branch --format='%(refname:short)'"), "main\n");
}

TEST_F(NewAndMessageTest, NewQuoteTakesTheNextNumberAndValidates) {
  const RunResult result =
      partnerops({"new", "quote", "lakeshore-college", "--date", "2026-11-23"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string short_id = git("rev-parse --short HEAD");
  EXPECT_EQ(result.out, "[main " + short_id.substr(0, short_id.size() - 1) +
                            "] lakeshore-college: new quote Q-2026-003\n");
  EXPECT_EQ(read_file(dir.path() / "partners/lakeshore-college/quotes/Q-2026-003.yaml"),
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
  EXPECT_EQ(git("diff-tree --no-commit-id --name-only -r HEAD"),
            "partners/lakeshore-college/quotes/Q-2026-003.yaml\n");
  EXPECT_EQ(git("log -1 --format=%B"),
            "lakeshore-college: new quote Q-2026-003\n\nPartner: lakeshore-college\n"
            "New-Document: quotes/Q-2026-003.yaml\n\n");
  expect_valid();
}

TEST_F(NewAndMessageTest, NewAgreementAndSowValidate) {
  RunResult result = partnerops({"new", "sow", "northbay-earth-sciences", "--date", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error[new-needs-agreement]"), std::string::npos) << result.err;

  result = partnerops({"new", "agreement", "northbay-earth-sciences", "--date", "2026-11-23"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string agreement =
      read_file(dir.path() / "partners/northbay-earth-sciences/agreement.yaml");
  EXPECT_TRUE(
      agreement.starts_with("# yaml-language-server: $schema=../../schemas/agreement.schema.yaml\n"
                            "kind: service-agreement\n"
                            "title: Commons Compute Service Agreement\n"
                            "status: draft\n"))
      << agreement;
  EXPECT_NE(agreement.find("term:\n  start: 2026-11-23\n  end: 2027-11-22\n  renewal: manual\n"
                           "  notice_days: 60\npayment_terms_days: 30\n"),
            std::string::npos)
      << agreement;

  result = partnerops(
      {"new", "sow", "northbay-earth-sciences", "--date", "2026-11-23", "--title", "Hub pilot"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string sow = read_file(dir.path() / "partners/northbay-earth-sciences/sow/sow-1.yaml");
  EXPECT_TRUE(
      sow.starts_with("# yaml-language-server: $schema=../../../schemas/sow.schema.yaml\n"
                      "id: sow-1\ntitle: Hub pilot\nagreement: agreement.yaml\n"
                      "status: draft\ndate: 2026-11-23\ncurrency: USD\n"))
      << sow;
  expect_valid();
  // What is left to fill in is a warning in a draft, at its own line...
  const std::string k_sow = "partners/northbay-earth-sciences/sow/sow-1.yaml";
  auto diagnostics = [this] {
    return diagnostic_lines(
        partnerops({"validate", "--today", "2026-11-23", "--format", "json"}).out);
  };
  auto has = [](const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  std::vector<std::string> lines = diagnostics();
  EXPECT_TRUE(has(lines, "warning placeholder-text " + k_sow + ":11:13"))
      << ::testing::PrintToString(lines);
  // Hours alone: no zero rate to price them at.
  for (const std::string& line : lines) EXPECT_EQ(line.find("zero-amount"), std::string::npos);
  EXPECT_TRUE(has(lines, "warning sow-not-in-addenda " + k_sow + ":4:12"));
  EXPECT_TRUE(
      has(lines, "warning placeholder-text partners/northbay-earth-sciences/agreement.yaml:6:8"));
  // ...and an error once the SOW is agreed.
  write_file(dir.path() / k_sow,
             std::string(sow).replace(sow.find("status: draft"), 13, "status: agreed"));
  lines = diagnostics();
  EXPECT_TRUE(has(lines, "error placeholder-text " + k_sow + ":11:13"))
      << ::testing::PrintToString(lines);
  write_file(dir.path() / k_sow, sow);

  result = partnerops({"new", "agreement", "northbay-earth-sciences", "--date", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("partners/northbay-earth-sciences/agreement.yaml: "
                            "error[new-file-exists]: the partner has an agreement already"),
            std::string::npos)
      << result.err;
}

// Past lead, a partner may have an agreement in any status: ready for a
// prospect, executed for a partner. `new sow` attaches to it, says so, and the
// SOW it writes builds with hours alone (no $0.00 anywhere).
TEST_F(NewAndMessageTest, NewSowUnderTheAgreementOfEveryStagePastLeadSaysWhichAgreement) {
  struct Case {
    std::string slug, title, status;
  };
  for (const Case& c :
       {Case{"cascadia-climate", "Managed Pangeo Hub Service Agreement", "ready"},
        Case{"lakeshore-college", "Managed JupyterHub Teaching Service Agreement", "executed"}}) {
    const RunResult result = partnerops({"new", "sow", c.slug, "--date", "2026-11-23"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("\nsow/sow-1.yaml is an addendum to partners/" + c.slug +
                              "/agreement.yaml (\"" + c.title + "\", " + c.status +
                              "); list it in the agreement's addenda (file: sow/sow-1.yaml, "
                              "kind: sow)\n"),
              std::string::npos)
        << result.out;
    EXPECT_EQ(git("log -1 --format=%B"), c.slug + ": new sow sow-1\n\nPartner: " + c.slug +
                                             "\nNew-Document: sow/sow-1.yaml\n"
                                             "Agreement: agreement.yaml\n\n");
    const RunResult build =
        partnerops({"build", "--partner", c.slug, "--kind", "sow", "--today", "2026-11-23"});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    const std::string text = pdf_text(dir.path() / "out" / c.slug / "sow-sow-1.pdf");
    EXPECT_NE(text.find("an addendum to the " + c.title), std::string::npos) << text;
    EXPECT_NE(text.find("0 hours"), std::string::npos) << text;
    EXPECT_EQ(text.find("$"), std::string::npos) << text;
  }
  expect_valid();
}

TEST_F(NewAndMessageTest, HailTheLeadToANonAsciiLeadWithTheServiceDescription) {
  ASSERT_EQ(new_lead().exit_code, 0);
  const RunResult result =
      partnerops({"message", "hail-the-lead", k_lead_slug, "--today", "2026-11-23"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote out/messages/societe-orsted-muller-hail-the-lead.eml\n");
  const fs::path eml = dir.path() / "out/messages/societe-orsted-muller-hail-the-lead.eml";
  const std::string raw = read_file(eml);
  // Headers travel as ASCII: the names and subject are RFC 2047 words.
  const std::string headers = raw.substr(0, raw.find("\r\n\r\n"));
  EXPECT_TRUE(std::all_of(headers.begin(), headers.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  })) << headers;
  EXPECT_NE(headers.find("=?"), std::string::npos) << headers;
  EXPECT_EQ(read_eml(eml),
            "From: Commons Compute <partnerships@commonscompute.org>\n"
            "To: Zoë Ångström <zoe.angstrom@orsted.example.org>\n"
            "Cc: \n"
            "Subject: Commons Compute and Société Ørsted Müller: managed hubs for your community\n"
            "Date: Mon, 23 Nov 2026 12:00:00 +0000\n"
            "MIME-Version: 1.0\n"
            "Message-ID: present\n"
            "Content-Type: multipart/mixed\n"
            "Body:\n"
            "Dear Zoë Ångström,\n"
            "\n"
            "Thank you for your interest in Commons Compute. We run managed\n"
            "interactive-computing hubs for research and teaching communities, so that\n"
            "your members can work in the browser with the tools and data they need,\n"
            "without looking after servers.\n"
            "\n"
            "Attached is our service description: what a hub includes, how support\n"
            "works, and how we price it.\n"
            "\n"
            "Could we meet for 30 minutes to hear what Société Ørsted Müller needs? Please\n"
            "pick a time that suits you here:\n"
            "\n"
            "https://cal.commonscompute.org/partnerships/30min\n"
            "\n"
            "With best regards,\n"
            "\n"
            "Commons Compute\n"
            "partnerships@commonscompute.org\n"
            "End of body\n"
            "Attachment: service-description.pdf application/pdf, starts b'%PDF-'\n");
  const std::string pdf = pdf_text(dir.path() / "attachments/service-description.pdf");
  EXPECT_NE(pdf.find("Commons Compute — Service Description"), std::string::npos) << pdf;
}

TEST_F(NewAndMessageTest, HailTheLeadRefusesAServiceDescriptionBehindALink) {
  ASSERT_EQ(new_lead().exit_code, 0);
  link_docs_to_etc(dir.path());
  const RunResult result =
      partnerops({"message", "hail-the-lead", k_lead_slug, "--today", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.err.find("partnerops.yaml:78:24: error[reference-symlink]: the service "
                            "description 'docs/passwd' is not read: the path passes through the "
                            "symbolic link docs (not followed)"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/messages/societe-orsted-muller-hail-the-lead.eml"));
}

TEST_F(NewAndMessageTest, PaymentReminderAttachesTheOldestOverdueInvoice) {
  const RunResult result = partnerops({"message", "payment-reminder", "lakeshore-college",
                                       "--today", "2026-12-20", "--out", "reminder.eml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote reminder.eml\n");
  const std::string decoded = read_eml(dir.path() / "reminder.eml");
  EXPECT_TRUE(
      decoded.starts_with("From: Commons Compute <partnerships@commonscompute.org>\n"
                          "To: Rosa Delgado <accountspayable@lakeshorecc.edu>\n"
                          "Cc: \"Dr. Grace Whitfield\" <gwhitfield@lakeshorecc.edu>, Tyrone "
                          "Mitchell <tmitchell@lakeshorecc.edu>\n"
                          "Subject: Payment reminder: invoice INV-2026-0006\n"
                          "Date: Sun, 20 Dec 2026 12:00:00 +0000\n"))
      << decoded;
  // A reminder is for whoever pays: the accounts-payable contact, with
  // the people the partnership is with in copy.
  EXPECT_NE(decoded.find("Dear Rosa Delgado,\n\nOur records show that invoice "
                         "INV-2026-0006 of "),
            std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("(18 days past its due date)"), std::string::npos) << decoded;
  EXPECT_NE(decoded.find("Attachment: invoice-INV-2026-0006.pdf application/pdf, starts "
                         "b'%PDF-'\n"),
            std::string::npos)
      << decoded;
  const std::string pdf = pdf_text(dir.path() / "attachments/invoice-INV-2026-0006.pdf");
  EXPECT_NE(pdf.find("INV-2026-0006"), std::string::npos) << pdf;

  const RunResult none = partnerops({"message", "payment-reminder", "lakeshore-college", "--today",
                                     "2026-11-23", "--out", "none.eml"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("error[message-no-overdue-invoice]: 'lakeshore-college' has no "
                          "overdue invoice on 2026-11-23"),
            std::string::npos)
      << none.err;
  EXPECT_FALSE(fs::exists(dir.path() / "none.eml"));
}

TEST_F(NewAndMessageTest, APaymentReminderAsksOnlyForWhatIsLeftAfterCredits) {
  RunResult result = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "3000.00", "--date", "2026-11-20"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "Storage not used",
                       "--line", "2", "--date", "2026-11-25"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = partnerops({"message", "payment-reminder", "lakeshore-college", "--today", "2026-12-20",
                       "--out", "reminder.eml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // 7320.00 − 3000.00 paid − 120.00 credited, in the text and on the PDF.
  const std::string decoded = read_eml(dir.path() / "reminder.eml");
  EXPECT_NE(decoded.find("has a balance of $4,200.00\noutstanding"), std::string::npos) << decoded;
  const std::string pdf = pdf_text(dir.path() / "attachments/invoice-INV-2026-0006.pdf");
  EXPECT_NE(pdf.find("$4,200.00"), std::string::npos) << pdf;

  // The credit note and a payment settle the rest, though the status
  // stays issued when the credit comes last: nothing to remind of.
  result = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "4200.00", "--date", "2026-12-21"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = partnerops({"message", "payment-reminder", "lakeshore-college", "--today", "2026-12-22",
                       "--out", "none.eml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error[message-no-overdue-invoice]"), std::string::npos) << result.err;
}

TEST_F(NewAndMessageTest, NoReminderForAnInvoicePaidAndThenCreditedForTheRest) {
  RunResult result = partnerops(
      {"invoice", "pay", "INV-2026-0006", "--amount", "7200.00", "--date", "2026-11-20"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = partnerops({"invoice", "credit", "INV-2026-0006", "--reason", "Storage not used",
                       "--line", "2", "--date", "2026-11-25"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = partnerops({"message", "payment-reminder", "lakeshore-college", "--today", "2026-12-20",
                       "--out", "reminder.eml"});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_NE(result.err.find("error[message-no-overdue-invoice]: 'lakeshore-college' has no "
                            "overdue invoice on 2026-12-20"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "reminder.eml"));
}

TEST_F(NewAndMessageTest, DraftAgreementAndRenewalNoticeCarryTheirPdfs) {
  RunResult result = partnerops({"message", "draft-agreement-shared", "prairie-public-health",
                                 "--today", "2026-11-23", "--out", "draft.eml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string decoded = read_eml(dir.path() / "draft.eml");
  EXPECT_NE(decoded.find("Subject: Managed JupyterHub Service Agreement: draft for your review\n"),
            std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("Attachment: agreement.pdf application/pdf, starts b'%PDF-'\n"),
            std::string::npos)
      << decoded;
  std::string pdf = pdf_text(dir.path() / "attachments/agreement.pdf");
  EXPECT_NE(pdf.find("Managed JupyterHub Service Agreement"), std::string::npos) << pdf;

  result = partnerops({"message", "renewal-notice", "lakeshore-college", "--today", "2026-12-20",
                       "--out", "renewal.eml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  decoded = read_eml(dir.path() / "renewal.eml");
  EXPECT_NE(decoded.find("the last day to give notice is\n1 January 2027.\n"), std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("Attachment: renewal-notice-2027-01-31.pdf application/pdf, starts "
                         "b'%PDF-'\n"),
            std::string::npos)
      << decoded;
  pdf = pdf_text(dir.path() / "attachments/renewal-notice-2027-01-31.pdf");
  EXPECT_NE(pdf.find("Notice deadline"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("Renewal Notice"), std::string::npos) << pdf;
}

TEST_F(NewAndMessageTest, RenewalNoticeOfAnAutomaticRenewalIsAboutTheRolledTerm) {
  // Noordzee (auto, 2026-07-01 to 2027-06-30, 90 days' notice) on 2028-02-15
  // is in its first renewal, 2027-07-01 to 2028-06-30: deadline 2028-04-01,
  // window open since 2028-02-01.
  const RunResult result = partnerops({"message", "renewal-notice", "noordzee-marine-data",
                                       "--today", "2028-02-15", "--out", "renewal.eml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string decoded = read_eml(dir.path() / "renewal.eml");
  EXPECT_NE(decoded.find("runs until 30 June 2028. The attached"), std::string::npos) << decoded;
  EXPECT_NE(decoded.find("the last day to give notice is\n1 April 2028.\n"), std::string::npos)
      << decoded;
  EXPECT_NE(decoded.find("Attachment: renewal-notice-2028-06-30.pdf application/pdf"),
            std::string::npos)
      << decoded;
  std::string pdf = pdf_text(dir.path() / "attachments/renewal-notice-2028-06-30.pdf");
  std::string folded;
  for (char c : pdf) {
    if ((c == ' ' || c == '\n') && !folded.empty() && folded.back() == ' ') continue;
    folded += c == '\n' ? ' ' : c;
  }
  EXPECT_NE(folded.find("Current term 1 July 2027 – 30 June 2028"), std::string::npos) << folded;
  EXPECT_NE(folded.find("Notice deadline 1 April 2028"), std::string::npos) << folded;
  EXPECT_NE(folded.find("ends on 30 June 2028. It renews automatically for a next term from 1 July "
                        "2028 to 30 June 2029 unless either party gives notice by 1 April 2028."),
            std::string::npos)
      << folded;
}

TEST_F(NewAndMessageTest, SatisfactionCheckInHasNoAttachmentAndTheSameBytesTwice) {
  const std::vector<std::string> args = {"message", "satisfaction-check-in", "lakeshore-college",
                                         "--today", "2026-11-23"};
  ASSERT_EQ(partnerops(args).exit_code, 0);
  const fs::path eml = dir.path() / "out/messages/lakeshore-college-satisfaction-check-in.eml";
  const std::string first = read_file(eml);
  ASSERT_EQ(partnerops(args).exit_code, 0);
  EXPECT_EQ(read_file(eml), first);
  const std::string decoded = read_eml(eml);
  EXPECT_NE(decoded.find("Subject: How is it going, Lakeshore Community College?\n"),
            std::string::npos)
      << decoded;
  EXPECT_EQ(decoded.find("Attachment:"), std::string::npos) << decoded;
  EXPECT_TRUE(decoded.ends_with("Commons Compute\npartnerships@commonscompute.org\nEnd of body\n"))
      << decoded;
}

TEST_F(NewAndMessageTest, MessageRecordsItsChecklistStepInOneCommit) {
  ASSERT_EQ(new_lead().exit_code, 0);
  const fs::path partner = dir.path() / "partners/societe-orsted-muller/partner.yaml";
  const std::string before = read_file(partner);
  TempDir mail;
  const std::string eml = (mail.path() / "hail.eml").string();
  const RunResult result = partnerops(
      {"message", "hail-the-lead", k_lead_slug, "--today", "2026-11-23", "--out", eml, "--record"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  const std::string short_id = git("rev-parse --short HEAD");
  EXPECT_EQ(result.out, "wrote " + eml + "\n[new/societe-orsted-muller " +
                            short_id.substr(0, short_id.size() - 1) +
                            "] societe-orsted-muller: record hail-the-lead\n");
  EXPECT_TRUE(fs::exists(eml));
  EXPECT_EQ(read_file(partner), before + "checklist:\n  hail-the-lead: 2026-11-23\n");
  EXPECT_EQ(git("show --name-only --format=%B HEAD"),
            "societe-orsted-muller: record hail-the-lead\n\n"
            "Partner: societe-orsted-muller\nChecklist-Item: hail-the-lead\n\n\n"
            "partners/societe-orsted-muller/partner.yaml\n");
  EXPECT_EQ(git("status --porcelain --untracked-files=all"), "");

  // A step recorded on another day is refused before the message is written.
  const std::string head = git("rev-parse HEAD");
  const std::string again = (mail.path() / "again.eml").string();
  const RunResult refused = partnerops({"message", "hail-the-lead", k_lead_slug, "--today",
                                        "2026-11-30", "--out", again, "--record"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "partners/societe-orsted-muller/partner.yaml:17:18: error[record-already-done]: "
            "'hail-the-lead' is already recorded on 2026-11-23; recording it again would change "
            "the date to 2026-11-30\n"
            " 17 |   hail-the-lead: 2026-11-23\n"
            "    |                  ^\n"
            "  hint: keep the recorded date, or pass --force to replace it with 2026-11-30\n"
            "partnerops: no message was written\n");
  EXPECT_FALSE(fs::exists(again));
  EXPECT_EQ(git("rev-parse HEAD"), head);

  // A template that records nothing.
  const RunResult nothing = partnerops({"message", "payment-reminder", "lakeshore-college",
                                        "--today", "2026-11-23", "--out", again, "--record"});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_EQ(nothing.err,
            "partnerops: templates/messages/payment-reminder.mustache names no checklist step to "
            "record (no Record: header)\n");
  EXPECT_FALSE(fs::exists(again));
}

TEST_F(NewAndMessageTest, UnknownTemplateListsTheTemplates) {
  const RunResult result = partnerops({"message", "hail-the-lad", "halden-hydrology-group"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "templates/messages/hail-the-lad.mustache: error[message-unknown-template]: there is "
            "no message template 'hail-the-lad'\n"
            "  hint: did you mean 'hail-the-lead'? the templates are draft-agreement-shared, "
            "hail-the-lead, payment-reminder, renewal-notice, satisfaction-check-in\n"
            "partnerops: no message was written\n");
}

}  // namespace
}  // namespace partnerops::e2e
