#include "site/pages.hpp"

#include "documents/document_kind.hpp"
#include "site/values.hpp"

namespace partnerops::site {

nlohmann::json document_entry(const SiteData& data, const std::string& page,
                              const DocumentJob& job) {
  std::string title(title_of(job.kind));
  if (!job.number.empty())
    title += " " + job.number;
  else if (!job.id.empty())
    title += " " + job.id;
  std::optional<std::string> href;
  if (data.options.document_href) href = data.options.document_href(job.output);
  const std::string file = job.output.substr(job.output.rfind('/') + 1);
  return {{"title", title},
          {"file", file},
          {"href", href ? from_page(page, *href) : std::string()},
          {"linked", href.has_value()}};
}

std::string partner_name(const Workspace& workspace, std::string_view slug) {
  const PartnerFolder* folder = workspace.partner(slug);
  if (folder && folder->partner && !folder->partner->name.empty()) return folder->partner->name;
  return std::string(slug);
}

}  // namespace partnerops::site
