#include "git/history.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <queue>
#include <set>

namespace partnerops::git {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

CommitRecord to_record(git_commit* commit) {
  CommitRecord record;
  record.id = to_hex(*git_commit_id(commit));
  const git_signature* author = git_commit_author(commit);
  record.time = static_cast<std::int64_t>(author->when.time);
  record.offset_minutes = author->when.offset;
  record.author_name = author->name != nullptr ? author->name : "";
  record.author_email = author->email != nullptr ? author->email : "";
  const char* message = git_commit_message(commit);
  record.message = message != nullptr ? message : "";
  const char* summary = git_commit_summary(commit);
  record.summary = summary != nullptr ? summary : "";
  git_message_trailer_array trailers{};
  if (git_message_trailers(&trailers, record.message.c_str()) == 0) {
    for (std::size_t i = 0; i < trailers.count; ++i) {
      record.trailers.push_back({trailers.trailers[i].key, trailers.trailers[i].value});
    }
    git_message_trailer_array_free(&trailers);
  }
  const unsigned parents = git_commit_parentcount(commit);
  for (unsigned i = 0; i < parents; ++i) {
    record.parent_ids.push_back(to_hex(*git_commit_parent_id(commit, i)));
  }
  return record;
}

// The id of entry `name` in the tree `tree_id`; false when there is none or
// `tree_id` is not a readable tree. Scans the raw tree object instead of
// letting libgit2 parse it into entries: a folder of thousands of partners is
// compared at every commit of a path-limited walk, and the scan is many times
// cheaper than the parse.
bool child_id(git_odb* odb, const git_oid& tree_id, const std::string& name, git_oid* out) {
  git_odb_object* raw = nullptr;
  if (git_odb_read(&raw, odb, &tree_id) != 0) return false;
  std::unique_ptr<git_odb_object, Deleter<git_odb_object_free>> object(raw);
  if (git_odb_object_type(object.get()) != GIT_OBJECT_TREE) return false;
  const auto* data = static_cast<const char*>(git_odb_object_data(object.get()));
  const std::size_t size = git_odb_object_size(object.get());
  // Each entry: "<octal mode> <name>\0<20-byte id>".
  std::size_t pos = 0;
  while (pos < size) {
    const void* space = std::memchr(data + pos, ' ', size - pos);
    if (space == nullptr) return false;
    const std::size_t name_begin = static_cast<const char*>(space) - data + 1;
    const void* nul = std::memchr(data + name_begin, '\0', size - name_begin);
    if (nul == nullptr) return false;
    const std::size_t name_end = static_cast<const char*>(nul) - data;
    if (name_end + 1 + GIT_OID_RAWSZ > size) return false;
    if (name_end - name_begin == name.size() &&
        std::memcmp(data + name_begin, name.data(), name.size()) == 0) {
      git_oid_fromraw(out, reinterpret_cast<const unsigned char*>(data + name_end + 1));
      return true;
    }
    pos = name_end + 1 + GIT_OID_RAWSZ;
  }
  return false;
}

// Whether two trees hold the same thing at `components` (a path split at
// '/'). Walks down one folder at a time and stops as soon as both sides
// share a subtree, so an unchanged top folder is never opened: a folder of
// thousands of partners costs far more to parse than the whole comparison.
bool same_at_path(git_odb* odb, git_oid a, git_oid b, const PathPattern& components) {
  bool have_a = true;
  bool have_b = true;
  for (const std::optional<std::string>& name : components) {
    if (!have_a && !have_b) return true;
    if (have_a && have_b && git_oid_equal(&a, &b) == 1) return true;
    if (have_a) have_a = child_id(odb, a, *name, &a);
    if (have_b) have_b = child_id(odb, b, *name, &b);
  }
  return have_a == have_b && (!have_a || git_oid_equal(&a, &b) == 1);
}

// Whether `commit` changed `path` compared with every parent it has. A root
// commit, or one whose parents a shallow clone lacks, changed whatever it
// holds at `path`.
bool touches(git_repository* repo, git_odb* odb, git_commit* commit, const PathPattern& path) {
  const git_oid* tree = git_commit_tree_id(commit);
  const unsigned parents = git_commit_parentcount(commit);
  bool compared = false;
  for (unsigned i = 0; i < parents; ++i) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, git_commit_parent_id(commit, i)) != 0) continue;
    CommitPtr parent(raw);
    compared = true;
    if (same_at_path(odb, *tree, *git_commit_tree_id(parent.get()), path)) return false;
  }
  if (compared) return true;
  git_oid at{};
  git_oid current = *tree;
  for (const std::optional<std::string>& name : path) {
    if (!child_id(odb, current, *name, &at)) return false;
    current = at;
  }
  return true;
}

// Every commit reachable from `start` that the object database holds, each
// once. In a shallow clone the parents of the oldest commits are missing:
// they are where the known history ends, not an error.
std::vector<CommitPtr> reachable(git_repository* repo, const git_oid& start) {
  std::vector<CommitPtr> out;
  std::set<std::string> seen;
  std::vector<git_oid> pending{start};
  while (!pending.empty()) {
    const git_oid id = pending.back();
    pending.pop_back();
    if (!seen.insert(to_hex(id)).second) continue;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &id) != 0) continue;
    CommitPtr commit(raw);
    for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      pending.push_back(*git_commit_parent_id(commit.get(), i));
    }
    out.push_back(std::move(commit));
  }
  return out;
}

// libgit2 1.5's revision walker does not know shallow clones: it fails on the
// first missing parent (before yielding anything). This walk orders the
// commits it can read itself: children before parents, newer first among
// those ready, as GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME does.
std::vector<CommitPtr> walk_shallow(git_repository* repo, const git_oid& start,
                                    const git_oid* hidden, Order order) {
  std::vector<CommitPtr> commits = reachable(repo, start);
  if (hidden != nullptr) {
    std::set<std::string> excluded;
    for (const CommitPtr& commit : reachable(repo, *hidden))
      excluded.insert(to_hex(*git_commit_id(commit.get())));
    std::erase_if(commits, [&](const CommitPtr& commit) {
      return excluded.count(to_hex(*git_commit_id(commit.get()))) != 0;
    });
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < commits.size(); ++i)
    index[to_hex(*git_commit_id(commits[i].get()))] = i;
  std::vector<int> children(commits.size(), 0);
  for (const CommitPtr& commit : commits) {
    for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      auto it = index.find(to_hex(*git_commit_parent_id(commit.get(), i)));
      if (it != index.end()) ++children[it->second];
    }
  }
  auto older = [&](std::size_t a, std::size_t b) {
    return git_commit_time(commits[a].get()) < git_commit_time(commits[b].get());
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(older)> ready(older);
  for (std::size_t i = 0; i < commits.size(); ++i) {
    if (children[i] == 0) ready.push(i);
  }
  std::vector<CommitPtr> out;
  while (!ready.empty()) {
    const std::size_t i = ready.top();
    ready.pop();
    for (unsigned p = 0; p < git_commit_parentcount(commits[i].get()); ++p) {
      auto it = index.find(to_hex(*git_commit_parent_id(commits[i].get(), p)));
      if (it != index.end() && --children[it->second] == 0) ready.push(it->second);
    }
    out.push_back(std::move(commits[i]));
  }
  if (order == Order::oldest_first) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

const std::string* CommitRecord::trailer(std::string_view key) const {
  const std::string* found = nullptr;
  for (const Trailer& t : trailers) {
    if (equal_ignoring_case(t.key, key)) found = &t.value;
  }
  return found;
}

bool is_shallow(git_repository* repo) { return git_repository_is_shallow(repo) == 1; }

std::optional<WalkSummary> walk_history(git_repository* repo, const HistoryOptions& options,
                                        const std::function<bool(const CommitRecord&)>& visit,
                                        std::string* error) {
  ensure_initialized();
  WalkSummary summary;
  summary.shallow = is_shallow(repo);
  CommitPtr start = lookup_commit(repo, options.revspec, error);
  if (!start) return std::nullopt;
  CommitPtr hidden;
  if (!options.exclude_revspec.empty()) {
    hidden = lookup_commit(repo, options.exclude_revspec, error);
    if (!hidden) return std::nullopt;
  }
  // Returns false when the walk should stop.
  const PathPattern path = literal_pattern(options.path_prefix);
  OdbPtr odb;
  if (!path.empty()) {
    git_odb* raw_odb = nullptr;
    if (!check(git_repository_odb(&raw_odb, repo), "cannot open the object database", error))
      return std::nullopt;
    odb.reset(raw_odb);
  }
  auto offer = [&](git_commit* commit) {
    if (!path.empty() && !touches(repo, odb.get(), commit, path)) return true;
    ++summary.commits;
    if (!visit(to_record(commit))) return false;
    return options.max_count == 0 || summary.commits < options.max_count;
  };
  if (summary.shallow) {
    for (const CommitPtr& commit :
         walk_shallow(repo, *git_commit_id(start.get()),
                      hidden ? git_commit_id(hidden.get()) : nullptr, options.order)) {
      if (!offer(commit.get())) break;
    }
    return summary;
  }
  git_revwalk* raw = nullptr;
  if (!check(git_revwalk_new(&raw, repo), "cannot walk history", error)) return std::nullopt;
  RevwalkPtr walk(raw);
  unsigned sorting = GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME;
  if (options.order == Order::oldest_first) sorting |= GIT_SORT_REVERSE;
  if (!check(git_revwalk_sorting(walk.get(), sorting), "cannot walk history", error) ||
      !check(git_revwalk_push(walk.get(), git_commit_id(start.get())),
             "cannot walk history from '" + options.revspec + "'", error)) {
    return std::nullopt;
  }
  if (hidden && !check(git_revwalk_hide(walk.get(), git_commit_id(hidden.get())),
                       "cannot leave out '" + options.exclude_revspec + "'", error)) {
    return std::nullopt;
  }
  git_oid id{};
  while (true) {
    const int code = git_revwalk_next(&id, walk.get());
    if (code == GIT_ITEROVER) break;
    if (!check(code, "cannot walk history", error)) return std::nullopt;
    git_commit* raw_commit = nullptr;
    if (!check(git_commit_lookup(&raw_commit, repo, &id), "cannot read commit " + to_hex(id),
               error)) {
      return std::nullopt;
    }
    CommitPtr commit(raw_commit);
    if (!offer(commit.get())) break;
  }
  return summary;
}

std::optional<History> read_history(git_repository* repo, const HistoryOptions& options,
                                    std::string* error) {
  History history;
  const std::optional<WalkSummary> summary = walk_history(
      repo, options,
      [&](const CommitRecord& record) {
        history.commits.push_back(record);
        return true;
      },
      error);
  if (!summary) return std::nullopt;
  history.shallow = summary->shallow;
  return history;
}

std::optional<CommitRecord> read_commit(git_repository* repo, std::string_view revspec,
                                        std::string* error) {
  CommitPtr commit = lookup_commit(repo, revspec, error);
  if (!commit) return std::nullopt;
  return to_record(commit.get());
}

std::optional<std::vector<ChangedPath>> changed_paths(git_repository* repo, std::string_view from,
                                                      std::string_view to, std::string* error) {
  git_oid trees[2];
  const std::string_view specs[2] = {from, to};
  for (int i = 0; i < 2; ++i) {
    CommitPtr commit = lookup_commit(repo, specs[i], error);
    if (!commit) return std::nullopt;
    trees[i] = *git_commit_tree_id(commit.get());
  }
  std::string reason;
  std::optional<TreeChanges> changes = compare_trees(repo, &trees[0], &trees[1], {}, &reason);
  if (!changes) {
    if (error != nullptr)
      *error =
          "cannot compare '" + std::string(from) + "' with '" + std::string(to) + "': " + reason;
    return std::nullopt;
  }
  return std::move(changes->paths);
}

namespace {

// The commit with id `hex`, or nullptr when it is not a commit this
// repository holds.
CommitPtr commit_by_id(git_repository* repo, std::string_view hex) {
  git_oid id{};
  if (!parse_oid(hex, &id)) return nullptr;
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &id) != 0) return nullptr;
  return CommitPtr(raw);
}

}  // namespace

std::optional<std::vector<ChangedPath>> paths_changed_by(git_repository* repo,
                                                         std::string_view commit_id,
                                                         const PathPattern& pattern,
                                                         std::string* error) {
  ensure_initialized();
  const CommitPtr commit = commit_by_id(repo, commit_id);
  if (!commit) {
    if (error != nullptr) *error = "cannot read commit " + std::string(commit_id);
    return std::nullopt;
  }
  // A parent the repository lacks is the edge of a shallow clone: compare
  // with nothing, as for a root commit.
  CommitPtr parent;
  if (git_commit_parentcount(commit.get()) > 0) {
    git_commit* raw_parent = nullptr;
    if (git_commit_parent(&raw_parent, commit.get(), 0) == 0) parent.reset(raw_parent);
  }
  std::string reason;
  std::optional<TreeChanges> changes =
      compare_trees(repo, parent ? git_commit_tree_id(parent.get()) : nullptr,
                    git_commit_tree_id(commit.get()), pattern, &reason);
  if (!changes) {
    if (error != nullptr)
      *error = "cannot list the changes of " + std::string(commit_id) + ": " + reason;
    return std::nullopt;
  }
  return std::move(changes->paths);
}

std::optional<std::vector<ChangedPath>> paths_changed_by(git_repository* repo,
                                                         std::string_view commit_id,
                                                         std::string_view prefix,
                                                         std::string* error) {
  return paths_changed_by(repo, commit_id, literal_pattern(prefix), error);
}

std::optional<FileAtCommit> read_file_at(git_repository* repo, std::string_view commit_id,
                                         std::string_view path) {
  ensure_initialized();
  const CommitPtr commit = commit_by_id(repo, commit_id);
  if (!commit) return std::nullopt;
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) != 0) return std::nullopt;
  const TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree.get(), std::string(path).c_str()) != 0)
    return std::nullopt;
  const TreeEntryPtr entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
      git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
    return std::nullopt;
  }
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, repo, git_tree_entry_id(entry.get())) != 0) return std::nullopt;
  const BlobPtr blob(raw_blob);
  FileAtCommit out;
  out.blob_id = to_hex(*git_tree_entry_id(entry.get()));
  out.content.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  return out;
}

std::optional<std::string> merge_base(git_repository* repo, std::string_view a, std::string_view b,
                                      std::string* error) {
  CommitPtr first = lookup_commit(repo, a, error);
  if (!first) return std::nullopt;
  CommitPtr second = lookup_commit(repo, b, error);
  if (!second) return std::nullopt;
  git_oid base{};
  const int code =
      git_merge_base(&base, repo, git_commit_id(first.get()), git_commit_id(second.get()));
  if (code == GIT_ENOTFOUND) {
    if (error != nullptr) {
      *error = "'" + std::string(a) + "' and '" + std::string(b) + "' have no common ancestor";
    }
    return std::nullopt;
  }
  if (!check(code,
             "cannot find the common ancestor of '" + std::string(a) + "' and '" + std::string(b) +
                 "'",
             error)) {
    return std::nullopt;
  }
  return to_hex(base);
}

}  // namespace partnerops::git
