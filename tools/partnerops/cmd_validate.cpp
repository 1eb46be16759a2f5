#include "command.hpp"

namespace partnerops::cli {

Runner define_validate(CLI::App& sub) {
  auto path = std::make_shared<std::string>(".");
  sub.add_option("path", *path, "Workspace root (the folder holding partnerops.yaml)");
  return [path] { return int(k_exit_clean); };
}

}  // namespace partnerops::cli
