#include "git/initial_commit.hpp"

#include "git/repository.hpp"

namespace partnerops::git {

namespace {

/// A string value of `config`, or empty when it has none.
std::string config_string(git_config* config, const char* name) {
  Buf value;
  if (git_config_get_string_buf(&value.buf, config, name) < 0) return {};
  return value.str();
}

}  // namespace

std::optional<Identity> configured_identity(std::string* error) {
  ensure_initialized();
  git_config* raw = nullptr;
  if (!check(git_config_open_default(&raw), "cannot read git config", error)) return std::nullopt;
  const ConfigPtr config(raw);
  Identity identity{config_string(config.get(), "user.name"),
                    config_string(config.get(), "user.email")};
  if (identity.name.empty() || identity.email.empty()) {
    if (error) {
      *error =
          "no author identity for the first commit: set user.name and user.email in git "
          "config, e.g. git config --global user.name \"Your Name\" && git config --global "
          "user.email you@example.org";
    }
    return std::nullopt;
  }
  return identity;
}

std::optional<std::string> commit_new_files(const std::filesystem::path& root,
                                            const std::vector<std::string>& paths,
                                            const std::string& message, const Identity& identity,
                                            const std::string& branch, std::string* error) {
  ensure_initialized();
  git_repository_init_options options;
  git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
  options.flags = GIT_REPOSITORY_INIT_MKPATH;
  const std::string head = "refs/heads/" + branch;
  options.initial_head = head.c_str();
  git_repository* raw_repo = nullptr;
  // Opens the repository when `root` already is one (`init --force` in a
  // clone); initial_head applies only to a new one.
  if (!check(git_repository_init_ext(&raw_repo, root.c_str(), &options),
             "cannot create a git repository in " + root.string(), error))
    return std::nullopt;
  const RepositoryPtr repo(raw_repo);

  git_index* raw_index = nullptr;
  if (!check(git_repository_index(&raw_index, repo.get()), "cannot open the index", error))
    return std::nullopt;
  const IndexPtr index(raw_index);
  for (const std::string& path : paths) {
    if (!check(git_index_add_bypath(index.get(), path.c_str()), "cannot add " + path, error))
      return std::nullopt;
  }
  if (!check(git_index_write(index.get()), "cannot write the index", error)) return std::nullopt;
  git_oid tree_id;
  if (!check(git_index_write_tree(&tree_id, index.get()), "cannot write the tree", error))
    return std::nullopt;
  git_tree* raw_tree = nullptr;
  if (!check(git_tree_lookup(&raw_tree, repo.get(), &tree_id), "cannot read the tree", error))
    return std::nullopt;
  const TreePtr tree(raw_tree);

  // On top of HEAD when it has a commit; the first commit otherwise.
  CommitPtr parent;
  git_oid head_id;
  if (git_reference_name_to_id(&head_id, repo.get(), "HEAD") == 0) {
    git_commit* raw_parent = nullptr;
    if (!check(git_commit_lookup(&raw_parent, repo.get(), &head_id), "cannot read HEAD", error))
      return std::nullopt;
    parent.reset(raw_parent);
  }
  git_signature* raw_signature = nullptr;
  if (!check(git_signature_now(&raw_signature, identity.name.c_str(), identity.email.c_str()),
             "cannot make the commit's signature", error))
    return std::nullopt;
  const SignaturePtr signature(raw_signature);
  const git_commit* parents[] = {parent.get()};
  git_oid commit_id;
  if (!check(git_commit_create(&commit_id, repo.get(), "HEAD", signature.get(), signature.get(),
                               nullptr, message.c_str(), tree.get(), parent ? 1 : 0, parents),
             "cannot commit", error))
    return std::nullopt;
  return to_hex(commit_id);
}

}  // namespace partnerops::git
