#pragma once
// The `deployments:` block of partnerops.yaml, read once: where the
// inventory is and which adapter reads it, the internal deployments no
// agreement covers (the allowlist), the grace periods and the monthly cost
// assumed for a deployment the inventory gives none for.

#include <optional>
#include <string>
#include <vector>

#include "model/field.hpp"
#include "model/money.hpp"
#include "model/workspace.hpp"

namespace partnerops::deployments {

/// Defaults, when partnerops.yaml says nothing (docs/data-model.md names the same).
inline constexpr int k_default_uncovered_grace_days = 14;
inline constexpr int k_default_after_end_grace_days = 30;
inline constexpr int k_default_launch_grace_days = 30;

struct Settings {
  std::string inventory_path;                ///< empty when partnerops.yaml names no inventory
  std::string adapter;                       ///< "jupyterhub" or "list"; empty when not named
  std::string inventory_rev;                 ///< empty: the inventory's files, not a revision
  std::vector<Field<std::string>> internal;  ///< allowlist patterns, as written
  int uncovered_grace_days = k_default_uncovered_grace_days;
  int after_end_grace_days = k_default_after_end_grace_days;
  int launch_grace_days = k_default_launch_grace_days;
  std::optional<Money> monthly_cost;
};

/// The settings of `workspace`'s partnerops.yaml (the defaults when it has
/// no `deployments:`). A monthly_cost without its currency is reported as
/// `money-invalid` and left out.
Settings read_settings(const Workspace& workspace, Diagnostics& diagnostics);

/// True when `key` matches `pattern`, where `*` stands for any text without
/// a '/' ("*/staging" matches "commons-us/staging").
bool matches_pattern(std::string_view pattern, std::string_view key);

}  // namespace partnerops::deployments
