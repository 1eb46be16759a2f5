// The home page: the pipeline by stage with each stage's annualised value
// per currency, then every partner under its stage with what matters at a
// glance (owner, time in stage, agreement, value, what is owed, what is
// overdue), and the organisation's own documents.

#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

namespace {

/// How many tickler items of each partner are past their date.
std::map<std::string, std::size_t, std::less<>> overdue_by_partner(const SiteData& data) {
  std::map<std::string, std::size_t, std::less<>> counts;
  for (const TicklerItem& item : data.tickler)
    if (item.due < data.options.today) ++counts[item.slug];
  return counts;
}

}  // namespace

nlohmann::json index_context(const SiteData& data, const std::string& page) {
  const Date today = data.options.today;
  nlohmann::json stages = nlohmann::json::array();
  std::size_t partners = 0;
  for (const StageRow& row : data.report.stages) {
    stages.push_back({{"id", row.stage},
                      {"title", row.title},
                      {"count", std::to_string(row.count)},
                      {"value", amounts_cells(row.value)}});
    partners += row.count;
  }

  const auto overdue = overdue_by_partner(data);
  nlohmann::json groups = nlohmann::json::array();
  nlohmann::json unloaded = nlohmann::json::array();
  const std::optional<Lifecycle>& lifecycle = data.workspace.lifecycle();
  std::map<std::string, nlohmann::json, std::less<>> rows_by_stage;
  for (const PartnerFolder& folder : data.workspace.partners()) {
    if (!folder.partner) {
      unloaded.push_back({{"slug", folder.slug}});
      continue;
    }
    const Partner& partner = *folder.partner;
    Amounts value;
    std::string agreement;
    if (folder.agreement) {
      agreement = folder.agreement->status.value;
      if (const std::optional<TermSpan> term = folder.agreement->current_term(today))
        value = annualised_value(*folder.agreement, *term);
    }
    Amounts owed;
    if (const auto found = data.statements.find(folder.slug); found != data.statements.end())
      for (const CurrencyBalance& balance : found->second.currencies)
        if (balance.owed != 0) owed[balance.currency] = balance.owed;
    const std::optional<Date> since = partner.stage_entered();
    const auto late = overdue.find(folder.slug);
    const std::size_t late_count = late == overdue.end() ? 0 : late->second;
    nlohmann::json& rows = rows_by_stage[partner.stage.value];
    if (rows.is_null()) rows = nlohmann::json::array();
    rows.push_back({{"name", partner.name.empty() ? folder.slug : partner.name},
                    {"href", from_page(page, url_path(partner_page_path(folder.slug)))},
                    {"owner", partner.owner.value},
                    {"since", since ? since->iso() : std::string()},
                    {"agreement", agreement},
                    {"value", amounts_cells(value)},
                    {"owed", amounts_cells(owed)},
                    {"overdue", std::to_string(late_count)},
                    {"late", late_count > 0}});
  }
  // Stages in lifecycle order; partners in a stage the lifecycle lacks
  // (validate reports them) last, under their stage's id.
  const auto add_group = [&](const std::string& id, const std::string& title) {
    const auto found = rows_by_stage.find(id);
    if (found == rows_by_stage.end()) return;
    groups.push_back({{"id", "stage-" + url_path(id)},
                      {"title", title},
                      {"count", std::to_string(found->second.size())},
                      {"partners", found->second}});
    rows_by_stage.erase(found);
  };
  if (lifecycle)
    for (const Stage& stage : lifecycle->stages()) add_group(stage.id, stage.title);
  while (!rows_by_stage.empty()) {
    const std::string id = rows_by_stage.begin()->first;
    add_group(id, id);
  }

  nlohmann::json documents = nlohmann::json::array();
  if (const auto found = data.documents.find(""); found != data.documents.end())
    for (const DocumentJob& job : found->second)
      documents.push_back(document_entry(data, page, job));

  return {{"page_title", "Pipeline"}, {"partner_count", std::to_string(partners)},
          {"stages", stages},         {"groups", groups},
          {"unloaded", unloaded},     {"has_unloaded", !unloaded.empty()},
          {"documents", documents},   {"has_documents", !documents.empty()}};
}

}  // namespace partnerops::site
