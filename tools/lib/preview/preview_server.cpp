#include "preview/preview_server.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "preview/document_pages.hpp"
#include "preview/live_page.hpp"
#include "preview/pdf_printer.hpp"
#include "preview/request_path.hpp"
#include "util/file_watcher.hpp"
#include "util/text.hpp"

namespace partnerops::preview {

namespace {

using namespace std::chrono_literals;

/// What a reload makes: the snapshot and the sources over it, swapped in
/// whole, so a request sees one generation from start to end.
struct Served {
  std::shared_ptr<const Snapshot> snapshot;
  std::vector<std::unique_ptr<PageSource>> sources;
};

/// A fresh value per process for the CSP nonce of the injected script.
std::string random_nonce() {
  unsigned char bytes[16] = {};
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  std::string hex;
  for (const unsigned char byte : bytes) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", byte);
    hex += pair;
  }
  return hex;
}

// The pages are the workspace's, and the workspace is untrusted text: the
// injected script (by its nonce) and the page's own inline styles run,
// nothing is loaded from anywhere but this server, and nothing is sent on.
std::string content_security_policy(const std::string& nonce) {
  return "default-src 'none'; script-src 'self' 'nonce-" + nonce +
         "'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
         "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

const std::vector<std::string>& watched_folders() {
  static const std::vector<std::string> folders = {"partners", "templates", "schemas"};
  return folders;
}

}  // namespace

bool is_loopback(std::string_view host) {
  const std::string text(host);
  in_addr v4{};
  if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

struct PreviewServer::Impl {
  PreviewOptions options;
  std::string nonce = random_nonce();
  PdfPrinter printer;
  httplib::Server server;
  std::optional<util::FileWatcher> watcher;
  std::thread serving;
  std::thread watching;
  int port = 0;
  std::atomic<bool> listen_returned = false;

  mutable std::mutex mutex;
  std::condition_variable changed;  // a new generation, or stopping
  std::shared_ptr<const Served> served;
  std::uint64_t generation = 0;
  bool stopping = false;
  std::mutex reload_mutex;  // one reload at a time

  Date today() const { return options.today ? *options.today : Date::today(); }

  std::shared_ptr<const Served> current() const {
    std::lock_guard lock(mutex);
    return served;
  }

  std::shared_ptr<const Served> make_served(std::uint64_t next) {
    auto made = std::make_shared<Served>();
    made->snapshot = load_snapshot(options.root, today(), next);
    for (const PageSourceFactory& factory : options.pages)
      made->sources.push_back(factory(made->snapshot));
    return made;
  }

  bool host_allowed(const httplib::Request& request) const {
    const std::string host = request.get_header_value("Host");
    const std::string port_text = ":" + std::to_string(port);
    const std::string listening =
        options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    return host == listening + port_text || host == "localhost" + port_text;
  }

  void serve_events(httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    auto sent = std::make_shared<std::uint64_t>(0);
    response.set_chunked_content_provider(
        "text/event-stream", [this, sent](std::size_t, httplib::DataSink& sink) {
          std::string message;
          {
            std::unique_lock lock(mutex);
            changed.wait_for(lock, 15s, [this, &sent] { return stopping || generation != *sent; });
            if (stopping) {
              lock.unlock();
              sink.done();
              return true;
            }
            if (generation != *sent) {
              // The first event also asks a reconnecting page to retry soon.
              message = (*sent == 0 ? "retry: 300\n" : "") + std::string("data: ") +
                        std::to_string(generation) + "\n\n";
              *sent = generation;
            } else {
              message = ": still here\n\n";
            }
          }
          return sink.write(message.data(), message.size());
        });
  }

  void serve(const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    if (!host_allowed(request)) {
      response.status = 403;
      response.set_content("partnerops preview answers only requests to " + options.host + "\n",
                           "text/plain; charset=utf-8");
      return;
    }
    if (request.path == k_events_path) return serve_events(response);
    const std::shared_ptr<const Served> now = current();
    std::optional<Page> page;
    if (is_clean_path(request.path))
      for (const std::unique_ptr<PageSource>& source : now->sources)
        if ((page = source->page(request.path))) break;
    if (!page) {
      page.emplace();
      page->status = 404;
      page->body =
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not "
          "found</title></head><body><main><h1>Not found</h1><p>The preview serves no page at " +
          util::escape_html(request.path) +
          ". <a href=\"/\">The index</a>.</p></main></body></html>\n";
    }
    response.status = page->status;
    if (page->content_type.starts_with("text/html")) {
      response.set_header("Content-Security-Policy", content_security_policy(nonce));
      response.set_content(live_page(page->body, problems_banner(*now->snapshot),
                                     reload_script(now->snapshot->generation, nonce)),
                           page->content_type.c_str());
    } else {
      response.set_content(page->body, page->content_type);
    }
  }

  void reload(const std::vector<std::string>& paths) {
    std::lock_guard one_at_a_time(reload_mutex);
    std::uint64_t next = 0;
    {
      std::lock_guard lock(mutex);
      if (stopping) return;
      next = generation + 1;
    }
    std::shared_ptr<const Served> made = make_served(next);
    {
      std::lock_guard lock(mutex);
      served = made;
      generation = next;
    }
    changed.notify_all();
    if (options.log) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.2f", made->snapshot->load_seconds);
      std::string what = paths.empty() ? std::string("a change") : paths.front();
      if (paths.size() > 1) what += " and " + std::to_string(paths.size() - 1) + " more";
      options.log("reloaded in " + std::string(seconds) + " s after " + what +
                  " changed: " + made->snapshot->summary);
    }
  }

  void watch() {
    for (;;) {
      {
        std::lock_guard lock(mutex);
        if (stopping) return;
      }
      const std::vector<std::string> paths = watcher->wait(100ms);
      if (!paths.empty()) reload(paths);
    }
  }
};

PreviewServer::PreviewServer(PreviewOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
  m_impl->options.pages.push_back(document_pages(m_impl->printer));
}

PreviewServer::~PreviewServer() { stop(); }

bool PreviewServer::start(std::string* error) {
  Impl& impl = *m_impl;
  if (!is_loopback(impl.options.host)) {
    *error = "the preview listens only on the loopback address (127.0.0.1), never on '" +
             impl.options.host + "': it serves the workspace to whoever can reach it";
    return false;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(impl.options.root, ec)) {
    *error = impl.options.root.string() + " is not a folder";
    return false;
  }
  impl.watcher =
      util::FileWatcher::open(impl.options.root, watched_folders(), {"partnerops.yaml"}, error);
  if (!impl.watcher) return false;
  impl.served = impl.make_served(1);
  impl.generation = 1;

  // Event streams hold a thread each while a page is open.
  impl.server.new_task_queue = [] { return new httplib::ThreadPool(16); };
  impl.server.set_keep_alive_timeout(1);
  // httplib's default also sets SO_REUSEPORT, with which a second preview
  // on the same port would bind too and share the requests: only
  // SO_REUSEADDR (a restart binds while the old socket is in TIME_WAIT).
  impl.server.set_socket_options([](int socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  impl.server.Get(".*", [&impl](const httplib::Request& request, httplib::Response& response) {
    impl.serve(request, response);
  });
  if (impl.options.port == 0) {
    impl.port = impl.server.bind_to_any_port(impl.options.host);
  } else {
    impl.port =
        impl.server.bind_to_port(impl.options.host, impl.options.port) ? impl.options.port : -1;
  }
  if (impl.port <= 0) {
    *error = "cannot listen on " + impl.options.host + " port " +
             std::to_string(impl.options.port) + " (in use?)";
    impl.watcher.reset();
    return false;
  }
  impl.serving = std::thread([&impl] {
    impl.server.listen_after_bind();
    impl.listen_returned = true;
  });
  impl.watching = std::thread([&impl] { impl.watch(); });
  return true;
}

void PreviewServer::stop() {
  Impl& impl = *m_impl;
  {
    std::lock_guard lock(impl.mutex);
    impl.stopping = true;
  }
  impl.changed.notify_all();
  if (impl.serving.joinable()) {
    // stop() does nothing to a server that has not begun listening yet, so
    // wait for it to begin (or to have given up) first.
    while (!impl.server.is_running() && !impl.listen_returned) std::this_thread::sleep_for(1ms);
    impl.server.stop();
    impl.serving.join();
  }
  if (impl.watching.joinable()) impl.watching.join();
}

int PreviewServer::port() const { return m_impl->port; }

std::string PreviewServer::url() const {
  const std::string& host = m_impl->options.host;
  return "http://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
         std::to_string(m_impl->port) + "/";
}

std::uint64_t PreviewServer::generation() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->generation;
}

void PreviewServer::reload(const std::vector<std::string>& changed) { m_impl->reload(changed); }

}  // namespace partnerops::preview
