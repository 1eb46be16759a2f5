#include "git/ignored.hpp"

#include "git/repository.hpp"

namespace partnerops::git {

Visibility visibility(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return Visibility::outside;
  // The nearest existing folder finds the repository; the path itself may
  // not exist yet.
  fs::path existing = absolute;
  while (!existing.empty() && !fs::is_directory(existing, ec)) {
    if (existing == existing.parent_path()) break;
    existing = existing.parent_path();
  }
  std::string error;
  const RepositoryPtr repo = open_repository(existing, &error);
  if (!repo) return Visibility::outside;
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) return Visibility::outside;
  const fs::path root = fs::weakly_canonical(fs::path(workdir), ec);
  if (ec) return Visibility::outside;
  const fs::path relative = absolute.lexically_relative(root);
  const std::string text = relative.generic_string();
  if (relative.empty() || text == "." || text.starts_with("..")) return Visibility::outside;
  if (text == ".git" || text.starts_with(".git/")) return Visibility::ignored;
  int ignored = 0;
  const bool folder = fs::is_directory(absolute, ec);
  if (git_ignore_path_is_ignored(&ignored, repo.get(), (text + (folder ? "/" : "")).c_str()) != 0)
    return Visibility::outside;
  return ignored == 1 ? Visibility::ignored : Visibility::shown;
}

}  // namespace partnerops::git
