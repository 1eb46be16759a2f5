#include "yaml/node.hpp"
