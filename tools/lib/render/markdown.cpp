#include "render/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "source/source.hpp"

namespace partnerops::render {
namespace {

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CharFree {
  void operator()(char* text) const { std::free(text); }
};

/// Moves the children of `node` in front of it and frees it, so a refused
/// link leaves its text behind.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_insert_before(node, child);
  }
  cmark_node_unlink(node);
  cmark_node_free(node);
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

/// http(s) or mailto, or a fragment of the same page.
bool is_outbound(std::string_view url) {
  return starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://") ||
         starts_with_ignoring_case(url, "mailto:") || (!url.empty() && url.front() == '#');
}

}  // namespace

bool is_allowed_link(std::string_view url) {
  for (char c : url) {
    // Browsers strip control characters and spaces inside a scheme
    // ("java\tscript:"); refusing them outright leaves nothing to strip.
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\') return false;
  }
  if (url.empty()) return false;
  if (starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://") ||
      starts_with_ignoring_case(url, "mailto:")) {
    return true;
  }
  if (url.front() == '#') return true;
  const std::size_t end = url.find_first_of("?#");
  const std::string_view path = url.substr(0, end);
  if (path.find(':') != std::string_view::npos) return false;  // a scheme, or a Windows drive
  return is_safe_relative_path(path);
}

std::string markdown_to_html(std::string_view markdown) { return markdown_to_html(markdown, {}); }

std::string markdown_to_html(std::string_view markdown, const MarkdownPlacement& placement) {
  static std::once_flag s_registered;
  std::call_once(s_registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  // No CMARK_OPT_UNSAFE: raw HTML becomes "<!-- raw HTML omitted -->".
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));

  // Collect first, change after: the iterator must not see a changing tree.
  std::vector<cmark_node*> refused;
  int previous_heading = placement.heading_offset;
  cmark_iter* iter = cmark_iter_new(document.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
      const char* url = cmark_node_get_url(node);
      if (!url || !is_allowed_link(url) ||
          (placement.outbound_links_only && (type == CMARK_NODE_IMAGE || !is_outbound(url))))
        refused.push_back(node);
    }
    if (event == CMARK_EVENT_ENTER && type == CMARK_NODE_HEADING && placement.heading_offset > 0) {
      // Document order is reading order: each heading at most one level
      // below the one before it.
      const int wanted = cmark_node_get_heading_level(node) + placement.heading_offset;
      const int level = std::min({wanted, previous_heading + 1, 6});
      cmark_node_set_heading_level(node, level);
      previous_heading = level;
    }
  }
  cmark_iter_free(iter);
  // Innermost first, so unwrapping an outer node never frees an inner one
  // still on the list (an image inside a link).
  for (auto it = refused.rbegin(); it != refused.rend(); ++it) unwrap(*it);

  std::unique_ptr<char, CharFree> html(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  std::string out = html ? std::string(html.get()) : std::string();
  if (placement.scoped_table_headers) {
    // Every "<th" in the output is cmark's own: the text's '<' is escaped
    // and its raw HTML omitted.
    std::string scoped;
    scoped.reserve(out.size());
    for (std::size_t at = 0;;) {
      const std::size_t found = out.find("<th", at);
      if (found == std::string::npos) {
        scoped.append(out, at);
        break;
      }
      const char next = found + 3 < out.size() ? out[found + 3] : '\0';
      scoped.append(out, at, found + 3 - at);
      if (next == '>' || next == ' ') scoped += " scope=\"col\"";
      at = found + 3;
    }
    out = std::move(scoped);
  }
  return out;
}

std::string escape_markdown(std::string_view text) {
  static constexpr std::string_view k_syntax = "\\`*_{}[]()<>#+-.!|~&";
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  bool after_break = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      if (!after_break) out += "\\\n";
      after_break = true;
      continue;
    }
    if (after_break && (c == ' ' || c == '\t')) continue;  // indentation would make code
    after_break = false;
    if (k_syntax.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  if (after_break) out.resize(out.size() - 2);  // no hard break at the very end
  return out;
}

}  // namespace partnerops::render
