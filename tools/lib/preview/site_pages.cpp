#include "preview/site_pages.hpp"

#include <memory>
#include <sstream>

#include "diag/format.hpp"
#include "site/site.hpp"

namespace partnerops::preview {

namespace {

std::string content_type_of(std::string_view path) {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".ics")) return "text/calendar; charset=utf-8";
  return "text/html; charset=utf-8";
}

class SitePages final : public PageSource {
 public:
  explicit SitePages(std::shared_ptr<const Snapshot> snapshot) : m_snapshot(std::move(snapshot)) {
    m_templates = site::load_site_templates(*m_snapshot->source, m_template_problems);
    if (!m_templates.found || !m_snapshot->workspace.organisation()) return;
    site::SiteOptions options;
    options.today = m_snapshot->today;
    options.document_href = [](const std::string& output) -> std::optional<std::string> {
      // The pipeline report's PDF is not a document the preview prints.
      if (output == "pipeline-report.pdf") return std::nullopt;
      return "/documents/" + output;
    };
    options.timeline_note = "The preview shows no timeline; `partnerops site` reads it from git.";
    options.made_from = "the working tree, as saved";
    m_generator = std::make_unique<site::SiteGenerator>(m_snapshot->workspace, m_templates,
                                                        std::move(options));
  }

  std::optional<Page> page(std::string_view path) const override {
    if (!m_generator) return std::nullopt;
    std::string relative(path.substr(1));
    if (relative.empty() || relative.ends_with('/')) relative += "index.html";
    if (!m_generator->has_page(relative)) return std::nullopt;
    Diagnostics problems;
    std::optional<site::Page> rendered = m_generator->render_page(relative, problems);
    Page page;
    page.content_type = content_type_of(relative);
    if (!rendered) {
      page.status = 500;
      page.content_type = "text/plain; charset=utf-8";
      // The template's problems, as `partnerops site` prints them.
      std::ostringstream text;
      print_diagnostics(text, problems, DiagnosticFormat::text, Colour::off);
      page.body = text.str();
      return page;
    }
    page.body = std::move(rendered->bytes);
    return page;
  }

 private:
  std::shared_ptr<const Snapshot> m_snapshot;
  Diagnostics m_template_problems;
  site::SiteTemplates m_templates;
  std::unique_ptr<site::SiteGenerator> m_generator;
};

}  // namespace

PageSourceFactory site_pages() {
  return [](std::shared_ptr<const Snapshot> snapshot) -> std::unique_ptr<PageSource> {
    return std::make_unique<SitePages>(std::move(snapshot));
  };
}

}  // namespace partnerops::preview
