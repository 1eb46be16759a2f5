#pragma once
// The last step of every document: what Qt WebKit cannot do itself. Debian's
// WebKit prints no running headers or footers, so the footer ("<title> ·
// <number> · Page i of N"), and above it the status mark of a document that
// is not final, is stamped onto each page here: printed by the same
// engine as a sheet of footers, one page each, in the document's typeface
// (embedded, like all text Qt prints) and laid over the document's pages; the metadata says
// which commit and inputs a PDF came from, so anyone can rebuild it; and
// everything that varies between runs (dates, random IDs, Qt's XMP packet) is
// replaced, so building twice from the same commit yields identical bytes.

#include <cstdint>
#include <optional>
#include <string>

#include "model/page_setup.hpp"
#include "render/factur_x.hpp"

namespace partnerops::render {

class PdfEngine;

enum class FooterAlign { centre, right };

/// Whether finishing stamps the footer sheet (footer and mark) on the pages.
/// Every document has it; `none` leaves the pages as printed, so
/// bench/overlay_bench.sh can measure what the overlay costs.
enum class FooterStamp { stamped, none };

struct FinishOptions {
  std::string title;         ///< the document's own title: Info /Title
  std::string footer_title;  ///< the footer's first part (the kind); empty: `title`
  std::string number;        ///< document number (e.g. INV-2026-0042); may be empty
  /// Printed on every page, on the line above the footer, for a document
  /// that is not final ("DRAFT — not for signature"); empty: nothing.
  std::string mark;
  std::string author;  ///< the organisation
  std::string subject;
  std::string keywords;
  std::string source_commit;  ///< git commit id of the inputs; empty outside git
  std::string input_hash;     ///< hex digest of every input; seeds the PDF /ID
  /// Seconds since 1970 for CreationDate and ModDate. Unset: read
  /// SOURCE_DATE_EPOCH; unset there too: the PDF carries no dates.
  std::optional<std::int64_t> epoch_seconds;
  /// Where the footer goes: centred between the side margins, or flush with
  /// the right margin, on the middle of the bottom margin.
  PageSetup page;
  FooterAlign footer_align = FooterAlign::centre;
  FooterStamp footer_stamp = FooterStamp::stamped;
  double footer_size_pt = 8;
  /// Set for an e-invoice: the pages are printed as PDF/A and the file is
  /// made a Factur-X PDF/A-3b carrying this XML (render/factur_x.hpp).
  std::optional<FacturX> factur_x;
  /// The engine that prints the footers, on the thread that prints the
  /// documents. nullptr: one of finish_pdf's own, made by its first call.
  PdfEngine* engine = nullptr;
};

/// The result of finishing: the bytes and how many pages they have.
struct FinishedPdf {
  std::string bytes;
  int page_count = 0;
};

/// Stamps the footer, replaces the metadata and rewrites `pdf` with a /ID
/// derived from `input_hash` and the content. Returns std::nullopt and fills
/// `error` when `pdf` cannot be parsed or written (qpdf's message) or the
/// engine cannot print the footers (its sentence).
std::optional<FinishedPdf> finish_pdf(const std::string& pdf, const FinishOptions& options,
                                      std::string* error);

/// SOURCE_DATE_EPOCH as seconds, or std::nullopt when unset or not a number.
std::optional<std::int64_t> source_date_epoch();

/// "D:YYYYMMDDHHMMSSZ", the PDF date format, in UTC.
std::string pdf_date(std::int64_t epoch_seconds);

/// "YYYY-MM-DDThh:mm:ssZ", the XMP date format, in UTC.
std::string xmp_date(std::int64_t epoch_seconds);

}  // namespace partnerops::render
