#include "site/site.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "render/document_renderer.hpp"
#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

namespace {

constexpr const char* k_templates_folder = "templates/site";
constexpr std::uint64_t k_max_asset_bytes = 1 << 20;

constexpr std::string_view k_index = "index.html";
constexpr std::string_view k_tickler = "tickler.html";
constexpr std::string_view k_calendar = "tickler.ics";
constexpr std::string_view k_report = "report.html";
constexpr std::string_view k_statements = "statements.html";
constexpr std::string_view k_css = "site.css";
constexpr std::string_view k_script = "site.js";
constexpr std::string_view k_partners = "partners/";

struct NavItem {
  std::string_view path;
  std::string_view title;
};
constexpr NavItem k_nav[] = {{k_index, "Pipeline"},
                             {k_tickler, "Tickler"},
                             {k_report, "Report"},
                             {k_statements, "Statements"}};

std::string read_asset(const Source& source, const std::string& path, Diagnostics& diagnostics) {
  const ReadResult read = source.read(path, k_max_asset_bytes);
  if (read.ok()) return read.content;
  if (read.status != ReadResult::Status::missing)
    diagnostics.error("template-unreadable", path, {}, read.error);
  return {};
}

}  // namespace

SiteTemplates load_site_templates(const Source& source, Diagnostics& diagnostics) {
  SiteTemplates out{
      render::TemplateSet::load(source, k_templates_folder, diagnostics), {}, {}, false};
  out.found = out.templates.has("layout");
  const std::string folder(k_templates_folder);
  out.css = read_asset(source, folder + "/site.css", diagnostics);
  out.script = read_asset(source, folder + "/site.js", diagnostics);
  return out;
}

std::string partner_page_path(std::string_view slug) {
  return std::string(k_partners) + std::string(slug) + ".html";
}

/// The parts several pages share, each computed on first use.
struct SiteGenerator::Shared {
  std::once_flag report_once, tickler_once, statements_once, documents_once, timeline_once;
  PipelineReport report;
  std::vector<TicklerItem> tickler;
  std::map<std::string, Statement, std::less<>> statements;
  std::map<std::string, std::vector<DocumentJob>, std::less<>> documents;
  std::map<std::string, std::vector<const transitions::TimelineEntry*>, std::less<>> timeline;
};

SiteGenerator::SiteGenerator(const Workspace& workspace, const SiteTemplates& templates,
                             SiteOptions options)
    : m_workspace(workspace),
      m_templates(templates),
      m_options(std::move(options)),
      m_shared(std::make_unique<Shared>()) {}

SiteGenerator::~SiteGenerator() = default;

std::vector<std::string> SiteGenerator::page_paths() const {
  std::vector<std::string> paths = {std::string(k_index),      std::string(k_tickler),
                                    std::string(k_calendar),   std::string(k_report),
                                    std::string(k_statements), std::string(k_css),
                                    std::string(k_script)};
  for (const PartnerFolder& folder : m_workspace.partners())
    if (folder.partner) paths.push_back(partner_page_path(folder.slug));
  std::sort(paths.begin(), paths.end());
  return paths;
}

bool SiteGenerator::has_page(std::string_view path) const {
  for (const std::string_view fixed :
       {k_index, k_tickler, k_calendar, k_report, k_statements, k_css, k_script})
    if (path == fixed) return true;
  if (!path.starts_with(k_partners) || !path.ends_with(".html")) return false;
  const std::string_view slug = path.substr(k_partners.size(), path.size() - k_partners.size() - 5);
  const PartnerFolder* folder = m_workspace.partner(slug);
  return folder != nullptr && folder->partner.has_value();
}

std::optional<Page> SiteGenerator::render_page(std::string_view path,
                                               Diagnostics& diagnostics) const {
  if (!has_page(path)) return std::nullopt;
  const std::string page(path);
  if (path == k_css) return Page{page, m_templates.css};
  if (path == k_script) return Page{page, m_templates.script};

  Shared& shared = *m_shared;
  const Date today = m_options.today;
  std::call_once(shared.report_once,
                 [&] { shared.report = build_pipeline_report(m_workspace, today); });
  std::call_once(shared.tickler_once, [&] {
    shared.tickler = tickler_items(m_workspace, {today, m_options.tickler_days});
  });
  if (path == k_calendar) {
    std::string error;
    std::string ics = render_tickler(shared.tickler, {today, m_options.tickler_days},
                                     TicklerFormat::ics, tickler_domain(m_workspace), &error);
    if (!error.empty()) {
      diagnostics.error("site-calendar", page, {}, "cannot write the calendar: " + error);
      return std::nullopt;
    }
    return Page{page, std::move(ics)};
  }
  std::call_once(shared.statements_once, [&] {
    for (const PartnerFolder& folder : m_workspace.partners())
      if (folder.partner && has_statement(folder))
        shared.statements.emplace(folder.slug, build_statement(folder, today));
  });
  std::call_once(shared.documents_once, [&] {
    for (DocumentJob& job : plan_documents(m_workspace, {today, {}, {}}))
      shared.documents[job.slug].push_back(std::move(job));
  });
  std::call_once(shared.timeline_once, [&] {
    if (m_options.timeline)
      for (const transitions::TimelineEntry& entry : m_options.timeline->entries)
        shared.timeline[entry.slug].push_back(&entry);
  });
  const SiteData data{m_workspace,       m_options,        shared.report,  shared.tickler,
                      shared.statements, shared.documents, shared.timeline};

  nlohmann::json context;
  std::string body_template;
  if (path == k_index) {
    context = index_context(data, page);
    body_template = "index";
  } else if (path == k_tickler) {
    context = tickler_context(data, page);
    body_template = "tickler";
  } else if (path == k_report) {
    context = report_context(data, page);
    body_template = "report";
  } else if (path == k_statements) {
    context = statements_context(data, page);
    body_template = "statements";
  } else {
    const std::string_view slug =
        path.substr(k_partners.size(), path.size() - k_partners.size() - 5);
    context = partner_context(data, page, *m_workspace.partner(slug));
    body_template = "partner";
  }

  // What the layout around every page needs.
  const std::string root = root_of(page);
  const std::string organisation =
      m_workspace.organisation() ? m_workspace.organisation()->name : std::string();
  nlohmann::json nav = nlohmann::json::array();
  for (const NavItem& item : k_nav)
    nav.push_back({{"title", item.title},
                   {"href", root + std::string(item.path)},
                   {"current", item.path == path}});
  nlohmann::json problems = nlohmann::json::array();
  for (const std::string& line : m_options.problems) problems.push_back({{"text", line}});
  context["site"] = {{"organisation", organisation.empty() ? "Partnerships" : organisation},
                     {"today", today.iso()},
                     {"made_from", m_options.made_from},
                     {"root", root},
                     {"css_href", root + std::string(k_css)},
                     {"script_href", root + std::string(k_script)},
                     {"nav", nav},
                     {"problems", problems},
                     {"has_problems", !problems.empty()},
                     {"head_html", m_options.head_html}};

  mstch::map data_map;
  for (const auto& [key, value] : context.items()) data_map.emplace(key, render::to_mstch(value));
  std::optional<std::string> body =
      m_templates.templates.render_html(body_template, data_map, diagnostics);
  if (!body) return std::nullopt;
  // The layout sees only what is around every page, not the page's own
  // data: checking and rendering it then costs the same on every page.
  mstch::map layout_map;
  layout_map.emplace("site", std::move(data_map["site"]));
  layout_map.emplace("page_title", std::move(data_map["page_title"]));
  layout_map.emplace("body_html", std::move(*body));
  std::optional<std::string> html =
      m_templates.templates.render_html("layout", layout_map, diagnostics);
  if (!html) return std::nullopt;
  return Page{page, std::move(*html)};
}

std::vector<Page> SiteGenerator::render_all(Diagnostics& diagnostics, unsigned jobs) const {
  const std::vector<std::string> paths = page_paths();
  std::vector<std::optional<Page>> pages(paths.size());
  std::vector<Diagnostics> problems(paths.size());
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, paths.size())));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i; (i = next++) < paths.size();) pages[i] = render_page(paths[i], problems[i]);
  };
  // The shared parts are computed by the first page on this thread, so
  // the workers only read them.
  if (!paths.empty()) {
    const std::size_t first = next++;
    pages[first] = render_page(paths[first], problems[first]);
  }
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  std::vector<Page> out;
  out.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    diagnostics.append(problems[i]);
    if (pages[i]) out.push_back(std::move(*pages[i]));
  }
  return out;
}

}  // namespace partnerops::site
