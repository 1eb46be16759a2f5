#pragma once
// A compact binary form of a parsed YAML document, so a file that has not
// changed since it was last parsed and checked can be rebuilt without
// running yaml-cpp again (model/parse_cache keeps these forms on disk).
//
// The form holds the counts of nodes, items and entries, then
// every node with its kind, text, position and the size it expands to, and
// the links between nodes by index, so aliases stay shared as they were
// parsed. Knowing the counts, decoding allocates three arrays, whatever the
// size of the document, and reads the texts where they lie in the form. The document's path is not
// part of it: the same bytes under another name decode to the same tree under that name.

#include <memory>
#include <string>
#include <string_view>

#include "yaml/node.hpp"

namespace partnerops::yaml {

/// A document kept in its binary form, less than half the memory of its
/// tree (47 MB against 100 MB for ten thousand partners' files), so a whole
/// organisation is held at once and its trees decoded one at a time, when
/// asked for.
class EncodedDocument {
 public:
  EncodedDocument() = default;
  /// The form of `document`, in bytes of its own.
  static EncodedDocument of(const Document& document);
  /// A form that lies in `bytes`, which `owner` keeps alive (the mapped
  /// parse cache).
  EncodedDocument(std::string_view bytes, std::shared_ptr<const void> owner)
      : m_bytes(bytes), m_owner(std::move(owner)) {}

  bool empty() const { return m_bytes.empty(); }
  std::string_view bytes() const { return m_bytes; }
  /// The tree, named `path`, or nullptr when the bytes are not a form (see
  /// decode() below). Its texts point into the form, which it keeps alive.
  std::unique_ptr<Document> decode(std::string path) const;

 private:
  std::string_view m_bytes;
  std::shared_ptr<const void> m_owner;
};

/// Appends the binary form of `document` to `out`.
void encode(const Document& document, std::string& out);

/// Rebuilds the document that encode() wrote into `bytes`, naming it `path`.
/// The document's texts are not copied: they point into `bytes`, which must
/// outlive it; the document keeps `owner` (when given) to that end.
/// Returns nullptr when the bytes are not such a form (truncated, an index
/// out of range, a node that contains itself); never reads outside `bytes`.
std::unique_ptr<Document> decode(std::string path, std::string_view bytes,
                                 std::shared_ptr<const void> owner = nullptr);

}  // namespace partnerops::yaml
