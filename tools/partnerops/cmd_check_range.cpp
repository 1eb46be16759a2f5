// partnerops check-range BASE..HEAD [--format text|json|github] [--today DATE] [PATH]
//
// The pull-request gate. Loads the workspace at BASE and at HEAD straight
// from git (no checkout), reports what changed that must not change that way
// (transitions, history, issued invoices), and everything validate reports
// for the files changed in the range. The workspace is the repository's root.
// Exit 0 when clean (warnings allowed), 1 when errors were found, 2 for usage
// errors (bad range, not a repository).

#include <iostream>

#include "check/checks.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "git/git_tree_source.hpp"
#include "git/history.hpp"
#include "model/parse_cache.hpp"
#include "options.hpp"
#include "source_option.hpp"
#include "transitions/range_check.hpp"
#include "transitions/scoped_source.hpp"

namespace partnerops::cli {

namespace {

struct CheckRangeOptions {
  std::string range;
  std::string path = ".";
  std::string format = "text";
  std::string today;
};

int run_check_range(const CheckRangeOptions& options) {
  const std::optional<DiagnosticFormat> format = parse_diagnostic_format(options.format);
  const std::optional<Date> today = parse_today(options.today);
  if (!format || !today) return k_exit_usage;
  const std::size_t dots = options.range.find("..");
  if (dots == std::string::npos || dots == 0 || dots + 2 >= options.range.size() ||
      options.range.find("...") != std::string::npos) {
    std::cerr << "partnerops: the range must be BASE..HEAD (two revisions), not '" << options.range
              << "'\n";
    return k_exit_usage;
  }
  const std::string base_rev = options.range.substr(0, dots);
  const std::string head_rev = options.range.substr(dots + 2);

  std::string error;
  git::RepositoryPtr opened = git::open_repository(options.path, &error);
  if (!opened) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  const std::shared_ptr<git_repository> repo(opened.release(), git_repository_free);
  const std::unique_ptr<Source> base_source = git::open_git_tree_source(repo, base_rev, &error);
  const std::unique_ptr<Source> head_source =
      base_source ? git::open_git_tree_source(repo, head_rev, &error) : nullptr;
  if (!head_source) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  const std::optional<std::vector<git::ChangedPath>> changed =
      git::changed_paths(repo.get(), base_rev, head_rev, &error);
  if (!changed) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }

  // A range that only touched some partners' own files is checked on those
  // partners alone; anything organisation-wide loads the whole head. The
  // base is only compared with the head folder by folder, so it never needs
  // more than the folders the range changed.
  const std::optional<std::vector<std::string>> touched = transitions::touched_partners(*changed);
  const std::unique_ptr<Source> base_scoped =
      transitions::scope_to_partners(*base_source, transitions::changed_partner_folders(*changed));
  std::unique_ptr<Source> head_scoped;
  if (touched) head_scoped = transitions::scope_to_partners(*head_source, *touched);
  // Both sides go through the parse cache (model/parse_cache.hpp): the
  // blobs the two revisions share are parsed and checked once, and a range
  // that loads everything reuses what earlier runs parsed.
  LoadOptions load_options;
  if (const char* workdir = git_repository_workdir(repo.get()))
    load_options.cache_dir = parse_cache_dir(workdir);
  // A whole organisation takes long to free; what is loaded is kept until exit.
  Diagnostics base_load;  // problems the base already had are not this range's
  const Workspace& base = keep_until_exit(
      std::make_unique<Workspace>(load_workspace(*base_scoped, load_options, base_load)));
  Diagnostics validation;
  const Workspace& head = keep_until_exit(std::make_unique<Workspace>(
      load_workspace(head_scoped ? *head_scoped : *head_source, load_options, validation)));
  run_checks(head, *today, validation);

  Diagnostics diagnostics;
  transitions::compare_revisions(base, head, diagnostics);
  transitions::report_numbers_taken_at_base(base, head, *changed, diagnostics);
  transitions::append_for_changed_files(validation, *changed, diagnostics);
  diagnostics.sort();
  print_problems(diagnostics, head, std::cout, *format);
  if (*format == DiagnosticFormat::text)
    std::cerr << "partnerops: " << options.range << ": " << changed->size()
              << " files changed: " << summarize(diagnostics) << '\n';
  return diagnostics.has_errors() ? k_exit_problems : k_exit_clean;
}

}  // namespace

Runner define_check_range(CLI::App& sub) {
  auto options = std::make_shared<CheckRangeOptions>();
  sub.add_option("range", options->range, "BASE..HEAD, e.g. origin/main..HEAD")->required();
  sub.add_option("path", options->path,
                 "A folder inside the repository (its root is the workspace)");
  sub.add_option("--format", options->format, "Output: text, json or github")
      ->check(CLI::IsMember({"text", "json", "github"}));
  add_today_option(sub, options->today);
  return [options](const Loader&) { return run_check_range(*options); };
}

}  // namespace partnerops::cli
