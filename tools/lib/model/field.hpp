#pragma once
// A value read from a file, with the place it was read from, so rules that
// run long after loading can still point at the right line.

#include "diag/diagnostic.hpp"

namespace partnerops {

template <class T>
struct Field {
  T value{};
  Position position;
};

}  // namespace partnerops
