#include "util/staged_folder.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace partnerops::util {

namespace fs = std::filesystem;

fs::path make_staging_folder(const fs::path& target, std::string* error) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern =
      (parent / ("." + target.filename().string() + ".partnerops-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    *error = "cannot create a folder beside " + target.string() + ": " + std::strerror(errno);
    return {};
  }
  // mkdtemp makes the folder private; the bundle gets the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(pattern.c_str(), 0777 & ~mask);
  return pattern;
}

bool move_into_place(const fs::path& staged, const fs::path& target, std::string* error) {
  std::error_code ec;
  fs::path previous;
  if (fs::exists(target, ec)) {
    previous = target;
    previous += ".partnerops-old";
    fs::remove_all(previous, ec);
    fs::rename(target, previous, ec);
    if (ec) {
      *error = "cannot move " + target.string() + " aside: " + ec.message();
      return false;
    }
  }
  fs::rename(staged, target, ec);
  if (ec) {
    *error = "cannot rename the bundle to " + target.string() + ": " + ec.message();
    if (!previous.empty()) fs::rename(previous, target, ec);
    return false;
  }
  if (!previous.empty()) fs::remove_all(previous, ec);
  return true;
}

}  // namespace partnerops::util
