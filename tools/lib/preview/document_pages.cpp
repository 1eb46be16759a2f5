#include "preview/document_pages.hpp"

#include <sstream>

#include "diag/format.hpp"
#include "documents/held_back.hpp"
#include "util/text.hpp"

namespace partnerops::preview {

namespace {

constexpr std::string_view k_documents = "/documents/";

std::string without_pdf(const std::string& output) {
  return output.ends_with(".pdf") ? output.substr(0, output.size() - 4) : output;
}

/// A small page of our own (index, held back, failed), self-contained.
std::string simple_page(std::string_view title, const std::string& body) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  html += util::escape_html(title);
  html +=
      "</title><style>body{font-family:sans-serif;margin:1.5rem;max-width:60rem;line-height:1.4}"
      "table{border-collapse:collapse}th,td{text-align:left;padding:.2rem .8rem .2rem 0;"
      "vertical-align:top}pre{white-space:pre-wrap}</style></head>\n<body>\n";
  html += body;
  html += "</body></html>\n";
  return html;
}

Page text_problem_page(std::string_view title, std::string_view heading, const std::string& text) {
  Page page;
  page.status = 500;
  page.body = simple_page(title, "<main><h1>" + util::escape_html(heading) + "</h1><pre>" +
                                     util::escape_html(text) + "</pre></main>\n");
  return page;
}

}  // namespace

DocumentPages::DocumentPages(std::shared_ptr<const Snapshot> snapshot, PdfPrinter& printer)
    : m_snapshot(std::move(snapshot)), m_printer(printer) {
  const Workspace& workspace = m_snapshot->workspace;
  const HeldBack held = held_back_by(m_snapshot->diagnostics);
  m_held_back = held.partners;
  m_organisation_held_back = held.organisation;
  if (!workspace.organisation()) return;
  m_jobs = plan_documents(workspace, PlanOptions{m_snapshot->today, {}, {}});
  for (std::size_t i = 0; i < m_jobs.size(); ++i) m_by_output[without_pdf(m_jobs[i].output)] = i;
  m_renderer = std::make_unique<render::DocumentRenderer>(
      *m_snapshot->source, renderer_options(*m_snapshot), m_template_problems);
}

DocumentPages::~DocumentPages() = default;

std::optional<Page> DocumentPages::page(std::string_view path) const {
  // The site's pipeline takes `/` when the site's pages are served; the
  // documents' index stays at /documents/.
  if (path == "/" || path == k_documents) return index();
  if (!path.starts_with(k_documents)) return std::nullopt;
  const std::string_view rest = path.substr(k_documents.size());
  const bool pdf = rest.ends_with(".pdf");
  if (!pdf && !rest.ends_with(".html")) return std::nullopt;
  const std::string_view key = rest.substr(0, rest.size() - (pdf ? 4 : 5));
  const auto found = m_by_output.find(key);
  if (found == m_by_output.end()) return std::nullopt;
  const DocumentJob& job = m_jobs[found->second];
  if (m_organisation_held_back || m_held_back.count(job.slug)) return held_back(job);
  if (!pdf) return document_html(job);
  std::string error;
  std::optional<std::string> bytes = m_printer.print(m_snapshot, job, &error);
  if (!bytes) return text_problem_page(job.output, job.output + ": not built", error);
  Page page;
  page.body = std::move(*bytes);
  page.content_type = "application/pdf";
  return page;
}

Page DocumentPages::index() const {
  const Workspace& workspace = m_snapshot->workspace;
  const std::string organisation =
      workspace.organisation() ? workspace.organisation()->name : std::string("partnerops");
  std::ostringstream body;
  body << "<header><h1>" << util::escape_html(organisation) << "</h1><p>Preview of "
       << util::escape_html(m_snapshot->root.string()) << " as of "
       << util::escape_html(m_snapshot->today.iso()) << ": " << workspace.partners().size()
       << " partners, " << m_jobs.size() << " documents, " << util::escape_html(m_snapshot->summary)
       << ".</p></header>\n<main>\n";
  if (!workspace.organisation())
    body << "<p>partnerops.yaml did not load: no document can be made.</p>\n";
  body << "<table><thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Document</th>"
          "<th scope=\"col\">PDF</th></tr></thead><tbody>\n";
  for (const DocumentJob& job : m_jobs) {
    const std::string key = without_pdf(job.output);
    std::string label(title_of(job.kind));
    if (!job.number.empty())
      label += " " + job.number;
    else if (!job.id.empty())
      label += " " + job.id;
    body << "<tr><td>" << util::escape_html(job.slug.empty() ? "(organisation)" : job.slug)
         << "</td><td><a href=\"/documents/" << util::escape_html(key) << ".html\">"
         << util::escape_html(label) << "</a>";
    if (m_organisation_held_back || m_held_back.count(job.slug)) body << " (held back by errors)";
    body << "</td><td><a href=\"/documents/" << util::escape_html(key) << ".pdf\">"
         << util::escape_html(job.output) << "</a></td></tr>\n";
  }
  body << "</tbody></table>\n</main>\n";
  Page page;
  page.body = simple_page(organisation + " — preview", body.str());
  return page;
}

Page DocumentPages::document_html(const DocumentJob& job) const {
  nlohmann::json context =
      document_context(m_snapshot->workspace, job, render::context_options(m_snapshot->today));
  Diagnostics problems = m_template_problems;
  std::optional<std::string> html;
  {
    std::lock_guard lock(m_render_mutex);
    m_renderer->complete_context(context);
    html = m_renderer->html(job, context, problems);
  }
  if (!html) {
    std::ostringstream text;
    const Workspace& workspace = m_snapshot->workspace;
    print_diagnostics(text, problems, DiagnosticFormat::text, Colour::off,
                      [&workspace](std::string_view path) -> const std::string* {
                        const WorkspaceFile* file = workspace.file(path);
                        return file ? &file->content() : nullptr;
                      });
    return text_problem_page(job.output, job.output + ": not built", text.str());
  }
  Page page;
  page.body = std::move(*html);
  return page;
}

Page DocumentPages::held_back(const DocumentJob& job) const {
  Page page;
  page.status = 409;
  page.body = simple_page(
      job.output, "<main><h1>" + util::escape_html(job.output) +
                      ": held back</h1><p>`build` does not make this document until the errors "
                      "above are fixed.</p></main>\n");
  return page;
}

PageSourceFactory document_pages(PdfPrinter& printer) {
  return [&printer](std::shared_ptr<const Snapshot> snapshot) -> std::unique_ptr<PageSource> {
    return std::make_unique<DocumentPages>(std::move(snapshot), printer);
  };
}

}  // namespace partnerops::preview
