#include "render/offscreen.hpp"

#include <cstdlib>

namespace partnerops::render {

void choose_offscreen_platform_if_headless() {
  // Qt aborts when it cannot open a display; CI runners and servers have
  // none, so pick the offscreen platform unless the user chose one.
  const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  if (!has_display && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
}

}  // namespace partnerops::render
