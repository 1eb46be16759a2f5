#include <algorithm>
#include <fstream>
#include <system_error>

#include "source/source.hpp"

namespace partnerops {
namespace {

namespace fs = std::filesystem;

class DirectorySource final : public Source {
 public:
  explicit DirectorySource(fs::path root) : m_root(std::move(root)) {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::vector<SourceEntry> entries;
    if (!dir.empty() && !is_safe_relative_path(dir)) return entries;
    const fs::path start = dir.empty() ? m_root : m_root / fs::path(std::string(dir));
    std::error_code ec;
    // skip_permission_denied keeps one unreadable folder from hiding the rest;
    // directory_options::none means symlinked folders are not descended into.
    fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      if (error) *error = "cannot read " + start.string() + ": " + ec.message();
      return entries;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        if (error) *error = "cannot read below " + start.string() + ": " + ec.message();
        break;
      }
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name == ".git") {
        it.disable_recursion_pending();
        continue;
      }
      SourceEntry out;
      out.path = entry.path().lexically_relative(m_root).generic_string();
      std::error_code type_ec;
      const fs::file_status status = entry.symlink_status(type_ec);
      if (fs::is_symlink(status)) {
        out.type = EntryType::symlink;
      } else if (fs::is_directory(status)) {
        out.type = EntryType::directory;
      } else if (fs::is_regular_file(status)) {
        out.type = EntryType::file;
        out.size = entry.file_size(type_ec);
      } else {
        out.type = EntryType::other;
      }
      entries.push_back(std::move(out));
    }
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    ReadResult result;
    if (!is_safe_relative_path(path)) {
      result.status = ReadResult::Status::missing;
      result.error = "not a path inside the workspace: " + std::string(path);
      return result;
    }
    const fs::path full = m_root / fs::path(std::string(path));
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(full, ec);
    if (ec || !fs::exists(status)) {
      result.status = ReadResult::Status::missing;
      result.error = "no such file";
      return result;
    }
    if (!fs::is_regular_file(status)) {
      result.status = ReadResult::Status::not_a_file;
      result.error = fs::is_directory(status) ? "a directory, not a file"
                     : fs::is_symlink(status) ? "a symbolic link (not followed)"
                                              : "not a regular file";
      return result;
    }
    const std::uintmax_t size = fs::file_size(full, ec);
    if (!ec && size > max_bytes) {
      result.status = ReadResult::Status::too_large;
      result.error = "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                     std::to_string(max_bytes);
      return result;
    }
    std::ifstream in(full, std::ios::binary);
    if (!in) {
      result.status = ReadResult::Status::error;
      result.error = "cannot open the file";
      return result;
    }
    result.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      result.status = ReadResult::Status::error;
      result.error = "cannot read the file";
      result.content.clear();
    }
    return result;
  }

  bool is_file(std::string_view path) const override {
    if (!is_safe_relative_path(path)) return false;
    std::error_code ec;
    return fs::is_regular_file(fs::symlink_status(m_root / fs::path(std::string(path)), ec));
  }

  std::string describe() const override { return "working tree " + m_root.string(); }

 private:
  fs::path m_root;
};

}  // namespace

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

std::unique_ptr<Source> open_directory_source(std::filesystem::path root) {
  return std::make_unique<DirectorySource>(std::move(root));
}

}  // namespace partnerops
