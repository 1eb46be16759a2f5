// partnerops init [DIR] --name "Org name" [--currency C] [--fiscal-sponsor NAME] [--force]
// partnerops init --update [DIR] [--dry-run]
//
// Starts a new organisation's repository in DIR (default: the current
// folder) from the installed toolkit's defaults (scaffold/new_organisation):
// partnerops.yaml, schemas/, templates/, the workflows, .gitignore, a README
// and no partners; then `git init` and a first commit. A folder that holds
// anything is refused unless --force.
//
// --update brings the installed toolkit's schemas and templates into the
// repository at DIR (scaffold/defaults_update) and lists what it did: JSON
// Schemas are replaced, templates only where the organisation left them as
// copied. It writes the files and leaves the commit to the team, after
// `git diff`. --dry-run lists without writing.
// Exit 0 done, 1 refused (nothing changed), 2 usage error.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.hpp"
#include "git/initial_commit.hpp"
#include "scaffold/defaults.hpp"
#include "scaffold/defaults_update.hpp"
#include "scaffold/new_organisation.hpp"
#include "util/atomic_file.hpp"
#include "util/installation.hpp"
#include "version.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string path = ".";
  std::string name;
  std::string currency = "USD";
  std::string fiscal_sponsor;
  bool force = false;
  bool update = false;
  bool dry_run = false;
};

/// The installed defaults, or nullopt after saying why.
std::optional<std::vector<scaffold::DefaultFile>> installed_defaults(fs::path* folder) {
  std::string error;
  const std::optional<fs::path> found = util::defaults_folder(util::program_path(), &error);
  std::optional<std::vector<scaffold::DefaultFile>> files;
  if (found) files = scaffold::read_defaults(*found, &error);
  if (!files) {
    std::cerr << "partnerops: " << error << '\n';
    return std::nullopt;
  }
  *folder = *found;
  return files;
}

bool write_all(const fs::path& root, const std::vector<scaffold::DefaultFile>& files) {
  std::vector<util::FileWrite> writes;
  writes.reserve(files.size());
  for (const scaffold::DefaultFile& file : files)
    writes.push_back({root / file.path, file.content});
  const std::vector<util::WriteFailure> failed = util::write_files_atomically(writes);
  for (const util::WriteFailure& failure : failed)
    std::cerr << "partnerops: cannot write " << failure.path.string() << ": " << failure.error
              << '\n';
  return failed.empty();
}

int run_new_organisation(const InitOptions& options) {
  if (options.name.empty()) {
    std::cerr << "partnerops: init needs --name \"Organisation name\" (or --update)\n";
    return k_exit_usage;
  }
  const fs::path root = options.path;
  std::error_code ec;
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    std::cerr << "partnerops: " << root.string() << " is not a folder\n";
    return k_exit_usage;
  }
  if (fs::is_directory(root, ec) && !fs::is_empty(root, ec) && !options.force) {
    std::cerr << "partnerops: " << root.string()
              << " is not empty; start the organisation in a new folder, or add --force to "
                 "write its files among what is there\n";
    return k_exit_problems;
  }
  fs::path defaults_folder;
  const std::optional<std::vector<scaffold::DefaultFile>> defaults =
      installed_defaults(&defaults_folder);
  if (!defaults) return k_exit_usage;
  std::string error;
  const std::optional<git::Identity> identity = git::configured_identity(&error);
  if (!identity) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  scaffold::NewOrganisationRequest request;
  request.name = options.name;
  request.currency = options.currency;
  request.fiscal_sponsor = options.fiscal_sponsor;
  request.person_name = identity->name;
  request.person_email = identity->email;
  request.toolkit_version = k_version;
  const std::optional<std::vector<scaffold::DefaultFile>> files =
      scaffold::plan_new_organisation(request, *defaults, defaults_folder / "skeleton", &error);
  if (!files) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  if (!write_all(root, *files)) return k_exit_problems;
  std::vector<std::string> paths;
  for (const scaffold::DefaultFile& file : *files) paths.push_back(file.path);
  const std::optional<std::string> commit = git::commit_new_files(
      root, paths,
      "Start " + options.name + "'s partners with partnerops " + std::string(k_version) + "\n",
      *identity, "main", &error);
  if (!commit) {
    std::cerr << "partnerops: the files are written, but " << error << '\n';
    return k_exit_problems;
  }
  std::cout << "Started " << options.name << " in " << root.string() << ": " << files->size()
            << " files, commit " << commit->substr(0, 7) << " on main.\n"
            << "Next: fill in the TODO values of partnerops.yaml (`partnerops validate` lists "
               "them), then `partnerops new lead \"Partner name\" --contact \"Name <email>\"`.\n";
  return k_exit_clean;
}

/// A regular file of the repository at `root`, never through a link.
std::optional<std::string> read_repository_file(const fs::path& root, const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(root / path, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  std::ifstream in(root / path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int run_update(const InitOptions& options) {
  const fs::path root = options.path;
  if (!read_repository_file(root, "partnerops.yaml")) {
    std::cerr << "partnerops: " << root.string()
              << " is not a workspace (no partnerops.yaml); `partnerops init --name ...` starts "
                 "one\n";
    return k_exit_usage;
  }
  fs::path defaults_folder;
  const std::optional<std::vector<scaffold::DefaultFile>> defaults =
      installed_defaults(&defaults_folder);
  if (!defaults) return k_exit_usage;
  const scaffold::DefaultsUpdate update = scaffold::plan_defaults_update(
      *defaults, [&](const std::string& path) { return read_repository_file(root, path); },
      k_version);
  std::size_t kept = 0;
  for (const scaffold::UpdateEntry& entry : update.entries) {
    if (entry.action == scaffold::UpdateAction::current) continue;
    if (entry.action == scaffold::UpdateAction::kept_edited) ++kept;
    std::cout << "  " << scaffold::to_string(entry.action) << ": " << entry.path << '\n';
  }
  if (update.writes.empty()) {
    std::cout << "The schemas and templates are those of partnerops " << k_version << ".\n";
    return k_exit_clean;
  }
  if (options.dry_run) {
    std::cout << "Nothing written (--dry-run).\n";
    return k_exit_clean;
  }
  if (!write_all(root, update.writes)) return k_exit_problems;
  std::cout << "Brought in the defaults of partnerops " << k_version << " (" << update.writes.size()
            << " files written";
  if (kept > 0) std::cout << "; " << kept << " edited here kept as they are";
  std::cout << "). Review with `git diff`, run `partnerops validate`, then commit.\n";
  return k_exit_clean;
}

}  // namespace

Runner define_init(CLI::App& sub) {
  auto options = std::make_shared<InitOptions>();
  sub.add_option("path", options->path, "Folder of the new repository (default: this one)");
  sub.add_option("--name", options->name, "The organisation's name, as documents print it");
  sub.add_option("--currency", options->currency,
                 "Currency of documents that name none, ISO 4217 (default USD)");
  sub.add_option("--fiscal-sponsor", options->fiscal_sponsor,
                 "Name of the fiscal sponsor that holds the organisation's funds, if any");
  sub.add_flag("--force", options->force, "Write into a folder that is not empty");
  sub.add_flag("--update", options->update,
               "Bring the installed toolkit's schemas and templates into an existing repository");
  sub.add_flag("--dry-run", options->dry_run, "With --update: list the changes, write nothing");
  return [options](const Loader&) -> int {
    if (options->dry_run && !options->update) {
      std::cerr << "partnerops: --dry-run goes with --update\n";
      return k_exit_usage;
    }
    return options->update ? run_update(*options) : run_new_organisation(*options);
  };
}

}  // namespace partnerops::cli
