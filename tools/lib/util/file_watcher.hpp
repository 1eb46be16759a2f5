#pragma once
// Watching a folder for saved files with Linux inotify, for the preview's
// live reload. What is watched is chosen by the caller: whole folders,
// recursively (a folder created later inside one is watched as it appears),
// and single files of the root, watched through the root folder itself
// because editors save by writing a new file and renaming it over the old
// one, which a watch on the old file's inode would never see.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace partnerops::util {

class FileWatcher {
 public:
  /// Watches `folders` (relative to `root`, recursively; one that does not
  /// exist yet is picked up when it is created) and `files` (relative names
  /// of files directly in `root`). std::nullopt with `error` when inotify
  /// cannot be had (no more instances or watches).
  static std::optional<FileWatcher> open(const std::filesystem::path& root,
                                         const std::vector<std::string>& folders,
                                         const std::vector<std::string>& files, std::string* error);

  ~FileWatcher();
  FileWatcher(FileWatcher&& other) noexcept;
  FileWatcher& operator=(FileWatcher&& other) noexcept;
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  /// Waits at most `timeout` for a change, then keeps collecting for
  /// `settle` after the last one (an editor's save is several events) and
  /// returns the changed paths, relative to the root, sorted; empty when
  /// nothing changed in time.
  std::vector<std::string> wait(std::chrono::milliseconds timeout,
                                std::chrono::milliseconds settle = std::chrono::milliseconds(30));

 private:
  FileWatcher() = default;
  void watch_tree(const std::string& relative);
  bool read_events(std::set<std::string>* changed);
  bool watched(const std::string& relative) const;

  int m_fd = -1;
  std::filesystem::path m_root;
  std::vector<std::string> m_folders;
  std::vector<std::string> m_files;
  std::map<int, std::string> m_paths;  // watch descriptor -> folder relative to root ("" = root)
};

}  // namespace partnerops::util
