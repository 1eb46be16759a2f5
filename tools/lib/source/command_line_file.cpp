#include "source/command_line_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <string>

namespace partnerops {

namespace fs = std::filesystem;

namespace {

// Links followed before giving up, as the kernel's own limit.
constexpr int k_max_links = 40;

void push_front_components(const fs::path& path, std::deque<std::string>& pending) {
  std::deque<std::string> components;
  for (const fs::path& component : path.relative_path()) components.push_back(component.string());
  pending.insert(pending.begin(), components.begin(), components.end());
}

}  // namespace

ReadResult read_command_line_file(const fs::path& root, const fs::path& path,
                                  std::uint64_t max_bytes) {
  std::error_code ec;
  // The workspace as the kernel finds it, free of links, so that a folder
  // reached by following every link can be compared with it as text.
  const fs::path root_real = fs::canonical(root, ec);
  const std::string inside_prefix = ec ? std::string() : root_real.string() + "/";
  const auto within = [&](const std::string& folder) {
    return !inside_prefix.empty() &&
           (folder == root_real.string() || folder.starts_with(inside_prefix));
  };

  // Walked as the kernel would walk it, one component at a time, so that
  // each link is seen with the folder it lies in.
  std::deque<std::string> pending;
  push_front_components(path.is_absolute() ? path : fs::current_path(ec) / path, pending);
  std::string current = "/";
  int links = 0;
  while (!pending.empty()) {
    const std::string name = pending.front();
    pending.pop_front();
    if (name.empty() || name == ".") continue;
    if (name == "..") {
      current = fs::path(current).parent_path().string();
      continue;
    }
    const std::string next = current == "/" ? "/" + name : current + "/" + name;
    struct stat info {};
    if (::lstat(next.c_str(), &info) != 0) {
      return ReadResult::failure(errno == ENOENT || errno == ENOTDIR ? ReadResult::Status::missing
                                                                     : ReadResult::Status::error,
                                 next + ": " + std::strerror(errno));
    }
    if (S_ISLNK(info.st_mode)) {
      if (within(current)) {
        const std::string link = fs::path(next).lexically_relative(root_real).generic_string();
        return ReadResult::failure(ReadResult::Status::symlink,
                                   pending.empty()
                                       ? "a symbolic link inside the workspace (not followed)"
                                       : "the path passes through the symbolic link " + link +
                                             " inside the workspace (not followed)");
      }
      if (++links > k_max_links)
        return ReadResult::failure(ReadResult::Status::error, next + ": too many symbolic links");
      const fs::path target = fs::read_symlink(next, ec);
      if (ec) return ReadResult::failure(ReadResult::Status::error, next + ": " + ec.message());
      if (target.is_absolute()) current = "/";
      push_front_components(target, pending);
      continue;
    }
    current = next;
  }
  // `current` is the file itself, reached through no link inside the
  // workspace; inside it, it is read beneath the root, which checks that
  // again as it opens the file.
  if (within(current) && current != root_real.string()) {
    return open_directory_source(root_real)->read(
        fs::path(current).lexically_relative(root_real).generic_string(), max_bytes);
  }
  const fs::path file(current);
  return open_directory_source(file.parent_path())->read(file.filename().string(), max_bytes);
}

}  // namespace partnerops
