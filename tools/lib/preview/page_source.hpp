#pragma once
// What the preview serves, behind one interface: a PageSource answers a
// request path with a page or with nothing. The server asks each source in
// turn and answers 404 when none has the path, so a source only ever
// serves paths it made itself and never maps a request onto the disk.
//
// Sources are made per snapshot (preview/snapshot): after each reload the
// server asks every factory for a source over the new workspace, so a
// source may compute its pages up front or on demand, and never sees a
// workspace change under it.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "preview/snapshot.hpp"

namespace partnerops::preview {

struct Page {
  std::string body;
  /// "text/html; charset=utf-8" pages get the problems banner and the
  /// reload script; anything else is served as it is.
  std::string content_type = "text/html; charset=utf-8";
  int status = 200;
};

class PageSource {
 public:
  virtual ~PageSource() = default;

  /// The page at `path` (always starting with '/', percent-decoded, with
  /// no "." or ".." segment, no empty segment but a trailing one, no
  /// backslash and no NUL), or nullopt when this source has none there.
  /// Called from the server's threads at once: must be safe to call
  /// concurrently.
  virtual std::optional<Page> page(std::string_view path) const = 0;
};

/// Makes a source over one snapshot (which it may keep).
using PageSourceFactory =
    std::function<std::unique_ptr<PageSource>(std::shared_ptr<const Snapshot> snapshot)>;

}  // namespace partnerops::preview
