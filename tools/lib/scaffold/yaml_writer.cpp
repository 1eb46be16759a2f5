#include "scaffold/yaml_writer.hpp"

#include "yaml/edit.hpp"

namespace partnerops::scaffold {

void YamlWriter::line(int indent, std::string_view body) {
  m_text.append(static_cast<std::size_t>(indent), ' ');
  m_text += body;
  m_text += '\n';
}

void YamlWriter::comment(std::string_view text) { line(0, "# " + std::string(text)); }

void YamlWriter::text(int indent, std::string_view key, std::string_view value) {
  line(indent, std::string(key) + ": " + yaml::format_string(value));
}

void YamlWriter::raw(int indent, std::string_view key, std::string_view value) {
  line(indent, std::string(key) + ": " + std::string(value));
}

void YamlWriter::open(int indent, std::string_view key) { line(indent, std::string(key) + ":"); }

void YamlWriter::item_text(int indent, std::string_view key, std::string_view value) {
  line(indent, "- " + std::string(key) + ": " + yaml::format_string(value));
}

void YamlWriter::item_raw(int indent, std::string_view key, std::string_view value) {
  line(indent, "- " + std::string(key) + ": " + std::string(value));
}

void YamlWriter::item(int indent, std::string_view value) {
  line(indent, "- " + yaml::format_string(value));
}

}  // namespace partnerops::scaffold
