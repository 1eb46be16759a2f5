#include "preview_run.hpp"

#include <signal.h>

#include <fstream>

#include "support/processes.hpp"

namespace partnerops::browser {

namespace fs = std::filesystem;

PreviewRun::PreviewRun(const fs::path& root, const std::string& today) {
  m_run = std::make_unique<e2e::BackgroundRun>(
      std::vector<std::string>{"preview", "--port", "0", "--today", today, root.string()}, root,
      std::vector<std::string>{"NO_COLOR=1"});
  const std::string marker = " at http://";
  partnerops::testing::holds_within(std::chrono::seconds(60), [this, &marker] {
    const std::string out = m_run->out();
    const std::size_t at = out.find(marker);
    if (at == std::string::npos) return !partnerops::testing::running(m_run->pid());
    const std::size_t end = out.find(' ', at + marker.size());
    if (end == std::string::npos) return false;
    m_url = out.substr(at + 4, end - at - 4);
    return true;
  });
}

PreviewRun::~PreviewRun() {
  if (!m_stopped) stop();
}

std::string PreviewRun::error() const { return m_run->out() + m_run->err(); }

int PreviewRun::stop() {
  m_stopped = true;
  m_run->signal(SIGTERM);
  return m_run->wait();
}

void save_like_an_editor(const fs::path& path, const std::string& content) {
  const fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".swp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
  }
  fs::rename(temporary, path);
}

}  // namespace partnerops::browser
