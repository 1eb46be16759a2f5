#pragma once
// Temporary git repositories for the tests of tools/lib/git, built through
// libgit2 with a fixed identity and fixed commit times, and isolated from the
// user's own git configuration.

#include <git2.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "git/repository.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::git::testing {

/// Points libgit2's global, XDG and system config search paths at an empty
/// folder, so the tests never see the user's ~/.gitconfig. Idempotent.
void isolate_git_config();

using partnerops::testing::TempDir;

/// A non-bare repository on branch main, with user.name and user.email set in
/// its own config.
class TempRepo {
 public:
  static constexpr std::int64_t k_base_time = 1763900000;  // 2025-11-23, fixed for reproducibility

  TempRepo();
  const std::filesystem::path& root() const { return m_dir.path(); }
  git_repository* repo() const { return m_raw; }
  std::shared_ptr<git_repository> shared() const { return m_shared; }

  /// Writes a working-tree file (creating folders).
  void write(const std::string& path, const std::string& content) const;
  /// Reads a working-tree file; "<missing>" when absent.
  std::string read(const std::string& path) const;
  void remove(const std::string& path) const;
  /// Stages a path from the working tree (addition, change or removal).
  void stage(const std::string& path) const;
  /// Writes and stages.
  void add(const std::string& path, const std::string& content) const {
    write(path, content);
    stage(path);
  }
  /// Stages a symbolic link entry pointing at `target` (index only).
  void stage_symlink(const std::string& path, const std::string& target) const;
  /// Commits the index on HEAD with author time k_base_time + n minutes for
  /// the n-th commit; returns the commit id.
  std::string commit(const std::string& message);

  /// The commit id a revision names.
  std::string resolve(const std::string& revspec) const;
  /// The blob content at `path` in `revspec`'s tree; "<missing>" when absent.
  std::string file_at(const std::string& revspec, const std::string& path) const;
  static constexpr unsigned k_nowhere = 1u << 31;
  /// git_status_file flags of one path; k_nowhere when it is in none of HEAD,
  /// index and working tree.
  unsigned status(const std::string& path) const;
  /// What HEAD points at: "refs/heads/x" or a commit id when detached.
  std::string head() const;
  void set_config(const std::string& key, const std::string& value) const;
  void delete_config(const std::string& key) const;

  /// Everything a commit must not change when it refuses: HEAD, every ref,
  /// every index entry, every working-tree file with its content.
  std::string snapshot() const;

 private:
  TempDir m_dir;
  std::shared_ptr<git_repository> m_shared;
  git_repository* m_raw = nullptr;
  int m_commits = 0;
};

/// Runs a shell command; returns its exit status.
int run(const std::string& command);

}  // namespace partnerops::git::testing
