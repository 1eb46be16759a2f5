#pragma once
// Driving a real browser from the tests: Debian's Chromium, headless,
// through chromedriver's WebDriver HTTP API (JSON over HTTP, spoken with
// cpp-httplib's client and nlohmann json). The browser may reach nothing
// but this machine: its resolver maps every host name to "not found"
// except the loopback address, so a page that names an outside resource
// fails to fetch it instead of sending anything, and the test then sees
// that request in the list of what the page asked for.
//
//   std::string why;
//   auto browser = Browser::start(&why);
//   if (!browser) GTEST_SKIP() << why;
//   browser->navigate("http://127.0.0.1:PORT/");
//   browser->execute("return document.title");

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace partnerops::browser {

/// The reason the browser tests cannot run here (chromium or chromedriver
/// missing), or empty when they can.
std::string why_no_browser();

class Browser {
 public:
  /// Starts chromedriver on a free port of 127.0.0.1 and opens a headless
  /// session. nullptr with `why` filled when the browser is not installed
  /// (a test then skips) or did not start (a test then fails: `*failed`).
  static std::unique_ptr<Browser> start(std::string* why, bool* failed);
  /// Ends the session and chromedriver.
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  /// Loads `url` (http://127.0.0.1:... or file://...) and waits for it.
  void navigate(const std::string& url);
  /// Runs `script` as a function body in the page; its return value.
  nlohmann::json execute(const std::string& script,
                         const nlohmann::json& args = nlohmann::json::array());
  std::string current_url();
  std::string title();
  /// The page's text as a person reads it (document.body.innerText).
  std::string body_text();
  /// Every URL the page has asked for: itself and each resource
  /// (performance entries: style sheets, images, scripts, fetches, streams).
  std::vector<std::string> requested_urls();
  /// The absolute href of every <a href> of the page.
  std::vector<std::string> links();
  /// A PNG of the viewport, written to `path`.
  void screenshot(const std::filesystem::path& path);

  /// Polls `script` until it returns something truthy (a non-empty string,
  /// true, a number other than 0) or `limit` has passed; the last value.
  nlohmann::json wait_for(const std::string& script, std::chrono::milliseconds limit);

 private:
  Browser() = default;
  nlohmann::json command(const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr);

  partnerops::testing::TempDir m_profile;
  int m_driver_pid = 0;
  int m_driver_port = 0;
  std::string m_session;
};

/// True when `url` stays on this machine: http(s) to 127.0.0.1/localhost/[::1],
/// file:, data:, about:blank.
bool is_local_url(const std::string& url);

/// A free TCP port on 127.0.0.1 (bound, read, released).
int free_port();

/// A test with a browser: SetUp starts one, or skips the test saying why
/// when none is installed (and fails it when one is but did not start). A
/// fixture that adds to SetUp calls BrowserTest::SetUp() first and returns
/// when IsSkipped() or HasFatalFailure().
class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override { browser.reset(); }

  std::unique_ptr<Browser> browser;
};

}  // namespace partnerops::browser
