#include "source/filtered_source.hpp"

#include <algorithm>

namespace partnerops {

namespace {

class FilteredSource final : public Source {
 public:
  FilteredSource(const Source& inner, PathFilter keep) : m_inner(inner), m_keep(std::move(keep)) {}

  std::vector<SourceEntry> list(std::string_view dir, std::string* error) const override {
    std::vector<SourceEntry> entries = m_inner.list(dir, error);
    entries.erase(std::remove_if(
                      entries.begin(), entries.end(),
                      [this](const SourceEntry& entry) { return !m_keep(entry.path, entry.type); }),
                  entries.end());
    return entries;
  }

  ReadResult read(std::string_view path, std::uint64_t max_bytes) const override {
    if (!m_keep(path, EntryType::file))
      return ReadResult::failure(ReadResult::Status::missing, "not shown");
    return m_inner.read(path, max_bytes);
  }

  bool is_file(std::string_view path) const override {
    return m_keep(path, EntryType::file) && m_inner.is_file(path);
  }

  std::string describe() const override { return m_inner.describe(); }

  std::optional<FileStamp> stamp(std::string_view path) const override {
    if (!(m_keep(path, EntryType::file))) return std::nullopt;
    return m_inner.stamp(path);
  }

  std::optional<std::array<unsigned char, 20>> blob_id(std::string_view path) const override {
    if (!(m_keep(path, EntryType::file))) return std::nullopt;
    return m_inner.blob_id(path);
  }

 private:
  const Source& m_inner;
  PathFilter m_keep;
};

}  // namespace

std::unique_ptr<Source> filter_source(const Source& inner, PathFilter keep) {
  return std::make_unique<FilteredSource>(inner, std::move(keep));
}

}  // namespace partnerops
