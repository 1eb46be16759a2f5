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
