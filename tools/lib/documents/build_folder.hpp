#pragma once
// An output folder while a build writes into it: one build at a time, with
// the manifest of what the folder holds, and nothing left over from a build
// that was interrupted.
//
// Two builds into one folder would each skip or rebuild from a manifest the
// other is rewriting, and one would save over the other's records. So a
// build holds a lock on the folder (util/file_lock on the file
// .partnerops-build.lock in it) from before it reads the manifest until it
// has saved it for the last time; a second build waits for the first, saying
// so, and then skips what the first built. A build lasts minutes where a
// commit lasts a moment, so the wait is bounded by 10 minutes unless
// PARTNEROPS_LOCK_TIMEOUT says otherwise (the same setting as the commit
// lock's); then the second build refuses, having built nothing.
//
// A build killed midway leaves its temporary files beside the files it was
// writing, which its manifest lists; the next build removes them as it
// opens the folder, and says so.

#include <chrono>
#include <filesystem>
#include <string>

#include "documents/manifest.hpp"
#include "util/file_lock.hpp"

namespace partnerops {

/// How long a build waits for another build into the same folder: 10
/// minutes, or PARTNEROPS_LOCK_TIMEOUT seconds.
std::chrono::milliseconds build_lock_timeout();

class BuildFolder {
 public:
  /// The lock file inside an output folder.
  static std::filesystem::path lock_path_in(const std::filesystem::path& out_dir);

  /// Takes the lock of `out_dir` (an existing folder), waiting up to
  /// `timeout` for another build and saying so through `notify`; then loads
  /// its manifest and removes the temporary files an interrupted build left
  /// beside the files it was writing (and beside the manifest), saying how
  /// many it removed. Returns false and fills `error` with a sentence when
  /// the wait timed out or the lock cannot be taken.
  bool open(const std::filesystem::path& out_dir, std::chrono::milliseconds timeout,
            const util::Notify& notify, std::string* error);

  Manifest& manifest() { return m_manifest; }

  /// Removes the temporary files beside each file the manifest lists as
  /// being written and beside the manifest; returns how many it removed.
  /// Only while the lock is held.
  std::size_t remove_leftovers();

  /// Gives the folder up (also done by the destructor).
  void close() { m_lock.release(); }

 private:
  util::FileLock m_lock;
  Manifest m_manifest;
};

}  // namespace partnerops
