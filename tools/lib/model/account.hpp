#pragma once
// What a partner still owes on an invoice: its total less the payments
// received and the credit notes issued against it. `invoice pay`, the
// statement of account and the handoff bundle all need the same figure, so
// it is computed in one place, in integer minor units.

#include <cstdint>
#include <string>

#include "model/workspace.hpp"

namespace partnerops {

/// True for an invoice that counts towards what a partner owes: issued or
/// paid (a draft is not yet owed, a void one never will be).
bool is_receivable(const Invoice& invoice);

/// The total of the credit notes of `folder` issued against `invoice`.
std::int64_t credited_minor(const PartnerFolder& folder, const Invoice& invoice);

/// total − payments − credits; 0 when the total could not be read.
std::int64_t open_minor(const PartnerFolder& folder, const Invoice& invoice);

/// Who is invoiced: partner.yaml's `legal_entity`, or its `name` when the
/// legal entity is not known.
std::string billing_name(const PartnerFolder& folder);

/// The e-mail of the primary contact (the first contact when none is
/// marked primary); empty when partner.yaml did not load.
std::string billing_email(const PartnerFolder& folder);

}  // namespace partnerops
