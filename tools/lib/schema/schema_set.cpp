#include "schema/schema_set.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "schema/node_adapter.hpp"
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
    if (entry.type != EntryType::file || !std::string_view(entry.path).ends_with(k_schema_suffix))
      continue;
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
  return !step.empty() &&
         std::all_of(step.begin(), step.end(), [](char c) { return c >= '0' && c <= '9'; });
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
      return "the number " + std::string(node.text());
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
        if (std::regex_search(entry.key.begin(), entry.key.end(), pattern)) continue;
        diagnostics.error("schema-pattern", document.path(), entry.key_position,
                          "the key '" + std::string(entry.key) + "' in " + subject +
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

/// One failure valijson reported: the keys and indices to the value, and
/// valijson's text.
struct Problem {
  std::vector<std::string> steps;
  std::string description;
};

bool is_summary(const Problem& problem) {
  return problem.description.starts_with("Failed to validate");
}

/// The problems worth a diagnostic. valijson repeats each failure at every
/// enclosing level ("Failed to validate item #0 in array"); keep only the
/// innermost report. `allOf` adds "Failed to validate against child schema
/// #0" at the same level as the real problem, so a summary also gives way
/// to a specific report at its own level.
std::vector<const Problem*> innermost(const std::vector<Problem>& problems) {
  const auto has_deeper = [&problems](const Problem& p) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& other) {
      if (&other == &p || other.steps.size() < p.steps.size() ||
          !std::equal(p.steps.begin(), p.steps.end(), other.steps.begin()))
        return false;
      return other.steps.size() > p.steps.size() || !is_summary(other);
    });
  };
  std::vector<const Problem*> out;
  for (const Problem& problem : problems)
    if (!is_summary(problem) || !has_deeper(problem)) out.push_back(&problem);
  return out;
}

/// A problem with the value it is about and the schema that describes it.
struct ProblemSite {
  const yaml::Document& document;
  const SchemaNavigator& navigator;
  const Problem& problem;
  const yaml::Node& node;            ///< the deepest node the steps reach
  SchemaNavigator::Located located;  ///< the schema at the steps
  std::string path;                  ///< "contacts[0].email"; empty for the root
  std::string subject;               ///< "'contacts[0].email'" or "the file"
  const std::string& file() const { return document.path(); }
};

void report_type(const ProblemSite& at, Diagnostics& diagnostics) {
  const SchemaNavigator::Located typed = at.navigator.with_keyword(at.located, "type");
  const std::string expected =
      typed.schema ? describe_expected_type((*typed.schema)["type"]) : "another type";
  std::string hint;
  if (expected == "text" &&
      (at.node.kind() == yaml::Kind::integer || at.node.kind() == yaml::Kind::floating)) {
    hint = "write it in quotes: \"" + std::string(at.node.text()) + "\"";
  } else {
    hint = description_of(at.located.schema);
  }
  diagnostics.error("schema-type", at.file(), at.node.position(),
                    at.subject + " must be " + expected + ", not " + describe_found(at.node), hint);
}

void report_required(const ProblemSite& at, Diagnostics& diagnostics) {
  const std::string key = quoted_name(at.problem.description);
  std::vector<std::string> steps = at.problem.steps;
  steps.push_back(key);
  const nlohmann::json* key_schema = at.navigator.at(steps);
  diagnostics.error("schema-required", at.file(), at.node.position(),
                    (at.path.empty() ? std::string("the file") : at.subject) +
                        " is missing the required key '" + key + "'",
                    key_schema && key_schema->contains("description")
                        ? key_schema->at("description").get<std::string>()
                        : std::string());
}

void report_unknown_key(const ProblemSite& at, Diagnostics& diagnostics) {
  const std::string key = quoted_name(at.problem.description);
  const yaml::Entry* entry = at.node.find_entry(key);
  diagnostics.error(
      "schema-unknown-key", at.file(), entry ? entry->key_position : at.node.position(),
      "unknown key '" + key + "'" + (at.path.empty() ? "" : " in " + at.subject),
      did_you_mean(key,
                   property_names(at.navigator.with_keyword(at.located, "properties").schema)));
}

void report_enum(const ProblemSite& at, Diagnostics& diagnostics) {
  std::vector<std::string> allowed;
  const nlohmann::json* enumerated = at.navigator.with_keyword(at.located, "enum").schema;
  if (enumerated)
    for (const auto& value : (*enumerated)["enum"])
      allowed.push_back(value.is_string() ? value.get<std::string>() : value.dump());
  diagnostics.error(
      "schema-enum", at.file(), at.node.position(),
      at.subject + " must be one of " + util::join(allowed, ", ") + ", not " +
          describe_found(at.node),
      at.node.is_string() ? did_you_mean(std::string(at.node.text()), allowed) : std::string());
}

void report_pattern(const ProblemSite& at, Diagnostics& diagnostics) {
  // The schema holding the pattern describes the form ("digits, an
  // optional decimal part..."); the field's own description may not.
  const SchemaNavigator::Located patterned = at.navigator.with_keyword(at.located, "pattern");
  const std::string form = description_of(patterned.schema);
  diagnostics.error("schema-pattern", at.file(), at.node.position(),
                    at.subject + " does not have the expected form: " + describe_found(at.node),
                    form.empty() ? description_of(at.located.schema) : form);
}

void report_range(const ProblemSite& at, Diagnostics& diagnostics) {
  // valijson prints bounds as doubles ("5.000000"); the schema has them
  // as written.
  const nlohmann::json* low = at.navigator.with_keyword(at.located, "minimum").schema;
  const nlohmann::json* high = at.navigator.with_keyword(at.located, "maximum").schema;
  const std::string range =
      low && high ? "between " + (*low)["minimum"].dump() + " and " + (*high)["maximum"].dump()
      : low       ? "at least " + (*low)["minimum"].dump()
      : high      ? "at most " + (*high)["maximum"].dump()
                  : util::lowercase_first(at.problem.description);
  diagnostics.error("schema-range", at.file(), at.node.position(),
                    at.subject + " must be " + range + ", not " + describe_found(at.node),
                    description_of(at.located.schema));
}

void report_min_items(const ProblemSite& at, Diagnostics& diagnostics) {
  const nlohmann::json* counted = at.navigator.with_keyword(at.located, "minItems").schema;
  const std::string least = counted ? (*counted)["minItems"].dump() : "1";
  diagnostics.error("schema-min-items", at.file(), at.node.position(),
                    at.subject + " needs at least " + least + (least == "1" ? " item" : " items"),
                    description_of(at.located.schema));
}

void report_empty(const ProblemSite& at, Diagnostics& diagnostics) {
  diagnostics.error("schema-empty", at.file(), at.node.position(),
                    at.subject + " must not be empty", description_of(at.located.schema));
}

void report_property_name(const ProblemSite& at, Diagnostics& diagnostics) {
  // Only `propertyNames` fails without a deeper report (valijson checks
  // keys without recording why), so find the offending key here.
  std::vector<std::string> steps = at.problem.steps;
  steps.push_back(quoted_name(at.problem.description));
  report_property_names(at.document, at.navigator, steps, diagnostics);
}

using ReportProblem = void (*)(const ProblemSite& at, Diagnostics& diagnostics);

/// valijson's text for each kind of failure, by how it starts, and the
/// sentence that replaces it. A failure not listed is reported with
/// valijson's own text (schema-invalid).
struct ProblemKind {
  std::string_view starts_with;
  ReportProblem report;
};

constexpr std::array k_problem_kinds = {
    ProblemKind{"Value type not permitted", &report_type},
    ProblemKind{"Missing required property", &report_required},
    ProblemKind{"Object contains a property that could not", &report_unknown_key},
    ProblemKind{"Failed to match against any enum values", &report_enum},
    ProblemKind{"Failed to match regex", &report_pattern},
    ProblemKind{"Expected number", &report_range},
    ProblemKind{"Array should contain no fewer", &report_min_items},
    ProblemKind{"String should be no fewer", &report_empty},
    ProblemKind{"Failed to validate against schema associated with property name",
                &report_property_name},
};

void report_problem(const yaml::Document& document, const SchemaNavigator& navigator,
                    const Problem& problem, Diagnostics& diagnostics) {
  const std::string path = display_path(problem.steps);
  const ProblemSite at{document,
                       navigator,
                       problem,
                       document.deepest(problem.steps),
                       navigator.locate(problem.steps),
                       path,
                       path.empty() ? "the file" : "'" + path + "'"};
  for (const ProblemKind& kind : k_problem_kinds) {
    if (problem.description.starts_with(kind.starts_with)) {
      kind.report(at, diagnostics);
      return;
    }
  }
  diagnostics.error("schema-invalid", at.file(), at.node.position(),
                    at.subject + ": " + util::lowercase_first(problem.description));
}

}  // namespace

bool SchemaSet::validate(const yaml::Document& document, std::string_view schema_file,
                         Diagnostics& diagnostics) const {
  const auto compiled = m_schemas.find(schema_file);
  if (compiled == m_schemas.end()) return true;

  const NodeAdapter adapter(document.root());
  valijson::ValidationResults results;
  // One validator per thread: it caches compiled `pattern` regexes, which
  // are costly to build and must not be shared between threads.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  if (validator.validate(compiled->second->schema, adapter, &results)) return true;

  std::vector<Problem> problems;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) problems.push_back({steps_of(error.context), error.description});

  const SchemaNavigator navigator(m_raw, schema_file);
  bool reported = false;
  for (const Problem* problem : innermost(problems)) {
    report_problem(document, navigator, *problem, diagnostics);
    reported = true;
  }
  return !reported;
}

}  // namespace partnerops
