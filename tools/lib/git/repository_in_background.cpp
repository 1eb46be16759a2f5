#include "git/repository_in_background.hpp"

#include <utility>

namespace partnerops::git {

RepositoryInBackground::RepositoryInBackground(std::filesystem::path start)
    : m_opening(std::async(std::launch::async, [start = std::move(start)] {
        Opened opened;
        opened.repository = open_repository(start, &opened.error);
        git_index* index = nullptr;
        // The repository keeps the index it read; this handle only lets go
        // of the reference libgit2 gave us.
        if (opened.repository && git_repository_index(&index, opened.repository.get()) == 0)
          git_index_free(index);
        return opened;
      })) {}

RepositoryPtr RepositoryInBackground::take(std::string* error) {
  Opened opened = m_opening.get();
  if (!opened.repository && error != nullptr) *error = std::move(opened.error);
  return std::move(opened.repository);
}

}  // namespace partnerops::git
