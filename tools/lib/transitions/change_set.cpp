#include "transitions/change_set.hpp"

#include <system_error>

#include "model/file_kind.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"
#include "yaml/node.hpp"

namespace partnerops::transitions {

namespace fs = std::filesystem;

namespace {

/// `root` relative to the working tree of `repo`, '/'-separated, with a
/// trailing '/' ("" when `root` is the working tree itself).
std::optional<std::string> prefix_in_repository(git_repository* repo, const fs::path& root,
                                                std::string* error) {
  const char* workdir = git_repository_workdir(repo);
  if (workdir == nullptr) {
    *error = "the repository at " + root.string() +
             " is bare; stage changes are committed from a working tree";
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path tree = fs::canonical(workdir, ec);
  const fs::path here = ec ? fs::path() : fs::canonical(root, ec);
  if (ec) {
    *error = "cannot resolve " + root.string() + ": " + ec.message();
    return std::nullopt;
  }
  const std::string relative = here.lexically_relative(tree).generic_string();
  if (relative.empty() || relative == ".") return std::string();
  if (relative.starts_with("..")) {
    *error = root.string() + " is not inside the working tree " + tree.string();
    return std::nullopt;
  }
  return relative + "/";
}

}  // namespace

const PartnerFolder* find_partner(const Workspace& workspace, const std::string& slug,
                                  Diagnostics& diagnostics) {
  if (const PartnerFolder* folder = workspace.partner(slug)) return folder;
  std::vector<std::string> slugs;
  for (const PartnerFolder& p : workspace.partners()) slugs.push_back(p.slug);
  const std::string near = util::closest(slug, slugs, 3);
  diagnostics.error("advance-unknown-partner", "partners/" + slug, {},
                    "there is no partner folder 'partners/" + slug + "'",
                    near.empty() ? "partner folders are named by slug, e.g. partners/acme"
                                 : "did you mean '" + near + "'?");
  return nullptr;
}

std::string describe_refusal(const git::CommitResult& result, const std::string& branch_name) {
  using git::CommitStatus;
  switch (result.status) {
    case CommitStatus::committed:
      return "";
    case CommitStatus::not_a_repository:
      return "not a git repository; run `git init` first or pass --no-commit to only edit the "
             "files";
    case CommitStatus::bare_repository:
      return "the repository is bare; run the command in a working tree";
    case CommitStatus::unborn_head:
      return "the current branch has no commits yet; commit the workspace once before changing "
             "stages";
    case CommitStatus::detached_head:
      return "HEAD is detached; check out a branch (git switch main) first";
    case CommitStatus::branch_exists:
      return "the branch '" + branch_name +
             "' already exists; delete it, pass --branch NAME, or --no-branch to commit on the "
             "current branch";
    case CommitStatus::missing_identity:
      return "git does not know who you are; set user.name and user.email (git config "
             "user.name \"Your Name\"; git config user.email you@example.org)";
    case CommitStatus::unmerged_index:
      return "the index has unresolved conflicts; finish or abort the merge first";
    case CommitStatus::uncommitted_changes: {
      std::string paths;
      for (const std::string& path : result.dirty_paths)
        paths += (paths.empty() ? "" : ", ") + path;
      return "the partner's files have uncommitted changes (" + paths +
             "); commit or stash them first";
    }
    case CommitStatus::index_locked:
      return "another git process is running (.git/index.lock exists); wait for it or remove the "
             "stale lock";
    case CommitStatus::nothing_to_commit:
      return "the change leaves the files as they are committed; nothing to do";
    case CommitStatus::ref_moved:
      return "the branch moved while committing (another commit landed); nothing was changed, "
             "run the command again";
    case CommitStatus::invalid_request:
    case CommitStatus::failed:
      return result.error.empty() ? std::string(to_string(result.status)) : result.error;
    case CommitStatus::working_tree_failed:
      return "nothing was committed, but " + result.error;
    case CommitStatus::busy:
      return result.error;
  }
  return result.error;
}

bool lock_workspace(const fs::path& root, git::CommandLock* lock, std::string* error) {
  std::string not_found;
  const git::RepositoryPtr repo = git::open_repository(root, &not_found);
  // Outside a repository nothing commits, and --no-commit writes alone.
  if (!repo || git_repository_is_bare(repo.get()) == 1) return true;
  return git::lock_repository(repo.get(), nullptr, lock, error);
}

ApplyResult apply_changes(const fs::path& root, const ChangeSet& changes,
                          const ApplyOptions& options) {
  ApplyResult outcome;
  if (options.commit_mode == CommitMode::write_only) {
    std::vector<util::FileWrite> writes;
    for (const FileEdit& edit : changes.edits) writes.push_back({root / edit.path, edit.content});
    const std::vector<util::WriteFailure> failures = util::write_files_atomically(writes);
    if (!failures.empty()) {
      outcome.error = failures.front().error;
      return outcome;
    }
    for (const std::string& path : changes.removals) {
      std::error_code ec;
      fs::remove(root / path, ec);
      if (ec) {
        outcome.error = "cannot remove " + (root / path).string() + ": " + ec.message();
        return outcome;
      }
    }
    outcome.ok = true;
    return outcome;
  }

  std::string error;
  const git::RepositoryPtr repo =
      options.repository ? options.repository->take(&error) : git::open_repository(root, &error);
  if (!repo) {
    git::CommitResult refused;
    refused.status = git::CommitStatus::not_a_repository;
    outcome.error = describe_refusal(refused, options.branch_name) + " (" + error + ")";
    return outcome;
  }
  const std::optional<std::string> prefix = prefix_in_repository(repo.get(), root, &error);
  if (!prefix) {
    outcome.error = error;
    return outcome;
  }
  git::CommitOptions commit;
  for (const FileEdit& edit : changes.edits)
    commit.changes.push_back(git::FileChange::write(*prefix + edit.path, edit.content));
  for (const std::string& path : changes.removals)
    commit.changes.push_back(git::FileChange::remove(*prefix + path));
  commit.message = changes.message;
  commit.branch_mode = options.branch_mode;
  commit.branch_name = options.branch_name;
  if (changes.protected_paths.empty()) {
    commit.protected_paths = {*prefix + changes.folder};
  } else {
    for (const std::string& path : changes.protected_paths)
      commit.protected_paths.push_back(*prefix + path);
  }
  commit.before_ref_update = options.before_ref_update;
  const git::CommitResult result = git::commit_files(repo.get(), commit);
  if (!result.ok()) {
    outcome.error = describe_refusal(result, options.branch_name);
    return outcome;
  }
  outcome.ok = true;
  outcome.commit_id = result.commit_id;
  git_oid oid;
  outcome.short_id = git::parse_oid(result.commit_id, &oid) ? git::short_id(repo.get(), oid)
                                                            : result.commit_id.substr(0, 7);
  outcome.branch = result.branch;
  return outcome;
}

bool revalidate(const Workspace& workspace, const std::string& path, const std::string& text,
                Diagnostics& diagnostics) {
  Diagnostics found;
  const std::unique_ptr<yaml::Document> document = yaml::parse(path, text, found);
  if (document) {
    const std::string_view schema = schema_for(classify(path).kind);
    if (!schema.empty()) workspace.schemas().validate(*document, schema, found);
  }
  const bool ok = document && !found.has_errors();
  diagnostics.append(std::move(found));
  return ok;
}

std::string expand_branch_pattern(
    std::string pattern, const std::vector<std::pair<std::string_view, std::string>>& values) {
  for (const auto& [from, to] : values) {
    for (std::size_t at = pattern.find(from); at != std::string::npos;
         at = pattern.find(from, at + to.size()))
      pattern.replace(at, from.size(), to);
  }
  return pattern;
}

std::string expand_branch_pattern(std::string pattern, const std::string& slug,
                                  const std::string& name) {
  return expand_branch_pattern(std::move(pattern),
                               {{"{slug}", slug}, {"{stage}", name}, {"{item}", name}});
}

BranchPatterns branch_patterns(const Workspace& workspace) {
  return workspace.organisation() ? workspace.organisation()->branches : BranchPatterns{};
}

}  // namespace partnerops::transitions
