// partnerops site [PATH] [--out DIR] [--pdfs DIR] [--rev REV] [--today D] [--jobs N]
//
// The static site (site/site.hpp) for the people who read but never edit:
// the pipeline, one page per partner, the tickler, the pipeline report and
// the statements, written into DIR (default out/site) by site/site_folder:
// unchanged pages are not rewritten, pages the site no longer has are
// removed. PDFs that a build wrote into --pdfs (default out, build's own
// default) are linked where they belong, relative to the site, so out/
// published whole keeps every link. The partners' timelines come from the
// git history of PATH's repository, at REV with --rev.
// Exit 0 when the workspace loaded cleanly, 1 when some files did not load
// (their problems are listed on every page, and the pages leave out what
// they hold) or a template failed (nothing is then written), 2 for usage
// and write errors.

#include <iostream>
#include <sstream>

#include "command.hpp"
#include "git/repository.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "site/site.hpp"
#include "site/site_folder.hpp"
#include "util/installation.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct SiteCommandOptions {
  std::string path = ".";
  std::string out = (k_default_output_folder / "site").string();
  std::string pdfs = k_default_output_folder.string();
  std::string today;
  std::string rev;
  unsigned jobs = 0;
};

/// The partners' stories from git at `rev` (HEAD when empty), or nullopt
/// with the reason in `note`.
std::optional<transitions::Timeline> read_site_timeline(const std::string& path,
                                                        const std::string& rev, std::string* note) {
  std::string error;
  const git::RepositoryPtr repo = git::open_repository(path, &error);
  if (!repo) {
    *note = "The workspace is not in a git repository, so there is no timeline.";
    return std::nullopt;
  }
  transitions::TimelineOptions options;
  options.revspec = rev.empty() ? "HEAD" : rev;
  options.bookkeeping = true;
  std::optional<transitions::Timeline> timeline =
      transitions::read_timeline(repo.get(), options, &error);
  if (!timeline) {
    *note = "No timeline: " + error + ".";
    return std::nullopt;
  }
  if (timeline->shallow)
    *note = "This is a shallow clone, so older history is missing from the timeline.";
  return timeline;
}

/// The load problems as `validate` prints their first lines.
std::vector<std::string> problem_lines(const Diagnostics& diagnostics) {
  Diagnostics errors;
  for (const Diagnostic& diagnostic : diagnostics.items())
    if (diagnostic.severity == Severity::error)
      errors.add(diagnostic.severity, diagnostic.code, diagnostic.file, diagnostic.position,
                 diagnostic.message, diagnostic.hint);
  std::ostringstream text;
  print_diagnostics(text, errors, DiagnosticFormat::text, Colour::off);
  std::vector<std::string> lines;
  std::istringstream in(text.str());
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

int run_site(const Loader& loader, const SiteCommandOptions& options) {
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded = loader.load(
      LoadRequest(options.path, options.rev, Require::organisation_and_lifecycle), &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  print_problems(loaded->diagnostics, workspace);

  // The site's templates are the workspace's own; an organisation made
  // before the site existed has none and uses the installed defaults'.
  Diagnostics template_problems;
  site::SiteTemplates templates =
      site::load_site_templates(*loaded->opened.source, template_problems);
  std::unique_ptr<Source> defaults;
  if (!templates.found) {
    std::string error;
    const std::optional<fs::path> folder = util::defaults_folder(util::program_path(), &error);
    if (!folder) {
      std::cerr << "partnerops: the workspace has no templates/site/ and " << error << '\n';
      return k_exit_usage;
    }
    defaults = open_directory_source(*folder);
    templates = site::load_site_templates(*defaults, template_problems);
  }

  site::SiteOptions site_options;
  site_options.today = *today;
  site_options.document_href = site::built_pdf_links(options.pdfs, options.out);
  std::optional<transitions::Timeline> timeline =
      read_site_timeline(options.path, options.rev, &site_options.timeline_note);
  if (timeline) site_options.timeline = &*timeline;
  site_options.made_from = loaded->opened.commit.empty()
                               ? "the working tree"
                               : "commit " + loaded->opened.commit.substr(0, 12);
  site_options.problems = problem_lines(loaded->diagnostics);

  const site::SiteGenerator generator(workspace, templates, std::move(site_options));
  std::vector<site::Page> pages = generator.render_all(template_problems, options.jobs);
  if (template_problems.has_errors()) {
    print_diagnostics(std::cerr, template_problems, DiagnosticFormat::text, colour_for_stream(2));
    std::cerr << "partnerops: nothing written: fix the site's templates first\n";
    return k_exit_problems;
  }
  std::string error;
  if (!prepare_output_folder(options.out, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  const std::optional<site::WriteSummary> written =
      site::write_site(options.out, pages, nullptr, &error);
  if (!written) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_usage;
  }
  std::cerr << "partnerops: site in " << options.out << ": " << pages.size() << " pages, "
            << written->written << " written, " << written->unchanged << " unchanged, "
            << written->removed << " removed\n";
  return exit_after_reading(loaded->diagnostics, "files that did not load are left out");
}

}  // namespace

Runner define_site(CLI::App& sub) {
  auto options = std::make_shared<SiteCommandOptions>();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--out", options->out, "Folder of the site (default: out/site)");
  sub.add_option("--pdfs", options->pdfs,
                 "Folder where `build` wrote the PDFs to link (default: out)");
  sub.add_option("-j,--jobs", options->jobs, "Threads rendering pages (0: one per core)");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options](const Loader& loader) { return run_site(loader, *options); };
}

}  // namespace partnerops::cli
