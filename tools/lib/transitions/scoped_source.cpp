#include "transitions/scoped_source.hpp"

#include <algorithm>

namespace partnerops::transitions {

namespace {

class ScopedSource final : public Source {
 public:
  ScopedSource(const Source& inner, std::vector<std::string> slugs) : m_inner(inner) {
    std::sort(slugs.begin(), slugs.end());
    slugs.erase(std::unique(slugs.begin(), slugs.end()), slugs.end());
    for (std::string& slug : slugs) m_folders.push_back("partners/" + std::move(slug));
  }

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::vector<SourceEntry> entries;
    if (dir.empty()) {
      if (m_inner.is_file("partnerops.yaml"))
        entries.push_back({"partnerops.yaml", EntryType::file});
      append_folder("schemas", entries, error);
      entries.push_back({"partners", EntryType::directory});
      for (const std::string& folder : m_folders) append_folder(folder, entries, error);
    } else if (visible(dir)) {
      entries = m_inner.list(dir, error);
    }
    std::sort(entries.begin(), entries.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    if (!visible(path)) return ReadResult::failure(ReadResult::Status::missing, "not in scope");
    return m_inner.read(path, max_bytes);
  }

  bool is_file(std::string_view path) const override {
    return visible(path) && m_inner.is_file(path);
  }

  std::string describe() const override { return m_inner.describe(); }

  std::optional<FileStamp> stamp(std::string_view path) const override {
    if (!(visible(path))) return std::nullopt;
    return m_inner.stamp(path);
  }

  std::optional<std::array<unsigned char, 20>> blob_id(std::string_view path) const override {
    if (!(visible(path))) return std::nullopt;
    return m_inner.blob_id(path);
  }

 private:
  static bool within(std::string_view path, std::string_view folder) {
    return path == folder ||
           (path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/');
  }
  bool visible(std::string_view path) const {
    if (path == "partnerops.yaml" || within(path, "schemas")) return true;
    if (!path.starts_with("partners/")) return false;
    // The folder is the first two components of the path.
    const std::size_t slash = path.find('/', 9);
    const std::string_view folder = path.substr(0, slash);
    return std::binary_search(m_folders.begin(), m_folders.end(), folder,
                              [](std::string_view a, std::string_view b) { return a < b; });
  }
  void append_folder(const std::string& folder, std::vector<SourceEntry>& entries,
                     std::string* error) const {
    // A folder that is not there is simply empty; loading reports what is missing.
    std::string list_error;
    std::vector<SourceEntry> below = m_inner.list(folder, &list_error);
    if (below.empty()) return;
    if (!list_error.empty() && error) *error = list_error;
    entries.push_back({folder, EntryType::directory});
    entries.insert(entries.end(), below.begin(), below.end());
  }

  const Source& m_inner;
  std::vector<std::string> m_folders;  // "partners/<slug>", sorted
};

}  // namespace

std::unique_ptr<Source> scope_to_partner(const Source& inner, std::string slug) {
  return std::make_unique<ScopedSource>(inner, std::vector<std::string>{std::move(slug)});
}

std::unique_ptr<Source> scope_to_partners(const Source& inner, std::vector<std::string> slugs) {
  return std::make_unique<ScopedSource>(inner, std::move(slugs));
}

}  // namespace partnerops::transitions
