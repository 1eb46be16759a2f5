#pragma once
// The JSON Schemas of schemas/ (draft-07, written as YAML), compiled once by
// valijson and used to validate every file of the workspace.
//
// valijson's yaml-cpp adapter sees every scalar as a string, so files are
// validated through an adapter over the typed tree (schema/node_adapter); each
// error's path is followed back through the tree to a line and column. The
// messages are rewritten from valijson's generic text into sentences that
// name the field, what it must be and what was found.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "yaml/node.hpp"

namespace partnerops {

class SchemaSet {
 public:
  SchemaSet();
  ~SchemaSet();
  SchemaSet(SchemaSet&&) noexcept;
  SchemaSet& operator=(SchemaSet&&) noexcept;

  /// Loads every `*.schema.yaml` in `dir` of `source`. A schema that cannot
  /// be read, parsed or compiled is reported and left out.
  static SchemaSet load(const Source& source, std::string_view dir, Diagnostics& diagnostics);

  bool has(std::string_view schema_file) const;

  /// Validates `document` against `schema_file` (e.g. "partner.schema.yaml")
  /// and appends one diagnostic per problem. Safe to call from several
  /// threads at once. Returns true when the document is valid.
  bool validate(const yaml::Document& document, std::string_view schema_file,
                Diagnostics& diagnostics) const;

  /// The schema's raw JSON, for tools that read descriptions or enums.
  const nlohmann::json* raw(std::string_view schema_file) const;

 private:
  struct Compiled;
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> m_schemas;
  std::map<std::string, nlohmann::json, std::less<>> m_raw;
};

}  // namespace partnerops
