// Fuzzes the surgical YAML editor (yaml/edit) the way the committing
// commands use it: edit a hand-written file, then parse the result. The
// editor may refuse an edit (with a sentence); when it edits, the result
// must parse without a diagnostic and differ from the original in exactly
// the intended place: every other top-level entry keeps its value, and the
// edited key reads back as the value written.
//
// Input: three header lines, then the YAML text.
//   set <key>            set_scalar(key)
//   append <key>         append_to_sequence(key, {date: 2026-11-23, note: <value>})
//   map <mapping>/<key>  set_in_mapping(mapping, key)
//   <value>              a string; `=` followed by digits, a date, true or
//                        false writes that YAML as is (Scalar::raw)
//   <after_key>          where a missing key goes
// An unreadable first line falls back to `set <the line>`. A file the parser
// refuses, or accepts only because it ends there, is skipped.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "harness.hpp"
#include "yaml/edit.hpp"
#include "yaml/node.hpp"

namespace {

using partnerops::Diagnostics;
using partnerops::fuzz::require;
using partnerops::yaml::Node;

std::string describe(const Node& node) {
  return std::string(partnerops::yaml::to_string(node.kind())) + " '" + std::string(node.text()) +
         "'";
}

bool same(const Node& a, const Node& b) {
  if (a.kind() != b.kind()) return false;
  if (a.is_scalar()) return a.text() == b.text();
  if (a.items().size() != b.items().size() || a.entries().size() != b.entries().size())
    return false;
  for (std::size_t i = 0; i < a.items().size(); ++i)
    if (!same(*a.items()[i], *b.items()[i])) return false;
  for (std::size_t i = 0; i < a.entries().size(); ++i) {
    if (a.entries()[i].key != b.entries()[i].key) return false;
    if (!same(*a.entries()[i].value, *b.entries()[i].value)) return false;
  }
  return true;
}

/// True when `value` is YAML the harness may write raw and still predict
/// how it reads back: an integer without sign or leading zero, a date, a
/// boolean.
bool predictable_raw(std::string_view value) {
  if (value == "true" || value == "false") return true;
  if (value.empty() || value.size() > 18) return false;
  bool date = value.size() == 10;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool digit = value[i] >= '0' && value[i] <= '9';
    if (i == 4 || i == 7)
      date = date && value[i] == '-';
    else
      date = date && digit;
  }
  if (date) return true;
  if (value[0] == '0' && value.size() > 1) return false;
  for (char c : value)
    if (c < '0' || c > '9') return false;
  return true;
}

/// The written value reads back as `node`.
void require_reads_back(const Node* node, const partnerops::yaml::Scalar& value,
                        const std::string& result) {
  require(node != nullptr, "the edited key is present after the edit", result);
  require(node->is_scalar() && node->text() == value.text,
          "the edited key reads back as the value written",
          "wrote '" + value.text + "', read " + describe(*node) + "\n" + result);
  if (value.kind == partnerops::yaml::Scalar::Kind::string)
    require(node->is_string(), "a string value reads back as a string", result);
}

std::unique_ptr<partnerops::yaml::Document> parse_clean(std::string_view text) {
  Diagnostics diagnostics;
  auto document = partnerops::yaml::parse("fuzz.yaml", text, diagnostics);
  if (!diagnostics.empty()) return nullptr;
  return document;
}

/// Every entry of `before` except `key` is in `after`, in the same order,
/// with the same value; `after` has no other entries but `key`.
void require_others_unchanged(const Node& before, const Node& after, std::string_view key,
                              const std::string& result) {
  std::size_t j = 0;
  for (const auto& entry : after.entries()) {
    if (entry.key == key) continue;
    while (j < before.entries().size() && before.entries()[j].key == key) ++j;
    require(j < before.entries().size(), "the edit adds no other key",
            std::string(entry.key) + "\n" + result);
    require(before.entries()[j].key == entry.key && same(*before.entries()[j].value, *entry.value),
            "every other key keeps its place and value", std::string(entry.key) + "\n" + result);
    ++j;
  }
  while (j < before.entries().size() && before.entries()[j].key == key) ++j;
  require(j == before.entries().size(), "the edit removes no key", result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::string_view op = partnerops::fuzz::take_line(rest);
  const std::string_view value_line = partnerops::fuzz::take_line(rest);
  const std::string after_key(partnerops::fuzz::take_line(rest));
  const std::string_view text = rest;

  enum class Op { set, append, map } kind = Op::set;
  if (op.substr(0, 4) == "set ") {
    op.remove_prefix(4);
  } else if (op.substr(0, 7) == "append ") {
    kind = Op::append;
    op.remove_prefix(7);
  } else if (op.substr(0, 4) == "map ") {
    kind = Op::map;
    op.remove_prefix(4);
  }
  std::string key(op);
  std::string inner_key;
  if (kind == Op::map) {
    const std::size_t slash = key.find('/');
    if (slash == std::string::npos) return 0;
    inner_key = key.substr(slash + 1);
    key.resize(slash);
  }
  partnerops::yaml::Scalar value = partnerops::yaml::Scalar::string(std::string(value_line));
  if (!value_line.empty() && value_line[0] == '=') {
    if (!predictable_raw(value_line.substr(1))) return 0;
    value = partnerops::yaml::Scalar::raw(std::string(value_line.substr(1)));
  }

  std::string error;
  std::optional<std::string> edited;
  switch (kind) {
    case Op::set:
      edited = partnerops::yaml::set_scalar(text, key, value, after_key, &error);
      break;
    case Op::append:
      edited = partnerops::yaml::append_to_sequence(
          text, key, {{"date", partnerops::yaml::Scalar::raw("2026-11-23")}, {"note", value}},
          after_key, &error);
      break;
    case Op::map:
      edited = partnerops::yaml::set_in_mapping(text, key, inner_key, value, after_key, &error);
      break;
  }
  if (!edited) {
    require(!error.empty(), "a refused edit says why");
    return 0;
  }

  // Only a file that parses cleanly, with a mapping (or nothing) at the top,
  // has a meaning the edit must keep.
  const auto before = parse_clean(text);
  if (!before || !(before->root().is_mapping() || before->root().is_null())) return 0;
  // yaml-cpp accepts some unfinished constructs at the end of a file (a
  // last line `  word` under a mapping) that no line may follow; such a
  // file is not YAML any edit could keep.
  const std::string probe =
      std::string(text) + (text.empty() || text.back() == '\n' ? "" : "\n") + "zz_probe_key: 1\n";
  if (!parse_clean(probe)) return 0;
  const std::string& result = *edited;
  const auto after = parse_clean(result);
  if (!after) {
    Diagnostics diagnostics;
    partnerops::yaml::parse("fuzz.yaml", result, diagnostics);
    require(false, "the edited file parses without a diagnostic",
            diagnostics.items()[0].code + ": " + diagnostics.items()[0].message + "\n" + result);
  }
  require(after->root().is_mapping(), "the edited file is a mapping", result);
  require_others_unchanged(before->root(), after->root(), key, result);

  const Node* old_value = before->root().find(key);
  const Node* new_value = after->root().find(key);
  switch (kind) {
    case Op::set:
      require_reads_back(new_value, value, result);
      break;
    case Op::append: {
      require(new_value && new_value->is_sequence(), "the appended-to key holds a list", result);
      const std::size_t old_items =
          old_value && old_value->is_sequence() ? old_value->items().size() : 0;
      require(new_value->items().size() == old_items + 1, "the list has one item more", result);
      for (std::size_t i = 0; i < old_items; ++i)
        require(same(*old_value->items()[i], *new_value->items()[i]),
                "the list's other items are unchanged", result);
      const Node& item = *new_value->items().back();
      require(item.is_mapping() && item.entries().size() == 2,
              "the appended item is a mapping of its fields", result);
      require(item.entries()[0].key == "date" && item.entries()[0].value->text() == "2026-11-23",
              "the appended item's date reads back", result);
      require(item.entries()[1].key == "note", "the appended item's fields keep their names",
              result);
      require_reads_back(item.entries()[1].value, value, result);
      break;
    }
    case Op::map: {
      require(new_value && new_value->is_mapping(), "the edited key holds a mapping", result);
      const bool had_mapping = old_value && old_value->is_mapping();
      static const Node k_empty;
      require_others_unchanged(had_mapping ? *old_value : k_empty, *new_value, inner_key, result);
      require_reads_back(new_value->find(inner_key), value, result);
      break;
    }
  }
  return 0;
}
