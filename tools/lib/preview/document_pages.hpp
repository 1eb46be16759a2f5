#pragma once
// The preview's own pages until the site's are plugged in: an index of the
// documents the workspace calls for (as `build` plans them), each document
// as HTML made by the same templates and context as its PDF
// (render/document_renderer: document_context, complete_context, html), and
// the PDF itself on demand, printed as `build` prints it.
//
//   / and /documents/                  the index (the site's pipeline
//                                      takes `/` when it is served)
//   /documents/<slug>/<kind>-<id>.html the document's HTML
//   /documents/<slug>/<kind>-<id>.pdf  its PDF
//
// (<slug>/<kind>-<id>.pdf is the document's path in `build`'s out/.) A
// partner whose files have errors is held back as `build` holds it back:
// its documents are listed but not rendered, and their pages say why.

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "documents/plan.hpp"
#include "preview/page_source.hpp"
#include "preview/pdf_printer.hpp"
#include "render/document_renderer.hpp"

namespace partnerops::preview {

class DocumentPages : public PageSource {
 public:
  /// `printer` prints the PDFs; it must outlive this source.
  DocumentPages(std::shared_ptr<const Snapshot> snapshot, PdfPrinter& printer);
  ~DocumentPages() override;

  std::optional<Page> page(std::string_view path) const override;

 private:
  Page index() const;
  Page document_html(const DocumentJob& job) const;
  Page held_back(const DocumentJob& job) const;

  std::shared_ptr<const Snapshot> m_snapshot;
  PdfPrinter& m_printer;
  std::vector<DocumentJob> m_jobs;
  std::map<std::string, std::size_t, std::less<>> m_by_output;  // "<slug>/<kind>-<id>" -> job
  std::set<std::string> m_held_back;
  bool m_organisation_held_back = false;
  Diagnostics m_template_problems;
  std::unique_ptr<render::DocumentRenderer> m_renderer;
  mutable std::mutex m_render_mutex;  // templates render one at a time
};

/// The factory of DocumentPages printing through `printer`.
PageSourceFactory document_pages(PdfPrinter& printer);

}  // namespace partnerops::preview
