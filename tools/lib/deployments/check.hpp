#pragma once
// What was agreed against what runs. Each agreement's `deployments:` is
// matched by key with the inventory, and each mismatch is a finding with a
// stable diagnostic code (docs/diagnostics.md), at the agreement's entry or
// the inventory's, whichever the fix belongs in:
//
//   deployment-uncovered       runs, but no executed agreement covers it and
//                              it is not internal (a warning for
//                              grace_days.uncovered from the day it first
//                              ran, then an error; an error at once when
//                              that day is unknown)
//   deployment-after-end       runs after the agreement covering it ended
//                              (auto-renewal followed): a warning for
//                              grace_days.after_end, then an error, with the
//                              days and, when we pay its cloud, the exposure
//   deployment-missing         an agreement in force names it, the inventory
//                              does not hold it, and grace_days.launch has
//                              passed since the term started
//   deployment-payer-mismatch  the agreement and the inventory disagree on
//                              who pays the cloud costs
//   deployment-unknown         an agreement not yet in force names a key the
//                              inventory does not hold, nearly matching
//                              one it does, or on a cluster it does not
//                              hold: a typo or a decommissioned cluster
//   inventory-duplicate        two inventory entries share a key
//
// A deployment whose name resembles a partner's is never taken as covered:
// the resemblance is only offered in the hint, for a person to decide.

#include <optional>
#include <string>
#include <vector>

#include "deployments/inventory.hpp"
#include "deployments/settings.hpp"
#include "diag/diagnostic.hpp"
#include "model/workspace.hpp"

namespace partnerops::deployments {

enum class FindingKind { uncovered, after_end, missing, payer_mismatch, unknown };

/// "after-end": the kind as JSON and the tickler name it.
std::string_view name_of(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::uncovered;
  Severity severity = Severity::error;
  std::string key;
  std::string slug;  ///< the partner whose agreement is involved; empty when none
  std::string file;  ///< where the diagnostic points
  Position position;
  /// When it is (or became) an error: the grace period's last day + 1.
  std::optional<Date> due;
  int days = 0;  ///< days running after the end, or uncovered since first seen
  /// What running it costs us a month, when we pay its cloud and the cost is known.
  std::optional<Money> monthly_exposure;
  /// What it has cost us since the agreement ended, pro rata by day.
  std::optional<Money> exposure;
  std::vector<std::string> suggestions;  ///< partners it may belong to (never a link)
};

struct Findings {
  std::vector<Finding> items;   ///< in the order of `diagnostics`
  Diagnostics diagnostics;      ///< one per finding, sorted
  std::size_t deployments = 0;  ///< in the inventory
  std::size_t covered = 0;      ///< covered by an agreement in force
  std::size_t internal = 0;     ///< on the allowlist
};

/// Checks `inventory` against the agreements of `workspace` on `today`.
Findings check_deployments(const Workspace& workspace, const Inventory& inventory,
                           const Settings& settings, Date today);

}  // namespace partnerops::deployments
