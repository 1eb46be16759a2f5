#pragma once
// The rules a loaded workspace must satisfy beyond its schemas: lifecycle
// invariants, exact money, numbering, dates, references between files.
// Each check is a plain function registered in a table (checks.cpp); each
// appends diagnostics and never stops the others.

#include <vector>

#include "diag/diagnostic.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops {

struct CheckContext {
  const Workspace& workspace;
  Date today;  ///< for due dates; pinned by --today in tests
  Diagnostics& diagnostics;
};

using CheckFunction = void (*)(const CheckContext&);

struct Check {
  const char* name;
  const char* summary;
  CheckFunction run;
};

/// Every check, in the order they run.
const std::vector<Check>& all_checks();

/// Runs every check. A check that throws becomes an `internal-check-failed`
/// diagnostic instead of ending the run.
void run_checks(const Workspace& workspace, Date today, Diagnostics& diagnostics);

// The checks, one family per file.
void check_partner_folders(const CheckContext& context);
void check_partner_records(const CheckContext& context);
void check_billing(const CheckContext& context);
void check_einvoices(const CheckContext& context);
void check_lifecycle(const CheckContext& context);
void check_checklists(const CheckContext& context);
void check_agreements(const CheckContext& context);
void check_sows(const CheckContext& context);
void check_invoices(const CheckContext& context);
void check_invoice_numbering(const CheckContext& context);
void check_credit_notes(const CheckContext& context);
void check_credit_note_numbering(const CheckContext& context);
void check_quotes(const CheckContext& context);
void check_placeholders(const CheckContext& context);
void check_zero_amounts(const CheckContext& context);
void check_notes(const CheckContext& context);
void check_kpis(const CheckContext& context);
void check_organisation(const CheckContext& context);
void check_codeowners(const CheckContext& context);
void check_compliance(const CheckContext& context);
void check_issues(const CheckContext& context);

/// True when `diagnostics` already holds an error `code` at `file` and
/// `position`, so a later check can leave a problem to the one that
/// reported it.
bool has_error_at(const Diagnostics& diagnostics, std::string_view code, std::string_view file,
                  Position position);

/// Reports the file that `file` names at `named` (a path relative to
/// `folder`, "" for the repository root; `what` starts the message, e.g.
/// "the logo") when it is not a regular file reached through no symbolic
/// link: `reference-missing` when it is absent or not a path inside the
/// workspace, `reference-symlink` when the file or a folder on its way is a
/// link. Returns true when the file is there.
bool check_named_file(const Source& source, Diagnostics& out, const std::string& file,
                      const Field<std::string>& named, const std::string& folder,
                      const std::string& what, const std::string& hint);

/// True for a plausible address: one '@', a non-empty local part without
/// spaces, and a domain of dot-separated letter/digit/hyphen labels.
bool is_well_formed_email(std::string_view email);

}  // namespace partnerops
