// The tickler as a page: everything due within the window, grouped by
// kind in the tickler's own order, each item with its partner's page, and
// what is already past its date marked overdue. The same items as
// `partnerops tickler` (report/tickler), and the same as a calendar feed
// (tickler.ics).

#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

nlohmann::json tickler_context(const SiteData& data, const std::string& page) {
  const Date today = data.options.today;
  nlohmann::json groups = nlohmann::json::array();
  std::size_t overdue = 0;
  for (const TicklerKind kind : all_tickler_kinds()) {
    nlohmann::json items = nlohmann::json::array();
    for (const TicklerItem& item : data.tickler) {
      if (item.kind != kind) continue;
      const bool late = item.due < today;
      if (late) ++overdue;
      const PartnerFolder* folder = data.workspace.partner(item.slug);
      const bool has_page = folder != nullptr && folder->partner.has_value();
      items.push_back(
          {{"due", item.due.iso()},
           {"overdue", late},
           {"partner", partner_name(data.workspace, item.slug)},
           {"partner_href",
            has_page ? from_page(page, url_path(partner_page_path(item.slug))) : std::string()},
           {"title", item.title},
           {"detail", item.detail},
           {"file", item.file}});
    }
    if (items.empty()) continue;
    groups.push_back({{"id", std::string(name_of(kind))},
                      {"heading", std::string(heading_of(kind))},
                      {"count", std::to_string(items.size())},
                      {"items", items}});
  }
  return {{"page_title", "Tickler"},
          {"within_days", std::to_string(data.options.tickler_days)},
          {"until", today.plus_days(data.options.tickler_days).iso()},
          {"count", std::to_string(data.tickler.size())},
          {"overdue_count", std::to_string(overdue)},
          {"groups", groups},
          {"calendar_href", from_page(page, "tickler.ics")}};
}

}  // namespace partnerops::site
