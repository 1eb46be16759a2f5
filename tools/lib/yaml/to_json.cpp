#include "yaml/to_json.hpp"

#include "yaml/floating.hpp"

namespace partnerops::yaml {

nlohmann::json to_json(const Node& node) {
  switch (node.kind()) {
    case Kind::null:
      return nullptr;
    case Kind::boolean:
      return node.boolean();
    case Kind::integer:
      return node.integer();
    case Kind::floating:
      return floating_value(node);
    case Kind::string:
      return std::string(node.text());
    case Kind::sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const Node* item : node.items()) array.push_back(to_json(*item));
      return array;
    }
    case Kind::mapping: {
      nlohmann::json object = nlohmann::json::object();
      for (const Entry& entry : node.entries()) object[entry.key] = to_json(*entry.value);
      return object;
    }
  }
  return nullptr;
}

}  // namespace partnerops::yaml
