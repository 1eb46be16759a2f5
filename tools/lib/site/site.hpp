#pragma once
// The static site for the people who never open a terminal: the pipeline
// by stage, one page per partner, the tickler, the pipeline report with its
// charts and the statements of account, as HTML pages made from the loaded
// workspace through the mustache templates of templates/site/ (like the
// documents), with the PDFs a build made linked where they belong.
//
// Pages are (relative path, bytes) pairs, so the same generator serves
// `partnerops site` (every page, written by site/site_folder) and the
// preview (one page at a time, by its path). Every text from the files is
// escaped by the templates; Markdown goes through render/markdown with the
// site's placement (outbound links only, no images); the pages load nothing
// from elsewhere and work without JavaScript (site.js only adds search and
// sorting).
//
// Paths: index.html, tickler.html, report.html, statements.html,
// partners/<slug>.html, tickler.ics, site.css, site.js.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "documents/plan.hpp"
#include "model/date.hpp"
#include "model/workspace.hpp"
#include "render/template.hpp"
#include "transitions/timeline.hpp"

namespace partnerops::site {

/// One file of the site.
struct Page {
  std::string path;  ///< relative to the site's root, '/'-separated: "partners/acme.html"
  std::string bytes;
};

/// Where a PDF can be opened, given its path in a build's output folder
/// (DocumentJob::output, "acme/invoice-INV-2026-0001.pdf", or
/// "pipeline-report.pdf"): a URL relative to the site's root
/// ("../acme/invoice-INV-2026-0001.pdf"; one starting with '/' is used as
/// it is), or nullopt when it is not to be linked (not built).
using DocumentHref = std::function<std::optional<std::string>(const std::string& output)>;

struct SiteOptions {
  Date today;
  /// Links to the PDFs; null links none.
  DocumentHref document_href;
  /// The partners' stories from git (transitions/timeline), or null when
  /// there is no history to show; `timeline_note` then says why.
  const transitions::Timeline* timeline = nullptr;
  std::string timeline_note;
  /// What the pages were made from, e.g. "the working tree" or
  /// "commit 1a2b3c4"; shown in every page's footer.
  std::string made_from;
  /// Lines shown at the top of every page, as text (escaped): the
  /// problems of the files, e.g. `validate`'s lines. Empty: none.
  std::vector<std::string> problems;
  /// Raw HTML placed at the end of every page's <head>: only HTML the
  /// program made itself (the preview's reload script), never data.
  std::string head_html;
  /// Days ahead the tickler page looks (as `tickler --within`).
  int tickler_days = 60;
};

/// The templates of the site: templates/site/ of `source` (partials in
/// templates/site/partials/), with site.css and site.js beside them.
struct SiteTemplates {
  render::TemplateSet templates;
  std::string css;
  std::string script;
  bool found = false;  ///< false when `source` has no templates/site/layout.mustache
};

/// Reads templates/site/ of `source`. Unreadable files are diagnostics.
SiteTemplates load_site_templates(const Source& source, Diagnostics& diagnostics);

class SiteGenerator {
 public:
  /// `workspace` and `templates` must outlive the generator. Nothing is
  /// computed until a page asks for it; then each shared part (the report,
  /// the tickler, the statements, the plan of documents) once. Pages may
  /// be rendered from several threads at once.
  SiteGenerator(const Workspace& workspace, const SiteTemplates& templates, SiteOptions options);
  ~SiteGenerator();
  SiteGenerator(const SiteGenerator&) = delete;
  SiteGenerator& operator=(const SiteGenerator&) = delete;

  /// Every path of the site, sorted.
  std::vector<std::string> page_paths() const;

  /// True when `path` is one of page_paths().
  bool has_page(std::string_view path) const;

  /// The page at `path`; nullopt when the site has no such page (nothing
  /// appended) or a template failed (its problems appended to
  /// `diagnostics`, with the template's file, line and column).
  std::optional<Page> render_page(std::string_view path, Diagnostics& diagnostics) const;

  /// Every page, in page_paths() order, rendered on `jobs` threads (0: one
  /// per core). Pages whose template failed are left out and their
  /// problems appended to `diagnostics`.
  std::vector<Page> render_all(Diagnostics& diagnostics, unsigned jobs = 0) const;

 private:
  struct Shared;
  const Workspace& m_workspace;
  const SiteTemplates& m_templates;
  SiteOptions m_options;
  std::unique_ptr<Shared> m_shared;
};

/// The page of partner `slug`: "partners/<slug>.html".
std::string partner_page_path(std::string_view slug);

}  // namespace partnerops::site
