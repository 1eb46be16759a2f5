#include "util/file_watcher.hpp"

#include <dirent.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace partnerops::util {

namespace {

constexpr std::uint32_t k_folder_events = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                          IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB | IN_ONLYDIR;

std::string joined(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

std::optional<FileWatcher> FileWatcher::open(const std::filesystem::path& root,
                                             const std::vector<std::string>& folders,
                                             const std::vector<std::string>& files,
                                             std::string* error) {
  FileWatcher watcher;
  watcher.m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (watcher.m_fd < 0) {
    *error = std::string("cannot watch files: ") + std::strerror(errno);
    return std::nullopt;
  }
  watcher.m_root = root;
  watcher.m_folders = folders;
  watcher.m_files = files;
  // The root itself, not recursively: it announces the watched files and
  // the watched folders that appear later.
  const int wd = ::inotify_add_watch(watcher.m_fd, root.c_str(), k_folder_events);
  if (wd < 0) {
    *error = "cannot watch " + root.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  watcher.m_paths[wd] = "";
  for (const std::string& folder : folders) watcher.watch_tree(folder);
  return watcher;
}

FileWatcher::~FileWatcher() {
  if (m_fd >= 0) ::close(m_fd);
}

FileWatcher::FileWatcher(FileWatcher&& other) noexcept
    : m_fd(other.m_fd),
      m_root(std::move(other.m_root)),
      m_folders(std::move(other.m_folders)),
      m_files(std::move(other.m_files)),
      m_paths(std::move(other.m_paths)) {
  other.m_fd = -1;
}

FileWatcher& FileWatcher::operator=(FileWatcher&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = other.m_fd;
    other.m_fd = -1;
    m_root = std::move(other.m_root);
    m_folders = std::move(other.m_folders);
    m_files = std::move(other.m_files);
    m_paths = std::move(other.m_paths);
  }
  return *this;
}

void FileWatcher::watch_tree(const std::string& relative) {
  const std::filesystem::path folder = m_root / relative;
  // IN_ONLYDIR and IN_DONT_FOLLOW: a link is never followed out of the root.
  const int wd =
      ::inotify_add_watch(m_fd, folder.c_str(), k_folder_events | IN_DONT_FOLLOW | IN_ONLYDIR);
  if (wd < 0) return;  // not there (yet), or not a folder
  m_paths[wd] = relative;
  // Subfolders, by readdir: types from d_type, never following a link.
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) return;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (entry->d_type == DT_DIR) watch_tree(joined(relative, name));
  }
  ::closedir(dir);
}

bool FileWatcher::watched(const std::string& relative) const {
  for (const std::string& file : m_files)
    if (relative == file) return true;
  for (const std::string& folder : m_folders)
    if (relative == folder || relative.rfind(folder + "/", 0) == 0) return true;
  return false;
}

bool FileWatcher::read_events(std::set<std::string>* changed) {
  alignas(inotify_event) char buffer[16384];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t offset = 0; offset < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        // Events were lost: report the whole watch as changed.
        changed->insert(".");
        any = true;
        continue;
      }
      const auto folder = m_paths.find(event->wd);
      if (folder == m_paths.end()) continue;
      if (event->mask & IN_IGNORED) {
        m_paths.erase(folder);
        continue;
      }
      const std::string name = event->len ? std::string(event->name) : std::string();
      const std::string relative = name.empty() ? folder->second : joined(folder->second, name);
      if (!watched(relative)) continue;
      // A folder that appears (made or moved in) is watched from now on;
      // files saved in it before the watch was added are covered by the
      // event for the folder itself.
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)))
        watch_tree(relative);
      changed->insert(relative);
      any = true;
    }
  }
  return any;
}

std::vector<std::string> FileWatcher::wait(std::chrono::milliseconds timeout,
                                           std::chrono::milliseconds settle) {
  std::set<std::string> changed;
  pollfd fd{m_fd, POLLIN, 0};
  if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return {};
  read_events(&changed);
  // Keep collecting while events keep coming, each within `settle` of the
  // last, for at most ten settles: a folder written to without pause must
  // not hold the reload back for ever.
  for (int round = 0; round < 10 && ::poll(&fd, 1, static_cast<int>(settle.count())) > 0; ++round)
    read_events(&changed);
  return {changed.begin(), changed.end()};
}

}  // namespace partnerops::util
