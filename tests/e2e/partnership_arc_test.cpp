// A whole partnership as a user lives it, with the real commands only: a new
// lead becomes a prospect and a partner under an agreement that renews
// automatically; two months are invoiced (the second after the written term
// ended), one invoice is paid in part and the other credited in part; then
// the statement and the PDFs. Every amount printed on every money document
// must agree with the statement's JSON, and the JSON with sums done by hand.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

const std::string k_slug = "fjord-data-cooperative";
const std::string k_folder = "partners/fjord-data-cooperative/";

/// "1050.00" (as the JSON writes amounts) -> "$1,050.00" (as the PDFs print USD).
std::string dollars(const std::string& plain) {
  const std::size_t dot = plain.find('.');
  std::string whole = plain.substr(0, dot);
  for (std::size_t at = whole.size(); at > 3; at -= 3) whole.insert(at - 3, ",");
  return "$" + whole + plain.substr(dot);
}

/// Every dollar amount in `text`, in reading order.
std::vector<std::string> amounts(const std::string& text) {
  static const std::regex k_amount(R"(\$[0-9][0-9,]*\.[0-9]{2})");
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), k_amount), end; it != end; ++it)
    found.push_back(it->str());
  return found;
}

/// `text` with every run of spaces made one space, so a PDF row reads as a line.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << "\nnot in\n" << text;
  text.replace(at, from.size(), to);
}

class PartnershipArcTest : public GitWorkspaceTest {
 protected:
  PartnershipArcTest() : GitWorkspaceTest({"SOURCE_DATE_EPOCH=1790000000"}) {}

  /// Runs a command that must succeed.
  std::string ok(const std::vector<std::string>& args) const {
    const RunResult run = partnerops(args);
    EXPECT_EQ(run.exit_code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << "\n"
                                << run.out << run.err;
    return run.out;
  }

  /// Edits a partner file by hand, as a person would, and commits it.
  void edit(const std::string& file,
            const std::vector<std::pair<std::string, std::string>>& replacements,
            const std::string& appended = "") {
    std::string text = read_file(dir.path() / (k_folder + file));
    for (const auto& [from, to] : replacements) replace_once(text, from, to);
    write_file(dir.path() / (k_folder + file), text + appended);
    git("commit -q -am 'edit " + file + "'");
  }

  std::string pdf(const std::string& name) const {
    return pdf_text(dir.path() / "out" / k_slug / name);
  }
};

TEST_F(PartnershipArcTest, FromLeadToStatementEveryPrintedAmountAgreesWithTheStatement) {
  // Lead: the SOP's first steps, then the verbal close.
  // Who pays is known from the start; an invoice is not issued without it.
  ok({"new",
      "lead",
      "Fjord Data Cooperative",
      "--contact",
      "Ingrid Solberg <ingrid@fjorddata.example.org>",
      "--role",
      "Head of Data",
      "--billing-street",
      "Strandgaten 5",
      "--billing-postal-code",
      "5013",
      "--billing-city",
      "Bergen",
      "--billing-country",
      "Norway",
      "--ap-contact",
      "Fakturamottak <faktura@fjorddata.example.org>",
      "--date",
      "2026-11-02",
      "--no-branch"});
  ok({"record", k_slug, "hail-the-lead", "--date", "2026-11-03"});
  ok({"record", k_slug, "first-meeting-prepared", "--date", "2026-11-05"});
  ok({"record", k_slug, "first-meeting-held", "--date", "2026-11-10"});
  EXPECT_EQ(partnerops({"advance", k_slug, "prospect", "--reason", "verbal close: yes", "--date",
                        "2026-11-12", "--no-branch"})
                .exit_code,
            1);  // not qualified, no verbal close yet
  edit("partner.yaml", {{"qualified: false\n", "qualified: true\n"}},
       "verbal_close:\n  date: 2026-11-10\n  outcome: \"yes\"\n");
  ok({"advance", k_slug, "prospect", "--reason", "verbal close: yes", "--date", "2026-11-12",
      "--no-branch"});

  // Prospect: the agreement, a two-month pilot that renews automatically,
  // negotiated and signed by everyone.
  ok({"new", "agreement", k_slug, "--date", "2026-12-01"});
  EXPECT_EQ(partnerops({"advance", k_slug, "partner", "--reason", "agreement executed", "--date",
                        "2026-12-09", "--no-branch"})
                .exit_code,
            1);  // the agreement is a draft
  edit("agreement.yaml",
       {{"status: draft\n", "status: executed\n"},
        {"scope: \"TODO: the scope of the collaboration\"",
         "scope: A managed JupyterHub for the cooperative's members"},
        {"  - name: \"TODO: service\"\n    description: \"TODO: what the service includes\"",
         "  - name: Managed JupyterHub\n    description: A hub for up to 40 members"},
        {"    - \"TODO: what we do\"", "    - Operate the hub"},
        {"    - \"TODO: what the partner does\"", "    - Manage member accounts"},
        {"  end: 2027-11-30\n  renewal: manual\n  notice_days: 60\n",
         "  end: 2027-01-31\n  renewal: auto\n  notice_days: 30\n"
         "fees:\n"
         "  - description: Managed hub service\n"
         "    amount: \"1200.00\"\n"
         "    schedule: monthly\n"
         "    first_period: \"2027-01\"\n"
         "  - description: Onboarding\n"
         "    amount: \"850.00\"\n"
         "    schedule: one-off\n"
         "    first_period: \"2027-01\"\n"},
        {"    email: maya@commonscompute.org\n",
         "    email: maya@commonscompute.org\n    signed_on: 2026-12-07\n"},
        {"    email: hboateng@civicworksfp.org\n",
         "    email: hboateng@civicworksfp.org\n    signed_on: 2026-12-07\n"},
        {"    email: ingrid@fjorddata.example.org\n",
         "    email: ingrid@fjorddata.example.org\n    signed_on: 2026-12-09\n"}},
       "  - date: 2026-12-02\n    status: shared\n    note: shared with Ingrid Solberg\n"
       "  - date: 2026-12-04\n    status: ready\n    note: text agreed\n"
       "  - date: 2026-12-07\n    status: signing\n    note: our two signatories signed\n"
       "  - date: 2026-12-09\n    status: executed\n    note: Ingrid Solberg signed last\n");
  ok({"advance", k_slug, "partner", "--reason", "agreement executed", "--date", "2026-12-09",
      "--no-branch"});
  EXPECT_NE(read_file(dir.path() / (k_folder + "partner.yaml")).find("stage: partner\n"),
            std::string::npos);

  // Two months billed: January in the written term, February in the first
  // rolled term (2027-02-01 to 2027-03-31). The demo's Noordzee bills its
  // quarter in January and takes INV-2027-0002.
  const std::string january = ok({"invoice", "run", "2027-01", "--no-branch"});
  EXPECT_NE(january.find("INV-2027-0001   fjord-data-cooperative  2027-01-01  2027-01-31       2"
                         "       2050.00 USD\n"),
            std::string::npos)
      << january;
  const std::string february = ok({"invoice", "run", "2027-02", "--no-branch"});
  EXPECT_NE(february.find("INV-2027-0003   fjord-data-cooperative  2027-02-01  2027-03-03       1"
                          "       1200.00 USD\n"),
            std::string::npos)
      << february;
  EXPECT_NE(read_file(dir.path() / (k_folder + "invoices/INV-2027-0003.yaml"))
                .find("  - description: Managed hub service, February 2027\n"
                      "    quantity: 1\n    unit_price: \"1200.00\"\n    amount: \"1200.00\"\n"),
            std::string::npos);

  ok({"invoice", "issue", "INV-2027-0001", "--date", "2027-01-04", "--no-branch"});
  ok({"invoice", "issue", "INV-2027-0003", "--date", "2027-02-01", "--no-branch"});
  ok({"invoice", "pay", "INV-2027-0001", "--amount", "1000.00", "--date", "2027-01-25",
      "--reference", "SEPA FDC-0125"});
  const std::string credit =
      ok({"invoice", "credit", "INV-2027-0003", "--reason", "hub down for three days in February",
          "--line", "1=300.00", "--date", "2027-02-20"});
  EXPECT_NE(credit.find("credit INV-2027-0003 with CN-2027-0001 (300.00 USD)"), std::string::npos)
      << credit;

  // The statement, checked against sums done by hand: invoiced 2050 + 1200,
  // paid 1000 on 0001, credited 300 on 0003; 0001 is 26 days past due on
  // 2027-03-01, 0003 is due on 2027-03-03.
  const nlohmann::json s =
      nlohmann::json::parse(ok({"statement", k_slug, "--today", "2027-03-01", "--format", "json"}));
  ASSERT_EQ(s["balances"].size(), 1u);
  const nlohmann::json& usd = s["balances"][0];
  EXPECT_EQ(usd["currency"], "USD");
  EXPECT_EQ(usd["invoiced"], "3250.00");
  EXPECT_EQ(usd["paid"], "1000.00");
  EXPECT_EQ(usd["credited"], "300.00");
  EXPECT_EQ(usd["balance"], "1950.00");
  EXPECT_EQ(usd["owed"], "1950.00");
  EXPECT_EQ(usd["credit_balance"], "0.00");
  EXPECT_EQ(usd["ageing"], nlohmann::json({{"current", "900.00"},
                                           {"0-30", "1050.00"},
                                           {"31-60", "0.00"},
                                           {"61-90", "0.00"},
                                           {"90+", "0.00"}}));
  ASSERT_EQ(s["open_invoices"].size(), 2u);
  const nlohmann::json& paid_in_part = s["open_invoices"][0];
  const nlohmann::json& credited = s["open_invoices"][1];
  EXPECT_EQ(paid_in_part["number"], "INV-2027-0001");
  EXPECT_EQ(paid_in_part["total"], "2050.00");
  EXPECT_EQ(paid_in_part["paid"], "1000.00");
  EXPECT_EQ(paid_in_part["credited"], "0.00");
  EXPECT_EQ(paid_in_part["open"], "1050.00");
  EXPECT_EQ(paid_in_part["days_past_due"], 26);
  EXPECT_EQ(paid_in_part["ageing"], "0-30");
  EXPECT_EQ(credited["number"], "INV-2027-0003");
  EXPECT_EQ(credited["total"], "1200.00");
  EXPECT_EQ(credited["paid"], "0.00");
  EXPECT_EQ(credited["credited"], "300.00");
  EXPECT_EQ(credited["open"], "900.00");
  EXPECT_EQ(credited["days_past_due"], -2);
  EXPECT_EQ(credited["ageing"], "current");
  ASSERT_EQ(s["payments"].size(), 1u);
  EXPECT_EQ(s["payments"][0]["invoice"], "INV-2027-0001");
  EXPECT_EQ(s["payments"][0]["amount"], "1000.00");
  ASSERT_EQ(s["credits"].size(), 1u);
  EXPECT_EQ(s["credits"][0]["number"], "CN-2027-0001");
  EXPECT_EQ(s["credits"][0]["invoice"], "INV-2027-0003");
  EXPECT_EQ(s["credits"][0]["amount"], "300.00");

  // The PDFs, as of the same day.
  const RunResult build = partnerops({"build", "--partner", k_slug, "--today", "2027-03-01"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  auto d = [](const nlohmann::json& amount) { return dollars(amount.get<std::string>()); };

  // Each invoice: its lines (unit price, amount), subtotal, total, then what
  // was paid and credited and the balance the statement holds open.
  const std::string inv1 = pdf("invoice-INV-2027-0001.pdf");
  EXPECT_EQ(amounts(inv1),
            (std::vector<std::string>{"$1,200.00", "$1,200.00", "$850.00", "$850.00",
                                      d(paid_in_part["total"]), d(paid_in_part["total"]),
                                      d(paid_in_part["paid"]), d(paid_in_part["open"])}))
      << inv1;
  EXPECT_NE(squeeze(inv1).find("Balance due $1,050.00"), std::string::npos) << inv1;
  EXPECT_EQ(inv1.find("PAID\n"), std::string::npos) << inv1;

  const std::string inv3 = pdf("invoice-INV-2027-0003.pdf");
  EXPECT_EQ(amounts(inv3), (std::vector<std::string>{"$1,200.00", "$1,200.00", d(credited["total"]),
                                                     d(credited["total"]), d(credited["paid"]),
                                                     d(credited["credited"]), d(credited["open"])}))
      << inv3;
  EXPECT_NE(squeeze(inv3).find("Managed hub service, February 2027 1 $1,200.00 $1,200.00"),
            std::string::npos)
      << inv3;
  EXPECT_NE(squeeze(inv3).find("Credited $300.00"), std::string::npos) << inv3;
  EXPECT_NE(squeeze(inv3).find("Balance due $900.00"), std::string::npos) << inv3;

  // The receipt: what arrived, the invoice's total, what remains.
  const std::string receipt = pdf("receipt-INV-2027-0001-1.pdf");
  EXPECT_EQ(amounts(receipt),
            (std::vector<std::string>{d(s["payments"][0]["amount"]), d(paid_in_part["total"]),
                                      d(paid_in_part["open"])}))
      << receipt;
  EXPECT_NE(squeeze(receipt).find("Amount received $1,000.00"), std::string::npos) << receipt;
  EXPECT_NE(squeeze(receipt).find("Balance remaining $1,050.00"), std::string::npos) << receipt;

  // The credit note: the invoice it credits, then its line and totals.
  const std::string note = pdf("credit-note-CN-2027-0001.pdf");
  const std::string credit_amount = d(s["credits"][0]["amount"]);
  EXPECT_EQ(amounts(note), (std::vector<std::string>{d(credited["total"]), credit_amount,
                                                     credit_amount, credit_amount, credit_amount}))
      << note;
  EXPECT_NE(squeeze(note).find("Credits invoice INV-2027-0003 of 1 February 2027 ($1,200.00)"),
            std::string::npos)
      << note;

  // The statement: balances, ageing, open invoices, credits, payments.
  const std::string statement = pdf("statement.pdf");
  EXPECT_EQ(amounts(statement),
            (std::vector<std::string>{d(usd["invoiced"]),           d(usd["paid"]),
                                      d(usd["credited"]),           d(usd["balance"]),
                                      d(usd["ageing"]["current"]),  d(usd["ageing"]["0-30"]),
                                      d(usd["ageing"]["31-60"]),    d(usd["ageing"]["61-90"]),
                                      d(usd["ageing"]["90+"]),      d(usd["balance"]),
                                      d(paid_in_part["total"]),     d(paid_in_part["paid"]),
                                      d(paid_in_part["credited"]),  d(paid_in_part["open"]),
                                      d(credited["total"]),         d(credited["paid"]),
                                      d(credited["credited"]),      d(credited["open"]),
                                      d(s["credits"][0]["amount"]), d(s["payments"][0]["amount"])}))
      << statement;
  EXPECT_NE(squeeze(statement).find("USD $3,250.00 $1,000.00 $300.00 $1,950.00"), std::string::npos)
      << statement;
  EXPECT_NE(squeeze(statement).find(
                "INV-2027-0001 3 February 2027 $2,050.00 $1,000.00 $0.00 $1,050.00 0–30 days"),
            std::string::npos)
      << statement;
  EXPECT_NE(
      squeeze(statement).find("INV-2027-0003 3 March 2027 $1,200.00 $0.00 $300.00 $900.00 Current"),
      std::string::npos)
      << statement;

  // The renewal notice is about the rolled term, not the written one.
  const std::string renewal = squeeze(pdf("renewal-notice-2027-03-31.pdf"));
  EXPECT_NE(renewal.find("Current term 1 February 2027 – 31 March 2027"), std::string::npos)
      << renewal;
  EXPECT_NE(renewal.find("from 1 April 2027 to 31 May 2027"), std::string::npos) << renewal;
  // A one-off fee was paid in the written term; a renewal does not bill it again.
  EXPECT_NE(renewal.find("Managed hub service monthly $1,200.00"), std::string::npos) << renewal;
  EXPECT_EQ(renewal.find("Onboarding"), std::string::npos) << renewal;
}

}  // namespace
}  // namespace partnerops::e2e
