#include "check/checks.hpp"

#include <algorithm>
#include <exception>

#include "check/toolkit_checks.hpp"

namespace partnerops {

const std::vector<Check>& all_checks() {
  static const std::vector<Check> table = {
      {"organisation", "partnerops.yaml references and numbering rules", &check_organisation},
      {"partner-folders", "each folder has its partner.yaml and its slug", &check_partner_folders},
      {"partner-records", "contacts, history order, stage and reasons", &check_partner_records},
      {"billing", "billing address and accounts-payable contact once an invoice is issued",
       &check_billing},
      {"lifecycle", "every transition in the history is allowed and its guards hold",
       &check_lifecycle},
      {"checklists", "SOP checklist items known and not overdue", &check_checklists},
      {"agreements", "terms, signatures and referenced addenda", &check_agreements},
      {"sows", "SOW ids, agreement, currency, addenda, rates, hour ranges and timeline",
       &check_sows},
      {"invoices", "exact totals, dates and payments", &check_invoices},
      {"invoice-numbering", "unique and gapless invoice numbers", &check_invoice_numbering},
      {"credit-notes", "exact totals; credited invoice issued, same currency, not over-credited",
       &check_credit_notes},
      {"credit-note-numbering", "unique and gapless credit note numbers",
       &check_credit_note_numbering},
      {"quotes", "exact totals and validity dates", &check_quotes},
      {"placeholders",
       "no TODO text left in a quote, agreement or SOW past draft; TODOs in partnerops.yaml",
       &check_placeholders},
      {"zero-amounts", "no zero quote line, fee, SOW rate or milestone past draft unless free",
       &check_zero_amounts},
      {"notes", "dated headings and recorded SOP steps", &check_notes},
      {"kpis", "KPI targets, comparable values and performance reviews not overdue", &check_kpis},
      {"einvoices", "what the e-invoices of e-invoiced partners need (EN 16931)", &check_einvoices},
      {"codeowners", ".github/CODEOWNERS matches the roles and owners", &check_codeowners},
      {"toolkit-version", "partnerops.yaml's toolkit_version is not older than this partnerops",
       &check_toolkit_version},
      {"compliance", "audit results name the agreement's compliance requirements, once each",
       &check_compliance},
      {"issues", "issues resolved and escalated on or after the day they were reported",
       &check_issues},
  };
  return table;
}

void run_checks(const Workspace& workspace, Date today, Diagnostics& diagnostics) {
  const CheckContext context{workspace, today, diagnostics};
  for (const Check& check : all_checks()) {
    try {
      check.run(context);
    } catch (const std::exception& e) {
      diagnostics.error("internal-check-failed", "", {},
                        std::string("the check '") + check.name + "' failed: " + e.what(),
                        "this is a defect in partnerops; please report it with the input");
    }
  }
}

bool has_error_at(const Diagnostics& diagnostics, std::string_view code, std::string_view file,
                  Position position) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::error && d.code == code && d.file == file &&
           d.position == position;
  });
}

bool is_well_formed_email(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  for (char c : local)
    if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',' || c == ';') return false;
  if (domain.find('.') == std::string_view::npos) return false;
  std::size_t label_length = 0;
  for (std::size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label_length == 0) return false;
      label_length = 0;
      continue;
    }
    const char c = domain[i];
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
    ++label_length;
  }
  return true;
}

}  // namespace partnerops
