#pragma once
// The statement of account: what one partner has been invoiced, has paid
// and has been credited, what is still open, the balance per currency and
// how old the open amounts are. `partnerops statement` prints it as JSON or
// text (report/statement), and the `statement` document kind prints it as a
// PDF (documents/context); both read it from here, so the figures cannot
// disagree. Money stays in integer minor
// units until it is formatted.
//
// Ageing is by days past the due date as of `today` (today − due date):
// negative (not yet due) is `current`; 0–30 (from the due date itself to 30
// days after), 31–60, 61–90, and 90+ (91 days or more). A credit balance
// (money owed back to the partner, e.g. credited after the invoice was
// paid) is not owed by anyone on a due date, so it is in no bucket: it is
// listed as a credit balance and subtracted from what is owed.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/workspace.hpp"
#include "source/source.hpp"

namespace partnerops {

enum class AgeingBucket { current, days_0_30, days_31_60, days_61_90, days_over_90 };

inline constexpr std::array k_ageing_buckets = {AgeingBucket::current, AgeingBucket::days_0_30,
                                                AgeingBucket::days_31_60, AgeingBucket::days_61_90,
                                                AgeingBucket::days_over_90};

/// The bucket of an amount `days_past_due` days past its due date.
AgeingBucket ageing_bucket(int days_past_due);

/// "current", "0-30", "31-60", "61-90", "90+": the JSON keys.
std::string_view bucket_key(AgeingBucket bucket);
/// "Current (not yet due)", "0–30 days past due", …: the printed labels.
std::string_view bucket_label(AgeingBucket bucket);
/// "Current", "0–30 days", …: the same, short enough for a table cell.
std::string_view bucket_short_label(AgeingBucket bucket);

/// An issued invoice with an amount still open, or with a credit balance.
struct OpenInvoice {
  const Invoice* invoice = nullptr;
  std::int64_t total = 0;
  std::int64_t paid = 0;
  std::int64_t credited = 0;
  std::int64_t open = 0;    ///< what is still owed, never below 0
  std::int64_t credit = 0;  ///< the credit balance owed back to the partner, never below 0
  int days_past_due = 0;
  std::optional<AgeingBucket> bucket;  ///< none for a credit balance
};

/// A payment received on an issued or paid invoice.
struct StatementPayment {
  const Invoice* invoice = nullptr;
  const Payment* payment = nullptr;
};

/// A credit note issued against one of the partner's invoices.
struct StatementCredit {
  std::string number;
  std::string invoice;
  std::string currency;
  std::optional<Date> date;
  std::int64_t amount = 0;
};

/// The figures of one currency; balance = invoiced − paid − credited, below
/// 0 when the partner is owed money overall. The ageing buckets add up to
/// what is owed; owed − credit = balance.
struct CurrencyBalance {
  std::string currency;
  std::int64_t invoiced = 0;
  std::int64_t paid = 0;
  std::int64_t credited = 0;
  std::int64_t balance = 0;
  std::int64_t owed = 0;    ///< the open amounts, the sum of the ageing buckets
  std::int64_t credit = 0;  ///< the invoices' credit balances, never below 0
  std::array<std::int64_t, k_ageing_buckets.size()> ageing{};
};

struct Statement {
  const PartnerFolder* folder = nullptr;
  std::string name;  ///< the partner's legal entity, or its name
  Date today;
  std::vector<OpenInvoice> open_invoices;   ///< by due date, then number
  std::vector<StatementPayment> payments;   ///< by date, then invoice number
  std::vector<StatementCredit> credits;     ///< by date, then number
  std::vector<CurrencyBalance> currencies;  ///< by currency code
};

/// True for the workspace files a statement is made from: partnerops.yaml,
/// schemas/, and each partner's partner.yaml, invoices/ and credit-notes/.
/// Loading only these (source/filtered_source) gives the same statements.
bool statement_input(std::string_view path, EntryType type);

/// True when `folder` has an issued or paid invoice: a statement is made
/// for these partners only.
bool has_statement(const PartnerFolder& folder);

/// The statement of `folder` as of `today`, from its issued and paid
/// invoices (drafts and void invoices are left out), their payments and the
/// credit notes against them. Invoices whose files did not load are not in
/// the model, so the caller reports those load problems.
Statement build_statement(const PartnerFolder& folder, Date today);

}  // namespace partnerops
