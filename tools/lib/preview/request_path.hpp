#pragma once
// Which request paths the preview even considers: a page source is only
// ever asked for a clean absolute path, so no source has to guard against
// `..`, encoded separators or NUL bytes itself.

#include <string_view>

namespace partnerops::preview {

/// True when `path` (as the HTTP library decoded it) starts with '/' and
/// has no ".", ".." or empty segment (but for a trailing '/'), no
/// backslash, no '%' left after decoding (a doubly encoded path), and no
/// control character.
bool is_clean_path(std::string_view path);

}  // namespace partnerops::preview
