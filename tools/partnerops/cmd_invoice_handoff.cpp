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

#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "billing/period.hpp"
#include "check/checks.hpp"
#include "command.hpp"
#include "diag/format.hpp"
#include "document_output.hpp"
#include "options.hpp"
#include "output_folder.hpp"
#include "report/handoff.hpp"
#include "source_option.hpp"
#include "util/atomic_file.hpp"
#include "util/staged_folder.hpp"

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

int run_invoice_handoff(const Loader& loader, const HandoffOptions& options) {
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

  int failed = k_exit_clean;
  const std::shared_ptr<LoadedWorkspace> loaded =
      loader.load(LoadRequest(options.path, options.rev, Require::organisation), &failed);
  if (!loaded) return failed;
  const Workspace& workspace = loaded->workspace;
  Diagnostics& diagnostics = loaded->diagnostics;
  const OpenedSource* opened = &loaded->opened;
  if (!workspace.organisation()->fiscal_sponsor) {
    std::cerr << "partnerops: partnerops.yaml names no fiscal_sponsor to hand invoices to\n";
    return k_exit_usage;
  }
  run_checks(workspace, *today, diagnostics);

  Diagnostics refusals;
  const std::optional<std::vector<HandoffItem>> items =
      select_for_handoff(workspace, options.numbers, options.period, refusals);
  if (items && !items->empty()) refusals.append(errors_holding_back(diagnostics, *items));
  if (!items || refusals.has_errors()) {
    refusals.sort();
    print_problems(refusals, workspace);
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
  // `--out out/handoff/2026-11` in a fresh checkout: the folders above the
  // bundle are made, and out/ kept out of git, as `build` does.
  const fs::path staged =
      prepare_output_for(target, &error) ? util::make_staging_folder(target, &error) : fs::path();
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
       util::move_into_place(staged, target, &error);
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
  CLI::Option* numbers =
      sub.add_option("numbers", options->numbers,
                     "Invoice numbers (default: issued invoices without a sponsor number)");
  sub.add_option("--period", options->period, "Every invoice issued in this month (YYYY-MM)")
      ->excludes(numbers)
      ->check(CLI::Validator(
          [](const std::string& month) {
            return billing::Month::parse(month) ? "" : "needs a month as YYYY-MM";
          },
          "YYYY-MM"));
  sub.add_option("--out", options->out, "The bundle's folder")->required();
  sub.add_flag("--force", options->force, "Replace a folder that is not empty");
  sub.add_option("--path", options->path,
                 "Workspace root (the folder holding partnerops.yaml; default .)");
  add_today_option(sub, options->today);
  add_rev_option(sub, options->rev);
  return [options](const Loader& loader) { return run_invoice_handoff(loader, *options); };
}

}  // namespace partnerops::cli
