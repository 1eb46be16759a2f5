#pragma once
// The tickler: everything that falls due in the partnership pipeline within
// a window, from the same files the validator reads, so the weekly list,
// the calendar feed and the warnings of `validate` never disagree.
//
// Every item has a date; an item is listed when that date is on or before
// the end of the window (today + within), so anything already overdue is
// listed too. The kinds, in the order they sort on the same day:
//
// Apart from overdue invoices, partners in a terminal stage have no items.
//
//   lapsed               an agreement that does not renew automatically whose
//                        term has ended while the partner is still in a
//                        non-terminal stage (dated: term end)
//   invoice-overdue      an issued invoice past its due date with a balance,
//                        whatever the partner's stage (dated: due date)
//   renewal              an executed agreement's notice deadline, term end minus
//                        notice_days, of the term current today: rolled on at
//                        each end by an automatic renewal (dated: the
//                        deadline; until the term ends)
//   renewal-notice       a partner inside the renewal window (model/renewal_window,
//                        the build's too) with no renewal checklist record
//                        since the window opened (dated: the window's opening)
//   negotiation-stalled  an agreement `negotiating` with no history entry for
//                        defaults.negotiation_stall_days (dated: last entry +
//                        that many days)
//   check-in             the satisfaction check-in checklist item, due and not
//                        done (dated: its due date)
//   review               the next performance review after the latest in
//                        kpis.yaml (model/kpis, the validator's review-overdue
//                        rule; dated: its next_review, else three or twelve
//                        months after it)
//   compliance-audit     the next audit of an agreement's compliance requirements
//                        (model/compliance: the lifecycle's compliance-audit
//                        item spaces them; dated: its due date), in place of
//                        that checklist item
//   checklist            any other SOP checklist item of the current stage, due
//                        and not done (dated: its due date, the validator's rule)
//   lead-inactive        a partner in the initial stage whose latest activity
//                        (history, checklist, dated notes headings) is older
//                        than defaults.lead_inactive_days (dated: the day it goes
//                        or went inactive)
//   decommission         a deployment still running after the agreement covering
//                        it ended, whatever the partner's stage (from
//                        `deployments check`, when partnerops.yaml names an
//                        inventory; dated: the end + grace_days.after_end + 1)
//   agreement-needed     a running deployment no executed agreement covers
//                        (dated: first seen + grace_days.uncovered + 1, or
//                        today when the inventory does not say)

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deployments/check.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops {

enum class TicklerKind {
  lapsed,
  invoice_overdue,
  renewal,
  renewal_notice,
  negotiation_stalled,
  check_in,
  review,
  compliance_audit,
  checklist,
  lead_inactive,
  decommission,
  agreement_needed,
};

/// Every kind, in sort order.
const std::vector<TicklerKind>& all_tickler_kinds();
/// "invoice-overdue": the kind as it appears in every format.
std::string_view name_of(TicklerKind kind);
/// "Overdue invoices": a heading for a group of items of this kind.
std::string_view heading_of(TicklerKind kind);

struct TicklerItem {
  Date due;
  TicklerKind kind = TicklerKind::checklist;
  std::string slug;     ///< the partner
  std::string subject;  ///< what in the partner: an invoice number, a checklist id, a term end
  std::string title;    ///< one line: what to do
  std::string detail;   ///< why, with the dates it was computed from
  std::string file;     ///< the workspace file to look at
};

/// Checklist items that record a renewal decision or notice; the ones the
/// lifecycle defines count as "renewal handled".
inline constexpr std::string_view k_renewal_checklist_ids[] = {"renewal-notice-sent",
                                                               "renewal-reviewed"};
/// The checklist item reported as `check-in` rather than `checklist`.
inline constexpr std::string_view k_check_in_item = "satisfaction-check-in";
/// Days without an agreement history entry before a negotiation is stalled,
/// when partnerops.yaml defaults.negotiation_stall_days does not say.
inline constexpr int k_default_negotiation_stall_days = 30;
/// Fallbacks for partnerops.yaml values the schema requires.
inline constexpr int k_default_lead_inactive_days = 45;

struct TicklerOptions {
  Date today;
  int within_days = 60;
  /// The deployments check of the same day, when partnerops.yaml names an
  /// inventory: its findings become decommission and agreement-needed items.
  const deployments::Findings* deployments = nullptr;
};

/// The items due on or before today + within_days, sorted by date, then
/// kind, partner and subject. Partners whose files did not load are left
/// out (the validator reports why).
std::vector<TicklerItem> tickler_items(const Workspace& workspace, const TicklerOptions& options);

/// The calendar UID of an item: stable for the same (kind, partner,
/// subject), so re-importing the calendar updates events instead of adding
/// copies. `domain` is the right-hand side, e.g. the organisation's domain.
std::string tickler_uid(const TicklerItem& item, std::string_view domain);

enum class TicklerFormat { text, json, markdown, ics };

/// Parses "text", "json", "markdown" or "ics".
std::optional<TicklerFormat> parse_tickler_format(std::string_view text);

/// Parses a window length: "60", "60d" or "8w". Returns nullopt otherwise.
std::optional<int> parse_window_days(std::string_view text);

/// Renders `items` in `format`. `domain` makes calendar UIDs (see
/// tickler_uid); the ics output's DTSTAMP is options.today at midnight UTC,
/// so the same inputs give the same bytes. Returns an empty string and
/// fills `error` only when the calendar library fails.
std::string render_tickler(const std::vector<TicklerItem>& items, const TicklerOptions& options,
                           TicklerFormat format, std::string_view domain, std::string* error);

/// The domain for UIDs: the part after '@' of the organisation's e-mail, or
/// "partnerops.invalid" when there is none.
std::string tickler_domain(const Workspace& workspace);

}  // namespace partnerops
