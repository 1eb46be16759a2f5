// Fuzzes what `validate` does to every YAML file of a workspace: parse it
// into the typed tree, validate it against a schema of schemas/, check its
// calendar dates, and (as the parse cache does for a valid file) encode the
// tree and decode it again.
//
// Input: YAML text. A first line `# <file>.schema.yaml` picks the schema
// (the seeds from the demo carry one); otherwise the input's length picks
// one, so every schema is reached. The line is a YAML comment, so the whole
// input is also the parsed text and positions stay those of the input.
//
// Checked beyond "no crash, no sanitizer report": a file that does not parse
// gets an error (parse returns nullptr only with one), every diagnostic has
// a file and a position inside the text, every key and value of the tree is
// UTF-8 (the input is, or it is refused), and the encoded tree decodes to a
// tree that encodes to the same bytes.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "harness.hpp"
#include "model/reader.hpp"
#include "schema/schema_set.hpp"
#include "source/source.hpp"
#include "util/utf8.hpp"
#include "yaml/binary.hpp"
#include "yaml/node.hpp"

namespace {

using partnerops::Diagnostics;
using partnerops::fuzz::require;

struct Schemas {
  partnerops::SchemaSet set;
  std::vector<std::string> names;
};

const Schemas& schemas() {
  static const Schemas loaded = [] {
    Schemas s;
    const auto source = partnerops::open_directory_source(PARTNEROPS_SOURCE_DIR);
    Diagnostics diagnostics;
    s.set = partnerops::SchemaSet::load(*source, "schemas", diagnostics);
    for (const auto& entry : source->list("schemas", nullptr)) {
      const std::string name = std::filesystem::path(entry.path).filename().string();
      if (s.set.has(name)) s.names.push_back(name);
    }
    require(!diagnostics.has_errors() && !s.names.empty(), "the schemas of schemas/ load");
    return s;
  }();
  return loaded;
}

std::string pick_schema(std::string_view text) {
  const Schemas& s = schemas();
  std::string_view rest = text;
  const std::string_view first = partnerops::fuzz::take_line(rest);
  if (first.size() > 2 && first.substr(0, 2) == "# ") {
    const std::string named(first.substr(2));
    if (s.set.has(named)) return named;
  }
  return s.names[text.size() % s.names.size()];
}

void check_utf8(const partnerops::yaml::Node& node, int depth = 0) {
  if (depth > 256) return;  // aliases make a DAG; the parser bounds its depth
  require(partnerops::util::is_valid_utf8(node.text()), "every value of the tree is UTF-8",
          node.text());
  for (const auto* item : node.items()) check_utf8(*item, depth + 1);
  for (const auto& entry : node.entries()) {
    require(partnerops::util::is_valid_utf8(entry.key), "every key of the tree is UTF-8",
            entry.key);
    check_utf8(*entry.value, depth + 1);
  }
}

void check_positions(const Diagnostics& diagnostics, std::string_view text) {
  // Lines are counted from 1; the text has at most one line per '\n' and
  // one more after the last.
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  for (const auto& d : diagnostics) {
    require(!d.code.empty() && !d.message.empty(), "a diagnostic has a code and a message", d.code);
    require(d.file == "fuzz.yaml", "a diagnostic names the file", d.file);
    require(d.position.line >= 0 && d.position.line <= lines + 1,
            "a diagnostic's line is inside the file", d.code + ": " + d.message);
    require(d.position.column >= 0, "a diagnostic's column is not negative", d.code);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const std::unique_ptr<partnerops::yaml::Document> document =
      partnerops::yaml::parse("fuzz.yaml", text, diagnostics);
  if (!document) {
    require(diagnostics.has_errors(), "a file that does not parse gets an error");
    check_positions(diagnostics, text);
    return 0;
  }
  check_utf8(document->root());
  if (schemas().set.validate(*document, pick_schema(text), diagnostics))
    partnerops::check_calendar_dates(*document, diagnostics);
  check_positions(diagnostics, text);

  std::string encoded;
  partnerops::yaml::encode(*document, encoded);
  const std::unique_ptr<partnerops::yaml::Document> decoded =
      partnerops::yaml::decode("fuzz.yaml", encoded);
  require(decoded != nullptr, "an encoded tree decodes");
  std::string again;
  partnerops::yaml::encode(*decoded, again);
  require(again == encoded, "a decoded tree encodes to the same bytes");
  // The decoder reads the parse cache from disk: damaged bytes must be
  // refused or read, never read out of bounds.
  if (!encoded.empty()) {
    std::string damaged = encoded;
    damaged[size % damaged.size()] ^= static_cast<char>(1 + size % 255);
    partnerops::yaml::decode("fuzz.yaml", damaged);
    partnerops::yaml::decode("fuzz.yaml",
                             std::string_view(encoded).substr(0, size % encoded.size()));
  }
  return 0;
}
