#include "report/pipeline_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "model/money.hpp"
#include "util/svg.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

std::string amount_text(std::int64_t minor, const std::string& currency) {
  const std::optional<Currency> found = find_currency(currency);
  return found ? format_plain(minor, *found) : std::to_string(minor);
}

std::string amount_display(std::int64_t minor, const std::string& currency) {
  return amount_text(minor, currency) + " " + currency;
}

std::string scalar_text(const yaml::Node* map, std::string_view key) {
  if (!map) return {};
  const yaml::Node* node = map->find(key);
  return node && node->is_scalar() && !node->is_null() ? std::string(node->text()) : std::string();
}

std::vector<std::string> text_list(const yaml::Node* map, std::string_view key) {
  std::vector<std::string> out;
  if (!map) return out;
  if (const yaml::Node* node = map->find(key); node && node->is_sequence())
    for (const yaml::Node* item : node->items())
      if (item->is_scalar()) out.push_back(std::string(item->text()));
  return out;
}

bool entered(const Partner& partner, std::string_view stage) {
  return std::any_of(partner.history.begin(), partner.history.end(),
                     [&](const HistoryEntry& entry) { return entry.stage.value == stage; });
}

void add_amounts(Amounts& into, const Amounts& more) {
  for (const auto& [currency, minor] : more) into[currency] += minor;
}

std::shared_ptr<const yaml::Document> valid_tree(const WorkspaceFile* file) {
  return file && file->valid ? file->document() : nullptr;
}

}  // namespace

Amounts annualised_value(const Agreement& agreement, const TermSpan& term) {
  Amounts value;
  for (const Fee& fee : agreement.fees) {
    if (!fee.amount) continue;
    int times = 0;
    if (fee.schedule == "monthly")
      times = 12;
    else if (fee.schedule == "quarterly")
      times = 4;
    else if (fee.schedule == "annual")
      times = 1;
    else if (fee.schedule == "one-off")
      times = term.renewals == 0 ? 1 : 0;
    value[fee.amount->value.currency] += fee.amount->value.minor * times;
  }
  return value;
}

Amounts annualised_value(const Agreement& agreement) {
  return annualised_value(agreement, TermSpan{});
}

namespace {

// The report's sections, each computed from the partner folders alone.
using Folders = std::vector<const PartnerFolder*>;

std::vector<StageRow> stage_rows(const Lifecycle& lifecycle, const Folders& folders, Date today) {
  std::vector<StageRow> rows;
  for (const Stage& stage : lifecycle.stages()) {
    StageRow row{stage.id, stage.title, stage.terminal, 0, {}};
    for (const PartnerFolder* folder : folders) {
      if (folder->partner->stage.value != stage.id) continue;
      ++row.count;
      // An agreement counts for the term current today; once a term that
      // does not renew has ended, it is worth nothing more.
      if (folder->agreement)
        if (const std::optional<TermSpan> term = folder->agreement->current_term(today))
          add_amounts(row.value, annualised_value(*folder->agreement, *term));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FunnelStep> funnel_of(const Lifecycle& lifecycle, const Folders& folders) {
  std::vector<FunnelStep> funnel;
  for (const Stage& stage : lifecycle.stages()) {
    if (stage.terminal) continue;
    FunnelStep step{stage.id, stage.title, 0};
    for (const PartnerFolder* folder : folders)
      if (entered(*folder->partner, stage.id)) ++step.entered;
    funnel.push_back(std::move(step));
  }
  return funnel;
}

std::vector<Conversion> conversions_of(const std::vector<FunnelStep>& funnel,
                                       const Folders& folders) {
  std::vector<Conversion> conversions;
  const auto conversion = [&](const FunnelStep& from, const FunnelStep& to) {
    Conversion out{from.stage, to.stage, 0, 0};
    for (const PartnerFolder* folder : folders) {
      if (!entered(*folder->partner, from.stage)) continue;
      ++out.entered_from;
      if (entered(*folder->partner, to.stage)) ++out.entered_both;
    }
    return out;
  };
  for (std::size_t i = 1; i < funnel.size(); ++i)
    conversions.push_back(conversion(funnel[i - 1], funnel[i]));
  if (funnel.size() > 2) conversions.push_back(conversion(funnel.front(), funnel.back()));
  return conversions;
}

std::vector<StageDuration> durations_of(const Lifecycle& lifecycle, const Folders& folders) {
  std::vector<StageDuration> durations;
  std::map<std::string, std::vector<int>> stays;
  for (const PartnerFolder* folder : folders) {
    const std::vector<HistoryEntry>& history = folder->partner->history;
    for (std::size_t i = 0; i + 1 < history.size(); ++i) {
      if (!history[i].date || !history[i + 1].date) continue;
      stays[history[i].stage.value].push_back(
          history[i + 1].date->value.days_since(history[i].date->value));
    }
  }
  for (const Stage& stage : lifecycle.stages()) {
    StageDuration duration{stage.id, 0, std::nullopt};
    std::vector<int>& days = stays[stage.id];
    std::sort(days.begin(), days.end());
    duration.stays = days.size();
    if (!days.empty()) {
      const std::size_t middle = days.size() / 2;
      duration.median_half_days =
          days.size() % 2 ? 2 * days[middle] : days[middle - 1] + days[middle];
    }
    durations.push_back(std::move(duration));
  }
  return durations;
}

/// The KPIs and the open issues each partner's kpis.yaml and issues.yaml list.
void add_kpis_and_issues(const Folders& folders, PipelineReport& report) {
  for (const PartnerFolder* folder : folders) {
    const std::string& name = folder->partner->name;
    if (const std::shared_ptr<const yaml::Document> tree = valid_tree(folder->kpis_file)) {
      const yaml::Node* root = &tree->root();
      const std::string period = scalar_text(root, "period");
      if (const yaml::Node* kpis = root->find("kpis"); kpis && kpis->is_sequence()) {
        for (const yaml::Node* item : kpis->items()) {
          report.kpis.push_back(KpiRow{folder->slug, name, period, scalar_text(item, "metric"),
                                       scalar_text(item, "target"), scalar_text(item, "actual"),
                                       scalar_text(item, "unit"), scalar_text(item, "responsible"),
                                       text_list(item, "action_items"),
                                       scalar_text(item, "status")});
        }
      }
    }
    if (const std::shared_ptr<const yaml::Document> tree = valid_tree(folder->issues_file)) {
      if (const yaml::Node* issues = tree->root().find("issues"); issues && issues->is_sequence()) {
        for (const yaml::Node* item : issues->items()) {
          if (scalar_text(item, "status") == "resolved") continue;
          IssueRow row{folder->slug,
                       name,
                       scalar_text(item, "id"),
                       scalar_text(item, "description"),
                       scalar_text(item, "category"),
                       scalar_text(item, "severity"),
                       scalar_text(item, "status"),
                       scalar_text(item, "date_reported"),
                       scalar_text(item, "responsible"),
                       std::nullopt};
          if (const yaml::Node* escalation = item->find("escalation");
              escalation && escalation->is_mapping()) {
            row.escalation =
                Escalation{scalar_text(escalation, "date"), scalar_text(escalation, "to"),
                           scalar_text(escalation, "reason")};
          }
          report.issues.push_back(std::move(row));
        }
      }
    }
  }
}

/// Executed agreements whose notice deadline falls before `report.today`
/// plus the report's renewal window, soonest first.
void add_renewals(const Lifecycle& lifecycle, const Folders& folders, PipelineReport& report) {
  const Date today = report.today;
  const Date until = today.plus_days(report.renewal_days);
  for (const PartnerFolder* folder : folders) {
    const Stage* stage = lifecycle.stage(folder->partner->stage.value);
    if (!stage || stage->terminal || !folder->agreement) continue;
    const Agreement& agreement = *folder->agreement;
    // The term current today: an automatic renewal rolls on at each end.
    const std::optional<TermSpan> term = agreement.current_term(today);
    if (agreement.status.value != "executed" || !term || term->notice_deadline > until) continue;
    report.renewals.push_back(RenewalRow{folder->slug, folder->partner->name, agreement.title,
                                         term->end, term->notice_deadline, agreement.term.renewal,
                                         annualised_value(agreement, *term)});
  }
  std::sort(report.renewals.begin(), report.renewals.end(),
            [](const RenewalRow& a, const RenewalRow& b) {
              return std::tie(a.notice_deadline, a.slug) < std::tie(b.notice_deadline, b.slug);
            });
}

}  // namespace

namespace {

DeploymentsSection deployments_section(const deployments::Findings& findings,
                                       const std::string& inventory) {
  DeploymentsSection section;
  section.inventory = inventory;
  section.deployments = findings.deployments;
  section.covered = findings.covered;
  section.internal = findings.internal;
  for (const deployments::Finding& finding : findings.items) {
    switch (finding.kind) {
      case deployments::FindingKind::uncovered:
        ++section.uncovered;
        break;
      case deployments::FindingKind::after_end:
        ++section.after_end;
        break;
      case deployments::FindingKind::missing:
        ++section.missing;
        break;
      case deployments::FindingKind::payer_mismatch:
        ++section.payer_mismatch;
        break;
      case deployments::FindingKind::unknown:
        ++section.unknown;
        break;
    }
    const bool running_unpaid = finding.kind == deployments::FindingKind::uncovered ||
                                finding.kind == deployments::FindingKind::after_end;
    if (running_unpaid && finding.monthly_exposure)
      section.monthly_exposure[finding.monthly_exposure->currency] +=
          finding.monthly_exposure->minor;
  }
  return section;
}

}  // namespace

PipelineReport build_pipeline_report(const Workspace& workspace, Date today,
                                     const deployments::Findings* deployments,
                                     const std::string& inventory) {
  PipelineReport report;
  report.today = today;
  report.renewal_days = k_report_renewal_days;
  if (workspace.organisation()) report.organisation = workspace.organisation()->name;
  const std::optional<Lifecycle>& lifecycle = workspace.lifecycle();
  if (!lifecycle) return report;

  Folders folders;
  for (const PartnerFolder& folder : workspace.partners())
    if (folder.partner) folders.push_back(&folder);

  report.stages = stage_rows(*lifecycle, folders, today);
  report.funnel = funnel_of(*lifecycle, folders);
  report.conversions = conversions_of(report.funnel, folders);
  report.durations = durations_of(*lifecycle, folders);
  report.revenue = revenue_by_month(folders);
  add_kpis_and_issues(folders, report);
  add_renewals(*lifecycle, folders, report);
  if (deployments) report.deployments = deployments_section(*deployments, inventory);
  return report;
}

// ---- JSON ----------------------------------------------------------------

namespace {

nlohmann::ordered_json amounts_json(const Amounts& amounts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [currency, minor] : amounts)
    out.push_back(
        {{"currency", currency}, {"amount", amount_text(minor, currency)}, {"minor", minor}});
  return out;
}

/// A rate as a percentage with one decimal, rounded half up; null when
/// nobody entered the first stage.
nlohmann::ordered_json percent_json(std::size_t part, std::size_t whole) {
  if (whole == 0) return nullptr;
  const std::size_t tenths = (part * 2000 + whole) / (2 * whole);
  std::string text = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
  return text;
}

nlohmann::ordered_json half_days_json(const std::optional<int>& half_days) {
  if (!half_days) return nullptr;
  if (*half_days % 2 == 0) return *half_days / 2;
  return *half_days / 2.0;
}

}  // namespace

std::string report_json(const PipelineReport& report) {
  nlohmann::ordered_json out;
  out["today"] = report.today.iso();
  out["organisation"] = report.organisation;
  nlohmann::ordered_json& stages = out["stages"] = nlohmann::ordered_json::array();
  for (const StageRow& row : report.stages) {
    stages.push_back({{"stage", row.stage},
                      {"title", row.title},
                      {"terminal", row.terminal},
                      {"count", row.count},
                      {"annual_value", amounts_json(row.value)}});
  }
  nlohmann::ordered_json& funnel = out["funnel"] = nlohmann::ordered_json::array();
  for (const FunnelStep& step : report.funnel)
    funnel.push_back({{"stage", step.stage}, {"title", step.title}, {"entered", step.entered}});
  nlohmann::ordered_json& conversions = out["conversions"] = nlohmann::ordered_json::array();
  for (const Conversion& c : report.conversions) {
    conversions.push_back({{"from", c.from},
                           {"to", c.to},
                           {"entered_from", c.entered_from},
                           {"entered_both", c.entered_both},
                           {"percent", percent_json(c.entered_both, c.entered_from)}});
  }
  nlohmann::ordered_json& durations = out["median_days_in_stage"] = nlohmann::ordered_json::array();
  for (const StageDuration& d : report.durations) {
    durations.push_back({{"stage", d.stage},
                         {"completed_stays", d.stays},
                         {"median_days", half_days_json(d.median_half_days)}});
  }
  nlohmann::ordered_json& revenue = out["revenue_by_month"] = nlohmann::ordered_json::array();
  for (const RevenueMonth& month : report.revenue) {
    revenue.push_back(
        {{"month", month.month},
         {"currency", month.currency},
         {"invoiced",
          {{"amount", amount_text(month.invoiced, month.currency)}, {"minor", month.invoiced}}},
         {"received",
          {{"amount", amount_text(month.received, month.currency)}, {"minor", month.received}}}});
  }
  nlohmann::ordered_json& kpis = out["kpis"] = nlohmann::ordered_json::array();
  for (const KpiRow& row : report.kpis) {
    kpis.push_back({{"partner", row.slug},
                    {"name", row.partner},
                    {"period", row.period},
                    {"metric", row.metric},
                    {"target", row.target},
                    {"actual", row.actual},
                    {"unit", row.unit},
                    {"responsible", row.responsible},
                    {"action_items", row.action_items},
                    {"status", row.status}});
  }
  nlohmann::ordered_json& issues = out["open_issues"] = nlohmann::ordered_json::array();
  for (const IssueRow& row : report.issues) {
    nlohmann::ordered_json issue = {{"partner", row.slug},
                                    {"name", row.partner},
                                    {"id", row.id},
                                    {"description", row.description},
                                    {"category", row.category},
                                    {"severity", row.severity},
                                    {"status", row.status},
                                    {"date_reported", row.date_reported},
                                    {"responsible", row.responsible}};
    issue["escalation"] = row.escalation
                              ? nlohmann::ordered_json{{"date", row.escalation->date},
                                                       {"to", row.escalation->to},
                                                       {"reason", row.escalation->reason}}
                              : nlohmann::ordered_json(nullptr);
    issues.push_back(std::move(issue));
  }
  out["renewal_days"] = report.renewal_days;
  nlohmann::ordered_json& renewals = out["renewals"] = nlohmann::ordered_json::array();
  for (const RenewalRow& row : report.renewals) {
    renewals.push_back({{"partner", row.slug},
                        {"name", row.partner},
                        {"agreement", row.agreement},
                        {"term_end", row.term_end.iso()},
                        {"notice_deadline", row.notice_deadline.iso()},
                        {"renewal", row.renewal},
                        {"annual_value", amounts_json(row.annual_value)}});
  }
  if (const std::optional<DeploymentsSection>& d = report.deployments) {
    out["deployments"] = {
        {"inventory", d->inventory}, {"deployments", d->deployments},
        {"covered", d->covered},     {"internal", d->internal},
        {"uncovered", d->uncovered}, {"after_end", d->after_end},
        {"missing", d->missing},     {"payer_mismatch", d->payer_mismatch},
        {"unknown", d->unknown},     {"monthly_exposure", amounts_json(d->monthly_exposure)}};
  }
  return out.dump(2) + "\n";
}

// ---- HTML ----------------------------------------------------------------

namespace {

constexpr const char* k_style = R"(
@page { size: A4; margin: 15mm; }
body { font-family: "Inter", "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #222;
       width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; color: #1f4e79; }
h2 { font-size: 12pt; margin: 7mm 0 2mm 0; padding-bottom: 1mm; border-bottom: 0.5pt solid #999;
     color: #1f4e79; page-break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm 0; }
table { border-collapse: collapse; width: 180mm; margin: 0 0 3mm 0; }
tr, th, td { page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #ccc; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.date { white-space: nowrap; }
table.fixed { table-layout: fixed; }
table.fixed td { word-wrap: break-word; }
table.fixed td.num { white-space: normal; }
.none { color: #777; font-style: italic; }
ul { margin: 0; padding-left: 4mm; }
svg { display: block; margin: 2mm 0 4mm 0; }
.chart { page-break-inside: avoid; }
.chart-title { font-weight: 600; margin: 2mm 0 0 0; }
)";

std::string amounts_html(const Amounts& amounts) {
  if (amounts.empty()) return "—";
  std::string out;
  for (const auto& [currency, minor] : amounts) {
    if (!out.empty()) out += "<br>";
    out += util::escape_html(amount_display(minor, currency));
  }
  return out;
}

std::string number(double value) { return util::svg_number(value); }

/// Horizontal bars centred on one axis, widest first: the funnel of how
/// many partners ever entered each stage.
std::string funnel_svg(const std::vector<FunnelStep>& funnel) {
  const double width = 600, row = 34, bar = 26;
  const double height = row * static_cast<double>(funnel.size()) + 4;
  std::size_t most = 1;
  for (const FunnelStep& step : funnel) most = std::max(most, step.entered);
  std::ostringstream svg;
  svg << util::svg_open(width, height, "Funnel: partners that entered each stage");
  for (std::size_t i = 0; i < funnel.size(); ++i) {
    const double w =
        std::max(2.0, 420.0 * static_cast<double>(funnel[i].entered) / static_cast<double>(most));
    const double x = 120 + (420 - w) / 2, y = 2 + row * static_cast<double>(i);
    svg << "  <rect x=\"" << number(x) << "\" y=\"" << number(y) << "\" width=\"" << number(w)
        << "\" height=\"" << bar << "\" fill=\"#1f4e79\" opacity=\""
        << number(1.0 - 0.2 * static_cast<double>(i % 4)) << "\"/>\n"
        << "  <text x=\"112\" y=\"" << number(y + 17) << "\" text-anchor=\"end\" font-size=\"13\">"
        << util::escape_html(funnel[i].title) << "</text>\n"
        << "  <text x=\"548\" y=\"" << number(y + 17) << "\" font-size=\"13\">" << funnel[i].entered
        << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

std::string next_month(const std::string& month) {
  int year = std::stoi(month.substr(0, 4));
  int m = std::stoi(month.substr(5, 2)) + 1;
  if (m == 13) {
    m = 1;
    ++year;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d", year, m);
  return text;
}

/// One month of one currency in the revenue chart and table.
struct MonthFigures {
  std::int64_t invoiced = 0;
  std::int64_t received = 0;
};

/// Two vertical bars per month, invoiced (accrual) beside received (cash),
/// from the first month with either to the last (months with neither show
/// as gaps), for one currency. A month whose credit notes exceed what was
/// issued has no invoiced bar; the table below the chart gives its figure.
std::string revenue_svg(const std::string& currency,
                        const std::map<std::string, MonthFigures>& months) {
  std::vector<std::pair<std::string, MonthFigures>> series;
  for (std::string month = months.begin()->first;; month = next_month(month)) {
    const auto found = months.find(month);
    series.emplace_back(month, found == months.end() ? MonthFigures{} : found->second);
    if (month >= months.rbegin()->first || series.size() > 240) break;
  }
  std::int64_t most = 1;
  for (const auto& [month, figures] : series)
    most = std::max({most, figures.invoiced, figures.received});
  const double width = 600, height = 240, left = 10, top = 40, plot = 160;
  const double slot = (width - 2 * left) / static_cast<double>(series.size());
  constexpr const char* k_invoiced_fill = "#1f4e79";
  constexpr const char* k_received_fill = "#e07a1f";
  std::ostringstream svg;
  svg << util::svg_open(width, height, "Invoiced and received by month in " + currency)
      << "  <rect x=\"" << left << "\" y=\"4\" width=\"10\" height=\"10\" fill=\""
      << k_invoiced_fill << "\"/>\n"
      << "  <text x=\"" << left + 14 << "\" y=\"13\" font-size=\"11\">Invoiced (accrual)</text>\n"
      << "  <rect x=\"" << left + 150 << "\" y=\"4\" width=\"10\" height=\"10\" fill=\""
      << k_received_fill << "\"/>\n"
      << "  <text x=\"" << left + 164 << "\" y=\"13\" font-size=\"11\">Received (cash)</text>\n"
      << "  <line x1=\"" << left << "\" y1=\"" << top + plot << "\" x2=\"" << width - left
      << "\" y2=\"" << top + plot << "\" stroke=\"#999\" stroke-width=\"1\"/>\n";
  const int font = series.size() > 18 ? 8 : 11;
  const auto bar = [&](double x, std::int64_t minor, const char* fill) {
    if (minor <= 0) return;
    const double h = plot * static_cast<double>(minor) / static_cast<double>(most);
    svg << "  <rect x=\"" << number(x) << "\" y=\"" << number(top + plot - h) << "\" width=\""
        << number(slot * 0.35) << "\" height=\"" << number(h) << "\" fill=\"" << fill << "\"/>\n";
  };
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& [month, figures] = series[i];
    const double x = left + slot * static_cast<double>(i);
    bar(x + slot * 0.15, figures.invoiced, k_invoiced_fill);
    bar(x + slot * 0.5, figures.received, k_received_fill);
    svg << "  <text x=\"" << number(x + slot / 2) << "\" y=\"" << number(top + plot + 16)
        << "\" text-anchor=\"middle\" font-size=\"" << font << "\">" << util::escape_html(month)
        << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

/// The revenue of the report by currency, then month.
std::map<std::string, std::map<std::string, MonthFigures>> revenue_by_currency(
    const PipelineReport& report) {
  std::map<std::string, std::map<std::string, MonthFigures>> by_currency;
  for (const RevenueMonth& month : report.revenue) {
    MonthFigures& figures = by_currency[month.currency][month.month];
    figures.invoiced += month.invoiced;
    figures.received += month.received;
  }
  return by_currency;
}

}  // namespace

std::string report_html(const PipelineReport& report) {
  std::ostringstream html;
  const std::string title =
      "Pipeline report" +
      (report.organisation.empty() ? std::string() : " — " + report.organisation);
  html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
       << util::escape_html(title) << " — " << report.today.iso() << "</title>\n<style>" << k_style
       << "</style>\n</head>\n<body>\n<h1>" << util::escape_html(title)
       << "</h1>\n<p class=\"meta\">As of " << report.today.iso()
       << ". Money is summed per currency and never converted.</p>\n";

  html << "<h2>Pipeline by stage</h2>\n<table>\n<tr><th>Stage</th><th class=\"num\">Partners</th>"
          "<th class=\"num\">Annualised agreement value</th></tr>\n";
  for (const StageRow& row : report.stages) {
    html << "<tr><td>" << util::escape_html(row.title) << "</td><td class=\"num\">" << row.count
         << "</td><td class=\"num\">" << amounts_html(row.value) << "</td></tr>\n";
  }
  html << "</table>\n";

  html << "<h2>Funnel and conversion</h2>\n<div class=\"chart\"><p class=\"chart-title\">"
          "Partners that ever entered each stage</p>\n"
       << funnel_svg(report.funnel)
       << "</div>\n<table>\n<tr><th>From</th><th>To</th><th class=\"num\">Entered from</th>"
          "<th class=\"num\">Also entered to</th><th class=\"num\">Rate</th></tr>\n";
  for (const Conversion& c : report.conversions) {
    const nlohmann::ordered_json percent = percent_json(c.entered_both, c.entered_from);
    html << "<tr><td>" << util::escape_html(c.from) << "</td><td>" << util::escape_html(c.to)
         << "</td><td class=\"num\">" << c.entered_from << "</td><td class=\"num\">"
         << c.entered_both << "</td><td class=\"num\">"
         << (percent.is_null() ? std::string("—") : percent.get<std::string>() + " %")
         << "</td></tr>\n";
  }
  html << "</table>\n";

  html << "<h2>Median days in each stage</h2>\n<table>\n<tr><th>Stage</th>"
          "<th class=\"num\">Completed stays</th><th class=\"num\">Median days</th></tr>\n";
  for (const StageDuration& d : report.durations) {
    const nlohmann::ordered_json median = half_days_json(d.median_half_days);
    html << "<tr><td>" << util::escape_html(d.stage) << "</td><td class=\"num\">" << d.stays
         << "</td><td class=\"num\">" << (median.is_null() ? std::string("—") : median.dump())
         << "</td></tr>\n";
  }
  html << "</table>\n";

  html << "<h2>Revenue by month</h2>\n"
          "<p class=\"meta\">Invoiced (accrual): invoices issued in the month, less credit "
          "notes dated in it. Received (cash): every payment in the month it arrived, partial "
          "payments included.</p>\n";
  const auto by_currency = revenue_by_currency(report);
  if (by_currency.empty())
    html << "<p class=\"none\">No invoice issued and no payment received.</p>\n";
  for (const auto& [currency, months] : by_currency) {
    // Title and chart on one page: the printer may not split them.
    html << "<div class=\"chart\"><p class=\"chart-title\">Invoiced and received, "
         << util::escape_html(currency) << "</p>\n"
         << revenue_svg(currency, months) << "</div>\n"
         << "<table>\n<tr><th>Month</th><th class=\"num\">Invoiced (accrual)</th>"
            "<th class=\"num\">Received (cash)</th></tr>\n";
    for (const auto& [month, figures] : months)
      html << "<tr><td class=\"date\">" << util::escape_html(month) << "</td><td class=\"num\">"
           << util::escape_html(amount_display(figures.invoiced, currency))
           << "</td><td class=\"num\">"
           << util::escape_html(amount_display(figures.received, currency)) << "</td></tr>\n";
    html << "</table>\n";
  }

  html << "<h2>KPIs: targets and actuals</h2>\n";
  if (report.kpis.empty())
    html << "<p class=\"none\">No KPIs recorded.</p>\n";
  else {
    html << "<table class=\"fixed\">\n<colgroup><col style=\"width: 27mm\"><col style=\"width: "
            "33mm\">"
            "<col style=\"width: 22mm\"><col style=\"width: 22mm\"><col style=\"width: 17mm\">"
            "<col style=\"width: 27mm\"><col style=\"width: 32mm\"></colgroup>\n"
            "<tr><th>Partner</th><th>Metric</th><th class=\"num\">Target</th>"
            "<th class=\"num\">Actual</th><th>Status</th><th>Responsible</th><th>Action "
            "items</th></tr>\n";
    for (const KpiRow& row : report.kpis) {
      const std::string unit =
          row.unit.empty() ? "" : "<br><small>" + util::escape_html(row.unit) + "</small>";
      html << "<tr><td>" << util::escape_html(row.partner) << "<br><small>"
           << util::escape_html(row.period) << "</small></td><td>" << util::escape_html(row.metric)
           << "</td><td class=\"num\">" << util::escape_html(row.target) << unit
           << "</td><td class=\"num\">" << util::escape_html(row.actual) << unit
           << "</td><td class=\"date\">" << util::escape_html(row.status) << "</td><td>"
           << util::escape_html(row.responsible) << "</td><td>";
      if (!row.action_items.empty()) {
        html << "<ul>";
        for (const std::string& item : row.action_items)
          html << "<li>" << util::escape_html(item) << "</li>";
        html << "</ul>";
      }
      html << "</td></tr>\n";
    }
    html << "</table>\n";
  }

  html << "<h2>Open issues</h2>\n";
  if (report.issues.empty())
    html << "<p class=\"none\">No open issues.</p>\n";
  else {
    html << "<table class=\"fixed\">\n<colgroup><col style=\"width: 28mm\"><col style=\"width: "
            "52mm\">"
            "<col style=\"width: 18mm\"><col style=\"width: 20mm\"><col style=\"width: 28mm\">"
            "<col style=\"width: 34mm\"></colgroup>\n"
            "<tr><th>Partner</th><th>Issue</th><th>Status</th><th>Reported</th>"
            "<th>Responsible</th><th>Escalation</th></tr>\n";
    for (const IssueRow& row : report.issues) {
      html << "<tr><td>" << util::escape_html(row.partner) << "</td><td>"
           << util::escape_html(row.id) << ": " << util::escape_html(row.description)
           << (row.severity.empty() ? ""
                                    : " <small>(" + util::escape_html(row.severity) + ")</small>")
           << "</td><td>" << util::escape_html(row.status) << "</td><td class=\"date\">"
           << util::escape_html(row.date_reported) << "</td><td>"
           << util::escape_html(row.responsible) << "</td><td>";
      if (row.escalation) {
        html << util::escape_html(row.escalation->date) << " to "
             << util::escape_html(row.escalation->to) << ": "
             << util::escape_html(row.escalation->reason);
      }
      html << "</td></tr>\n";
    }
    html << "</table>\n";
  }

  html << "<h2>Renewals in the next " << report.renewal_days << " days</h2>\n";
  if (report.renewals.empty())
    html << "<p class=\"none\">No notice deadline in that time.</p>\n";
  else {
    html << "<table>\n<tr><th>Partner</th><th>Agreement</th><th>Notice deadline</th>"
            "<th>Term ends</th><th>Renewal</th><th class=\"num\">Annual value</th></tr>\n";
    for (const RenewalRow& row : report.renewals) {
      html << "<tr><td>" << util::escape_html(row.partner) << "</td><td>"
           << util::escape_html(row.agreement) << "</td><td class=\"date\">"
           << row.notice_deadline.iso() << "</td><td class=\"date\">" << row.term_end.iso()
           << "</td><td>" << util::escape_html(row.renewal) << "</td><td class=\"num\">"
           << amounts_html(row.annual_value) << "</td></tr>\n";
    }
    html << "</table>\n";
  }
  if (const std::optional<DeploymentsSection>& d = report.deployments) {
    html << "<h2>Deployments</h2>\n<p>" << d->deployments << " running in "
         << util::escape_html(d->inventory) << ": " << d->covered << " covered by an agreement, "
         << d->internal << " internal.</p>\n"
         << "<table>\n<tr><th>Finding</th><th class=\"num\">Count</th></tr>\n";
    const std::pair<const char*, std::size_t> rows[] = {
        {"Running after the agreement ended", d->after_end},
        {"Running with no agreement", d->uncovered},
        {"Agreed but not running", d->missing},
        {"Who pays the cloud disagrees", d->payer_mismatch},
        {"Named in an agreement, unknown to the inventory", d->unknown}};
    for (const auto& [label, count] : rows)
      html << "<tr><td>" << label << "</td><td class=\"num\">" << count << "</td></tr>\n";
    html << "<tr><td>Cloud costs we pay for them, a month</td><td class=\"num\">"
         << (d->monthly_exposure.empty() ? std::string("not known")
                                         : amounts_html(d->monthly_exposure))
         << "</td></tr>\n</table>\n";
  }
  html << "</body>\n</html>\n";
  return html.str();
}

std::string funnel_chart_svg(const PipelineReport& report) { return funnel_svg(report.funnel); }

std::map<std::string, std::string> revenue_charts_svg(const PipelineReport& report) {
  std::map<std::string, std::string> charts;
  for (const auto& [currency, months] : revenue_by_currency(report))
    charts.emplace(currency, revenue_svg(currency, months));
  return charts;
}

std::string conversion_percent_text(const Conversion& conversion) {
  const nlohmann::ordered_json percent =
      percent_json(conversion.entered_both, conversion.entered_from);
  return percent.is_null() ? std::string() : percent.get<std::string>();
}

std::string median_days_text(const StageDuration& duration) {
  const nlohmann::ordered_json median = half_days_json(duration.median_half_days);
  return median.is_null() ? std::string() : median.dump();
}

}  // namespace partnerops
