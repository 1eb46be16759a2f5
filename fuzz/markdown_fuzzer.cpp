// Fuzzes Markdown to HTML (render/markdown), which turns the prose of
// agreements, notes and statements of work into the HTML a document embeds
// unescaped. The input is Markdown.
//
// Checked beyond "no crash, no sanitizer report":
// - the HTML holds only the elements cmark-gfm writes for Markdown (no raw
//   HTML passes: it becomes a comment), and every link and image points
//   where is_allowed_link() allows;
// - the input escaped with escape_markdown(), as a Markdown template escapes
//   a value, renders as text: no element but paragraphs, line breaks and
//   the autolinks GFM makes of web and e-mail addresses.

#include <cstdint>
#include <string>
#include <string_view>

#include "harness.hpp"
#include "render/markdown.hpp"

namespace {

using partnerops::fuzz::require;

constexpr std::string_view k_markdown_elements[] = {
    "p",  "h1", "h2",    "h3",    "h4",     "h5",  "h6",   "ul",  "ol",
    "li", "a",  "img",   "em",    "strong", "del", "code", "pre", "blockquote",
    "hr", "br", "table", "thead", "tbody",  "tr",  "th",   "td",  "input"};
// GFM's autolinks make a web or e-mail address in a value a link showing
// that same address (allowed links only, as checked below); it reads as the
// same text, so escape_markdown() leaves it.
constexpr std::string_view k_text_elements[] = {"p", "br", "a"};
constexpr std::string_view k_omitted = "<!-- raw HTML omitted -->";

template <std::size_t N>
bool is_one_of(std::string_view name, const std::string_view (&names)[N]) {
  for (std::string_view known : names)
    if (name == known) return true;
  return false;
}

std::string unescape_attribute(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.substr(i, 5) == "&amp;")
      out += '&', i += 4;
    else if (value.substr(i, 6) == "&#x27;")
      out += '\'', i += 5;
    else if (value.substr(i, 6) == "&quot;")
      out += '"', i += 5;
    else
      out += value[i];
  }
  return out;
}

/// Every tag of `html` is one of `allowed` (or the comment cmark-gfm leaves
/// for raw HTML), and every href and src is an allowed link.
template <std::size_t N>
void require_elements(const std::string& html, const std::string_view (&allowed)[N],
                      const char* what) {
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const std::string_view rest = std::string_view(html).substr(at);
    if (rest.substr(0, k_omitted.size()) == k_omitted) continue;
    std::size_t begin = 1 + (rest.size() > 1 && rest[1] == '/');
    std::size_t end = begin;
    while (end < rest.size() &&
           ((rest[end] >= 'a' && rest[end] <= 'z') || (rest[end] >= '0' && rest[end] <= '9')))
      ++end;
    require(is_one_of(rest.substr(begin, end - begin), allowed), what,
            std::string(rest.substr(0, 80)) + "\nin\n" + html);
    const std::size_t close = rest.find('>');
    require(close != std::string_view::npos, "every tag is closed", html);
    const std::string_view tag = rest.substr(0, close);
    for (std::string_view attribute : {" href=\"", " src=\""}) {
      const std::size_t found = tag.find(attribute);
      if (found == std::string_view::npos) continue;
      const std::size_t from = found + attribute.size();
      const std::string url = unescape_attribute(tag.substr(from, tag.find('"', from) - from));
      require(partnerops::render::is_allowed_link(url),
              "every link and image points where is_allowed_link() allows", url + "\nin\n" + html);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view markdown(reinterpret_cast<const char*>(data), size);
  require_elements(partnerops::render::markdown_to_html(markdown), k_markdown_elements,
                   "Markdown becomes only the elements cmark-gfm writes for Markdown");
  const std::string escaped = partnerops::render::escape_markdown(markdown);
  require_elements(partnerops::render::markdown_to_html(escaped), k_text_elements,
                   "escaped text renders as text");
  return 0;
}
