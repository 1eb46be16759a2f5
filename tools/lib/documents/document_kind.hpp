#pragma once
// The documents partnerops produces. Each kind has a template of the same
// name under templates/ (templates/<kind>.mustache) that users may change
// without rebuilding the tool.

#include <optional>
#include <string_view>
#include <vector>

namespace partnerops {

enum class DocumentKind {
  service_description,  ///< organisation-wide, attached when hailing a lead
  notes,                ///< a partner's running notes
  quote,
  agreement,  ///< the service agreement
  mou,        ///< the memorandum-of-understanding variant
  sow,        ///< statement of work, an addendum to the agreement
  invoice,
  receipt,         ///< one per payment
  credit_note,     ///< cancels all or part of an issued invoice
  renewal_notice,  ///< partners inside their notice window
  onboarding,      ///< onboarding checklist summary
  statement,       ///< statement of account, for partners with issued invoices
  /// organisation-wide: the leads and prospects ranked by their assessment
  assessment_report,
  performance_review,  ///< one per review in kpis.yaml
  // The SOP's own deliverables.
  issue_log,         ///< the issue log (SOP template 5), for partners with issues.yaml
  compliance_audit,  ///< the compliance requirements and their latest audit
};

/// "service-description", "renewal-notice", …: the name used in file
/// names, `--kind` and template names.
std::string_view name_of(DocumentKind kind);
std::optional<DocumentKind> document_kind_from_name(std::string_view name);
const std::vector<DocumentKind>& all_document_kinds();

/// The title printed on the document and in its metadata.
std::string_view title_of(DocumentKind kind);

}  // namespace partnerops
