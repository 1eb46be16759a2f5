#pragma once
// Opening a repository on a thread of its own, with its index read.
//
// libgit2 takes tens of milliseconds to read a large index: for the 48,889
// entries of a 10,000-partner organisation about 60 ms, in which it verifies
// the file's checksum and checks every path. That is the largest single part
// of committing a transition, and nothing a command does before it commits
// (loading the partner's folder, checking the guards, planning the edit)
// needs the index. So a committing command starts the opening first and
// takes the repository when it is ready to commit; the read overlaps the
// rest of its work instead of following it.
//
// The thread owns its repository handle until take() hands it over, so no
// libgit2 object is ever used by two threads at once (libgit2's rule).

#include <filesystem>
#include <future>
#include <string>

#include "git/repository.hpp"

namespace partnerops::git {

class RepositoryInBackground {
 public:
  /// Starts opening the repository containing `start` (as open_repository
  /// does) and reading its index. Returns at once.
  /// Destroying it without take() waits for the thread (a std::async
  /// future does), so no libgit2 work outlives the command.
  explicit RepositoryInBackground(std::filesystem::path start);

  /// Waits for the opening, then hands over the repository, whose index is
  /// already read (libgit2 reads it again only if the file changes on disk
  /// meanwhile), or nullptr with `error` filled as open_repository fills it.
  /// A failed index read is not reported here: the index is then read again
  /// on first use, which reports it. Call once.
  RepositoryPtr take(std::string* error);

 private:
  struct Opened {
    RepositoryPtr repository;
    std::string error;
  };
  std::future<Opened> m_opening;
};

}  // namespace partnerops::git
