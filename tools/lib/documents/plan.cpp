#include "documents/plan.hpp"

#include <algorithm>
#include <map>

#include "documents/assessment_report.hpp"
#include "model/renewal_window.hpp"
#include "model/statement.hpp"

namespace partnerops {

namespace {

bool stage_calls_for(const Stage& stage, std::string_view kind) {
  return std::find(stage.documents.begin(), stage.documents.end(), kind) != stage.documents.end();
}

std::string file_stem(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

DocumentJob job(DocumentKind kind, const PartnerFolder& folder, std::string id, std::string number,
                std::vector<std::string> inputs) {
  DocumentJob out;
  out.kind = kind;
  out.slug = folder.slug;
  out.id = std::move(id);
  out.number = std::move(number);
  out.output = folder.slug + "/" + std::string(name_of(kind)) +
               (out.id.empty() ? "" : "-" + out.id) + ".pdf";
  out.inputs = std::move(inputs);
  out.inputs.insert(out.inputs.begin(), folder.partner_file->path);
  return out;
}

/// One performance review per dated review in kpis.yaml, named by its date
/// (a second review on the same day adds "-2"). It prints the period's
/// issues, invoices and payments, so those files are its inputs too.
void plan_reviews(const PartnerFolder& folder, std::vector<DocumentJob>& jobs) {
  std::vector<std::string> inputs = {folder.kpis_file->path};
  if (folder.issues_file) inputs.push_back(folder.issues_file->path);
  for (const Invoice& invoice : folder.invoices) inputs.push_back(invoice.file);
  for (const CreditNote& note : folder.credit_notes) inputs.push_back(note.file);
  std::map<std::string, int> held_on;  // reviews so far by date
  for (const Review& review : folder.kpis->reviews) {
    if (!review.date) continue;
    const std::string date = review.date->value.iso();
    const int nth = ++held_on[date];
    const std::string id = nth == 1 ? date : date + "-" + std::to_string(nth);
    jobs.push_back(job(DocumentKind::performance_review, folder, id, "", inputs));
  }
}

void plan_partner(const Workspace& workspace, const PartnerFolder& folder, const Stage& stage,
                  const PlanOptions& options, std::vector<DocumentJob>& jobs) {
  const auto wants = [&](std::string_view kind) { return stage_calls_for(stage, kind); };
  if (wants("notes") && folder.notes_file)
    jobs.push_back(job(DocumentKind::notes, folder, "", "", {folder.notes_file->path}));
  if (wants("quote")) {
    for (const Quote& quote : folder.quotes)
      jobs.push_back(
          job(DocumentKind::quote, folder, quote.number.value, quote.number.value, {quote.file}));
  }
  if (wants("agreement") && folder.agreement) {
    const DocumentKind kind =
        folder.agreement->kind == "mou" ? DocumentKind::mou : DocumentKind::agreement;
    jobs.push_back(job(kind, folder, "", "", {folder.agreement->file}));
  }
  if (wants("sow")) {
    for (const WorkspaceFile* sow : folder.sow_files) {
      if (!sow->valid) continue;
      std::vector<std::string> inputs = {sow->path};
      if (folder.agreement) inputs.push_back(folder.agreement->file);
      jobs.push_back(job(DocumentKind::sow, folder, file_stem(sow->path), "", inputs));
    }
  }
  if (wants("invoice")) {
    for (const Invoice& invoice : folder.invoices)
      jobs.push_back(invoice_document(folder, invoice));
  }
  if (wants("receipt")) {
    for (const Invoice& invoice : folder.invoices) {
      for (std::size_t i = 0; i < invoice.payments.size(); ++i) {
        const std::string id = invoice.number.value + "-" + std::to_string(i + 1);
        DocumentJob receipt = job(DocumentKind::receipt, folder, id, id, {invoice.file});
        receipt.payment_index = i;
        jobs.push_back(std::move(receipt));
      }
    }
  }
  if (wants("credit-note")) {
    for (const CreditNote& note : folder.credit_notes) {
      std::vector<std::string> inputs = {note.file};
      // The credited invoice's dates are printed too.
      if (const Invoice* invoice = folder.invoice(note.invoice.value))
        inputs.insert(inputs.begin(), invoice->file);
      jobs.push_back(
          job(DocumentKind::credit_note, folder, note.number.value, note.number.value, inputs));
    }
  }
  if (wants("renewal-notice") && folder.agreement) {
    const int window = renewal_notice_days(workspace.organisation());
    // Named by the end of the term it is about, the rolled one included.
    if (const std::optional<TermSpan> term =
            in_renewal_window(*folder.agreement, options.today, window))
      jobs.push_back(
          job(DocumentKind::renewal_notice, folder, term->end.iso(), "", {folder.agreement->file}));
  }
  if (wants("onboarding"))
    if (const auto tree = folder.partner_file->document(); tree && tree->root().find("onboarding"))
      jobs.push_back(job(DocumentKind::onboarding, folder, "", "", {}));
  if (wants("statement") && has_statement(folder)) jobs.push_back(statement_document(folder));
  if (wants("performance-review") && folder.kpis) plan_reviews(folder, jobs);
  if (wants("issue-log") && folder.issue_log)
    jobs.push_back(job(DocumentKind::issue_log, folder, "", "", {folder.issues_file->path}));
  if (wants("compliance-audit") && folder.agreement && !folder.agreement->compliance.empty()) {
    // Named by the latest audit's date; before any audit, by nothing.
    const ComplianceAudit* latest = folder.compliance ? folder.compliance->latest() : nullptr;
    std::vector<std::string> inputs = {folder.agreement->file};
    if (folder.compliance_file) inputs.push_back(folder.compliance_file->path);
    jobs.push_back(job(DocumentKind::compliance_audit, folder,
                       latest ? latest->date->value.iso() : "", "", inputs));
  }
}

}  // namespace

DocumentJob invoice_document(const PartnerFolder& folder, const Invoice& invoice) {
  return job(DocumentKind::invoice, folder, invoice.number.value, invoice.number.value,
             {invoice.file});
}

DocumentJob statement_document(const PartnerFolder& folder) {
  std::vector<std::string> inputs;
  for (const Invoice& invoice : folder.invoices) inputs.push_back(invoice.file);
  for (const CreditNote& note : folder.credit_notes) inputs.push_back(note.file);
  return job(DocumentKind::statement, folder, "", "", inputs);
}

std::vector<DocumentJob> plan_documents(const Workspace& workspace, const PlanOptions& options) {
  std::vector<DocumentJob> jobs;
  const std::optional<Lifecycle>& lifecycle = workspace.lifecycle();
  if (!options.partner) {
    DocumentJob description;
    description.kind = DocumentKind::service_description;
    description.output = std::string(name_of(description.kind)) + ".pdf";
    description.inputs = {"partnerops.yaml"};
    jobs.push_back(std::move(description));
    if (std::optional<DocumentJob> report = assessment_report_document(workspace))
      jobs.push_back(std::move(*report));
  }
  for (const PartnerFolder& folder : workspace.partners()) {
    if (!folder.partner || !lifecycle) continue;
    if (options.partner && folder.slug != *options.partner) continue;
    const Stage* stage = lifecycle->stage(folder.partner->stage.value);
    if (!stage) continue;
    plan_partner(workspace, folder, *stage, options, jobs);
  }
  if (options.kind) {
    const DocumentKind wanted = *options.kind;
    jobs.erase(std::remove_if(jobs.begin(), jobs.end(),
                              [wanted](const DocumentJob& j) { return j.kind != wanted; }),
               jobs.end());
  }
  return jobs;
}

}  // namespace partnerops
