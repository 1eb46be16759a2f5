// partnerops statement SLUG [PATH] [--today D] [--format text|json|pdf] [--out FILE] [--rev REV]
// partnerops statement --all [PATH] [--today D] [--format text|json] [--out FILE] [--rev REV]
//
// The statement of account of one partner (its folder alone is loaded) or
// of every partner with issued invoices: open invoices, payments, credits,
// the balance per currency and its ageing as of --today. Text and JSON go
// to standard output unless --out names a file; a PDF is printed like every
// other document (default file out/<slug>/statement-<today>.pdf).
// Exit 0 done, 1 when files did not load (the statement may be incomplete)
// or the PDF failed, 2 usage error.

#include <chrono>
#include <cstdio>
#include <iostream>

#include "command.hpp"
#include "document_output.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "report/statement.hpp"
#include "source/filtered_source.hpp"
#include "source_option.hpp"
#include "transitions/scoped_source.hpp"

namespace partnerops::cli {

namespace {

struct StatementOptions {
  std::string slug;
  std::string path = ".";
  bool all = false;
  std::string today;
  std::string format = "text";
  std::string out;
  std::string rev;
  bool timings = false;
};

/// Writes `text` to --out, or to standard output without it.
int emit(const StatementOptions& options, const std::string& text) {
  if (options.out.empty()) {
    std::cout << text;
    return k_exit_clean;
  }
  std::string error;
  if (!write_output_file(options.out, text, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  return k_exit_clean;
}

int run_statement(const Loader& loader, StatementOptions options) {
  if (options.all && !options.slug.empty()) {
    // `statement --all PATH`: the one positional is the workspace.
    if (options.path != ".") {
      std::cerr << "partnerops: --all takes no partner; name a partner or pass --all\n";
      return k_exit_usage;
    }
    options.path = options.slug;
    options.slug.clear();
  }
  if (!options.all && options.slug.empty()) {
    std::cerr << "partnerops: name a partner (partnerops statement SLUG) or pass --all\n";
    return k_exit_usage;
  }
  if (options.all && options.format == "pdf") {
    std::cerr << "partnerops: --all prints text or JSON; `partnerops build --kind statement` "
                 "prints every statement as PDF\n";
    return k_exit_usage;
  }
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;

  // One partner's statement reads only its folder, so it costs the same in
  // any size of organisation; statements of every partner read only
  // partner.yaml, invoices and credit notes, through the parse cache.
  LoadRequest request(options.path, options.rev, Require::organisation);
  request.view = [&options](const Source& tree) {
    return options.all ? filter_source(tree, statement_input)
                       : transitions::scope_to_partner(tree, options.slug);
  };
  const auto started = std::chrono::steady_clock::now();
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded = loader.load(request, &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  const Diagnostics& diagnostics = loaded->diagnostics;
  const OpenedSource* opened = &loaded->opened;

  std::vector<const PartnerFolder*> folders;
  if (options.all) {
    for (const PartnerFolder& folder : workspace.partners())
      if (has_statement(folder)) folders.push_back(&folder);
  } else {
    const PartnerFolder* folder = workspace.partner(options.slug);
    if (!folder) {
      std::cerr << "partnerops: there is no partner folder 'partners/" << options.slug << "'\n";
      return k_exit_problems;
    }
    folders.push_back(folder);
  }

  const auto computing = std::chrono::steady_clock::now();
  int code = k_exit_clean;
  if (options.format == "pdf") {
    if (!print_statement(workspace, *opened, *folders.front(), *today, options.out))
      return k_exit_problems;
  } else if (options.format == "json") {
    nlohmann::ordered_json statements = nlohmann::ordered_json::array();
    for (const PartnerFolder* folder : folders)
      statements.push_back(statement_json(build_statement(*folder, *today)));
    const nlohmann::ordered_json document =
        options.all ? nlohmann::ordered_json{{"today", today->iso()}, {"statements", statements}}
                    : statements.front();
    code = emit(options, document.dump(2) + "\n");
  } else {
    std::string text;
    for (const PartnerFolder* folder : folders) {
      if (!text.empty()) text += "\n";
      text += statement_text(build_statement(*folder, *today));
    }
    code = emit(options, text);
  }
  if (options.timings) {
    const auto seconds = [](auto from, auto to) {
      return std::chrono::duration<double>(to - from).count();
    };
    std::fprintf(stderr, "timings: load %.3f s, statements %.3f s (%zu partners)\n",
                 seconds(started, computing), seconds(computing, std::chrono::steady_clock::now()),
                 folders.size());
  }
  if (code != k_exit_clean) return code;
  return exit_after_reading(diagnostics, "the statement leaves out invoices that did not load");
}

}  // namespace

Runner define_statement(CLI::App& sub) {
  auto options = std::make_shared<StatementOptions>();
  sub.add_option("slug", options->slug, "The partner's folder name");
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_flag("--all", options->all, "Every partner with issued invoices");
  sub.add_option("--format", options->format, "text (default), json, or pdf (one partner)")
      ->check(CLI::IsMember({"text", "json", "pdf"}));
  sub.add_option("--out", options->out, "Write to this file instead of standard output");
  sub.add_flag("--timings", options->timings,
               "Print the time spent loading and computing to standard error");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options](const Loader& loader) { return run_statement(loader, *options); };
}

}  // namespace partnerops::cli
