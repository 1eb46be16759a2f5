#include "yaml/binary.hpp"

#include <cstdint>

namespace partnerops::yaml {

namespace {

// Unsigned LEB128: small numbers (most positions, counts, indices) take one
// byte.
void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

void put_string(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out.append(text);
}

void put_position(std::string& out, Position position) {
  put_varint(out, zigzag(position.line));
  put_varint(out, zigzag(position.column));
}

constexpr unsigned k_kind_bits = 0x07;
constexpr unsigned k_quoted_bit = 0x08;
constexpr unsigned k_boolean_bit = 0x10;

/// Reads the form back; every read checks the bounds and sets m_ok to false
/// instead of reading past the end.
class Input {
 public:
  explicit Input(std::string_view bytes) : m_bytes(bytes) {}
  bool ok() const { return m_ok; }
  bool at_end() const { return m_at == m_bytes.size(); }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_at >= m_bytes.size()) return fail();
      const auto byte = static_cast<unsigned char>(m_bytes[m_at++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return fail();
  }

  unsigned char byte() {
    if (m_at >= m_bytes.size()) return static_cast<unsigned char>(fail());
    return static_cast<unsigned char>(m_bytes[m_at++]);
  }

  std::string_view string() {
    const std::uint64_t size = varint();
    if (!m_ok || size > m_bytes.size() - m_at) return fail(), std::string_view();
    const std::string_view text = m_bytes.substr(m_at, size);
    m_at += size;
    return text;
  }

  int small_int() {
    const std::int64_t value = unzigzag(varint());
    if (value < INT32_MIN || value > INT32_MAX) return static_cast<int>(fail());
    return static_cast<int>(value);
  }

  Position position() {
    Position position;
    position.line = small_int();
    position.column = small_int();
    return position;
  }

  /// An index below `count`, or fails.
  std::size_t index(std::size_t count) {
    const std::uint64_t value = varint();
    if (value >= count) return fail();
    return static_cast<std::size_t>(value);
  }

 private:
  std::uint64_t fail() {
    m_ok = false;
    m_at = m_bytes.size();
    return 0;
  }

  std::string_view m_bytes;
  std::size_t m_at = 0;
  bool m_ok = true;
};

}  // namespace

/// The friend of Node and Document that writes and reads their private
/// fields.
class BinaryCodec {
 public:
  static void encode(const Document& document, std::string& out) {
    auto index_of = [&document](const Node* node) {
      return static_cast<std::size_t>(node - document.m_nodes.data());
    };
    put_varint(out, document.m_nodes.size());
    put_varint(out, document.m_items.size());
    put_varint(out, document.m_entries.size());
    put_varint(out, index_of(document.m_root));
    const std::vector<std::uint32_t> expanded = expanded_sizes(document);
    for (const Node& node : document.m_nodes) {
      unsigned flags = static_cast<unsigned>(node.m_kind);
      if (node.m_quoted) flags |= k_quoted_bit;
      if (node.m_boolean) flags |= k_boolean_bit;
      out.push_back(static_cast<char>(flags));
      put_position(out, node.m_position);
      put_varint(out, expanded[index_of(&node)]);
      put_string(out, node.text());
      switch (node.m_kind) {
        case Kind::integer:
          put_varint(out, zigzag(node.m_integer));
          break;
        case Kind::sequence:
          put_varint(out, node.m_size);
          for (const Node* item : node.items()) put_varint(out, index_of(item));
          break;
        case Kind::mapping:
          put_varint(out, node.m_size);
          for (const Entry& entry : node.entries()) {
            put_string(out, entry.key);
            put_position(out, entry.key_position);
            put_varint(out, index_of(entry.value));
          }
          break;
        default:
          break;
      }
    }
  }

  static std::unique_ptr<Document> decode(std::string path, std::string_view bytes,
                                          std::shared_ptr<const void> owner) {
    Input in(bytes);
    // Every node takes at least five bytes, every item one and every entry
    // four, which bounds what damaged counts can make us allocate.
    const std::uint64_t count = in.varint();
    const std::uint64_t items = in.varint();
    const std::uint64_t entries = in.varint();
    if (!in.ok() || count == 0 || count > bytes.size() / 5 || items > bytes.size() ||
        entries > bytes.size() / 4)
      return nullptr;
    const std::size_t root = in.index(count);
    auto document = std::make_unique<Document>();
    document->m_path = std::move(path);
    // The texts are read where they lie in `bytes`, which `owner` keeps.
    document->m_borrowed = std::move(owner);
    std::vector<Node>& nodes = document->m_nodes;
    nodes.resize(count);
    std::vector<std::uint32_t> expanded(count);
    // Reserved exactly and never grown past (checked below), so the runs
    // the nodes point at never move.
    document->m_items.reserve(items);
    document->m_entries.reserve(entries);
    for (std::size_t n = 0; n < count; ++n) {
      Node& node = nodes[n];
      const unsigned flags = in.byte();
      const unsigned kind = flags & k_kind_bits;
      if (kind > static_cast<unsigned>(Kind::mapping) ||
          (flags & ~(k_kind_bits | k_quoted_bit | k_boolean_bit)) != 0)
        return nullptr;
      node.m_kind = static_cast<Kind>(kind);
      node.m_quoted = (flags & k_quoted_bit) != 0;
      node.m_boolean = (flags & k_boolean_bit) != 0;
      node.m_position = in.position();
      const std::uint64_t size = in.varint();
      if (size > UINT32_MAX) return nullptr;
      expanded[n] = static_cast<std::uint32_t>(size);
      const std::string_view text = in.string();
      node.m_text = text.empty() ? "" : text.data();
      node.m_size = static_cast<std::uint32_t>(text.size());
      switch (node.m_kind) {
        case Kind::integer:
          node.m_integer = unzigzag(in.varint());
          break;
        case Kind::sequence: {
          std::vector<const Node*>& pool = document->m_items;
          const std::uint64_t size = in.varint();
          if (size > items - pool.size() || !text.empty()) return nullptr;
          node.m_size = static_cast<std::uint32_t>(size);
          node.m_items = pool.data() + pool.size();
          for (std::uint64_t i = 0; i < size && in.ok(); ++i)
            pool.push_back(&nodes[in.index(count)]);
          break;
        }
        case Kind::mapping: {
          std::vector<Entry>& pool = document->m_entries;
          const std::uint64_t size = in.varint();
          if (size > entries - pool.size() || !text.empty()) return nullptr;
          node.m_size = static_cast<std::uint32_t>(size);
          node.m_entries = pool.data() + pool.size();
          for (std::uint64_t i = 0; i < size && in.ok(); ++i) {
            Entry& entry = pool.emplace_back();
            entry.key = in.string();
            entry.key_position = in.position();
            entry.value = &nodes[in.index(count)];
          }
          break;
        }
        default:
          break;
      }
      if (!in.ok()) return nullptr;
    }
    if (!in.at_end() || document->m_items.size() != items || document->m_entries.size() != entries)
      return nullptr;
    document->m_root = &nodes[root];
    if (!sizes_add_up(nodes, expanded)) return nullptr;
    return document;
  }

 private:
  /// The number of nodes each node's subtree holds with aliases expanded,
  /// by node index (the parser bounded them; the form records them).
  static std::vector<std::uint32_t> expanded_sizes(const Document& document) {
    const Node* base = document.m_nodes.data();
    std::vector<std::uint32_t> sizes(document.m_nodes.size(), 0);
    // Depth-first, children before parents; a node shared through aliases
    // is counted once and its size reused. Depth is bounded by the parser.
    auto size_of = [&](auto& self, const Node& node) -> std::uint32_t {
      std::uint32_t& size = sizes[&node - base];
      if (size != 0) return size;
      std::uint32_t sum = 1;
      for (const Node* item : node.items()) sum += self(self, *item);
      for (const Entry& entry : node.entries()) sum += self(self, *entry.value);
      return size = sum;
    };
    for (const Node& node : document.m_nodes) size_of(size_of, node);
    return sizes;
  }

  /// True when every collection's expanded size is one more than the sum of
  /// its children's, as the parser computes it. Sizes are finite, so a node
  /// is then strictly larger than each child and no node can contain itself:
  /// this is what rules out the cycles a damaged form could describe.
  static bool sizes_add_up(const std::vector<Node>& nodes,
                           const std::vector<std::uint32_t>& expanded) {
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      const Node& node = nodes[n];
      const std::size_t total = expanded[n];
      std::size_t sum = 1;
      auto add = [&](const Node* child) {
        const std::size_t size = expanded[child - nodes.data()];
        if (size == 0 || size > total - sum) return false;
        sum += size;
        return true;
      };
      if (total == 0) return false;
      for (const Node* item : node.items())
        if (!add(item)) return false;
      for (const Entry& entry : node.entries())
        if (!add(entry.value)) return false;
      if (sum != total) return false;
    }
    return true;
  }
};

void encode(const Document& document, std::string& out) { BinaryCodec::encode(document, out); }

std::unique_ptr<Document> decode(std::string path, std::string_view bytes,
                                 std::shared_ptr<const void> owner) {
  return BinaryCodec::decode(std::move(path), bytes, std::move(owner));
}

EncodedDocument EncodedDocument::of(const Document& document) {
  auto bytes = std::make_shared<std::string>();
  encode(document, *bytes);
  const std::string_view view = *bytes;
  return EncodedDocument(view, std::move(bytes));
}

std::unique_ptr<Document> EncodedDocument::decode(std::string path) const {
  if (m_bytes.empty()) return nullptr;
  return BinaryCodec::decode(std::move(path), m_bytes, m_owner);
}

}  // namespace partnerops::yaml
