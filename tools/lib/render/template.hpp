#pragma once
// Documents are mustache templates (mstch) that users change without
// rebuilding the tool. mstch renders a name the data lacks as an empty
// string, which would print an invoice with a blank where the total should
// be; so before rendering, every tag is checked against the data and each
// name that cannot be resolved becomes a diagnostic with the template file,
// line and column.
//
// Escaping: `{{x}}` is HTML-escaped (in Markdown templates, Markdown-escaped),
// so a partner named "<script>" prints as that text. `{{{x}}}` and `{{&x}}`
// insert raw HTML and are only for HTML this tool generated itself (the
// output of markdown_to_html(), the rendered body inside the layout); to keep
// it that way, the check refuses them unless the name ends in `_html`.

#include <map>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "util/text.hpp"

namespace partnerops::render {

/// The templates of one folder, read through a Source, so a build from a
/// git revision uses that revision's templates.
class TemplateSet {
 public:
  /// Reads every `*.mustache` file below `folder` (e.g. "templates") of
  /// `source`. A template is named by its path below `folder` without the
  /// extension ("invoice", "clauses/data-protection.md"); files below
  /// `folder`/partials/ are also partials, named by their path below
  /// partials/ (`{{> parties}}`). Unreadable files become diagnostics
  /// (code `template-unreadable`); the rest still load.
  static TemplateSet load(const Source& source, std::string folder, Diagnostics& diagnostics);

  /// A set built from memory, for tests: names map to template text.
  static TemplateSet from_memory(std::string folder,
                                 const std::map<std::string, std::string>& templates);

  bool has(std::string_view name) const;

  /// Checks template `name` against `context` without rendering it. Appends
  /// one diagnostic per problem: `template-unknown-variable` for a variable
  /// or section name the data cannot resolve (section scoping as mustache
  /// resolves it: inside `{{#lines}}` against the item, then outward),
  /// `template-unknown-partial`, `template-unescaped-variable` (see the top
  /// of this file), `template-syntax`, `template-missing`. Returns true when
  /// it appended no error.
  bool check(std::string_view name, const mstch::map& context, Diagnostics& diagnostics) const;

  /// Checks, then renders `name` as HTML. std::nullopt when the check
  /// reported errors (they are in `diagnostics`).
  std::optional<std::string> render_html(std::string_view name, const mstch::map& context,
                                         Diagnostics& diagnostics) const;

  /// Renders the document template `kind`, then `layout` around it: the
  /// layout finds the body as `content_html`. std::nullopt when either
  /// check reported errors.
  std::optional<std::string> render_document(std::string_view kind, mstch::map context,
                                             Diagnostics& diagnostics) const;

  /// Checks, then renders `name` as Markdown with every value escaped so it
  /// reads back as its literal text, then converts the Markdown to HTML.
  std::optional<std::string> render_markdown(std::string_view name, const mstch::map& context,
                                             Diagnostics& diagnostics) const;

  /// Checks, then renders `name` with no escaping at all: for plain-text
  /// output (an e-mail's subject and body), or text whose values the caller
  /// has already escaped for its format (a new notes.md). Never for HTML.
  /// std::nullopt when the check reported errors.
  std::optional<std::string> render_text(std::string_view name, const mstch::map& context,
                                         Diagnostics& diagnostics) const;

 private:
  std::string file_of(std::string_view name) const;

  std::string m_folder;
  std::map<std::string, std::string, std::less<>> m_templates;
  std::map<std::string, std::string> m_partials;
};

using util::escape_html;

}  // namespace partnerops::render
