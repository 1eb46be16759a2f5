#pragma once
// The renewal window: the days before an agreement's notice deadline in
// which the partner is told the term is ending. The build plans a renewal
// notice inside it, and the tickler lists partners inside it whose renewal
// nobody has handled; both read it from here, so they open and close the
// window on the same day.

#include <optional>

#include "model/agreement.hpp"
#include "model/date.hpp"
#include "model/organisation.hpp"

namespace partnerops {

/// The window's length when partnerops.yaml defaults.renewal_notice_days
/// does not say (the schema requires it; this covers a file that did not
/// load).
inline constexpr int k_default_renewal_notice_days = 60;

/// defaults.renewal_notice_days of `organisation`, or the default above.
int renewal_notice_days(const std::optional<Organisation>& organisation);

/// The term whose renewal window holds `today`, if any: from
/// `renewal_notice_days` before its notice deadline up to its end. The term
/// is the one current on `today` (Agreement::current_term), so an agreement
/// that renews automatically has a window before the end of each renewal.
std::optional<TermSpan> in_renewal_window(const Agreement& agreement, Date today,
                                          int renewal_notice_days);

}  // namespace partnerops
