#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "util/utf8.hpp"
#include "util/view_stream.hpp"
#include "yaml/node.hpp"

namespace partnerops::yaml {

std::string_view to_string(Kind kind) {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "boolean";
    case Kind::integer:
      return "integer";
    case Kind::floating:
      return "number";
    case Kind::string:
      return "string";
    case Kind::sequence:
      return "list";
    case Kind::mapping:
      return "mapping";
  }
  return "null";
}

const Entry* Node::find_entry(std::string_view key) const {
  for (const Entry& entry : entries()) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const Entry* entry = find_entry(key);
  return entry ? entry->value : nullptr;
}

const Node& Document::deepest(const std::vector<std::string>& path) const {
  const Node* node = m_root;
  for (const std::string& step : path) {
    const Node* next = nullptr;
    if (node->is_mapping()) {
      next = node->find(step);
    } else if (node->is_sequence()) {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(step.data(), step.data() + step.size(), index);
      if (ec == std::errc() && end == step.data() + step.size() && index < node->items().size())
        next = node->items()[index];
    }
    if (!next) break;
    node = next;
  }
  return *node;
}

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// yaml-cpp counts columns in bytes; editors and annotations count
/// characters, so multi-byte characters before the node count once.
/// `continuations` is the number of UTF-8 continuation bytes on the line
/// before the mark.
Position position_of(const YAML::Mark& mark, int continuations = 0) {
  return {mark.line + 1, mark.column + 1 - continuations};
}

/// True when `mark` lies inside `text`, so its line can be scanned.
bool mark_in(std::string_view text, const YAML::Mark& mark) {
  return mark.pos >= 0 && mark.column >= 0 && mark.column <= mark.pos &&
         static_cast<std::size_t>(mark.pos) <= text.size();
}

/// The position of `mark` in characters, scanning its line (for one-off
/// positions such as a syntax error).
Position character_position(std::string_view text, const YAML::Mark& mark) {
  if (!mark_in(text, mark)) return position_of(mark);
  int continuations = 0;
  for (std::size_t i = mark.pos - mark.column; i < static_cast<std::size_t>(mark.pos); ++i)
    continuations += is_continuation_byte(text[i]);
  return position_of(mark, continuations);
}

bool is_core_bool(std::string_view s, bool* value) {
  if (s == "true" || s == "True" || s == "TRUE") return *value = true, true;
  if (s == "false" || s == "False" || s == "FALSE") return *value = false, true;
  return false;
}

bool all_of_chars(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// The YAML 1.2 core schema's float pattern:
/// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
/// plus .inf, .nan and their capitalised forms.
bool is_core_float(std::string_view s) {
  std::string_view rest = s;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) rest.remove_prefix(1);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  std::size_t i = 0;
  std::size_t int_digits = 0;
  while (i < rest.size() && is_digit(rest[i])) ++i, ++int_digits;
  std::size_t frac_digits = 0;
  bool has_dot = false;
  if (i < rest.size() && rest[i] == '.') {
    has_dot = true;
    ++i;
    while (i < rest.size() && is_digit(rest[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (int_digits == 0 && !has_dot) return false;
  if (i < rest.size() && (rest[i] == 'e' || rest[i] == 'E')) {
    ++i;
    if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < rest.size() && is_digit(rest[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == rest.size();
}

/// Resolves a plain scalar's integer forms: decimal, 0o octal, 0x hex.
/// Returns false when the text is not an integer or does not fit 64 bits.
bool parse_core_int(std::string_view s, std::int64_t* value) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o') {
    const std::string_view digits = s.substr(2);
    if (!all_of_chars(digits, is_octal)) return false;
    return std::from_chars(digits.data(), digits.data() + digits.size(), *value, 8).ec ==
           std::errc();
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x') {
    const std::string_view digits = s.substr(2);
    if (!all_of_chars(digits, is_hex)) return false;
    return std::from_chars(digits.data(), digits.data() + digits.size(), *value, 16).ec ==
           std::errc();
  }
  std::string_view digits = s;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (!all_of_chars(digits, is_digit)) return false;
  if (s.front() == '+') s.remove_prefix(1);
  return std::from_chars(s.data(), s.data() + s.size(), *value).ec == std::errc();
}

/// yaml-cpp 0.7 unescapes "\N" and "\_" (U+0085, U+00A0) to the single
/// bytes 0x85 and 0xA0 instead of their UTF-8 forms, leaving a value that is
/// not UTF-8 in a file that is (and that an editor reads as another string).
/// The file was checked to be UTF-8 before parsing, so a byte of those two
/// values outside a well-formed sequence can only come from those escapes.
std::string repair_yaml_cpp_escapes(const std::string& value) {
  if (value.find_first_of("\x85\xA0") == std::string::npos) return value;
  std::string out;
  out.reserve(value.size() + 2);
  std::string_view rest = value;
  while (!rest.empty()) {
    const std::size_t stray = util::find_invalid_utf8(rest);
    out += rest.substr(0, stray);
    if (stray == std::string_view::npos) break;
    if (rest[stray] == '\x85' || rest[stray] == '\xA0') out += '\xC2';
    out += rest[stray];
    rest.remove_prefix(stray + 1);
  }
  return out;
}

/// Raised inside the event handler to stop yaml-cpp's parser early; caught in
/// parse(), which has already recorded the diagnostic.
struct StopParsing {};

}  // namespace

/// Builds a Document from yaml-cpp's parser events. A friend of Node and
/// Document, so those stay read-only for everyone else.
///
/// Values are drafted first, linked by index (the arrays grow as events
/// arrive), and laid out by finish() once the document is complete: only the
/// values reachable from the root become nodes, since a mapping key lives on
/// as its entry's text, and each collection's items or entries are one run
/// of the document's arrays.
class DocumentBuilder final : public YAML::EventHandler {
 public:
  DocumentBuilder(const std::string& path, std::string_view text, Diagnostics& diagnostics,
                  const ParseLimits& limits)
      : m_path(path), m_source_text(text), m_diagnostics(diagnostics), m_limits(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t node = make(Kind::null, mark);
    remember(anchor, node);
    attach(node);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      fail("yaml-syntax", position_at(mark), "an alias refers to an unknown anchor");
    }
    for (const Frame& frame : m_stack) {
      if (frame.node == found->second) {
        fail("yaml-recursive-alias", position_at(mark),
             "an alias refers to a collection that contains it",
             "remove the alias, or write the values out");
      }
    }
    attach(found->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::size_t node = make(Kind::string, mark);
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!"; only
    // plain scalars are resolved by the core schema.
    if (tag == "?") {
      store_text(node, value);
      resolve_plain(m_drafts[node]);
    } else {
      m_drafts[node].quoted = true;
      store_text(node, repair_yaml_cpp_escapes(value));
      // yaml-cpp 0.7 takes a quote that is never closed as running to the
      // end of the file, which silently swallows every key after it.
      if (!closing_quote_exists(mark)) {
        fail("yaml-syntax", position_at(mark), "this quoted value is never closed",
             "add the closing quote at the end of the value");
      }
    }
    remember(anchor, node);
    attach(node);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

  /// The position of the first value seen, when there was one.
  std::optional<Position> first_position() const {
    if (m_drafts.empty()) return std::nullopt;
    return m_drafts.front().position;
  }

  /// Lays the drafted values out in `document`; an empty file becomes a
  /// single null node.
  void finish(Document& document) {
    if (m_root == k_none) {
      document.m_nodes.resize(1);
      document.m_root = &document.m_nodes.front();
      return;
    }
    // Reachable values, numbered in source order.
    std::vector<std::uint32_t> final_index(m_drafts.size(), k_unreached);
    std::vector<std::size_t> pending{m_root};
    final_index[m_root] = 0;
    while (!pending.empty()) {
      const Draft& draft = m_drafts[pending.back()];
      pending.pop_back();
      for_each_child(draft, [&](std::size_t child) {
        if (final_index[child] == k_unreached) {
          final_index[child] = 0;
          pending.push_back(child);
        }
      });
    }
    std::size_t nodes = 0;
    std::size_t items = 0;
    std::size_t entries = 0;
    for (std::size_t i = 0; i < m_drafts.size(); ++i) {
      if (final_index[i] == k_unreached) continue;
      final_index[i] = static_cast<std::uint32_t>(nodes++);
      if (m_drafts[i].kind == Kind::sequence) items += m_drafts[i].count;
      if (m_drafts[i].kind == Kind::mapping) entries += m_drafts[i].count;
    }

    document.m_texts = std::move(m_texts);
    document.m_nodes.resize(nodes);
    document.m_items.reserve(items);  // exact, so the runs never move
    document.m_entries.reserve(entries);
    auto text_at = [&](std::size_t at, std::uint32_t size) -> const char* {
      return size == 0 ? "" : document.m_texts.data() + at;
    };
    for (std::size_t i = 0; i < m_drafts.size(); ++i) {
      if (final_index[i] == k_unreached) continue;
      const Draft& draft = m_drafts[i];
      Node& node = document.m_nodes[final_index[i]];
      node.m_kind = draft.kind;
      node.m_quoted = draft.quoted;
      node.m_boolean = draft.boolean;
      node.m_position = draft.position;
      node.m_text = text_at(draft.text_at, draft.text_size);
      node.m_size = draft.text_size;
      if (draft.kind == Kind::integer) {
        node.m_integer = draft.integer;
      } else if (draft.kind == Kind::sequence) {
        node.m_size = draft.count;
        node.m_items = document.m_items.data() + document.m_items.size();
        for (std::size_t k = draft.first; k < draft.first + draft.count; ++k)
          document.m_items.push_back(&document.m_nodes[final_index[m_items[k]]]);
      } else if (draft.kind == Kind::mapping) {
        node.m_size = draft.count;
        node.m_entries = document.m_entries.data() + document.m_entries.size();
        for (std::size_t k = draft.first; k < draft.first + draft.count; ++k) {
          const DraftEntry& entry = m_entries[k];
          document.m_entries.push_back(
              Entry{std::string_view(text_at(entry.key_at, entry.key_size), entry.key_size),
                    entry.key_position, &document.m_nodes[final_index[entry.value]]});
        }
      }
    }
    document.m_root = &document.m_nodes[final_index[m_root]];
  }

 private:
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  static constexpr std::uint32_t k_unreached = static_cast<std::uint32_t>(-1);

  struct Draft {
    Kind kind = Kind::null;
    bool quoted = false;
    bool boolean = false;
    Position position;
    std::size_t expanded = 1;
    std::size_t text_at = 0;
    std::uint32_t text_size = 0;
    std::int64_t integer = 0;
    std::size_t first = 0;  // of the collection's run in m_items or m_entries, once closed
    std::uint32_t count = 0;
  };
  struct DraftEntry {
    std::size_t key_at = 0;
    std::uint32_t key_size = 0;
    Position key_position;
    std::size_t value = 0;
  };
  struct Frame {
    std::size_t node = 0;
    bool expecting_key = true;  // mappings alternate key, value
    bool key_usable = false;    // the pending key was a scalar
    std::size_t key = 0;        // the pending key's draft
    std::unordered_set<std::string> keys;
    std::vector<std::size_t> items;
    std::vector<DraftEntry> entries;
  };

  template <class Visit>
  void for_each_child(const Draft& draft, Visit visit) const {
    if (draft.kind == Kind::sequence) {
      for (std::size_t k = draft.first; k < draft.first + draft.count; ++k) visit(m_items[k]);
    } else if (draft.kind == Kind::mapping) {
      for (std::size_t k = draft.first; k < draft.first + draft.count; ++k)
        visit(m_entries[k].value);
    }
  }

  std::string_view text_of(std::size_t at, std::uint32_t size) const {
    return {m_texts.data() + at, size};
  }

  std::size_t make(Kind kind, const YAML::Mark& mark) {
    Draft& draft = m_drafts.emplace_back();
    draft.kind = kind;
    draft.position = position_at(mark);
    return m_drafts.size() - 1;
  }

  void store_text(std::size_t node, std::string_view text) {
    // Files are far below 4 GiB (ParseLimits::max_bytes), so a size fits.
    m_drafts[node].text_at = m_texts.size();
    m_drafts[node].text_size = static_cast<std::uint32_t>(text.size());
    m_texts.insert(m_texts.end(), text.begin(), text.end());
  }

  /// The position of `mark` in characters. Marks arrive in text order, so
  /// the scan of the current line resumes where the previous one stopped
  /// and a long line is scanned once, not once per node.
  Position position_at(const YAML::Mark& mark) {
    if (!mark_in(m_source_text, mark)) return position_of(mark);
    const std::size_t line_start = mark.pos - mark.column;
    const std::size_t pos = mark.pos;
    if (line_start != m_line_start || pos < m_scanned_to) {
      m_line_start = line_start;
      m_scanned_to = line_start;
      m_continuations = 0;
    }
    for (; m_scanned_to < pos; ++m_scanned_to)
      m_continuations += is_continuation_byte(m_source_text[m_scanned_to]);
    return position_of(mark, m_continuations);
  }

  /// For a scalar that opens with a quote at `mark`, whether the matching
  /// closing quote follows in the text. Block scalars (| and >) pass.
  bool closing_quote_exists(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_source_text.size()) return true;
    const char quote = m_source_text[mark.pos];
    if (quote != '"' && quote != '\'') return true;
    for (std::size_t i = mark.pos + 1; i < m_source_text.size(); ++i) {
      const char c = m_source_text[i];
      if (quote == '"' && c == '\\') {
        ++i;  // an escaped character, possibly a quote
      } else if (c == quote) {
        // In single quotes '' is an escaped quote, not the end.
        if (quote == '\'' && i + 1 < m_source_text.size() && m_source_text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return true;
      }
    }
    return false;
  }

  void remember(YAML::anchor_t anchor, std::size_t node) {
    if (anchor != YAML::NullAnchor) m_anchors[anchor] = node;
  }

  void resolve_plain(Draft& draft) const {
    const std::string_view text = text_of(draft.text_at, draft.text_size);
    if (is_core_bool(text, &draft.boolean)) {
      draft.kind = Kind::boolean;
    } else if (parse_core_int(text, &draft.integer)) {
      draft.kind = Kind::integer;
    } else if (is_core_float(text) || all_of_chars(text, is_digit)) {
      // Digits that overflow 64 bits are still a number, not a string.
      draft.kind = Kind::floating;
    }
  }

  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      fail("yaml-too-deep", position_at(mark),
           "collections are nested more than " + std::to_string(m_limits.max_depth) +
               " levels deep");
    }
    const std::size_t node = make(kind, mark);
    remember(anchor, node);
    m_stack.emplace_back().node = node;
  }

  /// Closes the innermost collection: its children, complete now, become
  /// one run of the builder's arrays.
  void close() {
    Frame& frame = m_stack.back();
    Draft& draft = m_drafts[frame.node];
    if (draft.kind == Kind::sequence) {
      draft.first = m_items.size();
      draft.count = static_cast<std::uint32_t>(frame.items.size());
      m_items.insert(m_items.end(), frame.items.begin(), frame.items.end());
    } else {
      draft.first = m_entries.size();
      draft.count = static_cast<std::uint32_t>(frame.entries.size());
      m_entries.insert(m_entries.end(), frame.entries.begin(), frame.entries.end());
    }
    const std::size_t node = frame.node;
    m_stack.pop_back();
    attach(node);
  }

  void attach(std::size_t child) {
    if (m_stack.empty()) {
      if (m_root == k_none) m_root = child;
      return;
    }
    Frame& frame = m_stack.back();
    const Draft& value = m_drafts[child];
    if (m_drafts[frame.node].kind == Kind::sequence) {
      frame.items.push_back(child);
      grow(frame.node, value.expanded);
      return;
    }
    if (frame.expecting_key) {
      frame.expecting_key = false;
      frame.key_usable = value.kind != Kind::sequence && value.kind != Kind::mapping;
      frame.key = child;
      if (!frame.key_usable) {
        m_diagnostics.error("yaml-complex-key", m_path, value.position,
                            "a mapping key must be a plain value, not a list or mapping",
                            "write the key as a plain word, e.g. website:");
      }
      return;
    }
    frame.expecting_key = true;
    if (!frame.key_usable) return;
    const Draft& key = m_drafts[frame.key];
    const std::string_view key_text = text_of(key.text_at, key.text_size);
    if (!frame.keys.emplace(key_text).second) {
      std::string first_line;
      for (const DraftEntry& entry : frame.entries) {
        if (text_of(entry.key_at, entry.key_size) == key_text) {
          first_line = "the first one is on line " + std::to_string(entry.key_position.line) +
                       "; remove or rename one";
          break;
        }
      }
      m_diagnostics.error("yaml-duplicate-key", m_path, key.position,
                          "the key '" + std::string(key_text) + "' appears twice in this mapping",
                          first_line);
      return;
    }
    frame.entries.push_back(DraftEntry{key.text_at, key.text_size, key.position, child});
    grow(frame.node, value.expanded);
  }

  void grow(std::size_t parent, std::size_t added) {
    Draft& draft = m_drafts[parent];
    draft.expanded += added;
    if (draft.expanded > m_limits.max_expanded_nodes || draft.expanded > UINT32_MAX) {
      fail("yaml-alias-bomb", draft.position,
           "expanding the aliases of this file would create more than " +
               std::to_string(m_limits.max_expanded_nodes) + " values",
           "use fewer anchors and aliases (*name)");
    }
  }

  [[noreturn]] void fail(std::string code, Position position, std::string message,
                         std::string hint = {}) {
    m_diagnostics.error(std::move(code), m_path, position, std::move(message), std::move(hint));
    throw StopParsing{};
  }

  const std::string& m_path;
  std::string_view m_source_text;
  std::size_t m_line_start = std::string_view::npos;  // position_at's scan of one line
  std::size_t m_scanned_to = 0;
  int m_continuations = 0;
  Diagnostics& m_diagnostics;
  const ParseLimits& m_limits;
  std::vector<Draft> m_drafts;
  std::vector<char> m_texts;
  std::vector<std::size_t> m_items;   // closed sequences' runs of draft indices
  std::vector<DraftEntry> m_entries;  // closed mappings' runs
  std::size_t m_root = k_none;
  std::vector<Frame> m_stack;
  std::unordered_map<YAML::anchor_t, std::size_t> m_anchors;
};

namespace {

Position position_at_offset(std::string_view text, std::size_t offset) {
  Position position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!is_continuation_byte(text[i])) {
      ++position.column;
    }
  }
  return position;
}

/// YAML forbids tabs in indentation, and yaml-cpp's reaction to them ranges
/// from a vague message to a silently different structure. Returns the first
/// line that starts with a tab followed by content, or 0.
int find_tab_indented_line(std::string_view text) {
  int line = 1;
  bool at_line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (at_line_start && c == '\t') {
      std::size_t j = i;
      while (j < text.size() && (text[j] == '\t' || text[j] == ' ')) ++j;
      if (j < text.size() && text[j] != '\n' && text[j] != '\r' && text[j] != '#') return line;
    }
    at_line_start = c == '\n';
    if (c == '\n') ++line;
  }
  return 0;
}

}  // namespace

std::unique_ptr<Document> parse(std::string path, std::string_view text, Diagnostics& diagnostics,
                                const ParseLimits& limits) {
  auto document = std::make_unique<Document>();
  document->m_path = std::move(path);
  const std::string& file = document->m_path;

  if (text.size() > limits.max_bytes) {
    diagnostics.error("file-too-large", file, {},
                      "the file has " + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(limits.max_bytes),
                      "split it, or move long prose into Markdown");
    return nullptr;
  }
  // A NUL is valid UTF-8, yet yaml-cpp stops reading at it or calls it a
  // syntax error far away; it usually means a binary or UTF-16 file.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    diagnostics.error("file-nul-byte", file, position_at_offset(text, nul),
                      "the file contains a NUL byte, which YAML text never holds",
                      "save it as UTF-8 text (a NUL usually means a binary or UTF-16 file)");
    return nullptr;
  }
  if (const std::size_t bad = util::find_invalid_utf8(text); bad != std::string_view::npos) {
    diagnostics.error("file-not-utf8", file, position_at_offset(text, bad),
                      "the file is not valid UTF-8", "save it with UTF-8 encoding");
    return nullptr;
  }
  if (const int line = find_tab_indented_line(text)) {
    diagnostics.error("yaml-tab-indent", file, {line, 1}, "a tab is used for indentation",
                      "YAML indents with spaces only; replace the tabs with spaces");
    return nullptr;
  }

  try {
    util::ViewStream in(text);
    YAML::Parser parser(in);
    DocumentBuilder builder(file, text, diagnostics, limits);
    parser.HandleNextDocument(builder);
    // A second document would be silently ignored by every reader of the
    // first, so it is an error rather than something to skip.
    DocumentBuilder extra_builder(file, text, diagnostics, limits);
    if (parser.HandleNextDocument(extra_builder)) {
      if (const std::optional<Position> extra = extra_builder.first_position()) {
        diagnostics.error("yaml-multiple-documents", file, *extra,
                          "the file holds more than one YAML document",
                          "remove the '---' line and what follows, or move it to its own file");
        return nullptr;
      }
    }
    builder.finish(*document);
  } catch (const StopParsing&) {
    return nullptr;
  } catch (const YAML::Exception& e) {
    diagnostics.error("yaml-syntax", file, character_position(text, e.mark), e.msg,
                      "the parser stopped here; look for an unclosed bracket or quote, or "
                      "wrong indentation, on this line or the ones above");
    return nullptr;
  }
  // Duplicate and complex keys leave a usable tree (already reported), so
  // callers can go on checking the rest of the file.
  return document;
}

}  // namespace partnerops::yaml
