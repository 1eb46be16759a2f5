#include "webdriver.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace partnerops::browser {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* k_chromium = "/usr/bin/chromium";
constexpr const char* k_chromedriver = "/usr/bin/chromedriver";

/// The bytes of base64 `text` (WebDriver's screenshots).
std::string decode_base64(const std::string& text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const std::size_t value = alphabet.find(c);
    if (value == std::string::npos) continue;  // padding, line breaks
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return bytes;
}

bool truthy(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) return !value.get<std::string>().empty();
  if (value.is_number()) return value.get<double>() != 0;
  if (value.is_array() || value.is_object()) return !value.empty();
  return false;
}

}  // namespace

std::string why_no_browser() {
  for (const char* program : {k_chromium, k_chromedriver})
    if (::access(program, X_OK) != 0)
      return std::string(program) +
             " is not installed (Debian packages chromium and chromium-driver; "
             "scripts/install-deps.sh installs them)";
  return {};
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

bool is_local_url(const std::string& url) {
  for (const char* prefix :
       {"http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://[::1]:", "file:///",
        "data:", "about:blank", "blob:http://127.0.0.1:"})
    if (url.rfind(prefix, 0) == 0) return true;
  return false;
}

std::unique_ptr<Browser> Browser::start(std::string* why, bool* failed) {
  *failed = false;
  *why = why_no_browser();
  if (!why->empty()) return nullptr;
  std::unique_ptr<Browser> browser(new Browser());
  browser->m_driver_port = free_port();
  const std::string port_arg = "--port=" + std::to_string(browser->m_driver_port);
  const std::string log_arg =
      "--log-path=" + (browser->m_profile.path() / "chromedriver.log").string();
  std::vector<std::string> args = {k_chromedriver, port_arg, log_arg};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // Its banner goes to its log, not into the test's output.
  const std::string console = (browser->m_profile.path() / "chromedriver.out").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, console.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, k_chromedriver, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    *failed = true;
    *why = "cannot start chromedriver";
    return nullptr;
  }
  browser->m_driver_pid = pid;
  httplib::Client status("127.0.0.1", browser->m_driver_port);
  bool ready = false;
  for (int i = 0; i < 200 && !ready; ++i) {
    if (auto result = status.Get("/status"); result && result->status == 200) {
      ready = nlohmann::json::parse(result->body, nullptr, false)["value"].value("ready", false);
    }
    if (!ready) std::this_thread::sleep_for(50ms);
  }
  if (!ready) {
    *failed = true;
    *why = "chromedriver did not become ready";
    return nullptr;
  }
  const std::string profile = "--user-data-dir=" + (browser->m_profile.path() / "profile").string();
  nlohmann::json capabilities = {
      {"capabilities",
       {{"alwaysMatch",
         {{"browserName", "chrome"},
          {"goog:chromeOptions",
           {{"binary", k_chromium},
            {"args",
             {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1200,1600", profile,
              // No request may leave the machine: every name but the
              // loopback address resolves to nothing, and the browser's own
              // background traffic (updates, sync, metrics) is off.
              "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-default-apps", "--disable-domain-reliability",
              "--disable-client-side-phishing-detection", "--no-first-run",
              "--no-default-browser-check", "--metrics-recording-only",
              "--disable-features=OptimizationHints,MediaRouter,Translate,"
              "AutofillServerCommunication",
              "--allow-file-access-from-files"}}}}}}}}};
  try {
    const nlohmann::json value = browser->command("POST", "/session", capabilities);
    browser->m_session = value.at("sessionId").get<std::string>();
  } catch (const std::exception& error) {
    *failed = true;
    *why = std::string("chromedriver did not start a session: ") + error.what();
    return nullptr;
  }
  return browser;
}

Browser::~Browser() {
  if (!m_session.empty()) {
    try {
      command("DELETE", "/session/" + m_session);
    } catch (const std::exception&) {
      // the driver is ended below either way
    }
  }
  if (m_driver_pid > 0) {
    ::kill(m_driver_pid, SIGTERM);
    ::waitpid(m_driver_pid, nullptr, 0);
  }
}

nlohmann::json Browser::command(const std::string& method, const std::string& path,
                                const nlohmann::json& body) {
  httplib::Client client("127.0.0.1", m_driver_port);
  client.set_read_timeout(120, 0);
  const std::string text = body.is_null() ? "{}" : body.dump();
  httplib::Result result = method == "POST" ? client.Post(path.c_str(), text, "application/json")
                           : method == "DELETE" ? client.Delete(path.c_str())
                                                : client.Get(path.c_str());
  if (!result) throw std::runtime_error("chromedriver: no answer to " + method + " " + path);
  nlohmann::json answer = nlohmann::json::parse(result->body, nullptr, false);
  if (answer.is_discarded() || !answer.contains("value"))
    throw std::runtime_error("chromedriver: not JSON: " + result->body);
  if (result->status != 200)
    throw std::runtime_error("chromedriver: " + method + " " + path + ": " +
                             answer["value"].value("error", std::string()) + ": " +
                             answer["value"].value("message", std::string()));
  return answer["value"];
}

void Browser::navigate(const std::string& url) {
  command("POST", "/session/" + m_session + "/url", {{"url", url}});
}

nlohmann::json Browser::execute(const std::string& script, const nlohmann::json& args) {
  return command("POST", "/session/" + m_session + "/execute/sync",
                 {{"script", script}, {"args", args}});
}

std::string Browser::current_url() {
  return command("GET", "/session/" + m_session + "/url").get<std::string>();
}

std::string Browser::title() {
  return command("GET", "/session/" + m_session + "/title").get<std::string>();
}

std::string Browser::body_text() {
  return execute("return document.body ? document.body.innerText : '';").get<std::string>();
}

std::vector<std::string> Browser::requested_urls() {
  return execute(
             "return [location.href].concat(performance.getEntriesByType('resource')"
             ".map(function(e){return e.name;}));")
      .get<std::vector<std::string>>();
}

std::vector<std::string> Browser::links() {
  return execute(
             "return Array.from(document.querySelectorAll('a[href]'))"
             ".map(function(a){return a.href;});")
      .get<std::vector<std::string>>();
}

void Browser::screenshot(const fs::path& path) {
  const std::string png =
      decode_base64(command("GET", "/session/" + m_session + "/screenshot").get<std::string>());
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << png;
}

void BrowserTest::SetUp() {
  std::string why;
  bool failed = false;
  browser = Browser::start(&why, &failed);
  if (browser) return;
  if (failed) FAIL() << why;
  GTEST_SKIP() << why;
}

nlohmann::json Browser::wait_for(const std::string& script, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  nlohmann::json value;
  for (;;) {
    try {
      value = execute(script);
    } catch (const std::runtime_error&) {
      // the page is being replaced (a reload): ask again
      value = nullptr;
    }
    if (truthy(value) || std::chrono::steady_clock::now() >= until) return value;
    std::this_thread::sleep_for(10ms);
  }
}

}  // namespace partnerops::browser
