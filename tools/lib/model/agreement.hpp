#pragma once
// The service agreement (or MOU) with a partner: what is provided, for how
// long, for what fees, and who signs. Its status walks
// draft → shared → negotiating → ready → signing → signed → executed:
// `signing` while some but not all signatories have signed, `signed` once
// every one has, `executed` when the signed agreement is in force.
//
// The term is written once (term.start, term.end); an agreement with
// `renewal: auto` rolls into a next term at each end, of term.renewal_months
// or else of the written term's length. Every reader of terms (billing, the
// tickler, the report, the renewal notice) asks the agreement which term is
// in force rather than reading term.end, so they agree on the rolled term.

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"
#include "model/priced_document.hpp"
#include "model/reader.hpp"

namespace partnerops {

struct Signatory {
  std::string name;
  std::string title;
  std::string party;  ///< "ours" or "partner"
  std::string email;
  std::optional<Field<Date>> signed_on;
  Position position;
};

struct Fee {
  std::string description;
  std::optional<Field<Money>> amount;
  std::string schedule;  ///< monthly, quarterly, annual, one-off
  std::string first_period;
  Field<std::string> sow;
  bool free = false;  ///< `free: true`: a zero amount on purpose
};

struct Addendum {
  Field<std::string> file;  ///< relative to the partner folder
  std::string title;
};

struct Term {
  std::optional<Field<Date>> start;
  std::optional<Field<Date>> end;
  std::string renewal;  ///< auto, manual, none
  std::optional<std::int64_t> notice_days;
  /// Length of each automatic renewal; the written term's length when absent.
  std::optional<std::int64_t> renewal_months;
};

/// One term of an agreement: the written one, or one of its renewals.
struct TermSpan {
  Date start;
  Date end;              ///< the last day of the term
  int renewals = 0;      ///< 0 for the written term, 1 for its first renewal, …
  Date notice_deadline;  ///< the last day to give notice before `end`
};

/// Who pays a deployment's cloud costs (`deployments[].cloud_costs`).
enum class CloudPayer { unknown, us, partner };

/// A hosted service the agreement covers (`deployments:`), matched against
/// an inventory of what runs by `deployments check` (deployments/).
struct CoveredDeployment {
  Field<std::string> key;  ///< stable key; for a hosted hub `<cluster>/<hub>`
  std::string domain;      ///< empty when not written
  CloudPayer cloud_costs = CloudPayer::unknown;
  Position cloud_costs_position;
};

/// One entry of the agreement's status history (draft → … → executed).
struct AgreementEvent {
  std::optional<Field<Date>> date;
  std::string status;
  std::string note;
};

struct Agreement {
  std::string file;
  std::string kind;  ///< service-agreement or mou
  std::string title;
  Field<std::string> status;
  std::string currency;
  Term term;
  std::vector<Fee> fees;
  std::optional<std::int64_t> payment_terms_days;
  std::optional<TaxRule> tax;  ///< else partnerops.yaml defaults.tax
  std::string purchase_order;  ///< the partner's PO number; empty when none
  std::vector<Signatory> signatories;
  std::vector<Addendum> addenda;
  std::vector<AgreementEvent> history;  ///< oldest first
  /// The compliance requirements, one line each, as written: audits name
  /// them by this text (model/compliance).
  std::vector<Field<std::string>> compliance;
  std::vector<CoveredDeployment> deployments;  ///< what runs under it; empty when none

  /// True when the term rolls into a next one at its end (renewal: auto).
  bool renews_automatically() const { return term.renewal == "auto"; }
  /// The written term, when it has a start and an end not before it.
  std::optional<TermSpan> first_term() const;
  /// The term in force on `day`: the written term or, for an agreement that
  /// renews automatically, the renewal that contains it. Nullopt before the
  /// start, after the end of a term that does not renew, or without a term.
  std::optional<TermSpan> term_on(Date day) const;
  /// The term in force on `day`, or the written term when it has not begun:
  /// the term whose end comes next. Nullopt once a term that does not renew
  /// has ended.
  std::optional<TermSpan> current_term(Date day) const;
  /// The renewal that follows `term` (whether or not it renews by itself).
  TermSpan term_after(const TermSpan& term) const;
  /// The last day of the last term: term.end, or nullopt (open) when the
  /// agreement renews automatically or has no end.
  std::optional<Date> last_day() const;
  /// The end of a term that does not renew automatically, when it is before
  /// `today`: the agreement has ended.
  std::optional<Date> ended_before(Date today) const;
  /// Number of signatories with a signed_on date.
  std::size_t signature_count() const;
  /// The date of the latest history entry that has one.
  std::optional<Date> last_event() const;
};

Agreement read_agreement(Reader& reader);

}  // namespace partnerops
