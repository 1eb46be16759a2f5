#pragma once
// What each document kind's own part of the template context is made from,
// for the files that build one (documents/context.cpp holds the table of
// kinds; the SOP's documents each have a file of their own).

#include <nlohmann/json.hpp>
#include <string_view>

#include "documents/context.hpp"
#include "documents/formatter.hpp"
#include "documents/plan.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// The records `job` prints, found in `folder` by their files; each is
/// null when the job is of another kind or the file did not load.
struct JobRecords {
  const Invoice* invoice = nullptr;  ///< of an invoice or a receipt
  const Quote* quote = nullptr;
  const CreditNote* credit_note = nullptr;
  const Sow* statement_of_work = nullptr;
};

/// What a kind's own part of the context is made from.
struct KindInput {
  const Workspace& workspace;
  const PartnerFolder* folder;  ///< null for organisation-wide documents
  const DocumentJob& job;
  const ContextOptions& options;
  const JobRecords& records;
  const Formatter& format;
};

/// Adds a kind's own values to a context that already holds the
/// organisation, the document and the partner.
using AddKindContext = void (*)(const KindInput& in, nlohmann::json& context);

/// The assessment report's own part (assessment_report_context.cpp).
void add_assessment_report(const KindInput& in, nlohmann::json& context);
/// The performance review of kpis.yaml that `in.job` names
/// (documents/performance_review_context.cpp).
void add_performance_review(const KindInput& in, nlohmann::json& context);
// The SOP's documents, each in a file of its own.
void add_issue_log(const KindInput& in, nlohmann::json& context);
void add_compliance_audit(const KindInput& in, nlohmann::json& context);

/// A workspace file's YAML as JSON (an empty object when it did not load).
nlohmann::json document_json(const WorkspaceFile* file);

/// Guarantees `object[key]` exists, so templates can name optional fields.
void default_to(nlohmann::json& object, std::string_view key, nlohmann::json value);

}  // namespace partnerops
