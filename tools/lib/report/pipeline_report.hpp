#pragma once
// The pipeline and KPI report for leadership, computed from the same files
// as everything else: how many partners are in each stage and what their
// agreements are worth, how many move on from stage to stage, how long
// they stay, what was invoiced and received each month, the KPIs against their targets, the
// open issues and the renewals coming up. Money is summed per currency and
// never converted, so no figure mixes currencies.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "deployments/check.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "report/revenue.hpp"

namespace partnerops {

/// Amounts in minor units by ISO 4217 code.
using Amounts = std::map<std::string, std::int64_t>;

struct StageRow {
  std::string stage;
  std::string title;
  bool terminal = false;
  std::size_t count = 0;  ///< partners currently in the stage
  Amounts value;          ///< their agreements' annualised fees, over the term current today
};

/// Partners that ever entered `stage` (a stage of their history), for the funnel.
struct FunnelStep {
  std::string stage;
  std::string title;
  std::size_t entered = 0;
};

/// Of the partners that ever entered `from`, how many also entered `to`.
struct Conversion {
  std::string from;
  std::string to;
  std::size_t entered_from = 0;
  std::size_t entered_both = 0;
};

/// Days spent in a stage, over completed stays (from entering it to
/// entering the next stage); a stay still running is not counted.
struct StageDuration {
  std::string stage;
  std::size_t stays = 0;
  std::optional<int> median_half_days;  ///< median × 2, exact for even counts
};

struct KpiRow {
  std::string slug;
  std::string partner;
  std::string period;
  std::string metric;
  std::string target;  ///< as written: a number, or money with its code
  std::string actual;
  std::string unit;
  std::string responsible;
  std::vector<std::string> action_items;
  std::string status;  ///< on-track, at-risk, off-track or empty
};

struct Escalation {
  std::string date;
  std::string to;
  std::string reason;
};

struct IssueRow {
  std::string slug;
  std::string partner;
  std::string id;
  std::string description;
  std::string category;
  std::string severity;
  std::string status;
  std::string date_reported;
  std::string responsible;
  std::optional<Escalation> escalation;
};

/// The term current today (rolled, for an automatic renewal) of an executed
/// agreement whose notice deadline is near.
struct RenewalRow {
  std::string slug;
  std::string partner;
  std::string agreement;  ///< the agreement's title
  Date term_end;
  Date notice_deadline;
  std::string renewal;  ///< auto, manual or none
  Amounts annual_value;
};

/// What runs against what was agreed (the deployments check of the same
/// day), when partnerops.yaml names an inventory.
struct DeploymentsSection {
  std::string inventory;  ///< which inventory, as the check describes it
  std::size_t deployments = 0;
  std::size_t covered = 0;
  std::size_t internal = 0;
  std::size_t uncovered = 0;  ///< running with no executed agreement
  std::size_t after_end = 0;  ///< running after their agreement ended
  std::size_t missing = 0;    ///< agreed and in force, not running
  std::size_t payer_mismatch = 0;
  std::size_t unknown = 0;
  /// What the uncovered and ended deployments we pay for cost us a month,
  /// where the inventory (or deployments.monthly_cost) says.
  Amounts monthly_exposure;
};

struct PipelineReport {
  Date today;
  int renewal_days = 90;
  std::string organisation;
  std::vector<StageRow> stages;    ///< every lifecycle stage, in lifecycle order
  std::vector<FunnelStep> funnel;  ///< the non-terminal stages, in order
  std::vector<Conversion> conversions;
  std::vector<StageDuration> durations;
  std::vector<RevenueMonth>
      revenue;  ///< invoiced and received, by month, then currency (report/revenue)
  std::vector<KpiRow> kpis;
  std::vector<IssueRow> issues;  ///< not resolved
  std::vector<RenewalRow> renewals;
  std::optional<DeploymentsSection> deployments;  ///< when the check ran
};

/// Days ahead that the renewals section looks.
inline constexpr int k_report_renewal_days = 90;

/// The annualised fee value of an agreement in its currency: monthly fees
/// × 12, quarterly × 4, annual × 1, one-off fees once.
Amounts annualised_value(const Agreement& agreement);
/// The same over `term`: a renewal (term.renewals > 0) leaves out the
/// one-off fees, which bill once, in the written term.
Amounts annualised_value(const Agreement& agreement, const TermSpan& term);

/// Builds the report. Partners whose partner.yaml did not load are left out;
/// kpis.yaml and issues.yaml count only when they passed their schema.
/// With `deployments` (the check's findings on `today` against the
/// inventory `inventory`), the report has a deployments section.
PipelineReport build_pipeline_report(const Workspace& workspace, Date today,
                                     const deployments::Findings* deployments = nullptr,
                                     const std::string& inventory = {});

/// The whole report as JSON; money as exact decimal text with its currency.
std::string report_json(const PipelineReport& report);

/// A self-contained HTML page (inline CSS, inline SVG charts, no script),
/// sized in millimetres and points so that it prints as it shows.
std::string report_html(const PipelineReport& report);

/// The report's charts as report_html draws them, for pages that place
/// them themselves (the site): the funnel, and the revenue chart of each
/// currency by code. Inline SVG whose every text is escaped.
std::string funnel_chart_svg(const PipelineReport& report);
std::map<std::string, std::string> revenue_charts_svg(const PipelineReport& report);

/// A conversion's rate as the JSON report writes it ("66.7"), or empty
/// when nobody entered its first stage.
std::string conversion_percent_text(const Conversion& conversion);
/// A stage's median days as the JSON report writes it ("12", "12.5"), or
/// empty without a completed stay.
std::string median_days_text(const StageDuration& duration);

}  // namespace partnerops
