// partnerops invoice handoff [NUMBER...] [--period YYYY-MM] --out DIR [--force]
//                            [--today D] [--path PATH] [--rev REV]
//
// Writes the bundle the fiscal sponsor needs to issue our invoices from its
// own accounting system: each invoice's PDF (printed like `build` prints
// it), invoices.csv in the column layout of Xero's sales-invoice import,
// and README.md, a cover note with the totals per currency. The bundle is
// assembled in a temporary folder beside DIR and renamed into place, so DIR
// is either the whole bundle or untouched. Drafts are refused.
// Exit 0 written, 1 refused or failed (DIR unchanged), 2 usage error.

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <filesystem>
#include <iostream>
#include <thread>

#include "check/checks.hpp"
#include "model/file_kind.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "document_output.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "report/handoff.hpp"
#include "source_option.hpp"
#include "util/atomic_file.hpp"

namespace partnerops::cli {

namespace {

namespace fs = std::filesystem;

struct HandoffOptions {
  std::vector<std::string> numbers;
  std::string period;
  std::string out;
  bool force = false;
  std::string today;
  std::string path = ".";
  std::string rev;
};

bool is_year_month(const std::string& text) {
  return text.size() == 7 && text[4] == '-' && Date::parse(text + "-01").has_value();
}

/// A fresh folder beside `target`, or empty with `error` filled.
fs::path make_staging_folder(const fs::path& target, std::string* error) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // `--out out/handoff/2026-11` in a fresh checkout: the folders above the
  // bundle are made, and out/ kept out of git, as `build` does.
  if (!prepare_output_for(target, error)) return {};
  std::string pattern =
      (parent / ("." + target.filename().string() + ".partnerops-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    *error = "cannot create a folder beside " + target.string() + ": " + std::strerror(errno);
    return {};
  }
  // mkdtemp makes the folder private; the bundle gets the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(pattern.c_str(), 0777 & ~mask);
  return pattern;
}

/// Replaces `target` (missing, empty, or replaceable) with `staged`.
bool move_into_place(const fs::path& staged, const fs::path& target, std::string* error) {
  std::error_code ec;
  fs::path previous;
  if (fs::exists(target, ec)) {
    previous = target;
    previous += ".partnerops-old";
    fs::remove_all(previous, ec);
    fs::rename(target, previous, ec);
    if (ec) {
      *error = "cannot move " + target.string() + " aside: " + ec.message();
      return false;
    }
  }
  fs::rename(staged, target, ec);
  if (ec) {
    *error = "cannot rename the bundle to " + target.string() + ": " + ec.message();
    if (!previous.empty()) fs::rename(previous, target, ec);
    return false;
  }
  if (!previous.empty()) fs::remove_all(previous, ec);
  return true;
}

int run_invoice_handoff(const HandoffOptions& options) {
  if (!options.numbers.empty() && !options.period.empty()) {
    std::cerr << "partnerops: name invoices or pass --period, not both\n";
    return k_exit_usage;
  }
  if (!options.period.empty() && !is_year_month(options.period)) {
    std::cerr << "partnerops: --period needs a month as YYYY-MM, not '" << options.period << "'\n";
    return k_exit_usage;
  }
  const std::optional<Date> today = parse_today(options.today);
  if (!today) return k_exit_usage;
  const fs::path target = options.out;
  std::error_code ec;
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec)) {
      std::cerr << "partnerops: " << target.string() << " exists and is not a folder\n";
      return k_exit_usage;
    }
    if (!fs::is_empty(target, ec) && !options.force) {
      std::cerr << "partnerops: " << target.string()
                << " is not empty; choose a new folder or pass --force to replace it\n";
      return k_exit_usage;
    }
  }

  const std::optional<OpenedSource> opened = open_source(options.path, options.rev);
  if (!opened) return k_exit_usage;
  Diagnostics diagnostics;
  const Workspace workspace = load_workspace(*opened->source, LoadOptions{}, diagnostics);
  const WorkspaceFile* organisation = workspace.file("partnerops.yaml");
  if (!workspace.organisation() || !organisation || !organisation->document) {
    std::cerr << "partnerops: " << options.path
              << " is not a workspace (partnerops.yaml did not load); run `partnerops validate` "
                 "for details\n";
    return k_exit_usage;
  }
  if (!workspace.organisation()->fiscal_sponsor) {
    std::cerr << "partnerops: partnerops.yaml names no fiscal_sponsor to hand invoices to\n";
    return k_exit_usage;
  }
  run_checks(workspace, *today, diagnostics);

  Diagnostics refusals;
  const std::optional<std::vector<HandoffItem>> items =
      select_for_handoff(workspace, options.numbers, options.period, refusals);
  // An invoice is handed over only when its own files and the organisation's
  // are clean: the sponsor books exactly what it receives.
  if (items) {
    for (const Diagnostic& d : diagnostics) {
      if (d.severity != Severity::error) continue;
      const std::string slug = classify(d.file).slug;
      const bool touches = std::any_of(items->begin(), items->end(), [&](const HandoffItem& item) {
        return slug.empty() || slug == item.folder->slug;
      });
      if (touches) refusals.add(d.severity, d.code, d.file, d.position, d.message, d.hint);
    }
  }
  const auto lines_of = [&workspace](std::string_view path) -> const std::string* {
    const WorkspaceFile* file = workspace.file(path);
    return file ? &file->content : nullptr;
  };
  if (!items || refusals.has_errors()) {
    refusals.sort();
    print_diagnostics(std::cerr, refusals, DiagnosticFormat::text, colour_for_stream(2), lines_of);
    std::cerr << "partnerops: no bundle written\n";
    return k_exit_problems;
  }
  if (items->empty()) {
    std::cerr << "partnerops: no invoices to hand off"
              << (options.period.empty() && options.numbers.empty()
                      ? " (every issued invoice has a sponsor number; name invoices or pass "
                        "--period)"
                      : " in " + options.period)
              << "\n";
    return k_exit_problems;
  }

  std::string error;
  const fs::path staged = make_staging_folder(target, &error);
  if (staged.empty()) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  const HandoffSettings settings = handoff_settings(workspace);
  std::vector<DocumentJob> jobs;
  std::map<std::string, std::string> names;  // job output -> file name in the bundle
  for (const HandoffItem& item : *items) {
    jobs.push_back(invoice_document(*item.folder, *item.invoice));
    names[jobs.back().output] = handoff_pdf_name(*item.invoice);
  }
  const unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                           static_cast<unsigned>(jobs.size())));
  bool ok = print_documents(
      workspace, *opened, jobs, *today,
      [&](const DocumentJob& job) { return staged / names.at(job.output); }, workers);
  ok = ok &&
       util::write_file_atomically(staged / k_handoff_csv, xero_csv(*items, settings), &error) &&
       util::write_file_atomically(staged / k_handoff_note,
                                   handoff_note(workspace, *items, settings, *today), &error) &&
       move_into_place(staged, target, &error);
  if (!ok) {
    if (!error.empty()) std::cerr << "partnerops: " << error << '\n';
    fs::remove_all(staged, ec);
    std::cerr << "partnerops: no bundle written\n";
    return k_exit_problems;
  }
  std::cout << "wrote " << target.string() << ": " << items->size()
            << (items->size() == 1 ? " invoice" : " invoices") << ", " << k_handoff_csv << ", "
            << k_handoff_note << '\n';
  return k_exit_clean;
}

}  // namespace

Runner define_invoice_handoff(CLI::App& sub) {
  auto options = std::make_shared<HandoffOptions>();
  sub.add_option("numbers", options->numbers, "Invoice numbers (default: issued invoices without "
                                              "a sponsor number)");
  sub.add_option("--period", options->period, "Every invoice issued in this month (YYYY-MM)");
  sub.add_option("--out", options->out, "The bundle's folder")->required();
  sub.add_flag("--force", options->force, "Replace a folder that is not empty");
  sub.add_option("--path", options->path,
                 "Workspace root (the folder holding partnerops.yaml; default .)");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options] { return run_invoice_handoff(*options); };
}

}  // namespace partnerops::cli
