#pragma once
// The `list` adapter: a plain YAML or JSON list of deployments, for any
// organisation. The inventory's root holds `deployments.yaml`,
// `deployments.yml` or `deployments.json`: a list, or a mapping whose
// `deployments:` is the list, of entries
//
//   - key: lakeshore-hub          # required, stable
//     domain: hub.lakeshore.edu
//     name: Lakeshore College Hub
//     started: 2026-02-01         # first day it ran
//     paid_by: us                 # who pays its cloud costs: us or partner
//     monthly_cost: "380.00 USD"  # its cloud cost a month

#include <memory>

#include "deployments/adapter.hpp"

namespace partnerops::deployments {

std::unique_ptr<InventoryAdapter> make_list_adapter();

/// "380.00 USD" as money; nullopt (and `*error` says why) otherwise. Shared
/// with partnerops.yaml's deployments.monthly_cost.
std::optional<Money> parse_cost(std::string_view text, std::string* error);

/// "us" or "partner" (or a boolean paid_by_us) as a payer.
CloudPayer parse_payer(std::string_view text);

}  // namespace partnerops::deployments
