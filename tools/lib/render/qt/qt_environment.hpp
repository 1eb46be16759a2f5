#pragma once
// The process environment Qt reads once, when its application object is
// created. Set here, before that, so that rendering works without a display
// and gives the same bytes every time. Called by the module's first render
// (render/qt/webkit_engine.cpp), right before it creates the application
// object: nothing else in the process uses Qt, so nothing earlier can have
// seeded QHash or chosen a platform.

namespace partnerops::render {

/// Call before the Qt application object is created:
/// - QT_QPA_PLATFORM=offscreen when there is no display and the user has not
///   chosen a platform (CI runners and servers have none);
/// - a QHash seed of 0, because Qt's PDF writer emits fonts in hash order and a
///   per-process random seed would change the bytes of every PDF.
void prepare_qt_environment();

}  // namespace partnerops::render
