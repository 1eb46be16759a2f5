#include "util/installation.hpp"

#include <cstdlib>
#include <system_error>

namespace partnerops::util {

namespace fs = std::filesystem;

namespace {

// The build folder and source tree this file was compiled for (CMake passes
// both, for this file only). A program that runs from that very build folder
// is a developer's or a test's: it uses the sources as its defaults.
#ifdef PARTNEROPS_BUILD_FOLDER
constexpr const char* k_build_folder = PARTNEROPS_BUILD_FOLDER;
constexpr const char* k_source_tree = PARTNEROPS_SOURCE_TREE;
#else
constexpr const char* k_build_folder = "";
constexpr const char* k_source_tree = "";
#endif

/// <prefix> for a program at <prefix>/bin/<name>.
fs::path prefix_of(const fs::path& program) { return program.parent_path().parent_path(); }

bool is_present(const fs::path& path) {
  std::error_code ignored;
  return fs::exists(path, ignored);
}

bool same_folder(const fs::path& a, const fs::path& b) {
  std::error_code ignored;
  return !a.empty() && !b.empty() && fs::equivalent(a, b, ignored);
}

const char* variable(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

fs::path program_path() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : path;
}

std::string module_file(const fs::path& program, const std::string& module_file,
                        const char* variable_name) {
  if (const char* chosen = variable(variable_name)) return chosen;
  if (!program.empty()) {
    const fs::path installed = prefix_of(program) / k_module_folder / module_file;
    if (is_present(installed)) return installed.string();
  }
  return module_file;
}

std::optional<fs::path> defaults_folder(const fs::path& program, std::string* error) {
  if (const char* chosen = variable(k_defaults_variable)) {
    if (is_present(fs::path(chosen) / "schemas")) return fs::path(chosen);
    if (error)
      *error = std::string(k_defaults_variable) + " names " + chosen + ", which has no schemas/";
    return std::nullopt;
  }
  fs::path installed;
  if (!program.empty()) {
    installed = prefix_of(program) / k_defaults_folder;
    if (is_present(installed / "schemas")) return installed;
    if (same_folder(program.parent_path(), k_build_folder) &&
        is_present(fs::path(k_source_tree) / "schemas"))
      return fs::path(k_source_tree);
  }
  if (error) {
    *error = installed.empty()
                 ? std::string("cannot tell where this program is installed (/proc/self/exe)")
                 : "the default schemas and templates are missing: " + installed.string() +
                       "/schemas does not exist; reinstall partnerops";
  }
  return std::nullopt;
}

}  // namespace partnerops::util
