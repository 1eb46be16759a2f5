#include "render/template.hpp"

#include <algorithm>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <set>
#include <tuple>
#include <vector>

#include "render/markdown.hpp"
#include "util/text.hpp"

namespace partnerops::render {
namespace {

constexpr std::string_view k_extension = ".mustache";
constexpr std::string_view k_partials = "partials/";
constexpr std::uint64_t k_max_template_bytes = 1 << 20;
constexpr int k_max_partial_depth = 16;

// ---------------------------------------------------------------------------
// Escaping. mstch has one process-wide escape function; ours asks the
// current thread which kind of template it is rendering, so HTML and
// Markdown templates can render on different threads at once.

enum class EscapeMode { html, markdown, none };
thread_local EscapeMode t_escape_mode = EscapeMode::html;

void install_escape_function() {
  static std::once_flag s_installed;
  std::call_once(s_installed, [] {
    mstch::config::escape = [](const std::string& text) {
      switch (t_escape_mode) {
        case EscapeMode::markdown:
          return escape_markdown(text);
        case EscapeMode::none:
          return text;
        case EscapeMode::html:
          break;
      }
      return escape_html(text);
    };
  });
}

/// Sets the escape mode for one render and restores it afterwards.
class EscapeScope {
 public:
  explicit EscapeScope(EscapeMode mode) : m_previous(t_escape_mode) { t_escape_mode = mode; }
  ~EscapeScope() { t_escape_mode = m_previous; }
  EscapeScope(const EscapeScope&) = delete;
  EscapeScope& operator=(const EscapeScope&) = delete;

 private:
  EscapeMode m_previous;
};

// ---------------------------------------------------------------------------
// Parsing mustache tags, with positions. mstch does its own parsing when it
// renders; this parse exists only to know where each tag is.

enum class TagKind { variable, unescaped, section, inverted, close, partial };

struct Tag {
  TagKind kind = TagKind::variable;
  std::string name;
  std::string text;  ///< the whole tag as written, for messages
  Position position;
};

struct TagNode {
  Tag tag;
  std::vector<TagNode> children;  ///< for sections and inverted sections
};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

/// Walks the text keeping line and column (columns count characters, not
/// bytes, as editors do).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}
  void advance_to(std::size_t offset) {
    for (; m_offset < offset && m_offset < m_text.size(); ++m_offset) {
      const unsigned char c = static_cast<unsigned char>(m_text[m_offset]);
      if (c == '\n') {
        ++m_position.line;
        m_position.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++m_position.column;
      }
    }
  }
  Position position() const { return m_position; }

 private:
  std::string_view m_text;
  std::size_t m_offset = 0;
  Position m_position{1, 1};
};

/// Parses `text` into a tree of tags. Returns std::nullopt after appending
/// `template-syntax` diagnostics when tags are unclosed or mismatched.
std::optional<std::vector<TagNode>> parse_tags(std::string_view text, const std::string& file,
                                               Diagnostics& diagnostics) {
  std::string open = "{{";
  std::string close = "}}";
  Cursor cursor(text);
  std::vector<TagNode> root;
  std::vector<TagNode*> open_sections;  // innermost last
  auto children = [&]() -> std::vector<TagNode>& {
    return open_sections.empty() ? root : open_sections.back()->children;
  };
  bool ok = true;
  std::size_t offset = 0;
  while (true) {
    const std::size_t start = text.find(open, offset);
    if (start == std::string_view::npos) break;
    cursor.advance_to(start);
    const Position position = cursor.position();
    std::size_t inner = start + open.size();
    const bool triple = inner < text.size() && text[inner] == '{';
    const std::string closing = triple ? "}" + close : close;
    const std::size_t end = text.find(closing, inner);
    if (end == std::string_view::npos) {
      diagnostics.error("template-syntax", file, position,
                        "tag opened with '" + open + "' is never closed");
      return std::nullopt;
    }
    offset = end + closing.size();
    const std::string whole(text.substr(start, offset - start));
    std::string_view content = text.substr(inner, end - inner);
    Tag tag;
    tag.position = position;
    tag.text = whole;
    if (triple) {
      tag.kind = TagKind::unescaped;
      content.remove_prefix(1);
    } else if (!content.empty()) {
      switch (content.front()) {
        case '!':
          continue;  // a comment
        case '=': {
          // {{=<% %>=}} changes the delimiters for the rest of the file.
          std::string_view spec = trim(content.substr(1));
          // Without the closing '=' mstch reads no delimiter change, so
          // the tags after it would be rendered unchecked.
          const bool closed = !spec.empty() && spec.back() == '=';
          if (closed) spec.remove_suffix(1);
          spec = trim(spec);
          const std::size_t space = spec.find_first_of(" \t");
          if (!closed || space == std::string_view::npos) {
            diagnostics.error("template-syntax", file, position,
                              "cannot read the new delimiters in " + whole);
            return std::nullopt;
          }
          open = std::string(trim(spec.substr(0, space)));
          close = std::string(trim(spec.substr(space)));
          continue;
        }
        case '&':
          tag.kind = TagKind::unescaped;
          content.remove_prefix(1);
          break;
        case '#':
          tag.kind = TagKind::section;
          content.remove_prefix(1);
          break;
        case '^':
          tag.kind = TagKind::inverted;
          content.remove_prefix(1);
          break;
        case '/':
          tag.kind = TagKind::close;
          content.remove_prefix(1);
          break;
        case '>':
          tag.kind = TagKind::partial;
          content.remove_prefix(1);
          break;
        default:
          break;
      }
    }
    tag.name = std::string(trim(content));
    if (tag.name.empty()) {
      diagnostics.error("template-syntax", file, position, "empty tag " + whole);
      ok = false;
      continue;
    }
    if (tag.kind == TagKind::close) {
      if (open_sections.empty()) {
        diagnostics.error("template-syntax", file, position,
                          whole + " closes a section that was never opened");
        ok = false;
        continue;
      }
      const Tag& opened = open_sections.back()->tag;
      if (opened.name != tag.name) {
        diagnostics.error("template-syntax", file, position,
                          whole + " does not close " + opened.text + " opened at line " +
                              std::to_string(opened.position.line) + ", column " +
                              std::to_string(opened.position.column));
        ok = false;
      }
      open_sections.pop_back();
      continue;
    }
    children().push_back(TagNode{std::move(tag), {}});
    if (children().back().tag.kind == TagKind::section ||
        children().back().tag.kind == TagKind::inverted) {
      open_sections.push_back(&children().back());
    }
  }
  // Pointers into vectors stay valid above because a section's parent
  // vector only grows after the section is closed.
  for (const TagNode* section : open_sections) {
    diagnostics.error("template-syntax", file, section->tag.position,
                      section->tag.text + " is never closed");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return root;
}

// ---------------------------------------------------------------------------
// Resolving names as mstch does: the first part of a dotted name is looked up
// from the innermost context outwards; the other parts inside what it found.

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> parts;
  if (name == ".") return {name};
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? dot : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

class Checker {
 public:
  Checker(const std::map<std::string, std::string>& partials, std::string partial_folder,
          Diagnostics& diagnostics)
      : m_partials(partials),
        m_partial_folder(std::move(partial_folder)),
        m_diagnostics(diagnostics) {}

  void check(const std::vector<TagNode>& nodes, const std::string& file, int depth) {
    for (const TagNode& node : nodes) check_node(node, file, depth);
  }

  void push(const mstch::node* context) { m_stack.push_back(context); }
  bool failed() const { return m_failed; }

 private:
  void check_node(const TagNode& node, const std::string& file, int depth) {
    const Tag& tag = node.tag;
    switch (tag.kind) {
      case TagKind::variable:
        if (!resolve(tag.name)) report_unknown(tag, file);
        return;
      case TagKind::unescaped: {
        const std::string last = split_name(tag.name).back();
        if (last.size() < 5 || last.compare(last.size() - 5, 5, "_html") != 0) {
          report(file, tag.position, "template-unescaped-variable",
                 tag.text + " inserts '" + tag.name + "' without escaping",
                 "write {{" + tag.name +
                     "}}; only generated HTML, named '..._html', may be inserted raw");
        }
        if (!resolve(tag.name)) report_unknown(tag, file);
        return;
      }
      case TagKind::inverted:
        if (!resolve(tag.name)) report_unknown(tag, file);
        check(node.children, file, depth);
        return;
      case TagKind::section:
        check_section(node, file, depth);
        return;
      case TagKind::partial:
        check_partial(tag, file, depth);
        return;
      case TagKind::close:
        return;
    }
  }

  void check_section(const TagNode& node, const std::string& file, int depth) {
    const std::optional<const mstch::node*> value = resolve(node.tag.name);
    if (!value) {
      // The items' fields cannot be judged without the items.
      report_unknown(node.tag, file);
      return;
    }
    const mstch::node& found = **value;
    if (const auto* array = boost::get<mstch::array>(&found)) {
      // Every item, since items of one list may differ in shape; an empty
      // list renders nothing, so there is nothing to check.
      for (const mstch::node& item : *array) {
        m_stack.push_back(&item);
        check(node.children, file, depth);
        m_stack.pop_back();
      }
      return;
    }
    if (boost::get<mstch::lambda>(&found)) return;  // the lambda decides
    // A map or object opens a scope; any other value (true, a string) is
    // pushed by mstch too, and lookups pass through it to the outer scopes.
    // A false section is checked as well: a conditional clause with a typo
    // must fail before the day its condition turns true.
    m_stack.push_back(&found);
    check(node.children, file, depth);
    m_stack.pop_back();
  }

  void check_partial(const Tag& tag, const std::string& file, int depth) {
    const auto it = m_partials.find(tag.name);
    if (it == m_partials.end()) {
      report(file, tag.position, "template-unknown-partial", "unknown partial '" + tag.name + "'",
             "partials are the .mustache files below " + m_partial_folder);
      return;
    }
    if (depth >= k_max_partial_depth) {
      report(file, tag.position, "template-partial-depth",
             "partials nest more than " + std::to_string(k_max_partial_depth) +
                 " deep; a partial probably includes itself");
      return;
    }
    const std::string partial_file = m_partial_folder + tag.name + std::string(k_extension);
    Diagnostics syntax;
    const std::optional<std::vector<TagNode>> nodes = parse_tags(it->second, partial_file, syntax);
    if (!nodes) {
      for (const Diagnostic& d : syntax) report(d.file, d.position, d.code, d.message);
      return;
    }
    check(*nodes, partial_file, depth + 1);
  }

  /// The node `name` resolves to in the current scopes, or std::nullopt.
  std::optional<const mstch::node*> resolve(const std::string& name) {
    const std::vector<std::string> parts = split_name(name);
    if (parts.front() == ".") return m_stack.back();
    for (auto scope = m_stack.rbegin(); scope != m_stack.rend(); ++scope) {
      const mstch::node* found = member(**scope, parts.front());
      if (!found) continue;
      for (std::size_t i = 1; i < parts.size() && found; ++i) found = member(*found, parts[i]);
      if (!found) return std::nullopt;
      return found;
    }
    return std::nullopt;
  }

  const mstch::node* member(const mstch::node& node, const std::string& key) {
    if (const auto* map = boost::get<mstch::map>(&node)) {
      const auto it = map->find(key);
      return it == map->end() ? nullptr : &it->second;
    }
    if (const auto* object = boost::get<std::shared_ptr<mstch::object>>(&node)) {
      if (!*object || !(*object)->has(key)) return nullptr;
      m_object_values.push_back((*object)->at(key));
      return &m_object_values.back();
    }
    return nullptr;
  }

  /// Names visible in the current scopes, for the hint.
  std::set<std::string> visible_names() const {
    std::set<std::string> names;
    for (const mstch::node* scope : m_stack) {
      if (const auto* map = boost::get<mstch::map>(scope)) {
        for (const auto& [key, value] : *map) names.insert(key);
      }
    }
    return names;
  }

  void report_unknown(const Tag& tag, const std::string& file) {
    const std::vector<std::string> parts = split_name(tag.name);
    const std::set<std::string> names = visible_names();
    const std::string nearest =
        util::closest(parts.front(), std::vector<std::string>(names.begin(), names.end()), 2);
    std::string hint = nearest.empty() ? std::string() : "did you mean '" + nearest + "'?";
    if (hint.empty() && parts.size() == 1 && !names.empty()) {
      hint = "names available here:";
      int shown = 0;
      for (const std::string& candidate : names) {
        if (shown++ == 12) {
          hint += " ...";
          break;
        }
        hint += " " + candidate;
      }
    }
    report(file, tag.position, "template-unknown-variable",
           tag.text + " names '" + tag.name + "', which the data does not have", hint);
  }

  void report(const std::string& file, Position position, const std::string& code,
              std::string message, std::string hint = {}) {
    // The same tag is visited once per list item; report it once.
    if (!m_reported.insert({file, position.line, position.column, code}).second) return;
    m_diagnostics.error(code, file, position, std::move(message), std::move(hint));
    m_failed = true;
  }

  const std::map<std::string, std::string>& m_partials;
  std::string m_partial_folder;
  Diagnostics& m_diagnostics;
  std::vector<const mstch::node*> m_stack;
  std::deque<mstch::node> m_object_values;  // deque: pointers stay valid
  std::set<std::tuple<std::string, int, int, std::string>> m_reported;
  bool m_failed = false;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TemplateSet TemplateSet::load(const Source& source, std::string folder, Diagnostics& diagnostics) {
  TemplateSet set;
  set.m_folder = std::move(folder);
  std::string error;
  const std::vector<SourceEntry> entries = source.list(set.m_folder, &error);
  if (!error.empty()) {
    diagnostics.error("template-unreadable", set.m_folder, {}, error);
  }
  const std::string prefix = set.m_folder.empty() ? "" : set.m_folder + "/";
  for (const SourceEntry& entry : entries) {
    if (entry.type != EntryType::file || !ends_with(entry.path, k_extension)) continue;
    const ReadResult read = source.read(entry.path, k_max_template_bytes);
    if (!read.ok()) {
      diagnostics.error("template-unreadable", entry.path, {}, read.error);
      continue;
    }
    std::string name = entry.path.substr(prefix.size());
    name.resize(name.size() - k_extension.size());
    if (name.rfind(k_partials, 0) == 0)
      set.m_partials[name.substr(k_partials.size())] = read.content;
    set.m_templates[name] = read.content;
  }
  return set;
}

TemplateSet TemplateSet::from_memory(std::string folder,
                                     const std::map<std::string, std::string>& templates) {
  TemplateSet set;
  set.m_folder = std::move(folder);
  for (const auto& [name, text] : templates) {
    if (name.rfind(k_partials, 0) == 0) set.m_partials[name.substr(k_partials.size())] = text;
    set.m_templates[name] = text;
  }
  return set;
}

bool TemplateSet::has(std::string_view name) const {
  return m_templates.find(name) != m_templates.end();
}

std::string TemplateSet::file_of(std::string_view name) const {
  return (m_folder.empty() ? "" : m_folder + "/") + std::string(name) + std::string(k_extension);
}

bool TemplateSet::check(std::string_view name, const mstch::map& context,
                        Diagnostics& diagnostics) const {
  const auto it = m_templates.find(name);
  const std::string file = file_of(name);
  if (it == m_templates.end()) {
    diagnostics.error("template-missing", file, {},
                      "no template named '" + std::string(name) + "'");
    return false;
  }
  Diagnostics found;
  const std::optional<std::vector<TagNode>> nodes = parse_tags(it->second, file, found);
  if (nodes) {
    const std::string partial_folder =
        (m_folder.empty() ? "" : m_folder + "/") + std::string(k_partials);
    Checker checker(m_partials, partial_folder, found);
    const mstch::node root = context;
    checker.push(&root);
    checker.check(*nodes, file, 0);
  }
  const bool clean = !found.has_errors();
  diagnostics.append(std::move(found));
  return clean;
}

std::optional<std::string> TemplateSet::render_html(std::string_view name,
                                                    const mstch::map& context,
                                                    Diagnostics& diagnostics) const {
  if (!check(name, context, diagnostics)) return std::nullopt;
  install_escape_function();
  EscapeScope scope(EscapeMode::html);
  try {
    return mstch::render(m_templates.find(name)->second, context, m_partials);
  } catch (const std::exception& e) {
    diagnostics.error("template-render-failed", file_of(name), {}, e.what());
    return std::nullopt;
  }
}

std::optional<std::string> TemplateSet::render_document(std::string_view kind, mstch::map context,
                                                        Diagnostics& diagnostics) const {
  std::optional<std::string> body = render_html(kind, context, diagnostics);
  if (!body) return std::nullopt;
  context["content_html"] = std::move(*body);
  return render_html("layout", context, diagnostics);
}

std::optional<std::string> TemplateSet::render_markdown(std::string_view name,
                                                        const mstch::map& context,
                                                        Diagnostics& diagnostics) const {
  if (!check(name, context, diagnostics)) return std::nullopt;
  install_escape_function();
  std::string markdown;
  {
    EscapeScope scope(EscapeMode::markdown);
    try {
      markdown = mstch::render(m_templates.find(name)->second, context, m_partials);
    } catch (const std::exception& e) {
      diagnostics.error("template-render-failed", file_of(name), {}, e.what());
      return std::nullopt;
    }
  }
  return markdown_to_html(markdown);
}

std::optional<std::string> TemplateSet::render_text(std::string_view name,
                                                    const mstch::map& context,
                                                    Diagnostics& diagnostics) const {
  if (!check(name, context, diagnostics)) return std::nullopt;
  install_escape_function();
  EscapeScope scope(EscapeMode::none);
  try {
    return mstch::render(m_templates.find(name)->second, context, m_partials);
  } catch (const std::exception& e) {
    diagnostics.error("template-render-failed", file_of(name), {}, e.what());
    return std::nullopt;
  }
}

}  // namespace partnerops::render
