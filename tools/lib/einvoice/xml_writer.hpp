#pragma once
// A small C++ face on libxml2's text writer, for the e-invoice syntaxes:
// nested elements, attributes and escaped text, written as indented UTF-8.
// libxml2 does the escaping and the encoding; nothing here builds markup
// from strings.

#include <memory>
#include <string>
#include <string_view>

namespace partnerops::einvoice {

class XmlWriter {
 public:
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(std::string_view name);
  void attribute(std::string_view name, std::string_view value);
  void text(std::string_view value);
  void end();
  /// <name>value</name>.
  void element(std::string_view name, std::string_view value);
  /// element() only when `value` is not empty: optional business terms.
  void optional(std::string_view name, std::string_view value);

  /// Ends every open element and the document; the bytes written.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace partnerops::einvoice
