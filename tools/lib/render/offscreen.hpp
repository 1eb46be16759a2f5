#pragma once
// Rendering must work on machines without a display (CI, servers).

namespace partnerops::render {

/// Sets QT_QPA_PLATFORM=offscreen when there is no display and the user has
/// not chosen a platform. Call before the Qt application object is created.
void choose_offscreen_platform_if_headless();

}  // namespace partnerops::render
