#include "schema/schema_set.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <regex>

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
/// between the loaded schema files and into `allOf` (the schemas wrap each
/// shared definition as `allOf: [{$ref: ...}]` to give it a description), so
/// messages can say what was expected.
class SchemaNavigator {
 public:
  SchemaNavigator(const std::map<std::string, nlohmann::json, std::less<>>& raw,
                  std::string_view root_file)
      : m_raw(raw), m_root_file(root_file) {}

  /// A schema and the file its local `#/...` references resolve against.
  struct Located {
    const nlohmann::json* schema = nullptr;
    std::string file;
  };

  const nlohmann::json* at(const std::vector<std::string>& steps) const {
    return locate(steps).schema;
  }

  Located locate(const std::vector<std::string>& steps) const {
    const auto root = m_raw.find(m_root_file);
    if (root == m_raw.end()) return {};
    Located here = resolve({&root->second, std::string(m_root_file)});
    for (const std::string& step : steps) {
      Located next;
      for_each_part(here, [&](const Located& part) {
        const nlohmann::json& schema = *part.schema;
        if (is_index(step) && schema.contains("items")) {
          next = {&schema["items"], part.file};
        } else if (schema.contains("properties") && schema["properties"].contains(step)) {
          next = {&schema["properties"][step], part.file};
        } else if (schema.contains("additionalProperties") &&
                   schema["additionalProperties"].is_object()) {
          next = {&schema["additionalProperties"], part.file};
        }
        return next.schema != nullptr;
      });
      if (!next.schema) return {};
      here = resolve(next);
    }
    return here;
  }

  /// The first part of `schema` (itself or an `allOf` member) that has
  /// `keyword`; nullptr when none has.
  Located with_keyword(const Located& schema, std::string_view keyword) const {
    Located found;
    if (!schema.schema) return found;
    for_each_part(schema, [&](const Located& part) {
      if (part.schema->contains(keyword)) found = part;
      return found.schema != nullptr;
    });
    return found;
  }

  Located resolve(Located located) const {
    for (int hops = 0; located.schema && located.schema->is_object() &&
                       located.schema->contains("$ref") && hops < 8;
         ++hops) {
      const std::string ref = (*located.schema)["$ref"].get<std::string>();
      const std::size_t hash = ref.find('#');
      const std::string target_file = hash == 0 ? located.file : base_name(ref.substr(0, hash));
      const auto document = m_raw.find(target_file);
      if (document == m_raw.end()) return {};
      const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
      try {
        located = {&document->second.at(nlohmann::json::json_pointer(pointer)), target_file};
      } catch (const nlohmann::json::exception&) {
        return {};
      }
    }
    return located.schema && located.schema->is_object() ? located : Located{};
  }

 private:
  /// Calls `visit` on `schema` and then on each resolved `allOf` member,
  /// depth first, until it returns true.
  template <class Visit>
  bool for_each_part(const Located& schema, Visit&& visit, int depth = 0) const {
    if (!schema.schema || depth > 8) return false;
    if (visit(schema)) return true;
    const auto all_of = schema.schema->find("allOf");
    if (all_of == schema.schema->end() || !all_of->is_array()) return false;
    for (const nlohmann::json& member : *all_of) {
      if (for_each_part(resolve({&member, schema.file}), visit, depth + 1)) return true;
    }
    return false;
  }

  const std::map<std::string, nlohmann::json, std::less<>>& m_raw;
  std::string_view m_root_file;
};

std::string description_of(const nlohmann::json* schema) {
  if (!schema || !schema->contains("description") || !(*schema)["description"].is_string())
    return {};
  return (*schema)["description"].get<std::string>();
}

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

/// Reports the keys of the mapping at `steps` that its schema's
/// `propertyNames` rejects, each at the key itself.
void report_property_names(const yaml::Document& document, const SchemaNavigator& navigator,
                           const std::vector<std::string>& steps, Diagnostics& diagnostics) {
  const yaml::Node& node = document.deepest(steps);
  const std::string subject = "'" + display_path(steps) + "'";
  const SchemaNavigator::Located names =
      navigator.with_keyword(navigator.locate(steps), "propertyNames");
  const SchemaNavigator::Located name_schema =
      names.schema ? navigator.resolve({&(*names.schema)["propertyNames"], names.file})
                   : SchemaNavigator::Located{};
  const SchemaNavigator::Located patterned = navigator.with_keyword(name_schema, "pattern");
  bool reported = false;
  if (patterned.schema && node.is_mapping() && (*patterned.schema)["pattern"].is_string()) {
    try {
      const std::regex pattern((*patterned.schema)["pattern"].get<std::string>(),
                               std::regex::ECMAScript);
      for (const yaml::Entry& entry : node.entries()) {
        if (std::regex_search(entry.key, pattern)) continue;
        diagnostics.error("schema-pattern", document.path(), entry.key_position,
                          "the key '" + entry.key + "' in " + subject +
                              " does not have the expected form",
                          description_of(patterned.schema));
        reported = true;
      }
    } catch (const std::regex_error&) {
    }
  }
  if (!reported) {
    diagnostics.error("schema-invalid", document.path(), node.position(),
                      "a key of " + subject + " is not allowed by the schema");
  }
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
  // `allOf` adds "Failed to validate against child schema #0" at the same
  // level as the real problem, so a summary also gives way to a specific
  // report at its own level.
  auto is_summary = [](const Problem& p) {
    return p.description.starts_with("Failed to validate");
  };
  auto has_deeper = [&problems, &is_summary](const Problem& p) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& other) {
      if (&other == &p || other.steps.size() < p.steps.size() ||
          !std::equal(p.steps.begin(), p.steps.end(), other.steps.begin()))
        return false;
      return other.steps.size() > p.steps.size() || !is_summary(other);
    });
  };

  const SchemaNavigator navigator(m_raw, schema_file);
  const std::string& file = document.path();
  bool reported = false;
  for (const Problem& problem : problems) {
    if (is_summary(problem) && has_deeper(problem)) continue;
    const yaml::Node& node = document.deepest(problem.steps);
    const SchemaNavigator::Located located = navigator.locate(problem.steps);
    const nlohmann::json* subschema = located.schema;
    const std::string path = display_path(problem.steps);
    const std::string subject = path.empty() ? "the file" : "'" + path + "'";
    const std::string& description = problem.description;
    reported = true;

    if (description.starts_with("Value type not permitted")) {
      const SchemaNavigator::Located typed =
          navigator.with_keyword(located, "type");
      const std::string expected =
          typed.schema ? describe_expected_type((*typed.schema)["type"]) : "another type";
      std::string hint;
      if (expected == "text" &&
          (node.kind() == yaml::Kind::integer || node.kind() == yaml::Kind::floating)) {
        hint = "write it in quotes: \"" + node.text() + "\"";
      } else {
        hint = description_of(subschema);
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
                        did_you_mean(key, property_names(navigator.with_keyword(
                                              navigator.locate(problem.steps), "properties")
                                              .schema)));
    } else if (description.starts_with("Failed to match against any enum values")) {
      std::vector<std::string> allowed;
      const nlohmann::json* enumerated =
          navigator.with_keyword(located, "enum").schema;
      if (enumerated)
        for (const auto& value : (*enumerated)["enum"])
          allowed.push_back(value.is_string() ? value.get<std::string>() : value.dump());
      diagnostics.error("schema-enum", file, node.position(),
                        subject + " must be one of " + util::join(allowed, ", ") + ", not " +
                            describe_found(node),
                        node.is_string() ? did_you_mean(node.text(), allowed) : std::string());
    } else if (description.starts_with("Failed to match regex")) {
      // The schema holding the pattern describes the form ("digits, an
      // optional decimal part..."); the field's own description may not.
      const SchemaNavigator::Located patterned =
          navigator.with_keyword(located, "pattern");
      const std::string form = description_of(patterned.schema);
      diagnostics.error("schema-pattern", file, node.position(),
                        subject + " does not have the expected form: " + describe_found(node),
                        form.empty() ? description_of(subschema) : form);
    } else if (description.starts_with("Expected number")) {
      // valijson prints bounds as doubles ("5.000000"); the schema has them
      // as written.
      const nlohmann::json* low = navigator.with_keyword(located, "minimum").schema;
      const nlohmann::json* high = navigator.with_keyword(located, "maximum").schema;
      const std::string range =
          low && high ? "between " + (*low)["minimum"].dump() + " and " + (*high)["maximum"].dump()
          : low       ? "at least " + (*low)["minimum"].dump()
          : high      ? "at most " + (*high)["maximum"].dump()
                      : util::lowercase_first(description);
      diagnostics.error("schema-range", file, node.position(),
                        subject + " must be " + range + ", not " + describe_found(node),
                        description_of(subschema));
    } else if (description.starts_with("Array should contain no fewer")) {
      const nlohmann::json* counted = navigator.with_keyword(located, "minItems").schema;
      const std::string least = counted ? (*counted)["minItems"].dump() : "1";
      diagnostics.error("schema-min-items", file, node.position(),
                        subject + " needs at least " + least +
                            (least == "1" ? " item" : " items"),
                        description_of(subschema));
    } else if (description.starts_with("String should be no fewer")) {
      diagnostics.error("schema-empty", file, node.position(), subject + " must not be empty",
                        description_of(subschema));
    } else if (description.starts_with("Failed to validate against schema associated with "
                                       "property name")) {
      // Only `propertyNames` fails without a deeper report (valijson checks
      // keys without recording why), so find the offending key here.
      std::vector<std::string> steps = problem.steps;
      steps.push_back(quoted_name(description));
      report_property_names(document, navigator, steps, diagnostics);
    } else {
      diagnostics.error("schema-invalid", file, node.position(),
                        subject + ": " + util::lowercase_first(description));
    }
  }
  return !reported;
}

}  // namespace partnerops
