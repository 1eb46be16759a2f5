// The pipeline and KPI report as a page: the figures of
// report/pipeline_report with its own SVG charts (the funnel, revenue by
// month per currency), and the printed report's PDF when one was made.

#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

nlohmann::json report_context(const SiteData& data, const std::string& page) {
  const PipelineReport& report = data.report;
  using json = nlohmann::json;
  json stages = json::array();
  for (const StageRow& row : report.stages)
    stages.push_back({{"title", row.title},
                      {"count", std::to_string(row.count)},
                      {"value", amounts_cells(row.value)}});
  json conversions = json::array();
  for (const Conversion& c : report.conversions) {
    const std::string percent = conversion_percent_text(c);
    conversions.push_back({{"from", c.from},
                           {"to", c.to},
                           {"entered_from", std::to_string(c.entered_from)},
                           {"entered_both", std::to_string(c.entered_both)},
                           {"percent", percent.empty() ? "—" : percent + " %"}});
  }
  json durations = json::array();
  for (const StageDuration& d : report.durations) {
    const std::string median = median_days_text(d);
    durations.push_back({{"stage", d.stage},
                         {"stays", std::to_string(d.stays)},
                         {"median", median.empty() ? "—" : median}});
  }
  std::map<std::string, json> months_by_currency;
  for (const RevenueMonth& month : report.revenue) {
    json& months = months_by_currency[month.currency];
    if (months.is_null()) months = json::array();
    months.push_back({{"month", month.month},
                      {"invoiced", money_cell(month.invoiced, month.currency)},
                      {"received", money_cell(month.received, month.currency)}});
  }
  json revenue = json::array();
  for (const auto& [currency, chart] : revenue_charts_svg(report))
    revenue.push_back(
        {{"currency", currency}, {"chart_html", chart}, {"months", months_by_currency[currency]}});
  json kpis = json::array();
  for (const KpiRow& row : report.kpis) {
    json actions = json::array();
    for (const std::string& action : row.action_items) actions.push_back({{"text", action}});
    kpis.push_back({{"partner", row.partner},
                    {"href", from_page(page, url_path(partner_page_path(row.slug)))},
                    {"period", row.period},
                    {"metric", row.metric},
                    {"target", row.target},
                    {"actual", row.actual},
                    {"unit", row.unit},
                    {"status", row.status},
                    {"responsible", row.responsible},
                    {"actions", actions}});
  }
  json issues = json::array();
  for (const IssueRow& row : report.issues) {
    std::string escalation;
    if (row.escalation)
      escalation =
          row.escalation->date + " to " + row.escalation->to + ": " + row.escalation->reason;
    issues.push_back({{"partner", row.partner},
                      {"href", from_page(page, url_path(partner_page_path(row.slug)))},
                      {"id", row.id},
                      {"description", row.description},
                      {"severity", row.severity},
                      {"status", row.status},
                      {"reported", row.date_reported},
                      {"responsible", row.responsible},
                      {"escalation", escalation}});
  }
  json renewals = json::array();
  for (const RenewalRow& row : report.renewals)
    renewals.push_back({{"partner", row.partner},
                        {"href", from_page(page, url_path(partner_page_path(row.slug)))},
                        {"agreement", row.agreement},
                        {"notice_deadline", row.notice_deadline.iso()},
                        {"term_end", row.term_end.iso()},
                        {"renewal", row.renewal},
                        {"value", amounts_cells(row.annual_value)}});
  json pdf = json::array();
  if (data.options.document_href)
    if (const std::optional<std::string> href = data.options.document_href("pipeline-report.pdf"))
      pdf.push_back({{"title", "Pipeline report"},
                     {"file", "pipeline-report.pdf"},
                     {"href", from_page(page, *href)},
                     {"linked", true}});
  return {{"page_title", "Pipeline report"},
          {"stages", stages},
          {"funnel_html", funnel_chart_svg(report)},
          {"conversions", conversions},
          {"durations", durations},
          {"revenue", revenue},
          {"kpis", kpis},
          {"has_kpis", !kpis.empty()},
          {"issues", issues},
          {"has_issues", !issues.empty()},
          {"renewal_days", std::to_string(report.renewal_days)},
          {"renewals", renewals},
          {"has_renewals", !renewals.empty()},
          {"pdf", pdf}};
}

}  // namespace partnerops::site
