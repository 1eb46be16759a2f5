#include "einvoice/xml_writer.hpp"

#include <libxml/xmlwriter.h>

#include <stdexcept>

namespace partnerops::einvoice {

namespace {

const xmlChar* chars(const std::string& text) {
  return reinterpret_cast<const xmlChar*>(text.c_str());
}

/// libxml2 reports failures as negative counts; the only way one can fail
/// here is running out of memory, which nothing here can recover from.
void check(int result) {
  if (result < 0) throw std::runtime_error("libxml2 could not write the XML");
}

}  // namespace

struct XmlWriter::State {
  xmlBufferPtr buffer = nullptr;
  xmlTextWriterPtr writer = nullptr;
  ~State() {
    if (writer) xmlFreeTextWriter(writer);
    if (buffer) xmlBufferFree(buffer);
  }
};

XmlWriter::XmlWriter() : m_state(std::make_unique<State>()) {
  m_state->buffer = xmlBufferCreate();
  if (!m_state->buffer) throw std::runtime_error("libxml2 could not make a buffer");
  m_state->writer = xmlNewTextWriterMemory(m_state->buffer, 0);
  if (!m_state->writer) throw std::runtime_error("libxml2 could not make a writer");
  check(xmlTextWriterSetIndent(m_state->writer, 1));
  check(xmlTextWriterSetIndentString(m_state->writer, chars("  ")));
  check(xmlTextWriterStartDocument(m_state->writer, "1.0", "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() = default;

void XmlWriter::start(std::string_view name) {
  check(xmlTextWriterStartElement(m_state->writer, chars(std::string(name))));
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(m_state->writer, chars(std::string(name)),
                                    chars(std::string(value))));
}

void XmlWriter::text(std::string_view value) {
  check(xmlTextWriterWriteString(m_state->writer, chars(std::string(value))));
}

void XmlWriter::end() { check(xmlTextWriterEndElement(m_state->writer)); }

void XmlWriter::element(std::string_view name, std::string_view value) {
  start(name);
  text(value);
  end();
}

void XmlWriter::optional(std::string_view name, std::string_view value) {
  if (!value.empty()) element(name, value);
}

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(m_state->writer));
  check(xmlTextWriterFlush(m_state->writer));
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(m_state->buffer)),
                     static_cast<std::size_t>(xmlBufferLength(m_state->buffer)));
}

}  // namespace partnerops::einvoice
