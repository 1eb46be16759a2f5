#include "model/renewal_window.hpp"

namespace partnerops {

int renewal_notice_days(const std::optional<Organisation>& organisation) {
  return organisation ? static_cast<int>(organisation->renewal_notice_days.value_or(
                            k_default_renewal_notice_days))
                      : k_default_renewal_notice_days;
}

std::optional<TermSpan> in_renewal_window(const Agreement& agreement, Date today,
                                          int renewal_notice_days) {
  const std::optional<TermSpan> term = agreement.current_term(today);
  if (!term) return std::nullopt;
  if (term->notice_deadline.plus_days(-renewal_notice_days) <= today && today <= term->end)
    return term;
  return std::nullopt;
}

}  // namespace partnerops
