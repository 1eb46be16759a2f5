#include "render/factur_x.hpp"

#include <fstream>
#include <iterator>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "render/pdf_finish.hpp"
#include "render/template.hpp"

namespace partnerops::render {
namespace {

/// The namespace of the Factur-X extension schema (Factur-X 1.0, annex A);
/// ZUGFeRD 2.1 and later readers accept it too.
constexpr const char* k_fx_namespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

/// One property of an XMP description, left out when empty (as the Info
/// dictionary leaves the key out).
std::string property(const char* name, const std::string& value) {
  if (value.empty()) return {};
  return std::string("   <") + name + ">" + escape_html(value) + "</" + name + ">\n";
}

/// A language alternative (dc:title, dc:description) with only the default.
std::string alternative(const char* name, const std::string& value) {
  if (value.empty()) return {};
  return std::string("   <") + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         escape_html(value) + "</rdf:li></rdf:Alt></" + name + ">\n";
}

/// One property of the extension schema's declaration.
std::string declared_property(const char* name, const char* description) {
  return std::string(
             "      <rdf:li rdf:parseType=\"Resource\">\n"
             "       <pdfaProperty:name>") +
         name +
         "</pdfaProperty:name>\n"
         "       <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n"
         "       <pdfaProperty:category>external</pdfaProperty:category>\n"
         "       <pdfaProperty:description>" +
         description +
         "</pdfaProperty:description>\n"
         "      </rdf:li>\n";
}

bool read_file(const char* path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  content->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !content->empty();
}

/// The sRGB output intent PDF/A asks for: the colours on the pages are
/// device RGB, and this says which RGB.
QPDFObjectHandle srgb_output_intent(QPDF& pdf, const std::string& profile) {
  QPDFObjectHandle icc = QPDFObjectHandle::newStream(&pdf, profile);
  icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/DestOutputProfile", icc);
  return pdf.makeIndirectObject(intent);
}

}  // namespace

std::string factur_x_xmp(const DocumentInfo& info) {
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "   <pdfaid:part>3</pdfaid:part>\n"
      "   <pdfaid:conformance>B</pdfaid:conformance>\n"
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "   <dc:format>application/pdf</dc:format>\n";
  xmp += alternative("dc:title", info.title);
  if (!info.author.empty()) {
    xmp += "   <dc:creator><rdf:Seq><rdf:li>" + escape_html(info.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  xmp += alternative("dc:description", info.subject);
  xmp +=
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  xmp += property("pdf:Producer", info.producer);
  xmp += property("pdf:Keywords", info.keywords);
  xmp +=
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  xmp += property("xmp:CreatorTool", info.creator);
  if (info.epoch_seconds) {
    const std::string date = xmp_date(*info.epoch_seconds);
    xmp += property("xmp:CreateDate", date);
    xmp += property("xmp:ModifyDate", date);
    xmp += property("xmp:MetadataDate", date);
  }
  xmp +=
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
      "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
      "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
      "   <pdfaExtension:schemas>\n"
      "    <rdf:Bag>\n"
      "     <rdf:li rdf:parseType=\"Resource\">\n"
      "      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n"
      "      <pdfaSchema:namespaceURI>";
  xmp += k_fx_namespace;
  xmp +=
      "</pdfaSchema:namespaceURI>\n"
      "      <pdfaSchema:prefix>fx</pdfaSchema:prefix>\n"
      "      <pdfaSchema:property>\n"
      "       <rdf:Seq>\n";
  xmp += declared_property("DocumentFileName", "The name of the embedded XML document");
  xmp += declared_property("DocumentType", "The type of the hybrid document in capital letters");
  xmp += declared_property("Version", "The version of the standard of the embedded XML");
  xmp += declared_property("ConformanceLevel", "The conformance level of the embedded XML");
  xmp +=
      "       </rdf:Seq>\n"
      "      </pdfaSchema:property>\n"
      "     </rdf:li>\n"
      "    </rdf:Bag>\n"
      "   </pdfaExtension:schemas>\n"
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\" xmlns:fx=\"";
  xmp += k_fx_namespace;
  xmp += "\">\n   <fx:DocumentType>INVOICE</fx:DocumentType>\n";
  xmp +=
      std::string("   <fx:DocumentFileName>") + k_factur_x_file_name + "</fx:DocumentFileName>\n";
  xmp +=
      "   <fx:Version>1.0</fx:Version>\n"
      "   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>\n"
      "  </rdf:Description>\n"
      " </rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"w\"?>";
  return xmp;
}

bool make_factur_x(QPDF& pdf, const FacturX& invoice, const DocumentInfo& info,
                   std::string* error) {
  std::string profile;
  if (!read_file(k_srgb_profile, &profile)) {
    if (error) {
      *error = std::string("cannot read the sRGB colour profile ") + k_srgb_profile +
               " that a Factur-X invoice's PDF/A output intent needs (Debian package "
               "icc-profiles-free)";
    }
    return false;
  }
  QPDFObjectHandle root = pdf.getRoot();

  QPDFEFStreamObjectHelper stream = QPDFEFStreamObjectHelper::createEFStream(pdf, invoice.xml);
  stream.setSubtype("text/xml");
  if (info.epoch_seconds) stream.setModDate(pdf_date(*info.epoch_seconds));
  QPDFFileSpecObjectHelper file =
      QPDFFileSpecObjectHelper::createFileSpec(pdf, k_factur_x_file_name, stream);
  file.setDescription("Factur-X invoice (EN 16931)");
  QPDFObjectHandle spec = file.getObjectHandle();
  if (!spec.isIndirect()) spec = pdf.makeIndirectObject(spec);
  spec.replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Alternative"));
  QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile(k_factur_x_file_name,
                                                          QPDFFileSpecObjectHelper(spec));
  root.replaceKey("/AF", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{spec}));

  root.replaceKey(
      "/OutputIntents",
      QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{srgb_output_intent(pdf, profile)}));

  QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, factur_x_xmp(info));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  root.replaceKey("/Metadata", metadata);
  return true;
}

}  // namespace partnerops::render
