#pragma once
// The double a floating node stands for, for checks that compare numbers
// (a schema's minimum and maximum). Exact amounts are read from the node's
// text by the model, never from here.

#include "yaml/node.hpp"

namespace partnerops::yaml {

/// `node`'s text as a double: `.inf` and its forms are infinite, anything
/// else is what strtod reads (so `.nan`, which it does not read, is 0).
/// Meant for Kind::floating nodes.
double floating_value(const Node& node);

}  // namespace partnerops::yaml
