#include "documents/assessment_report.hpp"

#include <algorithm>
#include <tuple>

#include "documents/document_kind.hpp"
#include "model/checklist.hpp"

namespace partnerops {

namespace {

const Stage* stage_of(const Workspace& workspace, const PartnerFolder& folder) {
  const std::optional<Lifecycle>& lifecycle = workspace.lifecycle();
  if (!lifecycle || !folder.partner) return nullptr;
  return lifecycle->stage(folder.partner->stage.value);
}

std::string text_of(const yaml::Node& root, std::string_view key) {
  const yaml::Node* node = root.find(key);
  return node && node->is_string() ? std::string(node->text()) : std::string();
}

}  // namespace

std::vector<const PartnerFolder*> assessment_report_partners(const Workspace& workspace) {
  const std::string_view kind = name_of(DocumentKind::assessment_report);
  std::vector<const PartnerFolder*> out;
  for (const PartnerFolder& folder : workspace.partners()) {
    const Stage* stage = stage_of(workspace, folder);
    if (!stage || !folder.partner_file || !folder.partner_file->parsed()) continue;
    if (std::find(stage->documents.begin(), stage->documents.end(), kind) != stage->documents.end())
      out.push_back(&folder);
  }
  return out;
}

std::optional<DocumentJob> assessment_report_document(const Workspace& workspace) {
  const std::vector<const PartnerFolder*> partners = assessment_report_partners(workspace);
  if (partners.empty()) return std::nullopt;
  DocumentJob report;
  report.kind = DocumentKind::assessment_report;
  report.output = std::string(name_of(report.kind)) + ".pdf";
  report.inputs = {"schemas/lifecycle.yaml"};
  for (const PartnerFolder* folder : partners) report.inputs.push_back(folder->partner_file->path);
  return report;
}

bool ranks_before(const AssessedPartner& a, const AssessedPartner& b) {
  // Priorities are declared in rank order; a higher score ranks first.
  using Key = std::tuple<AssessmentPriority, int, const std::string&, const std::string&>;
  const auto key = [](const AssessedPartner& p) {
    return Key(p.assessment.priority, -p.assessment.score(), p.name, p.slug);
  };
  return key(a) < key(b);
}

AssessmentReport build_assessment_report(const Workspace& workspace, const Date& today) {
  AssessmentReport report;
  for (const PartnerFolder* folder : assessment_report_partners(workspace)) {
    const Partner& partner = *folder->partner;
    const Stage& stage = *stage_of(workspace, *folder);
    const std::shared_ptr<const yaml::Document> tree = folder->partner_file->document();
    const yaml::Node& root = tree->root();
    if (const std::optional<Assessment> assessment = read_assessment(root)) {
      report.shortlist.push_back(AssessedPartner{
          partner.slug.value, partner.name, text_of(root, "industry"), stage.title, *assessment});
      continue;
    }
    const ChecklistItem* item = stage.item(k_assessment_item);
    const std::optional<Date> due = item ? checklist_item_due(*item, partner) : std::nullopt;
    if (due && today > *due)
      report.overdue.push_back(AwaitingAssessment{partner.slug.value, partner.name, stage.title,
                                                  *due, today.days_since(*due)});
  }
  std::sort(report.shortlist.begin(), report.shortlist.end(), ranks_before);
  std::sort(report.overdue.begin(), report.overdue.end(),
            [](const AwaitingAssessment& a, const AwaitingAssessment& b) {
              return std::tie(a.due, a.name, a.slug) < std::tie(b.due, b.name, b.slug);
            });
  return report;
}

}  // namespace partnerops
