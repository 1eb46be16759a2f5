#include "site/site_folder.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "site/values.hpp"
#include "source/source.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::site {

namespace {

namespace fs = std::filesystem;

constexpr std::chrono::seconds k_lock_wait{600};

std::set<std::string> read_record(const fs::path& folder) {
  std::set<std::string> paths;
  std::ifstream in(folder / k_site_record);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && is_safe_relative_path(line)) paths.insert(line);
  return paths;
}

/// True when `path` holds exactly `bytes`: the size first, then the bytes.
bool holds(const fs::path& path, const std::string& bytes) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::uint64_t>(info.st_size) != bytes.size())
    return false;
  std::ifstream in(path, std::ios::binary);
  std::string content(bytes.size(), '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  return in.gcount() == static_cast<std::streamsize>(bytes.size()) && content == bytes;
}

/// Removes the temporary files a killed run left in `dir` (ours by name).
void remove_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (util::is_temporary_name(it->path().filename().string())) fs::remove(it->path(), ec);
}

}  // namespace

std::optional<WriteSummary> write_site(const fs::path& folder, const std::vector<Page>& pages,
                                       const util::Notify& notify, std::string* error) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    *error = "cannot create " + folder.string() + ": " + ec.message();
    return std::nullopt;
  }
  util::FileLock lock;
  const util::LockWording wording{"another partnerops site",
                                  "is still writing this site; nothing was written",
                                  "a partnerops site"};
  if (!lock.acquire(folder / k_site_lock, util::lock_timeout(k_lock_wait), wording, notify, error))
    return std::nullopt;

  std::set<std::string> dirs = {""};
  for (const Page& page : pages) {
    if (!is_safe_relative_path(page.path) || page.path == k_site_record ||
        page.path == k_site_lock) {
      *error = "refusing to write the page '" + page.path + "': not a plain relative path";
      return std::nullopt;
    }
    const std::size_t slash = page.path.rfind('/');
    if (slash != std::string::npos) dirs.insert(page.path.substr(0, slash));
  }
  for (const std::string& dir : dirs) remove_temporaries(folder / dir);

  WriteSummary summary;
  std::vector<util::FileWrite> writes;
  std::set<std::string> current;
  for (const Page& page : pages) {
    current.insert(page.path);
    if (holds(folder / page.path, page.bytes)) {
      ++summary.unchanged;
      continue;
    }
    writes.push_back({folder / page.path, page.bytes});
  }
  const std::vector<util::WriteFailure> failures = util::write_files_atomically(writes);
  if (!failures.empty()) {
    *error = "cannot write " + failures.front().path.string() + ": " + failures.front().error;
    return std::nullopt;
  }
  summary.written = writes.size();

  // Stale pages: written by an earlier run, no longer part of the site.
  std::set<fs::path> emptied;
  for (const std::string& old : read_record(folder)) {
    if (current.count(old)) continue;
    const fs::path path = folder / old;
    if (fs::is_regular_file(fs::symlink_status(path, ec)) && fs::remove(path, ec)) {
      ++summary.removed;
      emptied.insert(path.parent_path());
    }
  }
  for (const fs::path& dir : emptied)
    for (fs::path at = dir; at != folder && at.has_relative_path(); at = at.parent_path())
      if (!fs::is_empty(at, ec) || ec || !fs::remove(at, ec)) break;

  std::ostringstream record;
  for (const std::string& path : current) record << path << '\n';
  if (!util::write_file_atomically(folder / k_site_record, record.str(), error))
    return std::nullopt;
  return summary;
}

DocumentHref built_pdf_links(const fs::path& build_folder, const fs::path& site_folder) {
  const fs::path from = fs::absolute(site_folder).lexically_normal();
  const fs::path to = fs::absolute(build_folder).lexically_normal();
  std::string prefix = to.lexically_relative(from).generic_string();
  if (prefix == ".") prefix.clear();
  if (!prefix.empty() && !prefix.ends_with('/')) prefix += '/';
  return [build_folder, prefix](const std::string& output) -> std::optional<std::string> {
    struct stat info {};
    if (!is_safe_relative_path(output) || ::lstat((build_folder / output).c_str(), &info) != 0 ||
        !S_ISREG(info.st_mode))
      return std::nullopt;
    return url_path(prefix + output);
  };
}

}  // namespace partnerops::site
