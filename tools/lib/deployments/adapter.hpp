#pragma once
// How an inventory layout is read. An adapter turns the files of a Source
// (a folder, or a git repository at a revision: source/, git/) into an
// Inventory, reporting what it cannot read as diagnostics at their file,
// line and column; it never stops at the first problem and never throws on
// bad input. Two adapters exist: `list` (list_adapter.hpp) and
// `jupyterhub` (jupyterhub_adapter.hpp).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deployments/inventory.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace partnerops::deployments {

class InventoryAdapter {
 public:
  virtual ~InventoryAdapter() = default;
  /// The name partnerops.yaml and --adapter use.
  virtual std::string_view name() const = 0;
  /// Reads the inventory at the root of `source`. `prefix` is put before
  /// every path diagnostics name ("inventory/"), so they read from the
  /// workspace root. Problems go to `diagnostics`; what could be read is
  /// returned.
  virtual Inventory read(const Source& source, std::string_view prefix,
                         Diagnostics& diagnostics) const = 0;
};

/// The adapter called `name`, or null.
std::unique_ptr<InventoryAdapter> make_adapter(std::string_view name);

/// Every adapter's name, for messages and --help.
const std::vector<std::string>& adapter_names();

}  // namespace partnerops::deployments
