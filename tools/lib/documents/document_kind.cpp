#include "documents/document_kind.hpp"

#include <array>

namespace partnerops {

namespace {

struct KindInfo {
  DocumentKind kind;
  std::string_view name;
  std::string_view title;
};

constexpr std::array k_kinds = {
    KindInfo{DocumentKind::service_description, "service-description", "Service Description"},
    KindInfo{DocumentKind::notes, "notes", "Running Notes"},
    KindInfo{DocumentKind::quote, "quote", "Quote"},
    KindInfo{DocumentKind::agreement, "agreement", "Service Agreement"},
    KindInfo{DocumentKind::mou, "mou", "Memorandum of Understanding"},
    KindInfo{DocumentKind::sow, "sow", "Statement of Work"},
    KindInfo{DocumentKind::invoice, "invoice", "Invoice"},
    KindInfo{DocumentKind::receipt, "receipt", "Receipt"},
    KindInfo{DocumentKind::credit_note, "credit-note", "Credit Note"},
    KindInfo{DocumentKind::renewal_notice, "renewal-notice", "Renewal Notice"},
    KindInfo{DocumentKind::onboarding, "onboarding", "Onboarding Checklist"},
    KindInfo{DocumentKind::statement, "statement", "Statement of Account"},
    KindInfo{DocumentKind::assessment_report, "assessment-report", "Partner Assessment Report"},
    KindInfo{DocumentKind::performance_review, "performance-review", "Performance Review"},
    KindInfo{DocumentKind::issue_log, "issue-log", "Issue Log"},
    KindInfo{DocumentKind::compliance_audit, "compliance-audit", "Compliance Audit"},
};

}  // namespace

std::string_view name_of(DocumentKind kind) {
  for (const KindInfo& info : k_kinds)
    if (info.kind == kind) return info.name;
  return "document";
}

std::string_view title_of(DocumentKind kind) {
  for (const KindInfo& info : k_kinds)
    if (info.kind == kind) return info.title;
  return "Document";
}

std::optional<DocumentKind> document_kind_from_name(std::string_view name) {
  for (const KindInfo& info : k_kinds)
    if (info.name == name) return info.kind;
  return std::nullopt;
}

const std::vector<DocumentKind>& all_document_kinds() {
  static const std::vector<DocumentKind> kinds = [] {
    std::vector<DocumentKind> out;
    out.reserve(std::size(k_kinds));
    for (const KindInfo& info : k_kinds) out.push_back(info.kind);
    return out;
  }();
  return kinds;
}

}  // namespace partnerops
