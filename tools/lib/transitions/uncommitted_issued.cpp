#include "transitions/uncommitted_issued.hpp"

#include <git2.h>

#include <cstring>
#include <set>

#include "git/git_tree_source.hpp"
#include "git/repository.hpp"
#include "transitions/range_check.hpp"
#include "transitions/scoped_source.hpp"

namespace partnerops::transitions {

void check_uncommitted_issued(const std::filesystem::path& root, const Workspace& workspace,
                              Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::string error;
  git::RepositoryPtr opened = git::open_repository(root, &error);
  if (!opened || git_repository_is_bare(opened.get()) == 1) return;
  std::error_code ec;
  const fs::path workdir = fs::canonical(git_repository_workdir(opened.get()), ec);
  if (ec || workdir != fs::canonical(root, ec) || ec) return;
  const git::CommitPtr head = git::lookup_commit(opened.get(), "HEAD", &error);
  if (!head) return;
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, head.get()) != 0) return;
  const git::TreePtr tree(raw_tree);

  std::set<std::string> slugs;
  for (const auto& file : workspace.files()) {
    if (file->kind != FileKind::invoice && file->kind != FileKind::credit_note) continue;
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree.get(), file->path.c_str()) != 0) continue;  // new
    const git::TreeEntryPtr entry(raw_entry);
    git_oid oid;
    if (file->blob_id) {
      // Known from the parse cache: the file need not be read.
      std::memcpy(oid.id, file->blob_id->data(), sizeof oid.id);
    } else if (git_odb_hash(&oid, file->content().data(), file->content().size(),
                            GIT_OBJECT_BLOB) != 0) {
      continue;
    }
    if (git_oid_equal(&oid, git_tree_entry_id(entry.get())) == 1) continue;
    slugs.insert(classify(file->path).slug);
  }
  if (slugs.empty()) return;

  const std::shared_ptr<git_repository> repo(opened.release(), git_repository_free);
  const std::unique_ptr<Source> committed = git::open_git_tree_source(repo, "HEAD", &error);
  if (!committed) return;
  const std::unique_ptr<Source> scoped =
      scope_to_partners(*committed, std::vector<std::string>(slugs.begin(), slugs.end()));
  Diagnostics ignored;  // what HEAD itself gets wrong is not this working tree's doing
  const Workspace base = load_workspace(*scoped, LoadOptions{}, ignored);
  compare_issued_documents(base, workspace, diagnostics);
}

}  // namespace partnerops::transitions
