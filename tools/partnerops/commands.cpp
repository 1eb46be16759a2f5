#include "command.hpp"

namespace partnerops::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "Check every file against the schemas, lifecycle and cross-file rules",
       &define_validate},
      {"build", "Build the PDFs each partner's stage calls for into out/", &define_build},
  };
  return table;
}

}  // namespace partnerops::cli
