#include "deployments/inventory_source.hpp"

#include "deployments/adapter.hpp"
#include "git/git_tree_source.hpp"
#include "util/text.hpp"

namespace partnerops::deployments {

std::optional<Inventory> load_inventory(const InventoryLocation& location, Diagnostics& diagnostics,
                                        std::string* error) {
  const std::unique_ptr<InventoryAdapter> adapter = make_adapter(location.adapter);
  if (!adapter) {
    *error = "no inventory adapter '" + location.adapter + "' (there are " +
             util::join(adapter_names(), ", ") + ")";
    return std::nullopt;
  }
  std::unique_ptr<Source> source;
  std::error_code ec;
  if (!std::filesystem::is_directory(location.path, ec)) {
    *error = "the inventory " + location.path.string() + " is not a folder";
    return std::nullopt;
  }
  if (location.rev.empty()) {
    source = open_directory_source(location.path);
  } else {
    git::RepositoryPtr repo = git::open_repository(location.path, error);
    if (!repo) return std::nullopt;
    const char* workdir = git_repository_workdir(repo.get());
    if (workdir && !std::filesystem::equivalent(workdir, location.path, ec)) {
      *error = "the inventory " + location.path.string() +
               " must be the root of its git repository (" + workdir + ") to be read at a revision";
      return std::nullopt;
    }
    std::shared_ptr<git_repository> shared(repo.release(), git_repository_free);
    source = git::open_git_tree_source(shared, location.rev, error);
    if (!source) return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.error_count();
  Inventory inventory = adapter->read(*source, location.prefix, diagnostics);
  inventory.complete = diagnostics.error_count() == errors_before;
  const std::string shown = location.path.lexically_normal().generic_string();
  inventory.description =
      location.rev.empty() ? "folder " + shown : source->describe() + " of " + shown;
  return inventory;
}

}  // namespace partnerops::deployments
