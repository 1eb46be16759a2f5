// A Factur-X invoice is a PDF/A-3b file that carries its XML: read back here
// with qpdf (the file's objects) and poppler's pdfdetach, pdfinfo and
// pdffonts (what a reader sees).

#include "render/factur_x.hpp"

#include <gtest/gtest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <regex>
#include <sstream>

#include "render/pdf_finish.hpp"
#include "render/print_pdf.hpp"
#include "render_support.hpp"

namespace partnerops::render {
namespace {

using testing::engine;
using testing::pdf_info;
using testing::run;
using testing::TempDir;
using testing::write_file;

constexpr char k_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:CrossIndustryInvoice "
    "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>\n";

std::string invoice_html() {
  return "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { font-family: "
         "'DejaVu Sans'; font-size: 11pt } }</style></head><body>"
         "<h1>Invoice INV-2026-0042</h1><p>Amount due: € 1,250.00</p>"
         "<p><a href='https://example.org/pay'>Pay online</a></p></body></html>";
}

FinishOptions factur_x_options() {
  FinishOptions options;
  options.title = "Invoice INV-2026-0042";
  options.footer_title = "Invoice";
  options.number = "INV-2026-0042";
  options.author = "Example Collective & Co";
  options.subject = "Invoice for acme";
  options.keywords = "partnerops, invoice, acme";
  options.source_commit = "0123456789abcdef0123456789abcdef01234567";
  options.input_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  options.epoch_seconds = 1767225600;  // 2026-01-01 00:00:00 UTC
  options.factur_x = FacturX{k_xml};
  return options;
}

std::string print_or_fail(const FinishOptions& options) {
  std::string error;
  const std::optional<std::string> pdf = print_pdf(engine(), invoice_html(), options, &error);
  if (!pdf) ADD_FAILURE() << error;
  return pdf.value_or("");
}

struct Parsed {
  explicit Parsed(const std::string& bytes) : bytes(bytes) {
    pdf.processMemoryFile("test", this->bytes.data(), this->bytes.size());
  }
  std::string bytes;
  QPDF pdf;
};

std::string stream_text(QPDFObjectHandle stream) {
  std::shared_ptr<Buffer> data = stream.getStreamData();
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

/// The text of one XMP property, e.g. `pdfaid:part`, or "" when absent.
std::string xmp_value(const std::string& xmp, const std::string& name) {
  const std::regex pattern("<" + name + ">(?:<rdf:(?:Alt|Seq)><rdf:li[^>]*>)?([^<]*)<");
  std::smatch match;
  return std::regex_search(xmp, match, pattern) ? match[1].str() : std::string();
}

TEST(FacturX, EmbedsTheXmlAsTheAlternativeAssociatedFile) {
  Parsed parsed(print_or_fail(factur_x_options()));
  QPDFObjectHandle root = parsed.pdf.getRoot();
  QPDFObjectHandle af = root.getKey("/AF");
  ASSERT_TRUE(af.isArray());
  ASSERT_EQ(af.getArrayNItems(), 1);
  QPDFObjectHandle spec = af.getArrayItem(0);
  EXPECT_TRUE(spec.isIndirect());
  EXPECT_EQ(spec.getKey("/Type").getName(), "/Filespec");
  EXPECT_EQ(spec.getKey("/F").getUTF8Value(), "factur-x.xml");
  EXPECT_EQ(spec.getKey("/UF").getUTF8Value(), "factur-x.xml");
  EXPECT_EQ(spec.getKey("/AFRelationship").getName(), "/Alternative");
  QPDFObjectHandle file = spec.getKey("/EF").getKey("/F");
  EXPECT_EQ(file.getDict().getKey("/Type").getName(), "/EmbeddedFile");
  EXPECT_EQ(file.getDict().getKey("/Subtype").getName(), "/text/xml");
  EXPECT_EQ(file.getDict().getKey("/Params").getKey("/ModDate").getUTF8Value(),
            "D:20260101000000Z");
  EXPECT_EQ(stream_text(file), k_xml);
  // The name tree lists the same file specification, so readers that look
  // for attachments find it too.
  QPDFObjectHandle names = root.getKey("/Names").getKey("/EmbeddedFiles").getKey("/Names");
  ASSERT_TRUE(names.isArray());
  ASSERT_EQ(names.getArrayNItems(), 2);
  EXPECT_EQ(names.getArrayItem(0).getUTF8Value(), "factur-x.xml");
  EXPECT_EQ(names.getArrayItem(1).getObjGen(), spec.getObjGen());
}

TEST(FacturX, PopplerFindsTheAttachmentAndTheVersion) {
  const std::string pdf = print_or_fail(factur_x_options());
  TempDir dir;
  write_file(dir.path() / "invoice.pdf", pdf);
  const std::string file = (dir.path() / "invoice.pdf").string();
  EXPECT_EQ(run("pdfdetach -list '" + file + "'"), "1 embedded files\n1: factur-x.xml\n");
  EXPECT_EQ(run("pdfdetach -save 1 -o /dev/stdout '" + file + "'"), k_xml);
  const std::string info = pdf_info(pdf);
  EXPECT_NE(info.find("PDF version:     1.7\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Metadata Stream: yes\n"), std::string::npos) << info;
  // Every font embedded: pdffonts's "emb" column says yes on every line.
  const std::string fonts = run("pdffonts '" + file + "'");
  const std::size_t emb = fonts.find(" emb ") + 1;
  ASSERT_NE(emb, 0u) << fonts;
  std::istringstream lines(fonts);
  std::string line;
  std::getline(lines, line);  // the header
  std::getline(lines, line);  // its underline
  int count = 0;
  for (; std::getline(lines, line); ++count) EXPECT_EQ(line.substr(emb, 3), "yes") << line;
  EXPECT_GT(count, 0) << fonts;
}

TEST(FacturX, DeclaresTheSrgbOutputIntentFromDebiansProfile) {
  Parsed parsed(print_or_fail(factur_x_options()));
  QPDFObjectHandle intents = parsed.pdf.getRoot().getKey("/OutputIntents");
  ASSERT_TRUE(intents.isArray());
  ASSERT_EQ(intents.getArrayNItems(), 1);
  QPDFObjectHandle intent = intents.getArrayItem(0);
  EXPECT_EQ(intent.getKey("/S").getName(), "/GTS_PDFA1");
  EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "sRGB IEC61966-2.1");
  QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
  EXPECT_EQ(profile.getDict().getKey("/N").getIntValue(), 3);
  EXPECT_EQ(stream_text(profile), testing::read_file(k_srgb_profile));
}

TEST(FacturX, TheXmpDeclaresPdfA3bAndFacturXAndRepeatsTheInfoDictionary) {
  Parsed parsed(print_or_fail(factur_x_options()));
  QPDFObjectHandle metadata = parsed.pdf.getRoot().getKey("/Metadata");
  ASSERT_TRUE(metadata.isStream());
  EXPECT_EQ(metadata.getDict().getKey("/Subtype").getName(), "/XML");
  // PDF/A: the packet is readable without decoding.
  EXPECT_FALSE(metadata.getDict().hasKey("/Filter"));
  const std::string xmp = stream_text(metadata);
  EXPECT_EQ(xmp_value(xmp, "pdfaid:part"), "3");
  EXPECT_EQ(xmp_value(xmp, "pdfaid:conformance"), "B");
  EXPECT_EQ(xmp_value(xmp, "fx:DocumentType"), "INVOICE");
  EXPECT_EQ(xmp_value(xmp, "fx:DocumentFileName"), "factur-x.xml");
  EXPECT_EQ(xmp_value(xmp, "fx:Version"), "1.0");
  EXPECT_EQ(xmp_value(xmp, "fx:ConformanceLevel"), "EN 16931");
  EXPECT_NE(xmp.find("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:"
                     "1p0#</pdfaSchema:namespaceURI>"),
            std::string::npos);
  for (const char* property : {"DocumentFileName", "DocumentType", "Version", "ConformanceLevel"})
    EXPECT_NE(xmp.find(std::string("<pdfaProperty:name>") + property), std::string::npos);

  QPDFObjectHandle info = parsed.pdf.getTrailer().getKey("/Info");
  EXPECT_EQ(xmp_value(xmp, "dc:title"), info.getKey("/Title").getUTF8Value());
  EXPECT_EQ(xmp_value(xmp, "dc:creator"), "Example Collective &amp; Co");
  EXPECT_EQ(info.getKey("/Author").getUTF8Value(), "Example Collective & Co");
  EXPECT_EQ(xmp_value(xmp, "dc:description"), info.getKey("/Subject").getUTF8Value());
  EXPECT_EQ(xmp_value(xmp, "pdf:Keywords"), info.getKey("/Keywords").getUTF8Value());
  EXPECT_EQ(xmp_value(xmp, "pdf:Producer"), info.getKey("/Producer").getUTF8Value());
  EXPECT_EQ(xmp_value(xmp, "xmp:CreatorTool"), info.getKey("/Creator").getUTF8Value());
  EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20260101000000Z");
  EXPECT_EQ(xmp_value(xmp, "xmp:CreateDate"), "2026-01-01T00:00:00Z");
  EXPECT_EQ(xmp_value(xmp, "xmp:ModifyDate"), "2026-01-01T00:00:00Z");
}

TEST(FacturX, BuildingTwiceGivesTheSameBytes) {
  EXPECT_EQ(print_or_fail(factur_x_options()), print_or_fail(factur_x_options()));
}

TEST(FacturX, AnOrdinaryDocumentHasNoneOfIt) {
  FinishOptions plain = factur_x_options();
  plain.factur_x.reset();
  Parsed parsed(print_or_fail(plain));
  QPDFObjectHandle root = parsed.pdf.getRoot();
  EXPECT_FALSE(root.hasKey("/AF"));
  EXPECT_FALSE(root.hasKey("/Metadata"));
  EXPECT_FALSE(root.hasKey("/Names"));
}

}  // namespace
}  // namespace partnerops::render
