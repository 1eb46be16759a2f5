#include "documents/build_folder.hpp"

#include <unistd.h>

#include <map>
#include <set>

#include "source/source.hpp"
#include "util/atomic_file.hpp"

namespace partnerops {

namespace fs = std::filesystem;

namespace {

// Whether `name` is a temporary file written beside one of `targets`.
bool temporary_of_any(const std::string& name, const std::set<std::string>& targets) {
  if (!util::is_temporary_name(name)) return false;
  for (const std::string& target : targets)
    if (name.starts_with(util::temporary_prefix(target))) return true;
  return false;
}

}  // namespace

std::chrono::milliseconds build_lock_timeout() {
  return util::lock_timeout(std::chrono::minutes(10));
}

fs::path BuildFolder::lock_path_in(const fs::path& out_dir) {
  return out_dir / ".partnerops-build.lock";
}

bool BuildFolder::open(const fs::path& out_dir, std::chrono::milliseconds timeout,
                       const util::Notify& notify, std::string* error) {
  const std::string shown = out_dir.string();
  const util::LockWording wording{
      "another build into " + shown,
      "is still writing there; nothing was built, run the build again when it has finished",
      "a build into " + shown};
  if (!m_lock.acquire(lock_path_in(out_dir), timeout, wording, notify, error)) return false;
  m_manifest = Manifest::load(out_dir);
  if (const std::size_t removed = remove_leftovers()) {
    util::tell(notify, "removed " + std::to_string(removed) + " temporary file" +
                           (removed == 1 ? "" : "s") + " left in " + shown +
                           " by an interrupted build");
  }
  m_manifest.end_writing();
  return true;
}

std::size_t BuildFolder::remove_leftovers() {
  // The names to look for, folder by folder, so each folder is read once.
  std::map<fs::path, std::set<std::string>> wanted;
  const fs::path manifest = Manifest::path_in(m_manifest.folder());
  wanted[manifest.parent_path()].insert(manifest.filename().string());
  for (const std::string& output : m_manifest.writing()) {
    // The list comes from a file in the folder: it names nothing outside it.
    if (!is_safe_relative_path(output)) continue;
    const fs::path path = m_manifest.folder() / output;
    wanted[path.parent_path()].insert(path.filename().string());
  }
  std::size_t removed = 0;
  for (const auto& [folder, names] : wanted) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!temporary_of_any(name, names)) continue;
      if (::unlink(it->path().c_str()) == 0) ++removed;
    }
  }
  return removed;
}

}  // namespace partnerops
