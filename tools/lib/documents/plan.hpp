#pragma once
// Which documents a workspace calls for. Each partner's stage and files
// decide: a lead has its running notes; a prospect adds its draft agreement,
// statements of work and quotes; a partner adds invoices, a receipt per
// payment, the onboarding summary and, inside the notice window, a renewal
// notice, a statement of account once it has issued invoices, and a
// performance review per review in kpis.yaml. The service description is
// organisation-wide.

#include <optional>
#include <string>
#include <vector>

#include "documents/document_kind.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// One document to build.
struct DocumentJob {
  DocumentKind kind = DocumentKind::notes;
  std::string slug;    ///< the partner; empty for organisation-wide documents
  std::string id;      ///< distinguishes documents of one kind: a number, a SOW id
  std::string number;  ///< printed in the footer; may be empty
  std::string output;  ///< relative to the output folder: "<slug>/<kind>-<id>.pdf"
  /// Workspace files the document is made from (its hash covers them).
  std::vector<std::string> inputs;
  std::size_t payment_index = 0;  ///< for receipts
};

struct PlanOptions {
  Date today;
  std::optional<std::string> partner;  ///< only this partner
  std::optional<DocumentKind> kind;    ///< only this kind
};

/// The job that prints `invoice` of `folder` (as `build` plans it), for
/// commands that print invoices outside a build (the handoff bundle).
DocumentJob invoice_document(const PartnerFolder& folder, const Invoice& invoice);

/// The statement of account of `folder`: `<slug>/statement.pdf`, made from
/// partner.yaml and every invoice and credit note file.
DocumentJob statement_document(const PartnerFolder& folder);

/// Every document the workspace calls for, in a stable order (partner, then
/// kind, then id). Partners whose files did not load are left out.
std::vector<DocumentJob> plan_documents(const Workspace& workspace, const PlanOptions& options);

}  // namespace partnerops
