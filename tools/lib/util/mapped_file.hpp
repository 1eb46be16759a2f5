#pragma once
// A file mapped read-only into memory, for data read in place rather than
// copied (the parse cache's trees point into it). Pages come from the page
// cache as they are touched, and nothing is allocated or copied up front.
//
// The mapping shows the file as it was opened: files replaced by rename, as
// util::write_file_atomically does, leave an existing mapping untouched.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace partnerops::util {

class MappedFile {
 public:
  /// Maps `path`, or returns nullptr when it cannot be opened, read or
  /// mapped (a missing file included). An empty file maps to empty bytes.
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);

  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

 private:
  MappedFile(void* data, std::size_t size) : m_data(data), m_size(size) {}
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

}  // namespace partnerops::util
