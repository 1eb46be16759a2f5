// partnerops preview [PATH] [--port N] [--open] [--today D]
//
// Serves the workspace's pages on 127.0.0.1 (a free port unless --port
// names one) and prints the address; every HTML page reloads itself when a
// file under partners/, templates/, schemas/ or partnerops.yaml is saved,
// and shows the problems `validate` finds at its top. --open hands the
// address to $BROWSER, else xdg-open. Runs until Ctrl-C or SIGTERM, then
// stops serving and exits 0. There is no --host: the preview listens on
// the loopback address only. Exit 2 when PATH is not a workspace or the
// port cannot be had.

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "options.hpp"
#include "preview/preview_server.hpp"
#include "preview/site_pages.hpp"
#include "util/deferred_signals.hpp"

extern char** environ;

namespace partnerops::cli {

namespace {

struct PreviewCommandOptions {
  std::string path = ".";
  int port = 0;
  bool open = false;
  std::string today;
};

/// Starts $BROWSER (else xdg-open) on `url` and leaves it running; the
/// child gets the signal mask back, so Ctrl-C still reaches it.
pid_t open_browser(const std::string& url) {
  const char* browser = std::getenv("BROWSER");
  const std::string program = browser && *browser ? browser : "xdg-open";
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  std::string argv0 = program;
  std::string argv1 = url;
  char* argv[] = {argv0.data(), argv1.data(), nullptr};
  pid_t pid = 0;
  const int failed = posix_spawnp(&pid, program.c_str(), nullptr, &attributes, argv, environ);
  posix_spawnattr_destroy(&attributes);
  if (failed) {
    std::cerr << "partnerops: cannot start " << program << " to open " << url
              << "; open it yourself\n";
    return 0;
  }
  return pid;
}

int run_preview(const PreviewCommandOptions& options) {
  std::optional<Date> today;
  if (!options.today.empty()) {
    today = parse_today(options.today);
    if (!today) return k_exit_usage;
  }
  std::error_code ec;
  const std::filesystem::path root = std::filesystem::canonical(options.path, ec);
  if (ec || !std::filesystem::is_regular_file(root / "partnerops.yaml", ec)) {
    std::cerr << "partnerops: " << options.path
              << " is not a workspace (it holds no partnerops.yaml)\n";
    return k_exit_usage;
  }
  // Held back from here on, in every thread the server starts; taken below.
  util::DeferredSignals signals;
  preview::PreviewOptions preview_options;
  preview_options.root = root;
  preview_options.today = today;
  preview_options.port = options.port;
  preview_options.pages.push_back(preview::site_pages());
  preview_options.log = [](const std::string& line) {
    std::cerr << "partnerops: " << line << std::endl;
  };
  preview::PreviewServer server(std::move(preview_options));
  if (std::string error; !server.start(&error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  std::cout << "partnerops: previewing " << root.string() << " at " << server.url()
            << " (Ctrl-C to stop)" << std::endl;
  const pid_t browser = options.open ? open_browser(server.url()) : 0;
  signals.wait();
  std::cerr << "partnerops: stopping the preview\n";
  server.stop();
  if (browser > 0) ::waitpid(browser, nullptr, WNOHANG);
  return k_exit_clean;
}

}  // namespace

Runner define_preview(CLI::App& sub) {
  auto options = std::make_shared<PreviewCommandOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--port", options->port, "Port on 127.0.0.1 (0: a free one, printed)")
      ->check(CLI::Range(0, 65535));
  sub.add_flag("--open", options->open, "Open the address with $BROWSER, else xdg-open");
  add_today_option(sub, options->today);
  return [options](const Loader&) { return run_preview(*options); };
}

}  // namespace partnerops::cli
