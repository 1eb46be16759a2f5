#pragma once
// What the preview adds to every HTML page it serves: at the top of the
// body, the problems `validate` reports, in its very words (file, line,
// column, the source line and a caret); before the end of the body, a
// small script that listens to the server's reload events and reloads the
// page when the workspace has changed since the page was made.

#include <cstdint>
#include <string>
#include <string_view>

#include "preview/snapshot.hpp"

namespace partnerops::preview {

/// The path of the server's event stream: one `data: <generation>` event
/// at once, then one per reload.
inline constexpr std::string_view k_events_path = "/_preview/events";

/// The banner's HTML for `snapshot` (a <section id="partnerops-problems">),
/// empty when it has no problem.
std::string problems_banner(const Snapshot& snapshot);

/// The reload script for a page made from generation `generation`; its
/// <script> carries `nonce` (the server's Content-Security-Policy allows
/// no other script).
std::string reload_script(std::uint64_t generation, std::string_view nonce);

/// `html` with `banner` right after its <body> tag and `script` right
/// before its </body> (at the start and at the end when it has neither).
std::string live_page(std::string_view html, std::string_view banner, std::string_view script);

}  // namespace partnerops::preview
