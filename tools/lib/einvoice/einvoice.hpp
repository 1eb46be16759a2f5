#pragma once
// An invoice or a credit note as EN 16931 sees it: the semantic model that
// the CII and UBL syntaxes both bind (business terms BT-… and groups BG-…),
// made from the same typed model the PDF is printed from, never from the
// PDF. Amounts are exact minor units of the document's currency.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/billing.hpp"
#include "model/date.hpp"
#include "model/money.hpp"

namespace partnerops::einvoice {

/// BT-3, from UNCL1001.
enum class TypeCode { invoice = 380, credit_note = 381 };

/// The seller (BG-4) or the buyer (BG-7).
struct Party {
  std::string name;              ///< BT-27 / BT-44, the registered name
  std::string trading_name;      ///< BT-28 / BT-45; empty when the same
  std::string vat_id;            ///< BT-31 / BT-48
  std::string tax_registration;  ///< BT-32 (seller only)
  PostalAddress address;         ///< BG-5 / BG-8; country_code is BT-40 / BT-55
  std::string contact_name;      ///< BT-41 / BT-56
  std::string contact_email;     ///< BT-43 / BT-58
};

/// One line (BG-25).
struct Line {
  std::string id;           ///< BT-126: 1, 2, …
  std::string name;         ///< BT-153
  Quantity quantity;        ///< BT-129
  std::string unit_code;    ///< BT-130
  std::int64_t net_price;   ///< BT-146
  std::int64_t net_amount;  ///< BT-131
};

/// The VAT every line of the document is under: our documents carry one tax
/// each, so the breakdown (BG-23) has one entry.
struct Vat {
  std::string category;          ///< BT-118 / BT-151, UNCL5305: S, Z, E, AE, K, G, O
  std::string rate_percent;      ///< BT-119 / BT-152, decimal text
  std::int64_t taxable = 0;      ///< BT-116
  std::int64_t amount = 0;       ///< BT-117
  std::string exemption_reason;  ///< BT-120
  std::string exemption_code;    ///< BT-121, e.g. VATEX-EU-AE; empty when none applies
};

/// Where and how to pay (BG-16, BG-17).
struct PaymentInstructions {
  std::string means_code;    ///< BT-81: 58 (SEPA credit transfer) with an IBAN, else 30
  std::string account;       ///< BT-84: the IBAN, else the account number
  std::string account_name;  ///< BT-85
  std::string bic;           ///< BT-86
  std::string remittance;    ///< BT-83: the document's number
};

struct Document {
  TypeCode type = TypeCode::invoice;
  std::string number;                  ///< BT-1
  Date issue_date;                     ///< BT-2
  std::optional<Date> due_date;        ///< BT-9
  std::string currency;                ///< BT-5
  std::string purchase_order;          ///< BT-13; empty when none
  std::string preceding_invoice;       ///< BT-25, of a credit note
  std::optional<Date> preceding_date;  ///< BT-26
  std::string note;                    ///< BT-22; empty when none
  Party seller;
  Party buyer;
  std::vector<Line> lines;
  Vat vat;
  std::int64_t line_total = 0;     ///< BT-106
  std::int64_t tax_exclusive = 0;  ///< BT-109
  std::int64_t tax_inclusive = 0;  ///< BT-112
  std::int64_t paid = 0;           ///< BT-113
  std::int64_t due = 0;            ///< BT-115
  PaymentInstructions payment;

  /// `minor` as the syntaxes write amounts: "5250.00", no symbol.
  std::string amount(std::int64_t minor) const;
};

/// The exemption reason code (BT-121, VATEX) a category implies when the
/// EU's list names exactly one for it (AE, K, G, O); empty otherwise.
std::string exemption_code_of(std::string_view category);

}  // namespace partnerops::einvoice
