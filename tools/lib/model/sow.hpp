#pragma once
// A statement of work (partners/<slug>/sow/<id>.yaml): an addendum to the
// agreement that estimates deliverables in low–high hours and, when it
// lists `rates`, prices each deliverable at its role's hourly rate. A SOW
// without rates is an estimate of hours alone.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/field.hpp"
#include "model/money.hpp"
#include "model/reader.hpp"

namespace partnerops {

struct SowRate {
  Field<std::string> role;
  Field<std::string> text;    ///< the rate as written, e.g. "165.00"
  std::optional<Money> rate;  ///< when `text` is plain decimal text and an amount
  bool free = false;          ///< a zero rate on purpose
};

struct SowEstimate {
  std::string task;
  std::optional<Field<Quantity>> low_hours;
  std::optional<Field<Quantity>> high_hours;
};

struct SowDeliverable {
  Field<std::string> id;
  std::string title;
  Field<std::string> role;
  std::vector<SowEstimate> estimates;

  /// The sums of the estimates that could be read (nullopt on overflow).
  std::optional<Quantity> low_hours() const;
  std::optional<Quantity> high_hours() const;
};

struct SowTimelineEntry {
  Field<std::string> deliverable;  ///< a deliverable id
  std::optional<Field<Date>> start;
  std::optional<Field<Date>> end;
};

/// A payment milestone of a fixed-price SOW.
struct SowMilestone {
  Field<std::string> id;
  std::optional<Field<Money>> amount;  ///< when it is an amount in the SOW's currency
  bool free = false;                   ///< a zero amount on purpose
};

struct Sow {
  std::string file;
  Field<std::string> id;
  Field<std::string> status;     ///< draft, shared or agreed
  Field<std::string> agreement;  ///< relative to the partner folder
  Field<std::string> currency;
  std::vector<SowRate> rates;
  std::vector<SowDeliverable> deliverables;
  std::vector<SowTimelineEntry> timeline;
  std::vector<SowMilestone> milestones;
  /// Markdown printed before the user stories, the out-of-scope items and
  /// the roles ("" when absent).
  std::string user_stories_intro;
  std::string out_of_scope_intro;
  std::string roles_intro;

  /// True when the SOW prices its hours: it lists at least one rate.
  bool priced() const { return !rates.empty(); }
  /// The first rate of `role`, or nullptr.
  const SowRate* rate_of(std::string_view role) const;
};

/// Reads a schema-checked SOW. Hours that are not exact decimals and rates
/// that are plain decimal text but not an amount are reported through the
/// reader and left empty; a rate in any other form is left for the checks
/// (`sow-rate-format`).
Sow read_sow(Reader& reader);

/// True for digits with an optional decimal part and nothing else ("165",
/// "165.00"): the form of a SOW rate, which takes the SOW's currency.
bool is_plain_decimal(std::string_view text);

}  // namespace partnerops
