#include "render/qt_environment.hpp"

#include <QHash>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace partnerops::render {

void prepare_qt_environment() {
  const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  if (!has_display && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
  // The variable covers Qt code that reads it; the call covers the case
  // where Qt already seeded its hashes during static initialisation.
  setenv("QT_HASH_SEED", "0", 1);
  qSetGlobalQHashSeed(0);
  if (!std::getenv("XDG_RUNTIME_DIR")) {
    const char* tmp = std::getenv("TMPDIR");
    const std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/partnerops-runtime-" +
                            std::to_string(::getuid());
    // 0700 and owned by us, as the XDG specification asks; otherwise Qt
    // warns again and we leave the variable unset.
    ::mkdir(dir.c_str(), 0700);
    struct stat info {};
    if (::lstat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::getuid() &&
        (info.st_mode & 0777) == 0700)
      setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
  }
}

}  // namespace partnerops::render
