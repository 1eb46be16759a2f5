#include "support/processes.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

namespace partnerops::testing {

namespace {

namespace fs = std::filesystem;

// The state letter and parent pid of /proc/<pid>/stat; false when it is gone.
bool read_stat(const fs::path& folder, char* state, long* parent) {
  std::ifstream in(folder / "stat");
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name, in parentheses, may hold spaces: the fields start after the last ')'.
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(stat.substr(close + 1));
  return static_cast<bool>(fields >> *state >> *parent);
}

}  // namespace

std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (fs::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    char state = 0;
    long parent = 0;
    if (read_stat(it->path(), &state, &parent) && parent == pid && state != 'Z')
      children.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return children;
}

bool running(pid_t pid) {
  char state = 0;
  long parent = 0;
  return read_stat("/proc/" + std::to_string(pid), &state, &parent) && state != 'Z';
}

bool holds_within(std::chrono::milliseconds limit, const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return condition();
}

}  // namespace partnerops::testing
