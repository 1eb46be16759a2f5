// Canned messages without the command: splitting a rendered template into
// headers and body, who receives it, flattening values, and the .eml bytes
// GMime writes for a message with a non-ASCII name and an attachment.

#include <gtest/gtest.h>

#include "message/canned.hpp"
#include "message/eml.hpp"
#include "ops_fixture_support.hpp"

namespace partnerops::message {
namespace {

TEST(MessageTemplate, SplitsHeadersFromTheBody) {
  Diagnostics diagnostics;
  const std::optional<RenderedMessage> message = split_rendered(
      "Subject:  Hello Acme \r\nAttach: invoice\r\n\r\nDear Ada,\r\n\r\nThanks.\r\n\n\n",
      "templates/messages/x.mustache", diagnostics);
  ASSERT_TRUE(message);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(message->subject, "Hello Acme");
  EXPECT_EQ(message->attach, AttachmentKind::invoice);
  EXPECT_EQ(message->body, "Dear Ada,\n\nThanks.\n");
}

TEST(MessageTemplate, RefusesUnknownHeadersAttachmentsAndAMissingSubject) {
  const std::string file = "templates/messages/x.mustache";
  Diagnostics diagnostics;
  EXPECT_FALSE(split_rendered("Subject: Hi\nBcc: boss@example.org\n\nBody\n", file, diagnostics));
  EXPECT_FALSE(split_rendered("Subject: Hi\nAttach: passwd\n\nBody\n", file, diagnostics));
  EXPECT_FALSE(split_rendered("Attach: invoice\n\nBody\n", file, diagnostics));
  EXPECT_FALSE(split_rendered("Subject: Hi\nBody without a blank line", file, diagnostics));
  ASSERT_EQ(diagnostics.size(), 4u);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics)
    lines.push_back(d.code + " " + std::to_string(d.position.line) + " " + d.message);
  EXPECT_EQ(lines[0],
            "message-template-invalid 2 'Bcc' is not a header a message template can set");
  EXPECT_EQ(lines[1], "message-template-invalid 2 'passwd' is not a document a message can attach");
  EXPECT_EQ(lines[2],
            "message-template-invalid 1 the template has no Subject: line, or an empty one");
  EXPECT_EQ(lines[3],
            "message-template-invalid 2 'Body without a blank line' is not a header a "
            "message template can set");
}

TEST(MessageRecipients, PrimaryGoesToEveryoneElseToCc) {
  Partner partner;
  partner.contacts.push_back({"Bea", Field<std::string>{"bea@acme.org", {}}, "CTO", false});
  partner.contacts.push_back({"Ada", Field<std::string>{"ada@acme.org", {}}, "CEO", true});
  partner.contacts.push_back({"Cy", Field<std::string>{"cy@acme.org", {}}, "CFO", false});
  Recipients recipients = recipients_of(partner);
  ASSERT_EQ(recipients.to.size(), 1u);
  EXPECT_EQ(recipients.to[0].email, "ada@acme.org");
  ASSERT_EQ(recipients.cc.size(), 2u);
  EXPECT_EQ(recipients.cc[0].email, "bea@acme.org");
  EXPECT_EQ(recipients.cc[1].email, "cy@acme.org");

  partner.contacts[1].primary = false;  // none primary: the first is written to
  recipients = recipients_of(partner);
  ASSERT_EQ(recipients.to.size(), 1u);
  EXPECT_EQ(recipients.to[0].email, "bea@acme.org");
  EXPECT_EQ(recipients.cc.size(), 2u);
}

TEST(MessageRecipients, ABillingMessageGoesToAccountsPayableWithTheContactsInCc) {
  Partner partner;
  partner.contacts.push_back({"Ada", Field<std::string>{"ada@acme.org", {}}, "CEO", true});
  partner.contacts.push_back({"Rosa", Field<std::string>{"AP@acme.org", {}}, "AP", false});
  partner.contacts.push_back({"Cy", Field<std::string>{"cy@acme.org", {}}, "CFO", false});
  // Without an accounts-payable contact it reads as any other message.
  Recipients recipients = billing_recipients_of(partner);
  ASSERT_EQ(recipients.to.size(), 1u);
  EXPECT_EQ(recipients.to[0].email, "ada@acme.org");

  partner.billing.accounts_payable =
      BillingContact{"Rosa Delgado", Field<std::string>{"ap@acme.org", {}}};
  recipients = billing_recipients_of(partner);
  ASSERT_EQ(recipients.to.size(), 1u);
  EXPECT_EQ(recipients.to[0].name, "Rosa Delgado");
  EXPECT_EQ(recipients.to[0].email, "ap@acme.org");
  // The primary contact first; the same mailbox (in any case) not twice.
  ASSERT_EQ(recipients.cc.size(), 2u);
  EXPECT_EQ(recipients.cc[0].email, "ada@acme.org");
  EXPECT_EQ(recipients.cc[1].email, "cy@acme.org");
}

TEST(MessageContext, FlattensEveryStringToOneLine) {
  nlohmann::json value = {{"name", "Acme\nSubject: injected\r\n"},
                          {"list", {"a\n\nb", 3}},
                          {"nested", {{"x", "line one\nline two"}}}};
  flatten_strings(value);
  EXPECT_EQ(value["name"], "Acme Subject: injected");
  EXPECT_EQ(value["list"][0], "a b");
  EXPECT_EQ(value["list"][1], 3);
  EXPECT_EQ(value["nested"]["x"], "line one line two");
}

TEST(Eml, WritesEncodedHeadersAPlainBodyAndABase64Attachment) {
  Email email;
  email.from = {"Commons Compute", "hello@commons.example.org"};
  email.to = {{"Zoë Ångström", "zoe@example.org"}};
  email.cc = {{"", "cc@example.org"}};
  email.subject = "Société Générale: hello";
  email.text = "Dear Zoë,\n\nHello.\n";
  email.attachments = {{"doc.pdf", "application/pdf", std::string("%PDF-1.4\n\x01\x02", 11)}};
  email.date_unix_seconds = 1795435200;  // 2026-11-23 12:00 UTC
  email.message_id = stable_message_id("seed", "hello@commons.example.org");
  std::string error;
  const std::optional<std::string> eml = write_eml(email, &error);
  ASSERT_TRUE(eml) << error;
  EXPECT_EQ(email.message_id, stable_message_id("seed", "x@commons.example.org"));
  EXPECT_TRUE(email.message_id.ends_with("@commons.example.org"));
  const std::string headers = eml->substr(0, eml->find("\r\n\r\n"));
  EXPECT_NE(headers.find("Date: Mon, 23 Nov 2026 12:00:00 +0000\r\n"), std::string::npos)
      << headers;
  EXPECT_NE(headers.find("Subject: =?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("To: =?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Cc: cc@example.org\r\n"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Message-Id: <" + email.message_id + ">\r\n"), std::string::npos)
      << headers;
  for (const char c : headers) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << headers;
  EXPECT_NE(eml->find("Content-Type: text/plain; charset=utf-8\r\n"
                      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                      "Dear Zo=C3=AB,\r\n\r\nHello.\r\n"),
            std::string::npos)
      << *eml;
  EXPECT_NE(eml->find("Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKAQI=\r\n"),
            std::string::npos)
      << *eml;
  // The same message gives the same bytes.
  EXPECT_EQ(write_eml(email, &error), eml);

  email.to.clear();
  EXPECT_FALSE(write_eml(email, &error));
  EXPECT_EQ(error, "the message has no recipient");
}

TEST(PaymentReminder, NeverRemindsOfACreditedAmount) {
  // INV-2026-0006 (7320.00, due 2026-12-02) paid 7200.00 and credited the
  // 120.00 left: nothing is owed, though the status stays issued.
  testing::MemorySource source = testing::fixture_workspace();
  testing::pay_and_credit_storage(source, "7200.00", "2026-11-25");
  const auto workspace = testing::load_clean(source);
  const PartnerFolder& folder = *workspace->partner("lakeshore-college");
  Diagnostics diagnostics;
  EXPECT_EQ(overdue_invoice(folder, *Date::parse("2026-12-20"), "", diagnostics), nullptr);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.begin()->code, "message-no-overdue-invoice");
  EXPECT_EQ(diagnostics.begin()->message,
            "'lakeshore-college' has no overdue invoice on 2026-12-20");
}

TEST(PaymentReminder, RemindsOfWhatIsLeftAfterPaymentsAndCredits) {
  testing::MemorySource source = testing::fixture_workspace();
  testing::pay_and_credit_storage(source, "3000.00", "2026-11-25");
  const auto workspace = testing::load_clean(source);
  Diagnostics diagnostics;
  const Invoice* invoice = overdue_invoice(*workspace->partner("lakeshore-college"),
                                           *Date::parse("2026-12-20"), "", diagnostics);
  ASSERT_NE(invoice, nullptr);
  EXPECT_EQ(invoice->number.value, "INV-2026-0006");
  EXPECT_TRUE(diagnostics.empty());
}

}  // namespace
}  // namespace partnerops::message
