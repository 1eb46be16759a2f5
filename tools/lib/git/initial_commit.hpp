#pragma once
// A new repository's first commit, for `partnerops init`: `git init` with
// the branch main, the given files added as `git add` would add them, and a
// commit with no parent. commit_files (git/commit_files.hpp) refuses an
// unborn HEAD on purpose, since every other command commits on top of work
// that exists; this is the one place a history starts.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace partnerops::git {

/// Who commits, from git config (user.name, user.email) as git reads it.
struct Identity {
  std::string name;
  std::string email;
};

/// The identity of the user's git config (global and system; no
/// repository yet). nullopt with a sentence saying how to set it when
/// user.name or user.email is missing.
std::optional<Identity> configured_identity(std::string* error);

/// Makes `root` a git repository (unless it is one) with HEAD on `branch`,
/// adds `paths` (relative to `root`, '/'-separated) to its index and
/// commits them with `message` as `identity`: the first commit when HEAD
/// is unborn, else on top of HEAD. Returns the commit's 40-digit id, or
/// nullopt with libgit2's reason in `error`.
std::optional<std::string> commit_new_files(const std::filesystem::path& root,
                                            const std::vector<std::string>& paths,
                                            const std::string& message, const Identity& identity,
                                            const std::string& branch, std::string* error);

}  // namespace partnerops::git
