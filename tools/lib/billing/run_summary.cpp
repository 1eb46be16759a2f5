#include "billing/run_summary.hpp"

#include <iomanip>
#include <map>
#include <sstream>

#include "model/file_kind.hpp"
#include "model/money.hpp"

namespace partnerops::billing {

std::string money_text(std::int64_t minor, const std::string& currency) {
  const std::optional<Currency> known = find_currency(currency);
  return (known ? format_plain(minor, *known) : std::to_string(minor)) + " " + currency;
}

std::string run_table(const RunPlan& plan, const Month& period) {
  std::size_t slug_width = 7;
  for (const DraftInvoice& draft : plan.invoices)
    slug_width = std::max(slug_width, draft.slug.size());
  std::ostringstream out;
  std::map<std::string, std::int64_t> totals;
  if (!plan.invoices.empty()) {
    out << std::left << std::setw(16) << "number" << std::setw(static_cast<int>(slug_width) + 2)
        << "partner" << std::setw(12) << "issue date" << std::setw(12) << "due date" << std::right
        << std::setw(6) << "lines" << std::setw(18) << "total" << '\n';
  }
  for (const DraftInvoice& draft : plan.invoices) {
    out << std::left << std::setw(16) << draft.number << std::setw(static_cast<int>(slug_width) + 2)
        << draft.slug << std::setw(12) << draft.issue_date.iso() << std::setw(12)
        << draft.due_date.iso() << std::right << std::setw(6) << draft.lines.size() << std::setw(18)
        << money_text(draft.total_minor, draft.currency) << '\n';
    totals[draft.currency] += draft.total_minor;
  }
  out << plan.invoices.size() << (plan.invoices.size() == 1 ? " invoice" : " invoices") << " for "
      << period.iso();
  const char* separator = ": ";
  for (const auto& [currency, total] : totals) {
    out << separator << money_text(total, currency);
    separator = ", ";
  }
  if (!plan.already_invoiced.empty())
    out << "; " << plan.already_invoiced.size()
        << (plan.already_invoiced.size() == 1 ? " partner" : " partners")
        << " already invoiced for " << period.iso();
  out << '\n';
  return out.str();
}

transitions::ChangeSet run_changes(const Workspace& workspace, const RunPlan& plan,
                                   const Month& period) {
  transitions::ChangeSet changes;
  changes.protected_paths = {std::string(k_partners_dir)};
  for (const DraftInvoice& draft : plan.invoices)
    changes.edits.push_back({draft.path, draft.content});
  std::ostringstream message;
  message << "invoice run " << period.iso() << ": " << plan.invoices.size()
          << (plan.invoices.size() == 1 ? " draft invoice" : " draft invoices") << "\n\n";
  for (const DraftInvoice& draft : plan.invoices)
    message << draft.number << ' ' << draft.slug << ' '
            << money_text(draft.total_minor, draft.currency) << '\n';
  changes.message = message.str();
  changes.suggested_branch = transitions::expand_branch_pattern(
      transitions::branch_patterns(workspace).invoice_run.value, {{"{period}", period.iso()}});
  return changes;
}

}  // namespace partnerops::billing
