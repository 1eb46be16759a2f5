#pragma once
// Long prose (agreement clauses, notes, statements of work) is written in
// Markdown; this turns it into the HTML the layout embeds. The text is
// untrusted, so raw HTML is never passed through (cmark-gfm replaces it with
// a comment) and a link or image may only point at http(s), mailto or a
// plain relative path: `javascript:`, `file:`, `data:` and the like are
// dropped, keeping the link's text.

#include <string>
#include <string_view>

namespace partnerops::render {

/// The HTML of `markdown` (GitHub-flavoured: tables, strikethrough,
/// autolinks, task lists; smart punctuation). Never fails: any input is
/// Markdown. The result is safe to insert unescaped (`{{{x}}}`) into a
/// template, and only the output of this function should be.
std::string markdown_to_html(std::string_view markdown);

/// Where rendered Markdown is placed, when that is not a document.
struct MarkdownPlacement {
  /// A web page (the site): links only to http(s), mailto or a fragment
  /// (a relative path would point into the site, where the workspace's
  /// files are not), every image dropped (its text kept), since a page
  /// must load nothing from elsewhere.
  bool outbound_links_only = false;
  /// Levels added to every heading, and no heading deeper than the one
  /// before it by more than one level (at most h6), so the text's headings
  /// continue the page's in order.
  int heading_offset = 0;
  /// Adds scope="col" to the header cells of Markdown tables.
  bool scoped_table_headers = false;
};

/// markdown_to_html with the rules of `placement` on top.
std::string markdown_to_html(std::string_view markdown, const MarkdownPlacement& placement);

/// `text` with every character Markdown could read as syntax escaped, so a
/// value filled into a Markdown template reads back as exactly that text
/// (a partner named "*Acme* [x](y)" stays literal). Line breaks become hard
/// line breaks, runs of blank lines one.
std::string escape_markdown(std::string_view text);

/// True for URLs a document may link to: http, https and mailto (any letter
/// case), a fragment ("#terms"), or a relative path without `..`, a scheme,
/// or a leading slash.
bool is_allowed_link(std::string_view url);

}  // namespace partnerops::render
