#pragma once
// Where this program's companions are: the PDF engine module and the default
// schemas, templates and lifecycle that `init` copies. The one place that
// decides, so the module loader and `init` never disagree.
//
// An installed program (`cmake --install`, the Debian package) lives in
// <prefix>/bin and finds <prefix>/lib/partnerops/ and <prefix>/share/partnerops/
// beside it, whatever the prefix: the lookup starts from the program's own
// path (/proc/self/exe), so a tree copied elsewhere keeps working. A program
// run from the build folder it was built in has no such layout; it finds the
// module through its RUNPATH and the defaults in the source tree.

#include <filesystem>
#include <optional>
#include <string>

namespace partnerops::util {

/// The folder, under a prefix, that holds the PDF engine module.
inline constexpr char k_module_folder[] = "lib/partnerops";
/// The folder, under a prefix, that holds the default schemas and templates.
inline constexpr char k_defaults_folder[] = "share/partnerops";

/// The environment variable that names another defaults folder.
inline constexpr char k_defaults_variable[] = "PARTNEROPS_DEFAULTS";

/// The running program's own path (/proc/self/exe), or empty when the
/// system does not say.
std::filesystem::path program_path();

/// The file a module (the PDF engine) is loaded from, for a program at
/// `program`: the environment variable `variable` when set, else
/// <program>/../../lib/partnerops/<module_file> when that exists, else
/// `module_file` alone, which the dynamic loader searches for through the
/// program's RUNPATH (the build folder).
std::string module_file(const std::filesystem::path& program, const std::string& module_file,
                        const char* variable);

/// The folder of default schemas/, templates/ and the rest that `init`
/// copies, for a program at `program`: $PARTNEROPS_DEFAULTS when set, else
/// <program>/../../share/partnerops when it holds schemas/, else the source
/// tree when `program` sits in the build folder it was built in. nullopt
/// when none of these exists, with a sentence in `error` naming where it
/// looked.
std::optional<std::filesystem::path> defaults_folder(const std::filesystem::path& program,
                                                     std::string* error);

}  // namespace partnerops::util
