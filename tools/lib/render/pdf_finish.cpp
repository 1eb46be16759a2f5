#include "render/pdf_finish.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include "render/pdf_engine.hpp"
#include "render/template.hpp"
#include "version.hpp"

namespace partnerops::render {
namespace {

/// A PDF text string: plain when printable ASCII (readable in any tool),
/// UTF-16 otherwise; qpdf chooses.
QPDFObjectHandle text_string(const std::string& utf8) {
  return QPDFObjectHandle::newUnicodeString(utf8);
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

/// The footer's name in each page's XObject resources; a prefix of our own
/// so it cannot collide with the names Qt gives its own objects.
constexpr const char* k_footer_form = "/PartneropsFooter";

/// The footers as a document of their own: one page per footer, each page
/// only as tall as the document's bottom margin, so the line sits in the
/// middle of that margin when the sheet's page is laid over the document's.
/// The mark, when there is one, takes the line above it, so the footer stays
/// where it is on every document; it is set in the footer's own face (colour
/// and spacing set it apart), since a bold face is a second font to embed
/// and cost about 13 ms more a PDF (bench/overlay_bench.sh). Printing it
/// through the same engine sets the footer in the document's own typeface,
/// embedded as a subset by Qt like every other text, rather than in an
/// unembedded standard font.
std::string footer_sheet_html(const std::vector<std::string>& footers,
                              const FinishOptions& options) {
  const double band_mm = options.page.margins_mm.bottom;
  const double size_pt = options.footer_size_pt;
  const double line_mm = size_pt * 1.25 * 25.4 / 72.0;
  const double above_mm = std::max(0.0, band_mm / 2 - line_mm / 2);
  const bool marked = !options.mark.empty();
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
      "html, body { margin: 0; padding: 0; }"
      "body { font-family: \"Inter\", \"DejaVu Sans\", sans-serif; color: #666666; }"
      "section { padding-top: " +
      format_number(marked ? std::max(0.0, above_mm - line_mm) : above_mm) +
      "mm; }"
      "section + section { page-break-before: always; }"
      "div { font-size: " +
      format_number(size_pt) + "pt; line-height: " + format_number(size_pt * 1.25) +
      "pt; white-space: nowrap; overflow: hidden; text-align: " +
      (options.footer_align == FooterAlign::right ? "right" : "center") +
      "; }"
      ".mark { color: #b3261e; letter-spacing: 0.06em; }"
      "</style></head><body>";
  const std::string mark =
      marked ? "<div class=\"mark\">" + escape_html(options.mark) + "</div>" : "";
  for (const std::string& footer : footers)
    html += "<section>" + mark + "<div>" + escape_html(footer) + "</div></section>";
  html += "</body></html>";
  return html;
}

/// The page the footer sheet is printed on: the document's paper and side
/// margins, and a top margin that leaves only the bottom margin's band.
PageSetup footer_sheet_page(const PageSetup& page) {
  PageSetup sheet = page;
  const double height_mm = paper_size_points(page.paper).second * 25.4 / 72.0;
  sheet.margins_mm.top = height_mm - page.margins_mm.bottom;
  sheet.margins_mm.bottom = 0;
  return sheet;
}

/// The engine that prints the footers when the caller names none: one per
/// process, made on first use and kept (Qt objects are not torn down at exit).
PdfEngine& own_engine() {
  static PdfEngine* s_engine = new PdfEngine();
  return *s_engine;
}

/// Lays page `footer` of the footer sheet over `page` as a form XObject,
/// wrapping the page's own content in q/Q so no state it leaves behind (a
/// transformation, a colour) can move or tint the footer.
void stamp_footer(QPDF& pdf, QPDFPageObjectHelper& page, QPDFPageObjectHelper& footer) {
  QPDFObjectHandle form = pdf.copyForeignObject(footer.getFormXObjectForPage());
  QPDFObjectHandle resources = page.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.getObjectHandle().replaceKey("/Resources", resources);
  }
  QPDFObjectHandle xobjects = resources.getKey("/XObject");
  if (!xobjects.isDictionary()) {
    xobjects = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
  }
  xobjects.replaceKey(k_footer_form, form);
  const std::string placement =
      page.placeFormXObject(form, k_footer_form, page.getMediaBox().getArrayAsRectangle());
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "Q\n" + placement), false);
}

/// The printed footer sheet: its bytes and qpdf's reading of them, which
/// must outlive the writing of the document (qpdf copies the footers'
/// streams from them only then, and reads the bytes in place).
struct FooterSheet {
  std::string bytes;
  QPDF pdf;
};

/// Prints the footer sheet into `sheet` and lays its pages over `pages` of
/// `pdf`. False, with `error` filled, when the engine or qpdf fails.
bool stamp_footers(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, FooterSheet& sheet,
                   const FinishOptions& options, std::string* error) {
  const int page_count = static_cast<int>(pages.size());
  std::string prefix = options.footer_title.empty() ? options.title : options.footer_title;
  if (!options.number.empty()) prefix += (prefix.empty() ? "" : " · ") + options.number;
  std::vector<std::string> footers;
  for (int i = 0; i < page_count; ++i) {
    footers.push_back((prefix.empty() ? "" : prefix + " · ") + "Page " + std::to_string(i + 1) +
                      " of " + std::to_string(page_count));
  }
  PdfEngine& engine = options.engine ? *options.engine : own_engine();
  std::string engine_error;
  RenderRequest request;
  request.html = footer_sheet_html(footers, options);
  request.page = footer_sheet_page(options.page);
  request.profile = options.factur_x ? PdfProfile::pdf_a : PdfProfile::plain;
  const std::optional<std::string> printed = engine.render(request, &engine_error);
  if (!printed) {
    if (error) *error = "cannot print the page footers: " + engine_error;
    return false;
  }
  sheet.bytes = *printed;
  sheet.pdf.setSuppressWarnings(true);
  sheet.pdf.processMemoryFile("page footers", sheet.bytes.data(), sheet.bytes.size());
  std::vector<QPDFPageObjectHelper> footer_pages = QPDFPageDocumentHelper(sheet.pdf).getAllPages();
  if (static_cast<int>(footer_pages.size()) != page_count) {
    if (error) {
      *error = "cannot finish the PDF: the page footers came out on " +
               std::to_string(footer_pages.size()) + " pages for " + std::to_string(page_count) +
               " pages";
    }
    return false;
  }
  for (int i = 0; i < page_count; ++i) {
    const auto k = static_cast<std::size_t>(i);
    stamp_footer(pdf, pages[k], footer_pages[k]);
  }
  return true;
}

/// 16 bytes naming a document: the start of `seed` when it is a hex digest
/// (the input hash), else two FNV-1a hashes of it. An identifier, not a
/// security measure.
std::string document_id(const std::string& seed) {
  const bool is_hex_digest =
      seed.size() >= 32 && seed.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (is_hex_digest) return QUtil::hex_decode(seed.substr(0, 32));
  std::string id;
  for (std::uint64_t basis : {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}) {
    std::uint64_t h = basis;
    for (unsigned char c : seed) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    for (int k = 0; k < 8; ++k) id += static_cast<char>((h >> (8 * k)) & 0xFF);
  }
  return id;
}

}  // namespace

std::optional<std::int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  const long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0) return std::nullopt;
  return seconds;
}

namespace {

/// `epoch_seconds` in UTC, as strftime's `format` writes it.
std::string utc_time(std::int64_t epoch_seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &utc);
  return buffer;
}

}  // namespace

std::string pdf_date(std::int64_t epoch_seconds) {
  return utc_time(epoch_seconds, "D:%Y%m%d%H%M%SZ");
}

std::string xmp_date(std::int64_t epoch_seconds) {
  return utc_time(epoch_seconds, "%Y-%m-%dT%H:%M:%SZ");
}

std::optional<FinishedPdf> finish_pdf(const std::string& input, const FinishOptions& options,
                                      std::string* error) {
  // qpdf reports malformed input by throwing; this is the boundary where
  // that becomes an ordinary error.
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("rendered document", input.data(), input.size());

    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    const int page_count = static_cast<int>(pages.size());
    FooterSheet sheet;  // lives until the document is written
    if (options.footer_stamp == FooterStamp::stamped &&
        !stamp_footers(pdf, pages, sheet, options, error))
      return std::nullopt;

    // Qt's XMP packet carries the time and a random document id; the Info
    // dictionary below says everything it said, and a Factur-X invoice gets
    // a packet of our own that repeats it.
    QPDFObjectHandle root = pdf.getRoot();
    root.removeKey("/Metadata");

    DocumentInfo about;
    about.title = options.title;
    about.author = options.author;
    about.subject = options.subject;
    about.keywords = options.keywords;
    about.creator = std::string("partnerops ") + k_version;
    about.producer =
        std::string("partnerops ") + k_version + " (Qt WebKit, qpdf " + QPDF::QPDFVersion() + ")";
    about.epoch_seconds = options.epoch_seconds ? options.epoch_seconds : source_date_epoch();
    if (options.factur_x && !make_factur_x(pdf, *options.factur_x, about, error))
      return std::nullopt;

    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    const auto set_text = [&](const char* key, const std::string& value) {
      if (!value.empty()) info.replaceKey(key, text_string(value));
    };
    set_text("/Title", about.title);
    set_text("/Author", about.author);
    set_text("/Subject", about.subject);
    set_text("/Keywords", about.keywords);
    set_text("/Creator", about.creator);
    set_text("/Producer", about.producer);
    set_text("/PartneropsSourceCommit", options.source_commit);
    set_text("/PartneropsInputHash", options.input_hash);
    if (about.epoch_seconds) {
      set_text("/CreationDate", pdf_date(*about.epoch_seconds));
      set_text("/ModDate", pdf_date(*about.epoch_seconds));
    }
    QPDFObjectHandle trailer = pdf.getTrailer();
    trailer.replaceKey("/Info", pdf.makeIndirectObject(info));

    // The first half of /ID names the document by its inputs; qpdf derives
    // the second half from the bytes it writes. Both are reproducible.
    const std::string id = document_id(options.input_hash.empty() ? input : options.input_hash);
    trailer.replaceKey("/ID",
                       QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                           QPDFObjectHandle::newString(id), QPDFObjectHandle::newString(id)}));

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    // Qt's streams are already compressed; passing them through untouched
    // saves decompressing and compressing every page again.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setObjectStreamMode(qpdf_o_generate);
    // The associated file (/AF) that PDF/A-3 and Factur-X rest on is PDF 1.7.
    if (options.factur_x) writer.setMinimumPDFVersion("1.7");
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    FinishedPdf result;
    result.bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    result.page_count = page_count;
    return result;
  } catch (const std::exception& e) {
    if (error) *error = std::string("cannot finish the PDF: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace partnerops::render
