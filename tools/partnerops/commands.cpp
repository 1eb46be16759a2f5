#include "command.hpp"

namespace partnerops::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "Check every file against the schemas, lifecycle and cross-file rules",
       &define_validate},
  };
  return table;
}

}  // namespace partnerops::cli
