#include "check/schema_set.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>

#include "util/text.hpp"
#include "yaml/to_json.hpp"

namespace partnerops {

struct SchemaSet::Compiled {
  valijson::Schema schema;
};

SchemaSet::SchemaSet() = default;
SchemaSet::~SchemaSet() = default;
SchemaSet::SchemaSet(SchemaSet&&) noexcept = default;
SchemaSet& SchemaSet::operator=(SchemaSet&&) noexcept = default;

namespace {

constexpr std::string_view k_schema_suffix = ".schema.yaml";

std::string base_name(std::string_view uri) {
  const std::size_t slash = uri.rfind('/');
  return std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
}

}  // namespace

SchemaSet SchemaSet::load(const Source& source, std::string_view dir, Diagnostics& diagnostics) {
  SchemaSet set;
  std::string list_error;
  const std::vector<SourceEntry> entries = source.list(dir, &list_error);
  if (!list_error.empty()) {
    diagnostics.error("schema-unreadable", std::string(dir), {}, list_error);
  }
  for (const SourceEntry& entry : entries) {
    if (entry.type != EntryType::file || !std::string_view(entry.path).ends_with(k_schema_suffix)) continue;
    const ReadResult read = source.read(entry.path, 1 << 20);
    if (!read.ok()) {
      diagnostics.error("schema-unreadable", entry.path, {}, read.error);
      continue;
    }
    auto document = yaml::parse(entry.path, read.content, diagnostics);
    if (!document) continue;
    set.m_raw[base_name(entry.path)] = yaml::to_json(document->root());
  }

  for (const auto& [name, raw] : set.m_raw) {
    auto compiled = std::make_unique<Compiled>();
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(raw);
      // References between schema files ("common.schema.yaml#/definitions/
      // money") resolve to the files loaded above, never to the network.
      auto fetch = [&set](const std::string& uri) -> const nlohmann::json* {
        const auto found = set.m_raw.find(base_name(uri));
        return found == set.m_raw.end() ? nullptr : &found->second;
      };
      auto release = [](const nlohmann::json*) {};
      parser.populateSchema(adapter, compiled->schema, fetch, release);
    } catch (const std::exception& e) {
      diagnostics.error("schema-invalid", std::string(dir) + "/" + name, {},
                        std::string("the schema cannot be compiled: ") + e.what());
      continue;
    }
    set.m_schemas[name] = std::move(compiled);
  }
  return set;
}

bool SchemaSet::has(std::string_view schema_file) const {
  return m_schemas.find(schema_file) != m_schemas.end();
}

const nlohmann::json* SchemaSet::raw(std::string_view schema_file) const {
  const auto found = m_raw.find(schema_file);
  return found == m_raw.end() ? nullptr : &found->second;
}

namespace {

/// A valijson context (["<root>", "[contacts]", "[0]"]) as plain steps.
std::vector<std::string> steps_of(const std::vector<std::string>& context) {
  std::vector<std::string> steps;
  for (const std::string& token : context) {
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      steps.push_back(token.substr(1, token.size() - 2));
  }
  return steps;
}

bool is_index(const std::string& step) {
  return !step.empty() && std::all_of(step.begin(), step.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

/// `contacts[0].email`, the way a user would point at the field.
std::string display_path(const std::vector<std::string>& steps) {
  std::string path;
  for (const std::string& step : steps) {
    if (is_index(step)) {
      path += "[" + step + "]";
    } else {
      if (!path.empty()) path += ".";
      path += step;
    }
  }
  return path;
}

/// Finds the subschema describing the value at `steps`, following $ref
/// between the loaded schema files, so messages can say what was expected.
class SchemaNavigator {
 public:
  SchemaNavigator(const std::map<std::string, nlohmann::json, std::less<>>& raw,
                  std::string_view root_file)
      : m_raw(raw), m_root_file(root_file) {}

  const nlohmann::json* at(const std::vector<std::string>& steps) const {
    const auto root = m_raw.find(m_root_file);
    if (root == m_raw.end()) return nullptr;
    std::string file = std::string(m_root_file);
    const nlohmann::json* schema = resolve(&root->second, &file);
    for (const std::string& step : steps) {
      if (!schema || !schema->is_object()) return nullptr;
      const nlohmann::json* next = nullptr;
      if (is_index(step) && schema->contains("items")) {
        next = &(*schema)["items"];
      } else if (schema->contains("properties") && (*schema)["properties"].contains(step)) {
        next = &(*schema)["properties"][step];
      } else if (schema->contains("additionalProperties") &&
                 (*schema)["additionalProperties"].is_object()) {
        next = &(*schema)["additionalProperties"];
      }
      schema = resolve(next, &file);
    }
    return schema;
  }

 private:
  const nlohmann::json* resolve(const nlohmann::json* schema, std::string* file) const {
    for (int hops = 0; schema && schema->is_object() && schema->contains("$ref") && hops < 8;
         ++hops) {
      const std::string ref = (*schema)["$ref"].get<std::string>();
      const std::size_t hash = ref.find('#');
      const std::string target_file = hash == 0 ? *file : base_name(ref.substr(0, hash));
      const auto document = m_raw.find(target_file);
      if (document == m_raw.end()) return nullptr;
      *file = target_file;
      const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
      try {
        schema = &document->second.at(nlohmann::json::json_pointer(pointer));
      } catch (const nlohmann::json::exception&) {
        return nullptr;
      }
    }
    return schema;
  }

  const std::map<std::string, nlohmann::json, std::less<>>& m_raw;
  std::string_view m_root_file;
};

std::string describe_expected_type(const nlohmann::json& type) {
  auto one = [](const std::string& name) -> std::string {
    if (name == "string") return "text";
    if (name == "integer") return "a whole number";
    if (name == "number") return "a number";
    if (name == "boolean") return "true or false";
    if (name == "array") return "a list";
    if (name == "object") return "a mapping";
    if (name == "null") return "empty";
    return name;
  };
  if (type.is_string()) return one(type.get<std::string>());
  std::vector<std::string> names;
  if (type.is_array())
    for (const auto& item : type) names.push_back(one(item.get<std::string>()));
  return util::join(names, " or ");
}

std::string describe_found(const yaml::Node& node) {
  switch (node.kind()) {
    case yaml::Kind::null:
      return "nothing";
    case yaml::Kind::boolean:
      return node.boolean() ? "true" : "false";
    case yaml::Kind::integer:
    case yaml::Kind::floating:
      return "the number " + node.text();
    case yaml::Kind::string:
      return "the text \"" + util::shorten(node.text(), 40) + "\"";
    case yaml::Kind::sequence:
      return "a list";
    case yaml::Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

/// The text between the last pair of single quotes in valijson's message.
std::string quoted_name(const std::string& description) {
  const std::size_t end = description.rfind('\'');
  if (end == std::string::npos || end == 0) return {};
  const std::size_t start = description.rfind('\'', end - 1);
  if (start == std::string::npos) return {};
  return description.substr(start + 1, end - start - 1);
}

std::vector<std::string> property_names(const nlohmann::json* schema) {
  std::vector<std::string> names;
  if (schema && schema->is_object() && schema->contains("properties"))
    for (const auto& [name, value] : (*schema)["properties"].items()) names.push_back(name);
  return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string best = util::closest(word, candidates, 2);
  return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

}  // namespace

bool SchemaSet::validate(const yaml::Document& document, std::string_view schema_file,
                         Diagnostics& diagnostics) const {
  const auto compiled = m_schemas.find(schema_file);
  if (compiled == m_schemas.end()) return true;

  const nlohmann::json target = yaml::to_json(document.root());
  valijson::adapters::NlohmannJsonAdapter adapter(target);
  valijson::ValidationResults results;
  // One validator per thread: it caches compiled `pattern` regexes, which
  // are costly to build and must not be shared between threads.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  if (validator.validate(compiled->second->schema, adapter, &results)) return true;

  struct Problem {
    std::vector<std::string> steps;
    std::string description;
  };
  std::vector<Problem> problems;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) problems.push_back({steps_of(error.context), error.description});

  // valijson repeats each failure at every enclosing level ("Failed to
  // validate item #0 in array"); keep only the innermost report.
  auto is_summary = [](const Problem& p) {
    return p.description.starts_with("Failed to validate");
  };
  auto has_deeper = [&problems](const Problem& p) {
    return std::any_of(problems.begin(), problems.end(), [&p](const Problem& other) {
      return other.steps.size() > p.steps.size() &&
             std::equal(p.steps.begin(), p.steps.end(), other.steps.begin());
    });
  };

  const SchemaNavigator navigator(m_raw, schema_file);
  const std::string& file = document.path();
  bool reported = false;
  for (const Problem& problem : problems) {
    if (is_summary(problem) && has_deeper(problem)) continue;
    const yaml::Node& node = document.deepest(problem.steps);
    const nlohmann::json* subschema = navigator.at(problem.steps);
    const std::string path = display_path(problem.steps);
    const std::string subject = path.empty() ? "the file" : "'" + path + "'";
    const std::string& description = problem.description;
    reported = true;

    if (description.starts_with("Value type not permitted")) {
      const std::string expected = subschema && subschema->contains("type")
                                       ? describe_expected_type((*subschema)["type"])
                                       : "another type";
      std::string hint;
      if (expected == "text" &&
          (node.kind() == yaml::Kind::integer || node.kind() == yaml::Kind::floating)) {
        hint = "write it in quotes: \"" + node.text() + "\"";
      } else if (subschema && subschema->contains("description")) {
        hint = (*subschema)["description"].get<std::string>();
      }
      diagnostics.error("schema-type", file, node.position(),
                        subject + " must be " + expected + ", not " + describe_found(node),
                        hint);
    } else if (description.starts_with("Missing required property")) {
      const std::string key = quoted_name(description);
      const nlohmann::json* key_schema = navigator.at([&] {
        auto steps = problem.steps;
        steps.push_back(key);
        return steps;
      }());
      diagnostics.error(
          "schema-required", file, node.position(),
          (path.empty() ? std::string("the file") : subject) + " is missing the required key '" +
              key + "'",
          key_schema && key_schema->contains("description")
              ? key_schema->at("description").get<std::string>()
              : std::string());
    } else if (description.starts_with("Object contains a property that could not")) {
      const std::string key = quoted_name(description);
      const yaml::Entry* entry = node.find_entry(key);
      diagnostics.error("schema-unknown-key", file,
                        entry ? entry->key_position : node.position(),
                        "unknown key '" + key + "'" + (path.empty() ? "" : " in " + subject),
                        did_you_mean(key, property_names(subschema)));
    } else if (description.starts_with("Failed to match against any enum values")) {
      std::vector<std::string> allowed;
      if (subschema && subschema->contains("enum"))
        for (const auto& value : (*subschema)["enum"])
          allowed.push_back(value.is_string() ? value.get<std::string>() : value.dump());
      diagnostics.error("schema-enum", file, node.position(),
                        subject + " must be one of " + util::join(allowed, ", ") + ", not " +
                            describe_found(node),
                        node.is_string() ? did_you_mean(node.text(), allowed) : std::string());
    } else if (description.starts_with("Failed to match regex")) {
      diagnostics.error("schema-pattern", file, node.position(),
                        subject + " does not have the expected form: " + describe_found(node),
                        subschema && subschema->contains("description")
                            ? subschema->at("description").get<std::string>()
                            : std::string());
    } else if (description.starts_with("Expected number")) {
      diagnostics.error("schema-range", file, node.position(),
                        subject + ": " + util::lowercase_first(description));
    } else if (description.starts_with("Array should contain no fewer")) {
      diagnostics.error("schema-min-items", file, node.position(),
                        subject + " needs more items: " + util::lowercase_first(description));
    } else if (description.starts_with("String should be no fewer")) {
      diagnostics.error("schema-empty", file, node.position(), subject + " must not be empty");
    } else {
      diagnostics.error("schema-invalid", file, node.position(),
                        subject + ": " + util::lowercase_first(description));
    }
  }
  return !reported;
}

}  // namespace partnerops
