#pragma once
// What turns a printed invoice into a Factur-X 1.0 / ZUGFeRD 2 hybrid
// invoice (profile EN 16931): a PDF/A-3b file that carries its Cross
// Industry Invoice XML as the associated file `factur-x.xml`.
//
// Qt prints the pages in its PDF/A-1b mode (every font embedded);
// finish_pdf then calls make_factur_x, which adds what PDF/A-3 and
// Factur-X ask of the file itself:
//   - the XML as an embedded file (MIME type text/xml, its date and
//     checksum) whose file specification says /AFRelationship /Alternative
//     and is listed in the catalog's /AF and /Names /EmbeddedFiles;
//   - the sRGB output intent, with the ICC profile Debian's icc-profiles-free
//     ships (Qt's own, if it wrote one, is replaced, so the profile is one we
//     name);
//   - an XMP packet that repeats the Info dictionary (title, author,
//     subject, keywords, tools, dates), declares PDF/A-3b, and declares the
//     Factur-X extension schema with the document type, file name, version
//     and conformance level. It is written by us, key by key, so that building
//     twice yields the same bytes, as for every other document.

#include <cstdint>
#include <optional>
#include <string>

class QPDF;

namespace partnerops::render {

/// The invoice XML a Factur-X PDF carries.
struct FacturX {
  std::string xml;  ///< the Cross Industry Invoice, as `invoice export --format cii` writes it
};

/// The Info dictionary's entries, which the XMP packet must repeat.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;                        ///< the tool that made the content
  std::string producer;                       ///< the tool that wrote the PDF
  std::optional<std::int64_t> epoch_seconds;  ///< CreationDate and ModDate; unset: none
};

/// The embedded file's name, fixed by Factur-X.
inline constexpr char k_factur_x_file_name[] = "factur-x.xml";

/// Where Debian's icc-profiles-free puts the sRGB profile of the output intent.
inline constexpr char k_srgb_profile[] = "/usr/share/color/icc/sRGB.icc";

/// Makes `pdf` a Factur-X PDF/A-3b, as the header says. Returns false with
/// `error` filled when the sRGB profile cannot be read.
bool make_factur_x(QPDF& pdf, const FacturX& invoice, const DocumentInfo& info, std::string* error);

/// The XMP packet of a Factur-X PDF (exposed for the tests).
std::string factur_x_xmp(const DocumentInfo& info);

}  // namespace partnerops::render
