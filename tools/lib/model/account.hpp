#pragma once
// What a partner still owes on an invoice: its total less the payments
// received and the credit notes issued against it. The invoice and receipt
// PDFs, `invoice pay`, the statement of account, the handoff bundle, the
// tickler and the payment reminder all need the same figure, so it is
// computed in one place, in integer minor units. A balance below zero is a
// credit balance (money owed back to the partner, e.g. a credit note on an
// invoice already paid): it is never overdue and never aged.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "model/workspace.hpp"

namespace partnerops {

/// True for an invoice that counts towards what a partner owes: issued or
/// paid (a draft is not yet owed, a void one never will be).
bool is_receivable(const Invoice& invoice);

/// The total of the credit notes of `folder` issued against `invoice`.
std::int64_t credited_minor(const PartnerFolder& folder, const Invoice& invoice);

/// What an invoice comes to once its payments and credit notes are counted.
struct InvoiceBalance {
  std::int64_t total = 0;     ///< 0 when the total could not be read
  std::int64_t paid = 0;      ///< the payments that could be read
  std::int64_t credited = 0;  ///< the credit notes against it that are not void
  std::int64_t balance = 0;   ///< total − paid − credited; below 0 for a credit balance

  /// True when more was paid and credited than the total: the partner is owed money.
  bool is_credit() const { return balance < 0; }
  /// What the partner still owes; 0 for a settled invoice or a credit balance.
  std::int64_t owed() const { return balance > 0 ? balance : 0; }
  /// What is owed back to the partner; 0 unless it is a credit balance.
  std::int64_t credit() const { return balance < 0 ? -balance : 0; }
};

/// The balance of `invoice` (a credit note counts when it is in `folder`,
/// which holds the invoice's credit notes).
InvoiceBalance balance_of(const PartnerFolder& folder, const Invoice& invoice);

/// The balance right after the payment at `payment_index`, for its receipt:
/// the payments up to and including it, and the credit notes issued on or
/// before its date (all of them when either date is missing). nullopt when
/// the index is out of range.
std::optional<InvoiceBalance> balance_after_payment(const PartnerFolder& folder,
                                                    const Invoice& invoice,
                                                    std::size_t payment_index);

/// Who is invoiced: partner.yaml's `legal_entity`, or its `name` when the
/// legal entity is not known.
std::string billing_name(const PartnerFolder& folder);

/// Where invoices are e-mailed: the accounts-payable contact's address
/// (partner.yaml billing.accounts_payable), else the primary contact's (the
/// first contact when none is marked primary); empty when partner.yaml did
/// not load.
std::string billing_email(const PartnerFolder& folder);

/// The "Bill to" of every billing document, report and export: whom the
/// money is asked of, where, for whose attention.
struct BillTo {
  std::string name;                  ///< billing_name()
  std::vector<std::string> address;  ///< printed lines of billing.address; empty when none
  std::string attention;             ///< the accounts-payable contact, else the primary one
  std::string email;                 ///< billing_email()
  std::string tax_id;                ///< billing.tax_id; empty when none
};
BillTo bill_to_of(const PartnerFolder& folder);

/// The purchase-order number `invoice` answers to: its own purchase_order,
/// else its agreement's (the folder's agreement.yaml); empty when neither
/// has one. With no invoice (a quote, a statement), the agreement's.
std::string purchase_order_of(const PartnerFolder& folder, const Invoice* invoice);

}  // namespace partnerops
