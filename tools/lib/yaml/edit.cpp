#include "yaml/edit.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include "util/utf8.hpp"

namespace partnerops::yaml {
namespace {

// ---- scalars ---------------------------------------------------------------

// Characters a YAML reader treats as line breaks or that are not printable:
// C0 controls, DEL, NEL (U+0085), LS/PS (U+2028/9), and the BOM (U+FEFF).
bool has_special_characters(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x85)
      return true;
    if (c == 0xE2 && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(value[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(value[i + 2]) == 0xA9)) {
      return true;
    }
    if (c == 0xEF && value.substr(i, 3) == "\xEF\xBB\xBF") return true;
  }
  return false;
}

bool looks_like_non_string(std::string_view value) {
  static const std::regex words(
      "null|Null|NULL|~|true|True|TRUE|false|False|FALSE|"
      "[yY]|[nN]|[yY][eE][sS]|[nN][oO]|[oO][nN]|[oO][fF][fF]");
  static const std::regex numbers(
      "[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|"
      "[-+]?(\\.[0-9][0-9_]*|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|"
      "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|"
      "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
  const std::string text(value);
  return std::regex_match(text, words) || std::regex_match(text, numbers);
}

bool single_quotable(std::string_view value) { return !has_special_characters(value); }

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string render(const Scalar& value, QuoteStyle preferred) {
  return value.kind == Scalar::Kind::raw ? value.text : format_string(value.text, preferred);
}

// ---- lines -----------------------------------------------------------------

enum class LineKind { blank, comment, content, marker, directive };

struct Line {
  std::size_t begin = 0;   // first byte (after a BOM on the first line)
  std::size_t end = 0;     // past the content, before "\r\n" or "\n"
  std::size_t next = 0;    // first byte of the next line
  std::size_t indent = 0;  // leading spaces
  LineKind kind = LineKind::blank;
  bool in_block_scalar = false;
  bool has_eol() const { return next > end; }
  std::size_t content() const { return begin + indent; }
};

// Where a value written after `start` ends on its line: past a closing quote,
// or before " #" / end of line for plain and flow text (trailing blanks
// excluded). npos when a quoted value does not close on this line.
std::size_t value_end(std::string_view text, std::size_t start, std::size_t end) {
  if (start >= end) return start;
  const char quote = text[start];
  if (quote == '"' || quote == '\'') {
    for (std::size_t i = start + 1; i < end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
        continue;
      }
      if (text[i] == quote) {
        if (quote == '\'' && i + 1 < end && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return std::string_view::npos;
  }
  if (quote == '#') return start;
  std::size_t stop = end;
  for (std::size_t i = start + 1; i < end; ++i) {
    if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      stop = i;
      break;
    }
  }
  while (stop > start && (text[stop - 1] == ' ' || text[stop - 1] == '\t')) --stop;
  return stop;
}

struct KeyLine {
  std::string key;
  std::size_t colon = 0;        // offset of ':'
  std::size_t value_begin = 0;  // first byte after ':' and blanks
  std::size_t value_end = 0;    // see value_end(); npos for an unclosed quote
  char quote = 0;               // '"', '\'' or 0 for a plain or empty value
  bool empty_value() const { return value_begin == value_end; }
};

std::optional<KeyLine> parse_key_line(std::string_view text, const Line& line) {
  if (line.kind != LineKind::content || line.in_block_scalar) return std::nullopt;
  std::size_t i = line.content();
  const std::size_t end = line.end;
  if (i >= end) return std::nullopt;
  KeyLine out;
  const char first = text[i];
  if ((first == '-' || first == '?') &&
      (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\t')) {
    return std::nullopt;
  }
  static constexpr std::string_view k_not_a_key_start = "[]{},#&*!|>%@`";
  if (k_not_a_key_start.find(first) != std::string_view::npos) return std::nullopt;
  if (first == '"' || first == '\'') {
    const std::size_t close = value_end(text, i, end);
    if (close == std::string_view::npos) return std::nullopt;
    for (std::size_t k = i + 1; k + 1 < close; ++k) {
      // A double-quoted key's backslash and a single-quoted key's doubled
      // quote each stand for the character after them.
      if ((first == '"' && text[k] == '\\' && k + 2 < close) || (first == '\'' && text[k] == '\''))
        ++k;
      out.key += text[k];
    }
    i = close;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end || text[i] != ':') return std::nullopt;
  } else {
    const std::size_t start = i;
    for (; i < end; ++i) {
      if (text[i] == '#' && i > start && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        return std::nullopt;
      if (text[i] == ':' && (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\t')) break;
    }
    if (i >= end) return std::nullopt;
    std::size_t key_end = i;
    while (key_end > start && (text[key_end - 1] == ' ' || text[key_end - 1] == '\t')) --key_end;
    out.key = std::string(text.substr(start, key_end - start));
  }
  out.colon = i;
  std::size_t v = i + 1;
  while (v < end && (text[v] == ' ' || text[v] == '\t')) ++v;
  out.value_begin = v;
  out.value_end = value_end(text, v, end);
  if (v < end && (text[v] == '"' || text[v] == '\'')) out.quote = text[v];
  return out;
}

// Where a block scalar header (`|`, `>-`, `|2+`) starts when it is the last
// token before a comment; npos when the line has none.
std::size_t block_scalar_header(std::string_view text, const Line& line) {
  constexpr std::size_t none = std::string_view::npos;
  const std::size_t stop = value_end(text, line.content(), line.end);
  if (stop == none || stop <= line.content()) return none;
  std::size_t start = stop;
  while (start > line.content() && text[start - 1] != ' ' && text[start - 1] != '\t') --start;
  const std::string_view token = text.substr(start, stop - start);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return none;
  if (token.size() > 3) return none;
  for (std::size_t k = 1; k < token.size(); ++k) {
    if (!(token[k] == '+' || token[k] == '-' || (token[k] >= '1' && token[k] <= '9'))) return none;
  }
  std::size_t k = start;
  while (k > line.content() && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
  if (k == line.content()) return none;
  return text[k - 1] == ':' || text[k - 1] == '-' ? start : none;
}

// Whether list items at the key's own indentation belong to its value: they
// do when the key has no value on its line (`history:` then `- a` below).
enum class SameIndentItems { belong, end_block };

// The lines of a file, each classified once, with the queries the edits need.
class ScannedText {
 public:
  explicit ScannedText(std::string_view text) : m_text(text) {
    split();
    classify();
    if (m_error.empty()) check_top_level();
  }

  std::string_view text() const { return m_text; }
  const std::vector<Line>& lines() const { return m_lines; }
  const std::string& error() const { return m_error; }

  // The line ending new lines take when inserted after line `after`.
  std::string eol_after(std::size_t after) const {
    if (after < m_lines.size() && m_lines[after].has_eol()) {
      const Line& line = m_lines[after];
      return std::string(m_text.substr(line.end, line.next - line.end));
    }
    return m_file_eol;
  }

  // The top-level key line named `key`, or npos.
  std::size_t find_top_level(std::string_view key, KeyLine* out) const {
    return find_key(key, 0, 0, m_lines.size(), out);
  }

  std::size_t find_key(std::string_view key, std::size_t indent, std::size_t from, std::size_t to,
                       KeyLine* out) const {
    for (std::size_t i = from; i < to; ++i) {
      const Line& line = m_lines[i];
      if (line.kind != LineKind::content || line.in_block_scalar || line.indent != indent) continue;
      std::optional<KeyLine> parsed = parse_key_line(m_text, line);
      if (parsed && parsed->key == key) {
        *out = *parsed;
        return i;
      }
    }
    return std::string_view::npos;
  }

  // The last line holding content of the value that starts at the key on
  // line `at` (indented `indent`): deeper lines, and for an empty value also
  // list items at the same indentation. Returns `at` when there are none.
  std::size_t block_last(std::size_t at, std::size_t indent, SameIndentItems items) const {
    std::size_t last = at;
    for (std::size_t i = at + 1; i < m_lines.size(); ++i) {
      const Line& line = m_lines[i];
      if (line.kind == LineKind::blank || line.kind == LineKind::comment) continue;
      if (line.kind != LineKind::content) break;
      if (line.in_block_scalar || line.indent > indent ||
          (items == SameIndentItems::belong && line.indent == indent && is_item(line))) {
        last = i;
        continue;
      }
      break;
    }
    return last;
  }

  // The first content line after `at`, up to `last`; npos when none.
  std::size_t first_child(std::size_t at, std::size_t last) const {
    for (std::size_t i = at + 1; i <= last && i < m_lines.size(); ++i) {
      if (m_lines[i].kind == LineKind::content) return i;
    }
    return std::string_view::npos;
  }

  bool is_item(const Line& line) const {
    const std::size_t c = line.content();
    return c < line.end && m_text[c] == '-' &&
           (c + 1 == line.end || m_text[c + 1] == ' ' || m_text[c + 1] == '\t');
  }

  // The indentation of the first block list under any top-level key, so a
  // new list looks like the file's others; 2 when there are none.
  std::size_t list_indent() const {
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
      const Line& line = m_lines[i];
      if (line.kind != LineKind::content || line.in_block_scalar || line.indent != 0) continue;
      std::optional<KeyLine> key = parse_key_line(m_text, line);
      if (!key || !key->empty_value()) continue;
      const std::size_t child = first_child(i, block_last(i, 0, SameIndentItems::belong));
      if (child != std::string_view::npos && is_item(m_lines[child])) return m_lines[child].indent;
    }
    return 2;
  }

  // The indentation of the first nested mapping; 2 when there is none.
  std::size_t mapping_indent() const {
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
      const Line& line = m_lines[i];
      if (line.kind != LineKind::content || line.in_block_scalar || line.indent != 0) continue;
      std::optional<KeyLine> key = parse_key_line(m_text, line);
      if (!key || !key->empty_value()) continue;
      const std::size_t child = first_child(i, block_last(i, 0, SameIndentItems::end_block));
      if (child != std::string_view::npos && !is_item(m_lines[child]) &&
          m_lines[child].indent > 0) {
        return m_lines[child].indent;
      }
    }
    return 2;
  }

 private:
  void split() {
    std::size_t pos = 0;
    std::size_t bom = 0;
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") bom = 3;
    while (pos < m_text.size()) {
      Line line;
      line.begin = pos == 0 ? bom : pos;
      const std::size_t newline = m_text.find('\n', pos);
      if (newline == std::string_view::npos) {
        line.end = m_text.size();
        line.next = m_text.size();
      } else {
        line.end = newline > pos && m_text[newline - 1] == '\r' ? newline - 1 : newline;
        line.next = newline + 1;
        if (m_file_eol.empty())
          m_file_eol = std::string(m_text.substr(line.end, line.next - line.end));
      }
      m_lines.push_back(line);
      pos = line.next;
    }
    if (m_file_eol.empty()) m_file_eol = "\n";
  }

  void classify() {
    bool seen_content = false;
    std::size_t scalar_parent = 0;
    bool in_scalar = false;
    for (Line& line : m_lines) {
      std::size_t i = line.begin;
      while (i < line.end && m_text[i] == ' ') ++i;
      line.indent = i - line.begin;
      const bool blank =
          m_text.substr(i, line.end - i).find_first_not_of(" \t") == std::string_view::npos;
      if (in_scalar) {
        if (blank) {
          line.kind = LineKind::blank;
          continue;
        }
        if (line.indent > scalar_parent) {
          line.kind = LineKind::content;
          line.in_block_scalar = true;
          continue;
        }
        in_scalar = false;
      }
      if (blank) {
        line.kind = LineKind::blank;
        continue;
      }
      if (m_text[i] == '#') {
        line.kind = LineKind::comment;
        continue;
      }
      if (line.indent == 0) {
        const std::string_view head = m_text.substr(i, line.end - i);
        const bool marker = (head.substr(0, 3) == "---" || head.substr(0, 3) == "...") &&
                            (head.size() == 3 || head[3] == ' ' || head[3] == '\t');
        if (marker) {
          line.kind = LineKind::marker;
          if (seen_content || head.substr(0, 3) == "...") {
            m_error =
                "the file holds more than one YAML document (or a '...' marker); only single "
                "documents are edited";
          }
          // Content after "--- " on the same line is not supported either.
          if (head.find_first_not_of(" \t", 3) != std::string_view::npos &&
              head.substr(3).find_first_not_of(" \t") != std::string_view::npos &&
              head[head.find_first_not_of(" \t", 3)] != '#') {
            m_error =
                "content on the '---' line is not supported; start the document on the next line";
          }
          continue;
        }
        if (m_text[i] == '%' && !seen_content) {
          line.kind = LineKind::directive;
          continue;
        }
      }
      if (m_text[i] == '\t') {
        m_error = "a line is indented with a tab, which YAML does not allow";
      }
      line.kind = LineKind::content;
      seen_content = true;
      const std::size_t header = block_scalar_header(m_text, line);
      if (header != std::string_view::npos) {
        // The scalar's lines are deeper than the node that holds it: the
        // key of `key: |` or `- key: |`, or the dash of `- |`.
        in_scalar = true;
        std::size_t c = line.content();
        std::size_t parent = line.indent;
        while (c + 1 < line.end && m_text[c] == '-' &&
               (m_text[c + 1] == ' ' || m_text[c + 1] == '\t')) {
          parent = c - line.begin;
          ++c;
          while (c < line.end && (m_text[c] == ' ' || m_text[c] == '\t')) ++c;
        }
        scalar_parent = c == header ? parent : c - line.begin;
      }
    }
    // A line added after it would give the scalar's last line a break, and
    // the scalar's value a "\n" it did not have.
    if (!m_lines.empty() && m_lines.back().in_block_scalar && !m_lines.back().has_eol()) {
      m_error =
          "the file ends inside a block scalar (| or >) without a line break; add one at "
          "the end of the file";
    }
  }

  // Keys are only looked for at the top of a block mapping: a file whose top
  // level is a list, a flow collection or a scalar is not edited.
  void check_top_level() {
    bool first = true;
    for (const Line& line : m_lines) {
      if (line.kind != LineKind::content || line.in_block_scalar) continue;
      // An indented top level (` stage: lead`) is still YAML, but a key
      // added in the first column would join it as a duplicate.
      if (first && line.indent != 0) {
        m_error =
            "the top-level keys of the file are indented; only a mapping that starts "
            "in the first column is edited";
        return;
      }
      if (line.indent != 0) continue;
      const bool key = parse_key_line(m_text, line).has_value();
      if (key || (!first && is_item(line))) {
        first = false;
        continue;
      }
      m_error = "the top level of the file is not a block mapping of keys";
      return;
    }
  }

  std::string_view m_text;
  std::vector<Line> m_lines;
  std::string m_file_eol;
  std::string m_error;
};

struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
};

std::string apply_edit(std::string_view text, const Edit& edit) {
  std::string out;
  out.reserve(text.size() + edit.replacement.size());
  out.append(text.substr(0, edit.begin));
  out += edit.replacement;
  out.append(text.substr(edit.end));
  return out;
}

// Inserts whole lines after line `after` (npos: at the start of the file),
// each ending with the file's line ending. After a last line without one, the
// break goes before the new lines instead, so the file still ends without.
Edit insert_lines(const ScannedText& doc, std::size_t after,
                  const std::vector<std::string>& lines) {
  Edit edit;
  const std::vector<Line>& all = doc.lines();
  if (all.empty() || after == std::string_view::npos) {
    const std::string eol = doc.eol_after(std::string_view::npos);
    edit.begin = edit.end = all.empty() ? doc.text().size() : all.front().begin;
    for (const std::string& line : lines) edit.replacement += line + eol;
    return edit;
  }
  const Line& anchor = all[after];
  const std::string eol = doc.eol_after(after);
  if (anchor.has_eol()) {
    edit.begin = edit.end = anchor.next;
    for (const std::string& line : lines) edit.replacement += line + eol;
  } else {
    edit.begin = edit.end = anchor.end;
    for (const std::string& line : lines) edit.replacement += eol + line;
  }
  return edit;
}

// Where a new top-level key goes: after the block of `after_key`, else after
// the last line of the file.
std::size_t insertion_point(const ScannedText& doc, std::string_view after_key) {
  if (!after_key.empty()) {
    KeyLine key;
    const std::size_t at = doc.find_top_level(after_key, &key);
    if (at != std::string_view::npos)
      return doc.block_last(
          at, 0, key.empty_value() ? SameIndentItems::belong : SameIndentItems::end_block);
  }
  return doc.lines().empty() ? std::string_view::npos : doc.lines().size() - 1;
}

std::string format_key(std::string_view key) { return format_string(key, QuoteStyle::plain); }

bool is_null_word(std::string_view value) {
  return value == "~" || value == "null" || value == "Null" || value == "NULL";
}

bool check_inputs(const ScannedText& doc, std::initializer_list<std::string_view> texts,
                  std::string* error) {
  if (!doc.error().empty()) {
    if (error != nullptr) *error = doc.error();
    return false;
  }
  for (std::string_view text : texts) {
    if (!util::is_valid_utf8(text)) {
      if (error != nullptr) *error = "a key or value is not valid UTF-8";
      return false;
    }
  }
  return true;
}

bool fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return false;
}

// YAML allows an implicit key (`key: value`) of at most 1024 characters as
// written; a longer one would make the file unreadable.
bool check_keys(std::initializer_list<std::string_view> keys, std::string* error) {
  for (std::string_view key : keys) {
    if (format_key(key).size() > 1024)
      return fail(error, "a key is longer than the 1024 characters YAML allows");
  }
  return true;
}

// Replaces the single-line scalar value of the key on line `at`.
bool replace_value(const ScannedText& doc, std::size_t at, const KeyLine& key,
                   std::string_view name, const Scalar& value, Edit* edit, std::string* error) {
  const std::string_view text = doc.text();
  const Line& line = doc.lines()[at];
  const std::string quoted_name = "'" + std::string(name) + "'";
  if (key.value_end == std::string_view::npos) {
    return fail(error, quoted_name + " has a quoted value spanning several lines; edit it by hand");
  }
  const std::size_t last = doc.block_last(
      at, line.indent, key.empty_value() ? SameIndentItems::belong : SameIndentItems::end_block);
  if (last != at) {
    return fail(error, key.empty_value()
                           ? quoted_name + " holds a mapping or list, not a single value"
                           : quoted_name + " has a value spanning several lines; edit it by hand");
  }
  if (!key.empty_value()) {
    const char first = text[key.value_begin];
    if (first == '[' || first == '{') {
      return fail(error, quoted_name + " holds a flow-style list or mapping, not a single value");
    }
    if (first == '|' || first == '>') {
      return fail(error, quoted_name + " holds a block scalar (| or >); edit it by hand");
    }
    if (first == '&' || first == '*' || first == '!') {
      return fail(error, quoted_name + " has an anchor, alias or tag; edit it by hand");
    }
  }
  const QuoteStyle style = key.quote == '"'    ? QuoteStyle::double_quoted
                           : key.quote == '\'' ? QuoteStyle::single_quoted
                                               : QuoteStyle::plain;
  const std::string rendered = render(value, style);
  if (key.empty_value()) {
    // `key:` or `key:   # comment`: the value goes right after ": ", the
    // comment keeps its distance; trailing blanks alone are dropped.
    edit->begin = key.colon + 1;
    const std::string_view rest = text.substr(key.colon + 1, line.end - key.colon - 1);
    const bool only_blanks = rest.find_first_not_of(" \t") == std::string_view::npos;
    edit->end = only_blanks ? line.end : key.colon + 1;
    edit->replacement = " " + rendered;
    return true;
  }
  edit->begin = key.value_begin;
  edit->end = key.value_end;
  edit->replacement = rendered;
  return true;
}

enum class Collection { list, mapping };

// For a key written on one line with an empty collection or a null as its
// value (`key: []`, `key: {}`, `key: ~  # c`), returns the line as it must
// read before the first entry goes below it: `key:` with the comment kept and
// trailing blanks dropped. Anything else (a scalar, a non-empty flow
// collection, a value running over several lines) is refused through `error`.
std::optional<std::string> open_empty_collection(const ScannedText& doc, std::size_t at,
                                                 const KeyLine& found, std::string_view name,
                                                 Collection kind, std::string* error) {
  const std::string_view text = doc.text();
  const Line& line = doc.lines()[at];
  const std::string quoted_name = "'" + std::string(name) + "'";
  const bool list = kind == Collection::list;
  std::string_view inner = text.substr(found.value_begin, found.value_end - found.value_begin);
  const bool flow = inner.size() >= 2 && inner.front() == (list ? '[' : '{') &&
                    inner.back() == (list ? ']' : '}');
  if (flow) {
    inner = inner.substr(1, inner.size() - 2);
    if (inner.find_first_not_of(" \t") != std::string_view::npos) {
      fail(error, quoted_name + (list ? " is a flow-style list ([...]); write it as a block list "
                                        "to append to it"
                                      : " is a flow-style mapping ({...}); write it as a block "
                                        "mapping to edit it"));
      return std::nullopt;
    }
  } else if (!is_null_word(inner)) {
    fail(error, quoted_name + (list ? " is not a list" : " is not a mapping"));
    return std::nullopt;
  }
  if (doc.block_last(at, 0, SameIndentItems::end_block) != at) {
    fail(error, quoted_name + " has a value spanning several lines, not a block " +
                    (list ? "list" : "mapping"));
    return std::nullopt;
  }
  std::string head(text.substr(line.begin, found.colon + 1 - line.begin));
  head += text.substr(found.value_end, line.end - found.value_end);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.pop_back();
  return head;
}

std::vector<std::string> item_lines(const Fields& item, std::size_t dash_indent,
                                    std::size_t field_indent) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < item.size(); ++i) {
    std::string line;
    if (i == 0) {
      line = std::string(dash_indent, ' ') + "-" + std::string(field_indent - dash_indent - 1, ' ');
    } else {
      line = std::string(field_indent, ' ');
    }
    line += format_key(item[i].first) + ": " + render(item[i].second, QuoteStyle::plain);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

bool needs_quotes(std::string_view value) {
  if (value.empty()) return true;
  if (value.front() == ' ' || value.back() == ' ') return true;
  if (has_special_characters(value)) return true;
  static constexpr std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (k_indicators.find(value.front()) != std::string_view::npos) return true;
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos ||
      value.back() == ':') {
    return true;
  }
  return looks_like_non_string(value);
}

std::string double_quoted(std::string_view value) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    switch (c) {
      case '\\':
        out += "\\\\";
        continue;
      case '"':
        out += "\\\"";
        continue;
      case '\0':
        out += "\\0";
        continue;
      case '\a':
        out += "\\a";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\v':
        out += "\\v";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case 0x1B:
        out += "\\e";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
      continue;
    }
    const std::string_view rest = value.substr(i);
    if (rest.substr(0, 2) == "\xC2\x85") {
      // Not "\N": yaml-cpp 0.7 reads that back as the lone byte 0x85.
      out += "\\x85";
      i += 1;
    } else if (rest.substr(0, 3) == "\xE2\x80\xA8") {
      out += "\\L";
      i += 2;
    } else if (rest.substr(0, 3) == "\xE2\x80\xA9") {
      out += "\\P";
      i += 2;
    } else if (rest.substr(0, 3) == "\xEF\xBB\xBF") {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string format_string(std::string_view value, QuoteStyle preferred) {
  switch (preferred) {
    case QuoteStyle::plain:
      if (!needs_quotes(value)) return std::string(value);
      break;
    case QuoteStyle::single_quoted:
      if (single_quotable(value)) return single_quoted(value);
      break;
    case QuoteStyle::double_quoted:
      break;
  }
  return double_quoted(value);
}

std::optional<std::string> set_scalar(std::string_view text, std::string_view key,
                                      const Scalar& value, std::string_view after_key,
                                      std::string* error) {
  const ScannedText doc(text);
  if (!check_inputs(doc, {key, value.text}, error) || !check_keys({key}, error))
    return std::nullopt;
  KeyLine found;
  const std::size_t at = doc.find_top_level(key, &found);
  Edit edit;
  if (at == std::string_view::npos) {
    edit = insert_lines(doc, insertion_point(doc, after_key),
                        {format_key(key) + ": " + render(value, QuoteStyle::plain)});
  } else if (!replace_value(doc, at, found, key, value, &edit, error)) {
    return std::nullopt;
  }
  return apply_edit(text, edit);
}

std::optional<std::string> append_to_sequence(std::string_view text, std::string_view key,
                                              const Fields& item, std::string_view after_key,
                                              std::string* error) {
  const ScannedText doc(text);
  if (!check_inputs(doc, {key}, error)) return std::nullopt;
  if (item.empty()) {
    fail(error, "the item to append has no fields");
    return std::nullopt;
  }
  for (const auto& [name, value] : item) {
    if (!check_inputs(doc, {name, value.text}, error) || !check_keys({key, name}, error))
      return std::nullopt;
  }
  const std::string quoted_name = "'" + std::string(key) + "'";
  KeyLine found;
  const std::size_t at = doc.find_top_level(key, &found);
  if (at == std::string_view::npos) {
    const std::size_t indent = doc.list_indent();
    std::vector<std::string> lines{format_key(key) + ":"};
    for (std::string& line : item_lines(item, indent, indent + 2)) lines.push_back(std::move(line));
    return apply_edit(text, insert_lines(doc, insertion_point(doc, after_key), lines));
  }
  if (found.value_end == std::string_view::npos) {
    fail(error, quoted_name + " has a quoted value spanning several lines, not a list");
    return std::nullopt;
  }
  const Line& line = doc.lines()[at];
  if (!found.empty_value()) {
    // `key: []  # c` becomes `key:  # c` followed by the item.
    const std::optional<std::string> head =
        open_empty_collection(doc, at, found, key, Collection::list, error);
    if (!head) return std::nullopt;
    const std::size_t indent = doc.list_indent();
    const std::string eol = doc.eol_after(at);
    std::string replacement = *head;
    for (const std::string& item_line : item_lines(item, indent, indent + 2)) {
      replacement += eol + item_line;
    }
    return apply_edit(text, Edit{line.begin, line.end, replacement});
  }
  const std::size_t last = doc.block_last(at, 0, SameIndentItems::belong);
  if (last == at) {
    const std::size_t indent = doc.list_indent();
    return apply_edit(text, insert_lines(doc, at, item_lines(item, indent, indent + 2)));
  }
  // The indentation of the last item: its dash and its first field.
  std::size_t dash_line = std::string_view::npos;
  for (std::size_t i = at + 1; i <= last; ++i) {
    const Line& candidate = doc.lines()[i];
    if (candidate.kind != LineKind::content || candidate.in_block_scalar) continue;
    if (dash_line == std::string_view::npos && !doc.is_item(candidate)) {
      fail(error, quoted_name + " is a mapping, not a list");
      return std::nullopt;
    }
    if (doc.is_item(candidate) && (dash_line == std::string_view::npos ||
                                   candidate.indent == doc.lines()[dash_line].indent)) {
      dash_line = i;
    }
  }
  const Line& dash = doc.lines()[dash_line];
  std::size_t field = dash.content() + 1;
  while (field < dash.end && (text[field] == ' ' || text[field] == '\t')) ++field;
  std::size_t field_indent = field - dash.begin;
  if (field >= dash.end || text[field] == '#') field_indent = dash.indent + 2;
  return apply_edit(text, insert_lines(doc, last, item_lines(item, dash.indent, field_indent)));
}

std::optional<std::string> set_in_mapping(std::string_view text, std::string_view mapping_key,
                                          std::string_view key, const Scalar& value,
                                          std::string_view after_key, std::string* error) {
  const ScannedText doc(text);
  if (!check_inputs(doc, {mapping_key, key, value.text}, error) ||
      !check_keys({mapping_key, key}, error))
    return std::nullopt;
  const std::string quoted_name = "'" + std::string(mapping_key) + "'";
  const std::string entry = format_key(key) + ": " + render(value, QuoteStyle::plain);
  KeyLine found;
  const std::size_t at = doc.find_top_level(mapping_key, &found);
  if (at == std::string_view::npos) {
    const std::string indent(doc.mapping_indent(), ' ');
    return apply_edit(text, insert_lines(doc, insertion_point(doc, after_key),
                                         {format_key(mapping_key) + ":", indent + entry}));
  }
  if (found.value_end == std::string_view::npos) {
    fail(error, quoted_name + " has a quoted value spanning several lines, not a mapping");
    return std::nullopt;
  }
  const Line& line = doc.lines()[at];
  if (!found.empty_value()) {
    const std::optional<std::string> head =
        open_empty_collection(doc, at, found, mapping_key, Collection::mapping, error);
    if (!head) return std::nullopt;
    const std::string replacement =
        *head + doc.eol_after(at) + std::string(doc.mapping_indent(), ' ') + entry;
    return apply_edit(text, Edit{line.begin, line.end, replacement});
  }
  const std::size_t last = doc.block_last(at, 0, SameIndentItems::end_block);
  if (last == at) {
    // A same-indented list would make `key:` a list, not an empty mapping.
    if (doc.block_last(at, 0, SameIndentItems::belong) != at) {
      fail(error, quoted_name + " is a list, not a mapping");
      return std::nullopt;
    }
    return apply_edit(text,
                      insert_lines(doc, at, {std::string(doc.mapping_indent(), ' ') + entry}));
  }
  const std::size_t child = doc.first_child(at, last);
  const Line& first = doc.lines()[child];
  if (doc.is_item(first)) {
    fail(error, quoted_name + " is a list, not a mapping");
    return std::nullopt;
  }
  KeyLine inner;
  const std::size_t inner_at = doc.find_key(key, first.indent, at + 1, last + 1, &inner);
  if (inner_at != std::string_view::npos) {
    Edit edit;
    if (!replace_value(doc, inner_at, inner, key, value, &edit, error)) return std::nullopt;
    return apply_edit(text, edit);
  }
  return apply_edit(text, insert_lines(doc, last, {std::string(first.indent, ' ') + entry}));
}

}  // namespace partnerops::yaml
