#include "render/pdf_finish.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Buffer.hh>
#include <qpdf/QUtil.hh>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <memory>
#include <sstream>

#include "version.hpp"

namespace partnerops::render {
namespace {

// Helvetica advance widths (Adobe's Core 14 metrics) for WinAnsi codes 32-255,
// in thousandths of an em. Only the footer uses them, to centre or
// right-align its text.
constexpr std::array<short, 224> k_helvetica_widths = {
    // 32-63: space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    // 64-95: @ A-Z [ \ ] ^ _
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    // 96-127: ` a-z { | } ~ (127 unused)
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
    // 128-159: € (unused) ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ (unused) Ž (unused)
    //          (unused) ‘ ’ “ ” • – — ˜ ™ š › œ (unused) ž Ÿ
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    // 160-255: Latin-1
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500};

// Unicode code points of WinAnsi 0x80-0x9F; 0 where the code is unused.
constexpr std::array<char32_t, 32> k_win_ansi_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// Decodes one UTF-8 sequence at `i`, advancing it; U+FFFD for malformed
/// input so a bad byte costs one '?', not the rest of the string.
char32_t next_code_point(const std::string& text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

/// A PDF text string: plain when printable ASCII (readable in any tool),
/// UTF-16 otherwise; qpdf chooses.
QPDFObjectHandle text_string(const std::string& utf8) {
  return QPDFObjectHandle::newUnicodeString(utf8);
}

std::string hex(const std::string& bytes) {
  static const char* k_digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += k_digits[c >> 4];
    out += k_digits[c & 0xF];
  }
  return out;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

/// The footer's name in each page's font resources; a prefix of our own so
/// it cannot collide with the names Qt gives its fonts.
constexpr const char* k_footer_font = "/PartneropsFooter";

void stamp_footer(QPDF& pdf, QPDFPageObjectHelper& page, const QPDFObjectHandle& font,
                  const std::string& win_ansi, const FinishOptions& options) {
  const QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
  const double size = options.footer_size_pt;
  const double width = helvetica_width(win_ansi) * size / 1000.0;
  const Margins& m = options.page.margins_mm;
  const double left = box.llx + mm_to_points(m.left);
  const double right = box.urx - mm_to_points(m.right);
  const double x = options.footer_align == FooterAlign::right ? right - width
                                                              : (left + right - width) / 2;
  // The middle of the bottom margin, with the text's x-height centred on it.
  const double y = box.lly + mm_to_points(m.bottom) / 2 - size * 0.26;

  QPDFObjectHandle resources = page.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.getObjectHandle().replaceKey("/Resources", resources);
  }
  QPDFObjectHandle fonts = resources.getKey("/Font");
  if (!fonts.isDictionary()) {
    fonts = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/Font", fonts);
  }
  fonts.replaceKey(k_footer_font, font);

  // Qt's content stream is balanced, but wrap it in q/Q anyway so no state it
  // leaves behind (a transformation, a colour) can move or tint the footer.
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
  std::ostringstream footer;
  footer << "Q\nq\n0.4 g\nBT\n" << k_footer_font << ' ' << format_number(size) << " Tf\n"
         << format_number(x) << ' ' << format_number(y) << " Td\n<" << hex(win_ansi)
         << "> Tj\nET\nQ\n";
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, footer.str()), false);
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

std::string to_win_ansi(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(cp);
      continue;
    }
    char mapped = '?';
    for (std::size_t k = 0; k < k_win_ansi_high.size(); ++k) {
      if (k_win_ansi_high[k] == cp && cp != 0) mapped = static_cast<char>(0x80 + k);
    }
    out += mapped;
  }
  return out;
}

int helvetica_width(const std::string& win_ansi) {
  int total = 0;
  for (unsigned char c : win_ansi) {
    if (c >= 32) total += k_helvetica_widths[c - 32];
  }
  return total;
}

std::optional<std::int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  const long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0) return std::nullopt;
  return seconds;
}

std::string pdf_date(std::int64_t epoch_seconds) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &utc);
  return buffer;
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
    QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    std::string prefix = options.title;
    if (!options.number.empty()) prefix += (prefix.empty() ? "" : " · ") + options.number;
    for (int i = 0; i < page_count; ++i) {
      const std::string text = (prefix.empty() ? "" : prefix + " · ") + "Page " +
                               std::to_string(i + 1) + " of " + std::to_string(page_count);
      stamp_footer(pdf, pages[static_cast<std::size_t>(i)], font, to_win_ansi(text), options);
    }

    // Qt's XMP packet carries the time and a random document id; the Info
    // dictionary below says everything it said.
    QPDFObjectHandle root = pdf.getRoot();
    root.removeKey("/Metadata");

    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    const auto set_text = [&](const char* key, const std::string& value) {
      if (!value.empty()) info.replaceKey(key, text_string(value));
    };
    set_text("/Title", options.title);
    set_text("/Author", options.author);
    set_text("/Subject", options.subject);
    set_text("/Keywords", options.keywords);
    set_text("/Creator", std::string("partnerops ") + k_version);
    set_text("/Producer", std::string("partnerops ") + k_version + " (Qt WebKit, qpdf " +
                              QPDF::QPDFVersion() + ")");
    set_text("/PartneropsSourceCommit", options.source_commit);
    set_text("/PartneropsInputHash", options.input_hash);
    const std::optional<std::int64_t> epoch =
        options.epoch_seconds ? options.epoch_seconds : source_date_epoch();
    if (epoch) {
      set_text("/CreationDate", pdf_date(*epoch));
      set_text("/ModDate", pdf_date(*epoch));
    }
    QPDFObjectHandle trailer = pdf.getTrailer();
    trailer.replaceKey("/Info", pdf.makeIndirectObject(info));

    // The first half of /ID names the document by its inputs; qpdf derives
    // the second half from the bytes it writes. Both are reproducible.
    const std::string id = document_id(options.input_hash.empty() ? input : options.input_hash);
    trailer.replaceKey("/ID", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                  QPDFObjectHandle::newString(id),
                                  QPDFObjectHandle::newString(id)}));

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    // Qt's streams are already compressed; passing them through untouched
    // saves decompressing and compressing every page again.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setObjectStreamMode(qpdf_o_generate);
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
