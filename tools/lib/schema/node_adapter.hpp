#pragma once
// valijson reads a document through an adapter; this one reads the typed
// tree (yaml::Node) in place, so a file is validated without first being
// rebuilt as a JSON value. It shows valijson the values the tree stands for:
// an integer node is an integer, a floating node a double (yaml/floating),
// a string, boolean or null node itself, a sequence an array and a mapping
// an object.
//
// A mapping's members are visited in the order of their keys' bytes, not in
// source order: valijson names only the first key it cannot match to
// `properties` ("could not be validated ... 'x'"), and that name, like the
// order of every report, is part of the diagnostics users and tests see.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>
#include <vector>

#include "yaml/floating.hpp"
#include "yaml/node.hpp"

namespace partnerops {

class NodeAdapter;
class NodeArrayIterator;
class NodeMemberIterator;

using NodeMember = std::pair<std::string, NodeAdapter>;

/// A sequence's items, as valijson iterates an array.
class NodeArray {
 public:
  using const_iterator = NodeArrayIterator;
  using iterator = NodeArrayIterator;

  NodeArray() = default;
  explicit NodeArray(std::span<const yaml::Node* const> items) : m_items(items) {}

  NodeArrayIterator begin() const;
  NodeArrayIterator end() const;
  std::size_t size() const { return m_items.size(); }

 private:
  std::span<const yaml::Node* const> m_items;
};

/// A mapping's entries, in the order of their keys. Keys are unique (the
/// parser drops a repeated key), so each entry's successor is the entry with
/// the least greater key. A small mapping finds it by a scan, allocating
/// nothing; a large one sorts its entries once per walk.
class NodeObject {
 public:
  using const_iterator = NodeMemberIterator;
  using iterator = NodeMemberIterator;

  NodeObject() = default;
  explicit NodeObject(std::span<const yaml::Entry> entries) : m_entries(entries) {}

  NodeMemberIterator begin() const;
  NodeMemberIterator end() const;
  NodeMemberIterator find(const std::string& key) const;
  std::size_t size() const { return m_entries.size(); }

 private:
  std::span<const yaml::Entry> m_entries;
};

/// A value for comparisons that outlive the adapter (valijson freezes the
/// values of a schema's `enum` and `const`, and never the document's). It
/// points at the node, which lives as long as its document.
class NodeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit NodeFrozenValue(const yaml::Node* node) : m_node(node) {}
  FrozenValue* clone() const override { return new NodeFrozenValue(m_node); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override;

 private:
  const yaml::Node* m_node;
};

/// One node as the typed value valijson asks about. The default value is an
/// empty object, as in valijson's own adapters.
class NodeValue {
 public:
  NodeValue() = default;
  explicit NodeValue(const yaml::Node& node) : m_node(&node) {}

  valijson::adapters::FrozenValue* freeze() const { return new NodeFrozenValue(m_node); }

  std::optional<NodeArray> getArrayOptional() const {
    if (!isArray()) return {};
    return std::make_optional(NodeArray(m_node->items()));
  }
  bool getArraySize(std::size_t& result) const {
    if (!isArray()) return false;
    result = m_node->items().size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool()) return false;
    result = m_node->boolean();
    return true;
  }
  bool getDouble(double& result) const {
    if (!isDouble()) return false;
    result = yaml::floating_value(*m_node);
    return true;
  }
  bool getInteger(std::int64_t& result) const {
    if (!isInteger()) return false;
    result = m_node->integer();
    return true;
  }
  std::optional<NodeObject> getObjectOptional() const {
    if (!isObject()) return {};
    return std::make_optional(m_node ? NodeObject(m_node->entries()) : NodeObject());
  }
  bool getObjectSize(std::size_t& result) const {
    if (!isObject()) return false;
    result = m_node ? m_node->entries().size() : 0;
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) return false;
    result.assign(m_node->text());
    return true;
  }

  static bool hasStrictTypes() { return true; }

  bool isArray() const { return kind() == yaml::Kind::sequence; }
  bool isBool() const { return kind() == yaml::Kind::boolean; }
  bool isDouble() const { return kind() == yaml::Kind::floating; }
  bool isInteger() const { return kind() == yaml::Kind::integer; }
  bool isNull() const { return kind() == yaml::Kind::null; }
  bool isNumber() const { return isInteger() || isDouble(); }
  bool isObject() const { return kind() == yaml::Kind::mapping; }
  bool isString() const { return kind() == yaml::Kind::string; }

 private:
  yaml::Kind kind() const { return m_node ? m_node->kind() : yaml::Kind::mapping; }

  const yaml::Node* m_node = nullptr;  // nullptr: the empty object
};

class NodeAdapter : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeMember,
                                                            NodeObject, NodeValue> {
 public:
  NodeAdapter() = default;
  explicit NodeAdapter(const yaml::Node& node) : BasicAdapter(NodeValue(node)) {}
};

class NodeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;

  explicit NodeArrayIterator(const yaml::Node* const* at) : m_at(at) {}

  NodeAdapter operator*() const { return NodeAdapter(**m_at); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeArrayIterator& other) const { return m_at == other.m_at; }
  bool operator!=(const NodeArrayIterator& other) const { return m_at != other.m_at; }
  NodeArrayIterator& operator++() {
    ++m_at;
    return *this;
  }
  NodeArrayIterator operator++(int) {
    NodeArrayIterator before = *this;
    ++m_at;
    return before;
  }
  NodeArrayIterator& operator--() {
    --m_at;
    return *this;
  }
  void advance(std::ptrdiff_t n) { m_at += n; }

 private:
  const yaml::Node* const* m_at;
};

class NodeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeMember;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeMember*;
  using reference = NodeMember&;

  /// Mappings up to this size find each next key by a scan.
  static constexpr std::size_t k_scanned = 16;

  /// `at` is an entry of `entries`, or nullptr for the end.
  NodeMemberIterator(std::span<const yaml::Entry> entries, const yaml::Entry* at)
      : m_entries(entries), m_at(at) {}

  /// The entry with the least key, or the end.
  static NodeMemberIterator first(std::span<const yaml::Entry> entries) {
    NodeMemberIterator it(entries, nullptr);
    if (entries.size() > k_scanned) {
      auto sorted = std::make_shared<std::vector<const yaml::Entry*>>();
      sorted->reserve(entries.size());
      for (const yaml::Entry& entry : entries) sorted->push_back(&entry);
      std::sort(sorted->begin(), sorted->end(),
                [](const yaml::Entry* a, const yaml::Entry* b) { return a->key < b->key; });
      it.m_sorted = std::move(sorted);
      it.m_at = it.m_sorted->front();
      it.m_rank = 0;
      return it;
    }
    for (const yaml::Entry& entry : entries)
      if (!it.m_at || entry.key < it.m_at->key) it.m_at = &entry;
    return it;
  }

  NodeMember operator*() const {
    return NodeMember(std::string(m_at->key), NodeAdapter(*m_at->value));
  }
  valijson::adapters::DerefProxy<NodeMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeMember>(**this);
  }
  bool operator==(const NodeMemberIterator& other) const { return m_at == other.m_at; }
  bool operator!=(const NodeMemberIterator& other) const { return m_at != other.m_at; }

  NodeMemberIterator& operator++() {
    if (m_sorted) {
      ++m_rank;
      m_at = m_rank < m_sorted->size() ? (*m_sorted)[m_rank] : nullptr;
      return *this;
    }
    const yaml::Entry* next = nullptr;
    for (const yaml::Entry& entry : m_entries) {
      if (entry.key > m_at->key && (!next || entry.key < next->key)) next = &entry;
    }
    m_at = next;
    return *this;
  }
  NodeMemberIterator operator++(int) {
    NodeMemberIterator before = *this;
    ++*this;
    return before;
  }
  /// Steps back; from the end, to the entry with the greatest key.
  NodeMemberIterator& operator--() {
    if (m_sorted) {
      m_rank = m_at ? m_rank - 1 : m_sorted->size() - 1;
      m_at = (*m_sorted)[m_rank];
      return *this;
    }
    const yaml::Entry* previous = nullptr;
    for (const yaml::Entry& entry : m_entries) {
      if ((!m_at || entry.key < m_at->key) && (!previous || entry.key > previous->key))
        previous = &entry;
    }
    m_at = previous;
    return *this;
  }

 private:
  std::span<const yaml::Entry> m_entries;
  const yaml::Entry* m_at;
  // The entries in key order, for a mapping larger than k_scanned, with
  // m_at's place in it.
  std::shared_ptr<const std::vector<const yaml::Entry*>> m_sorted;
  std::size_t m_rank = 0;
};

inline NodeArrayIterator NodeArray::begin() const { return NodeArrayIterator(m_items.data()); }
inline NodeArrayIterator NodeArray::end() const {
  return NodeArrayIterator(m_items.data() + m_items.size());
}

inline NodeMemberIterator NodeObject::begin() const { return NodeMemberIterator::first(m_entries); }
inline NodeMemberIterator NodeObject::end() const { return NodeMemberIterator(m_entries, nullptr); }
inline NodeMemberIterator NodeObject::find(const std::string& key) const {
  for (const yaml::Entry& entry : m_entries)
    if (entry.key == key) return NodeMemberIterator(m_entries, &entry);
  return end();
}

inline bool NodeFrozenValue::equalTo(const valijson::adapters::Adapter& other, bool strict) const {
  return (m_node ? NodeAdapter(*m_node) : NodeAdapter()).equalTo(other, strict);
}

}  // namespace partnerops

template <>
struct valijson::adapters::AdapterTraits<partnerops::NodeAdapter> {
  using DocumentType = partnerops::yaml::Node;
  static std::string adapterName() { return "NodeAdapter"; }
};
