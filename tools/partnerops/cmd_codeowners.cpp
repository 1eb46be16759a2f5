// partnerops codeowners [PATH] [--check]
//
// Writes .github/CODEOWNERS from the roles in partnerops.yaml and each
// partner's owner (review/codeowners.hpp). With --check, writes nothing and
// exits 1 when the committed file is missing or differs. Exit 2 for usage
// errors or when the file cannot be written.

#include <iostream>

#include "command.hpp"
#include "review/codeowners.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

namespace {

struct CodeownersOptions {
  std::string path = ".";
  bool check = false;
};

int run_codeowners(const Loader& loader, const CodeownersOptions& options) {
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded =
      loader.load(LoadRequest(options.path, {}, Require::organisation), &failed);
  if (!loaded) return failed;
  const std::optional<std::string> generated = generate_codeowners(loaded->workspace);
  if (!generated) return k_exit_usage;  // only without an organisation, which the loader refused
  if (loaded->diagnostics.has_errors()) {
    std::cerr << "partnerops: some files did not load (run `partnerops validate`); partners "
                 "whose partner.yaml did not load are left out\n";
  }

  if (options.check) {
    const ReadResult committed = loaded->opened.source->read(k_codeowners_path, 1 << 20);
    if (!committed.ok()) {
      std::cout << k_codeowners_path << " is missing; run `partnerops codeowners`\n";
      return k_exit_problems;
    }
    if (const int line = first_difference(committed.content, *generated)) {
      std::cout << k_codeowners_path << ":" << line
                << ": out of date with partnerops.yaml and the partners' owners; run "
                   "`partnerops codeowners`\n";
      return k_exit_problems;
    }
    std::cout << k_codeowners_path << " is up to date\n";
    return k_exit_clean;
  }

  std::string error;
  const std::filesystem::path target = std::filesystem::path(options.path) / k_codeowners_path;
  if (!util::write_file_atomically(target, *generated, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  std::cerr << "partnerops: wrote " << target.string() << '\n';
  return k_exit_clean;
}

}  // namespace

Runner define_codeowners(CLI::App& sub) {
  auto options = std::make_shared<CodeownersOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_flag("--check", options->check,
               "Write nothing; exit 1 when the committed file is missing or out of date");
  return [options](const Loader& loader) { return run_codeowners(loader, *options); };
}

}  // namespace partnerops::cli
