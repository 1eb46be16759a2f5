#pragma once
// The service agreement (or MOU) with a partner: what is provided, for how
// long, for what fees, and who signs. Its status walks
// draft → shared → negotiating → ready → signed → executed.

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"
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
  std::vector<Signatory> signatories;
  std::vector<Addendum> addenda;
  std::vector<AgreementEvent> history;  ///< oldest first

  /// The last day to give notice before the term ends, when known.
  std::optional<Date> notice_deadline() const;
  /// The date of the latest history entry that has one.
  std::optional<Date> last_event() const;
};

Agreement read_agreement(Reader& reader);

}  // namespace partnerops
