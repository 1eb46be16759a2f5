#pragma once
// `partnerops preview`: a web server on the loopback address that serves
// the pages of its page sources (preview/page_source) over the workspace
// as it is on disk, reloads the workspace when a file it reads changes
// (util/file_watcher: partners/, templates/, schemas/, partnerops.yaml),
// and tells every open page to reload itself (a Server-Sent Events stream
// at /_preview/events, listened to by a script injected into each HTML
// page, preview/live_page). HTTP is cpp-httplib's; this file only routes.
//
// It listens on 127.0.0.0/8 or ::1 only: anything else is refused before a
// socket is opened, and a request whose Host header is not the loopback
// address it listens on (DNS rebinding) is refused too. A request for a
// path no page source has, or that is not a clean path (`..`, encoded
// separators), is a 404.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "preview/page_source.hpp"

namespace partnerops::preview {

struct PreviewOptions {
  std::filesystem::path root;  ///< the workspace: the folder holding partnerops.yaml
  std::optional<Date> today;   ///< nullopt: the real date at each load
  std::string host = "127.0.0.1";
  int port = 0;  ///< 0: a free port, chosen by the system
  /// Page sources asked, in this order, before the documents' pages
  /// (preview/document_pages, always last): the first to have a path
  /// serves it. The site's pages go here.
  std::vector<PageSourceFactory> pages;
  /// Receives one line per reload ("reloaded in 0.04 s after ... changed:
  /// 1 error"); may be null.
  std::function<void(const std::string&)> log;
};

/// True for a literal loopback address: 127.0.0.0/8 or ::1 (no host name:
/// a name would be resolved, and could resolve elsewhere).
bool is_loopback(std::string_view host);

class PreviewServer {
 public:
  explicit PreviewServer(PreviewOptions options);
  /// Stops it if it runs.
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Loads the workspace, starts watching its files, binds and starts
  /// serving on threads of its own. False with `error` (nothing left
  /// running) when the host is not a loopback address, the port cannot be
  /// bound, or the files cannot be watched.
  bool start(std::string* error);

  /// Ends every event stream, stops serving and watching, and waits for
  /// each thread. Safe to call twice.
  void stop();

  int port() const;
  /// "http://127.0.0.1:PORT/"
  std::string url() const;
  /// The generation served now: 1 after start, one more per reload.
  std::uint64_t generation() const;

  /// Reloads now, as a change to `changed` on disk would, and tells the
  /// open pages.
  void reload(const std::vector<std::string>& changed);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace partnerops::preview
