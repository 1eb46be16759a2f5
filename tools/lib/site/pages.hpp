#pragma once
// The contexts of the site's pages (internal to site/): what each page's
// template sees, as JSON, made from the workspace and the parts every page
// shares (computed once by SiteGenerator). Like the documents' contexts,
// every value is already formatted and every Markdown field has its `_html`
// twin; templates only place values.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "documents/plan.hpp"
#include "model/statement.hpp"
#include "report/pipeline_report.hpp"
#include "report/tickler.hpp"
#include "site/site.hpp"

namespace partnerops::site {

/// What several pages share, computed once per generator.
struct SiteData {
  const Workspace& workspace;
  const SiteOptions& options;
  const PipelineReport& report;
  const std::vector<TicklerItem>& tickler;
  /// The statements of the partners that have one, by slug.
  const std::map<std::string, Statement, std::less<>>& statements;
  /// The documents each partner's stage calls for, by slug ("" for the
  /// organisation's own).
  const std::map<std::string, std::vector<DocumentJob>, std::less<>>& documents;
  /// Each partner's timeline entries, by slug, oldest first.
  const std::map<std::string, std::vector<const transitions::TimelineEntry*>, std::less<>>&
      timeline;
};

/// A planned document as pages list it: {title, file, href, linked}, the
/// href as seen from `page` (empty when it is not linked).
nlohmann::json document_entry(const SiteData& data, const std::string& page,
                              const DocumentJob& job);

/// The partner's name as pages show it (its slug when partner.yaml did not load).
std::string partner_name(const Workspace& workspace, std::string_view slug);

nlohmann::json index_context(const SiteData& data, const std::string& page);
nlohmann::json partner_context(const SiteData& data, const std::string& page,
                               const PartnerFolder& folder);
nlohmann::json tickler_context(const SiteData& data, const std::string& page);
nlohmann::json report_context(const SiteData& data, const std::string& page);
nlohmann::json statements_context(const SiteData& data, const std::string& page);

}  // namespace partnerops::site
