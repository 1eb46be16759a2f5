#include "render/qt_environment.hpp"

#include <QHash>
#include <cstdlib>

namespace partnerops::render {

void prepare_qt_environment() {
  const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  if (!has_display && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
  // The variable covers Qt code that reads it; the call covers the case
  // where Qt already seeded its hashes during static initialisation.
  setenv("QT_HASH_SEED", "0", 1);
  qSetGlobalQHashSeed(0);
}

}  // namespace partnerops::render
