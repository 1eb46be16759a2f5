#pragma once
// Opening an inventory: a folder on disk, or a git repository read at a
// revision through libgit2 (nothing checked out, so the checkout of the
// infrastructure repository is never touched), then read by its adapter.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "deployments/inventory.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace partnerops::deployments {

struct InventoryLocation {
  std::filesystem::path path;  ///< a folder, or a repository's root when `rev` is set
  std::string rev;             ///< empty: the folder's files
  std::string adapter;         ///< "jupyterhub" or "list"
  /// Put before every path diagnostics name ("inventory/"), so they read
  /// from the workspace root.
  std::string prefix;
};

/// Opens `location` and reads it with its adapter. Returns nullopt and
/// fills `error` ("no adapter 'x'", "not a folder", "unknown revision")
/// when nothing could be opened; problems inside the files (a file that
/// does not parse, a hub without a name) go to `diagnostics` at their
/// position and the rest is read.
std::optional<Inventory> load_inventory(const InventoryLocation& location, Diagnostics& diagnostics,
                                        std::string* error);

}  // namespace partnerops::deployments
