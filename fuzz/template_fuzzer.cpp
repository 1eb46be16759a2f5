// Fuzzes the template checker and renderer (render/template) with hostile
// data: every template a user may write is checked against the data, then
// rendered as HTML, as Markdown and as plain text.
//
// Input: the template text; a line `%%` starts another part, and part N
// becomes the partial `pN` (`{{> p1}}`). The partials of templates/partials/
// are there too, so the demo's templates are seeds as they are.
//
// The data: the names the template's tags use (read with a rough scan of
// `{{...}}`) are given values picked by a hash of the name: strings with
// HTML, Markdown and mustache syntax in them, booleans, lists of maps, maps,
// empty lists; one name in seven is left out, for the unknown-name path.
//
// Checked beyond "no crash, no sanitizer report": a value never reaches the
// HTML or Markdown output unescaped. Every string value holds the marker
// `<i data-fuzz>`; it may appear in the output only escaped, unless the
// template itself holds the text `data-fuzz`.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "harness.hpp"
#include "render/template.hpp"

namespace {

using partnerops::Diagnostics;
using partnerops::fuzz::require;

constexpr std::string_view k_marker = "data-fuzz>";

const std::map<std::string, std::string>& demo_partials() {
  static const std::map<std::string, std::string> partials = [] {
    std::map<std::string, std::string> found;
    const std::filesystem::path folder =
        std::filesystem::path(PARTNEROPS_SOURCE_DIR) / "templates" / "partials";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".mustache") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      found["partials/" + entry.path().stem().string()] =
          std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return found;
  }();
  return partials;
}

std::size_t hash_of(std::string_view name) {
  std::size_t h = 1469598103934665603ull;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

const char* const k_strings[] = {
    "<i data-fuzz>&\"' </b>",
    "<i data-fuzz> *bold* _em_ [x](javascript:alert(1)) `code` ![i](file:///etc/passwd)",
    "<i data-fuzz> {{name}} {{{raw_html}}} {{> p1}}",
    "<i data-fuzz>\nline two\n\n    indented\n# heading\n- item",
    "<i data-fuzz> \xc3\x84\xc3\x96 \xe2\x9c\x93 \xe2\x80\xae reversed",
    "<i data-fuzz> | a | b |\n|---|---|\n| <script>x</script> | www.example.com |",
};

/// The data for `text`: every name its tags use, with a value.
mstch::map context_for(std::string_view text) {
  mstch::map leaves;  // names of variables
  std::vector<std::string> sections;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos;
       at = text.find("{{", at + 2)) {
    const std::size_t end = text.find("}}", at + 2);
    if (end == std::string_view::npos) break;
    std::string_view tag = text.substr(at + 2, end - at - 2);
    while (!tag.empty() &&
           std::string_view("{&#^/>!= \t").find(tag.front()) != std::string_view::npos)
      tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '}')) tag.remove_suffix(1);
    if (tag.empty() || tag.size() > 64) continue;
    const std::string name(tag.substr(0, tag.find('.')));
    const std::string_view sigil = text.substr(at + 2, 1);
    if (sigil == "#" || sigil == "^")
      sections.push_back(name);
    else
      leaves[name] = std::string();
  }
  mstch::map scope;
  for (auto& [name, unused] : leaves) {
    const std::size_t h = hash_of(name);
    if (h % 7 == 0) continue;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, "_html") == 0) {
      scope[name] = std::string("<em>generated</em>");
    } else if (h % 7 == 1) {
      scope[name] = (h / 7) % 2 == 0;
    } else {
      scope[name] = std::string(k_strings[(h / 7) % std::size(k_strings)]);
    }
  }
  // Sections open a scope holding the same names, so a dotted name or a
  // nested section resolves too.
  const mstch::map nested = scope;
  for (const std::string& name : sections) {
    const std::size_t h = hash_of(name);
    switch (h % 5) {
      case 0:
        break;  // unknown
      case 1:
        scope[name] = mstch::array{nested, nested};
        break;
      case 2:
        scope[name] = mstch::array{};
        break;
      case 3:
        scope[name] = nested;
        break;
      default:
        scope[name] = (h / 5) % 2 == 0;
        break;
    }
  }
  return scope;
}

void require_escaped(const std::optional<std::string>& output, std::string_view templates,
                     const char* what) {
  if (!output || templates.find("data-fuzz") != std::string_view::npos) return;
  require(output->find(k_marker) == std::string::npos, what, *output);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> templates = demo_partials();
  std::string_view rest = input;
  int part = 0;
  while (true) {
    const std::size_t split = rest.find("\n%%\n");
    const std::string text(rest.substr(0, split));
    templates[part == 0 ? std::string("doc") : "partials/p" + std::to_string(part)] = text;
    if (split == std::string_view::npos) break;
    rest.remove_prefix(split + 4);
    ++part;
  }
  templates["layout"] = "<main>{{{content_html}}}</main>";
  const auto set = partnerops::render::TemplateSet::from_memory("templates", templates);
  const mstch::map context = context_for(input);

  Diagnostics diagnostics;
  const bool clean = set.check("doc", context, diagnostics);
  require(clean == !diagnostics.has_errors(),
          "check() says true exactly when it reported no error");
  for (const auto& d : diagnostics)
    require(d.code.rfind("template-", 0) == 0 && !d.file.empty(),
            "every template diagnostic has a template- code and a file", d.code);
  if (!clean) return 0;
  require_escaped(set.render_document("doc", context, diagnostics), input,
                  "an HTML template shows a value escaped");
  require_escaped(set.render_markdown("doc", context, diagnostics), input,
                  "a Markdown template shows a value escaped");
  set.render_text("doc", context, diagnostics);
  return 0;
}
