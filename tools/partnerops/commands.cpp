#include "command.hpp"

namespace partnerops::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "Check every file against the schemas, lifecycle and cross-file rules",
       &define_validate},
      {"build", "Build the PDFs each partner's stage calls for into out/", &define_build},
      {"tickler", "List everything due: renewals, overdue invoices, checklist items, quiet leads",
       &define_tickler},
      {"report", "Pipeline and KPI report: stages, conversion, revenue, issues, renewals",
       &define_report},
      {"codeowners", "Write .github/CODEOWNERS from the roles in partnerops.yaml",
       &define_codeowners},
  };
  return table;
}

}  // namespace partnerops::cli
