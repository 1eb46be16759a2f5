#include "git/repository.hpp"

#include <cstdlib>
#include <mutex>

namespace partnerops::git {

void ensure_initialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // libgit2 caches no tree larger than 4 KiB by default, so the folder of
    // all partners (hundreds of KiB for 10,000 of them) would be parsed again
    // for every commit a history walk compares.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
                     static_cast<std::size_t>(4) << 20);
    // libgit2 hashes every object it reads to check its id, which git itself
    // does only in fsck: a history walk that compares the folder of 10,000
    // partners at each commit spent half its time hashing those folders.
    // zlib's checksum still catches a damaged object.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // atexit rather than a static destructor: it runs after every static
    // that was constructed before, so no handle outlives the library.
    std::atexit([] { git_libgit2_shutdown(); });
  });
}

std::string error_message(int code, std::string_view context) {
  std::string out(context);
  const git_error* last = git_error_last();
  out += ": ";
  if (last != nullptr && last->message != nullptr && last->message[0] != '\0') {
    out += last->message;
  } else {
    out += "libgit2 error " + std::to_string(code);
  }
  return out;
}

bool check(int code, std::string_view context, std::string* error) {
  if (code >= 0) return true;
  if (error != nullptr) *error = error_message(code, context);
  return false;
}

RepositoryPtr open_repository(const std::filesystem::path& start, std::string* error) {
  ensure_initialized();
  git_repository* raw = nullptr;
  const std::string start_text = start.string();
  const int code = git_repository_open_ext(&raw, start_text.c_str(), 0, nullptr);
  if (code == GIT_ENOTFOUND) {
    if (error != nullptr) {
      *error = "not a git repository (or any parent up to /): " + start_text;
    }
    return nullptr;
  }
  if (!check(code, "cannot open the git repository at " + start_text, error)) return nullptr;
  return RepositoryPtr(raw);
}

std::string to_hex(const git_oid& id) {
  char text[GIT_OID_HEXSZ + 1];
  git_oid_tostr(text, sizeof text, &id);
  return text;
}

bool parse_oid(std::string_view hex, git_oid* out) {
  if (hex.size() != GIT_OID_HEXSZ) return false;
  git_oid parsed{};
  if (git_oid_fromstrn(&parsed, hex.data(), hex.size()) != 0) return false;
  git_oid_cpy(out, &parsed);
  return true;
}

std::string short_id(git_repository* repo, const git_oid& id) {
  ObjectPtr object;
  {
    git_object* raw = nullptr;
    if (git_object_lookup(&raw, repo, &id, GIT_OBJECT_ANY) == 0) object.reset(raw);
  }
  if (object) {
    Buf buf;
    if (git_object_short_id(&buf.buf, object.get()) == 0) return buf.str();
  }
  return to_hex(id).substr(0, 7);
}

CommitPtr lookup_commit(git_repository* repo, std::string_view revspec, std::string* error) {
  ensure_initialized();
  const std::string spec(revspec);
  git_object* raw = nullptr;
  const int code = git_revparse_single(&raw, repo, spec.c_str());
  if (code == GIT_ENOTFOUND && spec.rfind("HEAD", 0) == 0 &&
      git_repository_head_unborn(repo) == 1) {
    if (error != nullptr) *error = "the repository has no commits yet (HEAD is unborn)";
    return nullptr;
  }
  if (code == GIT_ENOTFOUND || code == GIT_EINVALIDSPEC || code == GIT_EAMBIGUOUS) {
    if (error != nullptr) {
      *error = code == GIT_EAMBIGUOUS ? "ambiguous revision '" + spec + "'"
                                      : "unknown revision '" + spec + "'";
    }
    return nullptr;
  }
  if (!check(code, "cannot resolve revision '" + spec + "'", error)) return nullptr;
  ObjectPtr object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) {
    if (error != nullptr) *error = "revision '" + spec + "' does not name a commit";
    return nullptr;
  }
  return CommitPtr(reinterpret_cast<git_commit*>(peeled));
}

}  // namespace partnerops::git
