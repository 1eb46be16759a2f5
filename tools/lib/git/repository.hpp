#pragma once
// The one doorway to libgit2. Every libgit2 handle the toolkit holds is owned
// by a unique_ptr with the matching free function, so early returns on error
// never leak; the library is initialised once per process; and every failing
// libgit2 call is turned into a sentence with context and libgit2's own
// message, returned to the caller rather than printed or exited on.

#include <git2.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace partnerops::git {

/// Calls git_libgit2_init() the first time it runs (and lets libgit2 cache
/// trees up to 4 MiB) and arranges for git_libgit2_shutdown() at process exit. Every function of
/// this folder calls it, so callers only need it before using libgit2 directly.
void ensure_initialized();

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* handle) const {
    if (handle != nullptr) Free(handle);
  }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, Deleter<git_revwalk_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob_free>>;
using OdbPtr = std::unique_ptr<git_odb, Deleter<git_odb_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff_free>>;
using StatusListPtr = std::unique_ptr<git_status_list, Deleter<git_status_list_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config_free>>;

/// Frees a git_buf's memory when it goes out of scope.
struct Buf {
  git_buf buf = GIT_BUF_INIT;
  Buf() = default;
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  ~Buf() { git_buf_dispose(&buf); }
  std::string str() const {
    return buf.ptr == nullptr ? std::string() : std::string(buf.ptr, buf.size);
  }
};

/// "<context>: <libgit2's last error message>" for a failed libgit2 call
/// (`code` < 0). Falls back to the numeric code when libgit2 left no message.
std::string error_message(int code, std::string_view context);

/// Returns true when `code` is a success (>= 0). Otherwise fills `error` (when
/// not null) with error_message(code, context) and returns false. Never exits.
bool check(int code, std::string_view context, std::string* error);

/// Opens the repository containing `start` (a folder or file inside a working
/// tree, or a .git folder), searching upward like git does. Returns nullptr and
/// fills `error` with "not a git repository (or any parent up to /): <start>"
/// when there is none, or with libgit2's reason when one exists but cannot be
/// opened.
RepositoryPtr open_repository(const std::filesystem::path& start, std::string* error);

/// The 40-digit hex form of an object id.
std::string to_hex(const git_oid& id);

/// Parses a 40-digit hex object id; false (leaving `out` alone) when `hex` is not one.
bool parse_oid(std::string_view hex, git_oid* out);

/// The shortest unambiguous abbreviation of `id` in `repo` (at least
/// core.abbrev, 7 by default); the first 7 digits if libgit2 cannot tell.
std::string short_id(git_repository* repo, const git_oid& id);

/// Looks up the commit a revision expression names (HEAD, main, a commit id,
/// HEAD~3, v1.0^{commit}...), peeling tags. Returns nullptr and fills `error`
/// with "unknown revision '<revspec>'" or libgit2's reason.
CommitPtr lookup_commit(git_repository* repo, std::string_view revspec, std::string* error);

}  // namespace partnerops::git
