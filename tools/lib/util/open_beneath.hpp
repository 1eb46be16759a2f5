#pragma once
// Opening a file named by data without leaving the workspace. A path written
// in a YAML file (a logo, a service description, an addendum) is opened one
// component at a time from the workspace root, never following a symbolic
// link, so a link committed into the repository (`docs -> /etc`) cannot make
// a document print /etc/passwd. The check and the open are one operation:
// there is no window in which a folder could be swapped for a link.

#include <string>
#include <string_view>

namespace partnerops::util {

struct BeneathResult {
  enum class Status { ok, missing, symlink, error };
  Status status = Status::ok;
  int fd = -1;  ///< the open file when status is ok; the caller closes it
  /// When status is symlink: the leading components up to and including the
  /// link, e.g. "docs" for "docs/service-description.md".
  std::string link;
  int error = 0;  ///< errno, when status is error (or missing)
};

/// Opens `relative` (components separated by '/', no '.', '..' or leading
/// '/': callers check with is_safe_relative_path) beneath the folder open as
/// `root_fd`, with `flags` for the last component (O_NOFOLLOW is added).
/// Uses openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS where the kernel
/// has it, and otherwise (or to name the link) walks the components with
/// openat(O_NOFOLLOW | O_DIRECTORY), each relative to the last.
BeneathResult open_beneath(int root_fd, std::string_view relative, int flags);

/// The fallback of open_beneath on its own (one openat per component), so
/// tests cover it on kernels that have openat2.
BeneathResult open_beneath_by_walking(int root_fd, std::string_view relative, int flags);

}  // namespace partnerops::util
