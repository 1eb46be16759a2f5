#pragma once
// Whole-file reads and writes for tests, byte for byte.

#include <filesystem>
#include <string>

namespace partnerops::testing {

/// The file's bytes; empty when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `content`, creating the parent folders and replacing the file.
void write_file(const std::filesystem::path& path, const std::string& content);

}  // namespace partnerops::testing
