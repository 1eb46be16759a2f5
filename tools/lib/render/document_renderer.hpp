#pragma once
// One document from plan to finished PDF: the context (documents/context)
// is turned into mustache data, the kind's template renders the body
// (templates/<kind>.mustache; long legal text first from
// templates/<kind>.md.mustache through Markdown), the layout wraps it,
// Qt WebKit prints it and qpdf finishes it.
//
// Everything the HTML needs travels inside it: the CSS is a partial and the
// logo becomes a data: URL, so the engine is given no folder to read and a
// build from a git revision needs no checkout.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "documents/context.hpp"
#include "documents/plan.hpp"
#include "model/organisation.hpp"
#include "model/page_setup.hpp"
#include "render/factur_x.hpp"
#include "render/template.hpp"
#include "source/source.hpp"

namespace partnerops::render {

class PdfEngine;

struct RendererOptions {
  PageSetup page;
  std::string author;                         ///< the organisation, for PDF metadata
  std::string source_commit;                  ///< the commit the inputs came from, if any
  std::optional<std::int64_t> epoch_seconds;  ///< PDF dates; see FinishOptions
};

/// The options every document's context is made with as of `today`: its
/// Markdown turned into safe HTML by markdown_to_html.
ContextOptions context_options(Date today);

/// What finishing takes from a document's context besides its HTML.
struct PageLabels {
  std::string title;        ///< the document's own title: the PDF's Title
  std::string status_mark;  ///< printed on every page of a document not final; may be empty
};

/// `document.title` and `document.status_mark` of a completed context.
PageLabels page_labels(const nlohmann::json& context);

/// The page setup partnerops.yaml asks for (defaults.paper, margins_mm), or
/// the defaults when it did not load.
PageSetup page_setup_from(const std::optional<Organisation>& organisation);

/// mustache data from JSON: objects become maps, arrays arrays, numbers
/// their shortest text, null an empty string.
mstch::node to_mstch(const nlohmann::json& value);

class DocumentRenderer {
 public:
  DocumentRenderer(const Source& source, RendererOptions options, Diagnostics& diagnostics);
  ~DocumentRenderer();

  /// Adds what the templates need beyond the model: the logo as a data: URL.
  void complete_context(nlohmann::json& context) const;

  /// The hash that decides whether a document must be rebuilt: SHA-256 over
  /// the tool's version, the page setup, every file under templates/ and
  /// the completed context, and the e-invoice XML the PDF embeds if any.
  /// Computing it renders nothing, so an unchanged document costs only its
  /// context.
  std::string input_hash(const nlohmann::json& context,
                         const std::optional<FacturX>& factur_x) const;

  /// The complete HTML of `job` from a completed context. std::nullopt when
  /// a template is missing or names data the context lacks (reported in
  /// `diagnostics`).
  std::optional<std::string> html(const DocumentJob& job, const nlohmann::json& context,
                                  Diagnostics& diagnostics) const;

  /// Prints `html` and finishes the PDF: the footer names the kind and
  /// number, `labels` give the Title and the mark every page carries; with
  /// `factur_x`, the PDF is a Factur-X PDF/A-3b that carries it.
  /// Creates the PDF engine on first use, on the calling thread.
  /// std::nullopt with `error` on failure.
  std::optional<std::string> pdf(const DocumentJob& job, const std::string& html,
                                 const PageLabels& labels, const std::string& input_hash,
                                 const std::optional<FacturX>& factur_x, std::string* error);

 private:
  const Source& m_source;
  RendererOptions m_options;
  TemplateSet m_templates;
  std::string m_templates_fingerprint;  // SHA-256 of every file under templates/
  std::string m_logo_data_url;
  std::unique_ptr<PdfEngine> m_engine;
};

}  // namespace partnerops::render
