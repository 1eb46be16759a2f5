#include "git_test_support.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace partnerops::git::testing {

namespace fs = std::filesystem;

namespace {

void expect_ok(int code, const char* what) {
  if (code < 0) {
    const git_error* e = git_error_last();
    ADD_FAILURE() << what << ": " << (e != nullptr ? e->message : "?");
  }
}

}  // namespace

void isolate_git_config() {
  static std::once_flag once;
  std::call_once(once, [] {
    git::ensure_initialized();
    static TempDir empty;
    for (int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
                      GIT_CONFIG_LEVEL_PROGRAMDATA}) {
      git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, empty.path().c_str());
    }
  });
}

TempRepo::TempRepo() {
  isolate_git_config();
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  expect_ok(git_repository_init_ext(&raw, root().c_str(), &options), "init");
  m_shared = std::shared_ptr<git_repository>(raw, git_repository_free);
  m_raw = raw;
  set_config("user.name", "Ada Lovelace");
  set_config("user.email", "ada@example.org");
}

void TempRepo::write(const std::string& path, const std::string& content) const {
  const fs::path full = root() / path;
  fs::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary | std::ios::trunc);
  out << content;
}

std::string TempRepo::read(const std::string& path) const {
  std::ifstream in(root() / path, std::ios::binary);
  if (!in) return "<missing>";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void TempRepo::remove(const std::string& path) const { fs::remove(root() / path); }

void TempRepo::stage(const std::string& path) const {
  git_index* raw = nullptr;
  expect_ok(git_repository_index(&raw, repo()), "index");
  git::IndexPtr index(raw);
  expect_ok(git_index_read(index.get(), 1), "read index");
  if (fs::exists(fs::symlink_status(root() / path))) {
    expect_ok(git_index_add_bypath(index.get(), path.c_str()), "add");
  } else {
    expect_ok(git_index_remove_bypath(index.get(), path.c_str()), "remove");
  }
  expect_ok(git_index_write(index.get()), "write index");
}

void TempRepo::stage_symlink(const std::string& path, const std::string& target) const {
  git_index* raw = nullptr;
  expect_ok(git_repository_index(&raw, repo()), "index");
  git::IndexPtr index(raw);
  expect_ok(git_index_read(index.get(), 1), "read index");
  git_index_entry entry{};
  entry.path = path.c_str();
  entry.mode = GIT_FILEMODE_LINK;
  expect_ok(git_index_add_from_buffer(index.get(), &entry, target.data(), target.size()),
            "add link");
  expect_ok(git_index_write(index.get()), "write index");
}

std::string TempRepo::commit(const std::string& message) {
  git_index* raw_index = nullptr;
  expect_ok(git_repository_index(&raw_index, repo()), "index");
  git::IndexPtr index(raw_index);
  expect_ok(git_index_read(index.get(), 1), "read index");
  git_oid tree_id{};
  expect_ok(git_index_write_tree(&tree_id, index.get()), "write tree");
  git_tree* raw_tree = nullptr;
  expect_ok(git_tree_lookup(&raw_tree, repo(), &tree_id), "tree");
  git::TreePtr tree(raw_tree);
  git_signature* raw_sig = nullptr;
  expect_ok(git_signature_new(&raw_sig, "Ada Lovelace", "ada@example.org",
                              k_base_time + 60 * m_commits, 60),
            "signature");
  git::SignaturePtr sig(raw_sig);
  ++m_commits;
  git::CommitPtr parent;
  if (git_repository_head_unborn(repo()) != 1) {
    parent = git::lookup_commit(repo(), "HEAD", nullptr);
  }
  const git_commit* parents[] = {parent.get()};
  git_oid id{};
  expect_ok(git_commit_create(&id, repo(), "HEAD", sig.get(), sig.get(), nullptr, message.c_str(),
                              tree.get(), parent ? 1 : 0, parents),
            "commit");
  return git::to_hex(id);
}

std::string TempRepo::resolve(const std::string& revspec) const {
  git::CommitPtr commit = git::lookup_commit(repo(), revspec, nullptr);
  return commit ? git::to_hex(*git_commit_id(commit.get())) : "<none>";
}

std::string TempRepo::file_at(const std::string& revspec, const std::string& path) const {
  git::CommitPtr commit = git::lookup_commit(repo(), revspec, nullptr);
  if (!commit) return "<no commit>";
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) != 0) return "<no tree>";
  git::TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) return "<missing>";
  git::TreeEntryPtr entry(raw_entry);
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, repo(), git_tree_entry_id(entry.get())) != 0)
    return "<not a blob>";
  git::BlobPtr blob(raw_blob);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

unsigned TempRepo::status(const std::string& path) const {
  unsigned flags = 0;
  const int code = git_status_file(&flags, repo(), path.c_str());
  if (code == GIT_ENOTFOUND) return k_nowhere;
  expect_ok(code, "status");
  return flags;
}

std::string TempRepo::head() const {
  git_reference* raw = nullptr;
  if (git_reference_lookup(&raw, repo(), "HEAD") != 0) return "<no HEAD>";
  git::ReferencePtr head(raw);
  if (const char* target = git_reference_symbolic_target(head.get())) return target;
  return git::to_hex(*git_reference_target(head.get()));
}

void TempRepo::set_config(const std::string& key, const std::string& value) const {
  git_config* raw = nullptr;
  expect_ok(git_repository_config(&raw, repo()), "config");
  git::ConfigPtr config(raw);
  expect_ok(git_config_set_string(config.get(), key.c_str(), value.c_str()), "config set");
}

void TempRepo::delete_config(const std::string& key) const {
  git_config* raw = nullptr;
  expect_ok(git_repository_config(&raw, repo()), "config");
  git::ConfigPtr config(raw);
  expect_ok(git_config_delete_entry(config.get(), key.c_str()), "config delete");
}

std::string TempRepo::snapshot() const {
  std::ostringstream out;
  out << "HEAD -> " << head() << "\n";
  git_reference_iterator* raw_iter = nullptr;
  std::map<std::string, std::string> refs;
  if (git_reference_iterator_new(&raw_iter, repo()) == 0) {
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, raw_iter) == 0) {
      git::ReferencePtr owned(ref);
      const char* symbolic = git_reference_symbolic_target(ref);
      refs[git_reference_name(ref)] =
          symbolic != nullptr ? symbolic : git::to_hex(*git_reference_target(ref));
    }
    git_reference_iterator_free(raw_iter);
  }
  for (const auto& [name, target] : refs) out << "ref " << name << " -> " << target << "\n";
  // A fresh index object, so nothing cached in the repository's one leaks in.
  git_index* raw_index = nullptr;
  if (git_index_open(&raw_index, (fs::path(git_repository_path(repo())) / "index").c_str()) == 0) {
    git::IndexPtr index(raw_index);
    for (std::size_t i = 0; i < git_index_entrycount(index.get()); ++i) {
      const git_index_entry* entry = git_index_get_byindex(index.get(), i);
      out << "index " << entry->path << " " << std::oct << entry->mode << std::dec << " "
          << git::to_hex(entry->id) << " stage " << git_index_entry_stage(entry) << "\n";
    }
  }
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(root()); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    const std::string rel = it->path().lexically_relative(root()).generic_string();
    files[rel] = it->is_directory() ? "<dir>" : read(rel);
  }
  for (const auto& [path, content] : files) out << "file " << path << ": " << content << "\n";
  return out.str();
}

int run(const std::string& command) { return std::system(command.c_str()); }

}  // namespace partnerops::git::testing
