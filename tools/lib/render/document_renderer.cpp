#include "render/document_renderer.hpp"

#include "documents/document_kind.hpp"
#include "render/markdown.hpp"
#include "render/pdf_engine.hpp"
#include "render/print_pdf.hpp"
#include "util/digest.hpp"
#include "version.hpp"

namespace partnerops::render {

namespace {

constexpr const char* k_templates_dir = "templates";
constexpr const char* k_layout = "layout";
constexpr std::string_view k_site_templates = "templates/site/";
constexpr std::uint64_t k_max_logo_bytes = 2 << 20;

std::string mime_type_of(std::string_view path) {
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".png")) return "image/png";
  if (path.ends_with(".jpg") || path.ends_with(".jpeg")) return "image/jpeg";
  return {};
}

}  // namespace

ContextOptions context_options(Date today) {
  return {today, [](std::string_view markdown) { return markdown_to_html(markdown); }};
}

PageLabels page_labels(const nlohmann::json& context) {
  const nlohmann::json& document = context.value("document", nlohmann::json::object());
  return PageLabels{document.value("title", ""), document.value("status_mark", "")};
}

PageSetup page_setup_from(const std::optional<Organisation>& organisation) {
  return organisation ? organisation->page : PageSetup{};
}

mstch::node to_mstch(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map map;
      for (const auto& [key, item] : value.items()) map.emplace(key, to_mstch(item));
      return map;
    }
    case nlohmann::json::value_t::array: {
      mstch::array array;
      for (const auto& item : value) array.push_back(to_mstch(item));
      return array;
    }
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return value.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return value.dump();
    default:
      return std::string();
  }
}

DocumentRenderer::DocumentRenderer(const Source& source, RendererOptions options,
                                   Diagnostics& diagnostics)
    : m_source(source),
      m_options(std::move(options)),
      m_templates(TemplateSet::load(source, k_templates_dir, diagnostics)) {
  util::Sha256 templates;
  for (const SourceEntry& entry : source.list(k_templates_dir, nullptr)) {
    if (entry.type != EntryType::file) continue;
    // The site's pages (templates/site/) print no document: restyling the
    // site must not rebuild every PDF.
    if (entry.path.starts_with(k_site_templates)) continue;
    const ReadResult read = source.read(entry.path, 16 << 20);
    const std::string record = entry.path + "\n" + std::to_string(read.content.size()) + "\n";
    templates.add(record);
    templates.add(read.content);
  }
  m_templates_fingerprint = templates.hex();
}

DocumentRenderer::~DocumentRenderer() = default;

void DocumentRenderer::complete_context(nlohmann::json& context) const {
  // The logo travels inside the HTML, so the engine reads no files.
  nlohmann::json& branding = context["organisation"]["branding"];
  const std::string logo = branding.value("logo", "");
  branding["logo_data_url"] = "";
  if (logo.empty()) return;
  const ReadResult read = m_source.read(logo, k_max_logo_bytes);
  const std::string mime = mime_type_of(logo);
  if (read.ok() && !mime.empty()) {
    branding["logo_data_url"] = "data:" + mime + ";base64," + util::base64(read.content);
  }
}

std::string DocumentRenderer::input_hash(const nlohmann::json& context,
                                         const std::optional<FacturX>& factur_x) const {
  util::Sha256 hash;
  const PageSetup& page = m_options.page;
  const std::string setup =
      std::string(k_version) + "\n" + m_templates_fingerprint + "\n" +
      std::to_string(static_cast<int>(page.paper)) + " " + std::to_string(page.margins_mm.top) +
      " " + std::to_string(page.margins_mm.right) + " " + std::to_string(page.margins_mm.bottom) +
      " " + std::to_string(page.margins_mm.left) + "\n";
  hash.add(setup);
  hash.add(context.dump());
  if (factur_x) {
    hash.add("\nfactur-x\n");
    hash.add(factur_x->xml);
  }
  return hash.hex();
}

std::optional<std::string> DocumentRenderer::html(const DocumentJob& job,
                                                  const nlohmann::json& context,
                                                  Diagnostics& diagnostics) const {
  const std::string kind(name_of(job.kind));
  mstch::map data;
  for (const auto& [key, value] : context.items()) data.emplace(key, to_mstch(value));
  const std::string legal = kind + ".md";
  if (m_templates.has(legal)) {
    std::optional<std::string> legal_html = m_templates.render_markdown(legal, data, diagnostics);
    if (!legal_html) return std::nullopt;
    data["legal_html"] = *legal_html;
  }
  std::optional<std::string> body = m_templates.render_html(kind, data, diagnostics);
  if (!body) return std::nullopt;
  data["body_html"] = *body;
  return m_templates.render_html(k_layout, data, diagnostics);
}

std::optional<std::string> DocumentRenderer::pdf(const DocumentJob& job, const std::string& html,
                                                 const PageLabels& labels,
                                                 const std::string& input_hash,
                                                 const std::optional<FacturX>& factur_x,
                                                 std::string* error) {
  if (!m_engine) m_engine = std::make_unique<PdfEngine>();
  FinishOptions finish;
  finish.title = labels.title.empty() ? std::string(title_of(job.kind)) : labels.title;
  finish.footer_title = std::string(title_of(job.kind));
  finish.mark = labels.status_mark;
  finish.number = job.number;
  finish.author = m_options.author;
  finish.subject = std::string(title_of(job.kind)) + (job.slug.empty() ? "" : " for " + job.slug);
  finish.keywords =
      "partnerops, " + std::string(name_of(job.kind)) + (job.slug.empty() ? "" : ", " + job.slug);
  finish.source_commit = m_options.source_commit;
  finish.input_hash = input_hash;
  finish.epoch_seconds = m_options.epoch_seconds;
  finish.page = m_options.page;
  finish.factur_x = factur_x;
  return print_pdf(*m_engine, html, finish, error);
}

}  // namespace partnerops::render
