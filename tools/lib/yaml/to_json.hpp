#pragma once
// The typed YAML tree as a JSON value, for JSON Schema validation. Scalars
// keep their resolved types (a quoted "42" stays a string), which is what
// lets the schema catch a number where text belongs.

#include <nlohmann/json.hpp>

#include "yaml/node.hpp"

namespace partnerops::yaml {

/// Converts `node` and everything below it. Aliased nodes are copied; the
/// parser has already bounded how large that can make the result.
nlohmann::json to_json(const Node& node);

}  // namespace partnerops::yaml
