#pragma once
// The data a document template sees, as JSON: the organisation, the
// partner, and the document's own file, with every amount formatted for its
// currency ("$7,682.50"), every date in the organisation's style
// ("3 August 2026") and every Markdown field also given as `<field>_html`.
// Templates then only place values; they never compute or format.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "documents/plan.hpp"
#include "model/workspace.hpp"

namespace partnerops {

/// Turns Markdown into safe HTML (raw HTML and unsafe links dropped). The
/// renderer supplies it, so this folder does not depend on cmark.
using MarkdownToHtml = std::function<std::string(std::string_view markdown)>;

struct ContextOptions {
  Date today;
  MarkdownToHtml markdown;
};

/// The template context for `job`. Values missing from the files are empty
/// strings or empty lists, never absent, so a template's names can be
/// checked against the context before rendering.
nlohmann::json document_context(const Workspace& workspace, const DocumentJob& job,
                                const ContextOptions& options);

}  // namespace partnerops
