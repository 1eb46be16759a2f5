#pragma once
// Writing a new YAML file line by line in the house style of the demo files
// (block mappings, two-space indentation, lists indented under their key),
// with every string scalar quoted by yaml/edit's rules: plain when it reads
// back as the same string, double-quoted with escapes otherwise. A partner
// called `Acme: "#1"` or "- Lab" therefore cannot break the file or change
// its structure, and no value is ever pasted in unquoted.

#include <string>
#include <string_view>

namespace partnerops::scaffold {

class YamlWriter {
 public:
  /// A comment line, such as the schema modeline. `text` must be one line.
  void comment(std::string_view text);
  /// `key: value` with `value` quoted as a string when needed.
  void text(int indent, std::string_view key, std::string_view value);
  /// `key: value` with `value` written as given: dates, numbers, booleans,
  /// enum words the caller controls.
  void raw(int indent, std::string_view key, std::string_view value);
  /// `key:` opening a block mapping or list.
  void open(int indent, std::string_view key);
  /// `- key: value` starting a list item that is a mapping; the item's other
  /// fields follow with text()/raw() at `indent + 2`.
  void item_text(int indent, std::string_view key, std::string_view value);
  void item_raw(int indent, std::string_view key, std::string_view value);
  /// `- value`, a list item that is a string.
  void item(int indent, std::string_view value);

  const std::string& str() const { return m_text; }

 private:
  void line(int indent, std::string_view body);
  std::string m_text;
};

}  // namespace partnerops::scaffold
