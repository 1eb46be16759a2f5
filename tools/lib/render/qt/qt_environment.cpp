#include "render/qt/qt_environment.hpp"

#include <QHash>
#include <cstdlib>

namespace partnerops::render {

void prepare_qt_environment() {
  const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  if (!has_display && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
  // Not through QT_HASH_SEED: Qt reads it only when it first seeds, which
  // may already have happened, and a set variable makes this call a no-op.
  qSetGlobalQHashSeed(0);
}

}  // namespace partnerops::render
