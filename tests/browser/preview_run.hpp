#pragma once
// `partnerops preview` run by a test on a workspace of its own, as a user
// runs it: the test reads the address it prints and stops it with SIGTERM.

#include <memory>
#include <string>

#include "../e2e/run_support.hpp"

namespace partnerops::browser {

class PreviewRun {
 public:
  /// Starts `partnerops preview --port 0 --today TODAY ROOT` and waits for
  /// its address; url() is empty (with the command's output in error())
  /// when it did not print one in time.
  PreviewRun(const std::filesystem::path& root, const std::string& today);
  /// Stops it (SIGTERM) if the test did not.
  ~PreviewRun();

  const std::string& url() const { return m_url; }
  std::string error() const;
  /// Sends SIGTERM and waits: the exit code, or 128 + the signal.
  int stop();
  const e2e::BackgroundRun& run() const { return *m_run; }

 private:
  std::unique_ptr<e2e::BackgroundRun> m_run;
  std::string m_url;
  bool m_stopped = false;
};

/// Replaces `path` as an editor saves: a new file beside it, renamed over it.
void save_like_an_editor(const std::filesystem::path& path, const std::string& content);

}  // namespace partnerops::browser
