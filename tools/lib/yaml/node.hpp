#pragma once
// A YAML document as a typed tree that remembers where every node came from.
//
// yaml-cpp's own YAML::Node keeps positions but types every scalar as a
// string, and it shares aliased nodes in ways a naive walk expands without
// bound. This tree is built from yaml-cpp's parser events instead: scalars are
// resolved by the YAML 1.2 core schema (plain `42` is an integer, `true` a
// boolean, quoted "42" a string, a plain `2026-11-22` a string), every node and
// mapping key keeps its line and column, and aliases point at the anchored node
// (no copies) after the parser has checked that expanding them stays small.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace partnerops::yaml {

enum class Kind : std::uint8_t { null, boolean, integer, floating, string, sequence, mapping };

std::string_view to_string(Kind kind);

class Node;

/// One `key: value` pair of a mapping, in source order. The key's text
/// belongs to the document, like every text of its nodes.
struct Entry {
  std::string_view key;
  Position key_position;
  const Node* value = nullptr;
};

/// One value of a document. Thirty-two bytes: a loaded organisation holds
/// millions of them, so texts, items and entries live in arrays owned by the
/// Document and a node points into them.
class Node {
 public:
  Kind kind() const { return m_kind; }
  Position position() const { return m_position; }

  bool is_null() const { return m_kind == Kind::null; }
  bool is_scalar() const { return m_kind != Kind::sequence && m_kind != Kind::mapping; }
  bool is_string() const { return m_kind == Kind::string; }
  bool is_mapping() const { return m_kind == Kind::mapping; }
  bool is_sequence() const { return m_kind == Kind::sequence; }

  /// The scalar's text as written (after unquoting and unescaping), for every
  /// scalar kind: `1234.50` keeps its digits, so money never goes through a
  /// double. Empty for collections. Valid while the document lives.
  std::string_view text() const {
    if (m_kind == Kind::sequence || m_kind == Kind::mapping) return {};
    return {m_text, m_size};
  }
  /// True when the scalar was quoted or a block scalar (`|`, `>`).
  bool quoted() const { return m_quoted; }

  bool boolean() const { return m_boolean; }
  std::int64_t integer() const { return m_kind == Kind::integer ? m_integer : 0; }

  /// Items of a sequence, in order; empty for other kinds.
  std::span<const Node* const> items() const {
    if (m_kind != Kind::sequence) return {};
    return {m_items, m_size};
  }
  /// Entries of a mapping, in source order; empty for other kinds.
  std::span<const Entry> entries() const {
    if (m_kind != Kind::mapping) return {};
    return {m_entries, m_size};
  }

  /// The value of `key` in a mapping, or nullptr when absent or not a mapping.
  const Node* find(std::string_view key) const;
  /// The entry of `key` (for the key's own position), or nullptr.
  const Entry* find_entry(std::string_view key) const;

 private:
  friend class DocumentBuilder;
  friend class BinaryCodec;
  const char* m_text = "";
  union {
    std::int64_t m_integer = 0;  // Kind::integer
    const Node* const* m_items;  // Kind::sequence
    const Entry* m_entries;      // Kind::mapping
  };
  Position m_position;
  std::uint32_t m_size = 0;  // the text's bytes, or the collection's items or entries
  Kind m_kind = Kind::null;
  bool m_quoted = false;
  bool m_boolean = false;
};

static_assert(sizeof(Node) == 32, "a loaded organisation holds millions of nodes");

struct ParseLimits;

/// A parsed file. Owns its nodes and their texts; node pointers and texts
/// stay valid while it lives. Never copied or moved (it is handed out by
/// unique_ptr), since its nodes point into its own arrays.
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& path() const { return m_path; }
  /// The top node; a null node for an empty file.
  const Node& root() const { return *m_root; }

  /// Follows a JSON-pointer-like path of keys and indices from the root and
  /// returns the deepest node reached, so a problem reported for a path
  /// (by the schema validator) lands on a real line even when the last step
  /// names a missing key.
  const Node& deepest(const std::vector<std::string>& path) const;

 private:
  friend class DocumentBuilder;
  friend class BinaryCodec;
  friend std::unique_ptr<Document> parse(std::string, std::string_view, Diagnostics&,
                                         const ParseLimits&);
  std::string m_path;
  std::vector<Node> m_nodes;               // only the values: mapping keys are entries' texts
  std::vector<const Node*> m_items;        // every sequence's items, one run per sequence
  std::vector<Entry> m_entries;            // every mapping's entries, one run per mapping
  std::vector<char> m_texts;               // the texts of a parsed document
  std::shared_ptr<const void> m_borrowed;  // what a decoded document's texts point into
  const Node* m_root = nullptr;
};

/// Limits that keep hostile input from exhausting time or memory.
struct ParseLimits {
  std::size_t max_bytes = 1 << 20;          ///< larger files are refused unparsed
  std::size_t max_expanded_nodes = 100000;  ///< nodes after expanding aliases
  int max_depth = 200;                      ///< nesting of collections
};

/// Parses `text` (the content of `path`) into a Document. On failure returns
/// nullptr and appends the reasons (syntax errors with line and column,
/// invalid UTF-8, duplicate keys, limits exceeded) to `diagnostics`. Duplicate
/// keys are reported but do not stop parsing (the first value wins).
std::unique_ptr<Document> parse(std::string path, std::string_view text, Diagnostics& diagnostics,
                                const ParseLimits& limits = {});

}  // namespace partnerops::yaml
