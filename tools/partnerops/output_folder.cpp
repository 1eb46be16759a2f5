#include "output_folder.hpp"

#include <iterator>

#include "git/ignored.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

bool prepare_output_folder(const std::filesystem::path& folder, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    *error = "cannot create " + folder.string() + ": " + ec.message();
    return false;
  }
  if (git::visibility(folder) != git::Visibility::shown) return true;
  return util::write_file_atomically(folder / ".gitignore",
                                     "# Documents partnerops writes; never committed.\n*\n", error);
}

bool prepare_output_for(const std::filesystem::path& target, std::string* error) {
  const std::filesystem::path normal = target.lexically_normal();
  const auto first = normal.begin();
  if (first != normal.end() && *first == k_default_output_folder &&
      std::next(first) != normal.end() && !prepare_output_folder(k_default_output_folder, error))
    return false;
  if (!normal.has_parent_path()) return true;
  std::error_code ec;
  std::filesystem::create_directories(normal.parent_path(), ec);
  if (ec) {
    *error = "cannot create " + normal.parent_path().string() + ": " + ec.message();
    return false;
  }
  return true;
}

bool write_output_file(const std::filesystem::path& target, std::string_view bytes,
                       std::string* error) {
  return prepare_output_for(target, error) && util::write_file_atomically(target, bytes, error);
}

}  // namespace partnerops::cli
