// partnerops invoice export NUMBER [PATH] [--format cii|ubl] [--out FILE] [--rev REV]
//
// Writes the EN 16931 e-invoice of an issued invoice or credit note as XML:
// the UN/CEFACT Cross Industry Invoice that Factur-X embeds (cii, the
// default) or OASIS UBL 2.1 (ubl, as Peppol and XRechnung take it). The XML
// is made from the same typed model as the PDF. Standard output unless
// --out names a file (written atomically). Exit 0 done, 1 when the files
// lack what an e-invoice needs (each lack reported with its position), 2
// usage error.

#include <iostream>

#include "command.hpp"
#include "diag/format.hpp"
#include "einvoice/cii.hpp"
#include "einvoice/from_model.hpp"
#include "einvoice/ubl.hpp"
#include "output_folder.hpp"
#include "source_option.hpp"

namespace partnerops::cli {

namespace {

struct ExportOptions {
  std::string number;
  std::string path = ".";
  std::string format = "cii";
  std::string out;
  std::string rev;
};

int run_invoice_export(const Loader& loader, const ExportOptions& options) {
  int failed = k_exit_clean;
  const std::shared_ptr<const LoadedWorkspace> loaded =
      loader.load(LoadRequest(options.path, options.rev, Require::organisation), &failed);
  if (!loaded) return failed;
  Diagnostics diagnostics;
  const std::optional<einvoice::Document> document =
      einvoice::einvoice_of_number(loaded->workspace, options.number, diagnostics);
  if (!document) {
    print_diagnostics(std::cerr, diagnostics, DiagnosticFormat::text, colour_for_stream(2));
    return k_exit_problems;
  }
  const std::string xml =
      options.format == "ubl" ? einvoice::write_ubl(*document) : einvoice::write_cii(*document);
  if (options.out.empty()) {
    std::cout << xml;
    return k_exit_clean;
  }
  std::string error;
  if (!write_output_file(options.out, xml, &error)) {
    std::cerr << "partnerops: " << error << '\n';
    return k_exit_problems;
  }
  return k_exit_clean;
}

}  // namespace

Runner define_invoice_export(CLI::App& sub) {
  auto options = std::make_shared<ExportOptions>();
  sub.add_option("number", options->number, "An issued invoice's or credit note's number")
      ->required();
  sub.add_option("path", options->path, "Workspace root (the folder holding partnerops.yaml)");
  sub.add_option("--format", options->format,
                 "cii (UN/CEFACT Cross Industry Invoice, as Factur-X embeds it; the default) or "
                 "ubl (OASIS UBL 2.1)")
      ->check(CLI::IsMember({"cii", "ubl"}));
  sub.add_option("--out", options->out, "Write to this file instead of standard output");
  add_rev_option(sub, options->rev);
  return [options](const Loader& loader) { return run_invoice_export(loader, *options); };
}

}  // namespace partnerops::cli
