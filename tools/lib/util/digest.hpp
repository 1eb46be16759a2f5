#pragma once
// SHA-256 digests and base64 for the rendering pipeline: input hashes decide
// whether a PDF must be rebuilt, and logos travel inside the HTML as data:
// URLs. GLib's implementations (already linked through GMime) are used, so
// nothing outside the PDF engine module needs Qt for them.

#include <memory>
#include <string>
#include <string_view>

namespace partnerops::util {

/// A SHA-256 digest fed in pieces.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void add(std::string_view bytes);
  /// The digest of everything added, as 64 lowercase hexadecimal digits.
  /// Nothing may be added afterwards.
  std::string hex();

 private:
  struct Handle;
  std::unique_ptr<Handle> m_handle;
};

/// `bytes` in base64 (RFC 4648 alphabet, with padding, no line breaks).
std::string base64(std::string_view bytes);

}  // namespace partnerops::util
