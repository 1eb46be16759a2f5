#include "schema/node_adapter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <vector>

#include "yaml/to_json.hpp"

namespace partnerops {
namespace {

using valijson::adapters::Adapter;
using valijson::adapters::NlohmannJsonAdapter;

std::unique_ptr<yaml::Document> parse(std::string_view text) {
  Diagnostics diagnostics;
  auto document = yaml::parse("t.yaml", text, diagnostics);
  EXPECT_TRUE(document) << (diagnostics.empty() ? "" : diagnostics.items()[0].message);
  return document;
}

/// Asserts that valijson sees `ours` (over the tree) exactly as `theirs`
/// (over the tree converted to JSON), at this value and everything below.
void expect_same(const NodeAdapter& ours, const NlohmannJsonAdapter& theirs,
                 const std::string& where) {
  SCOPED_TRACE(where);
  ASSERT_EQ(ours.isNull(), theirs.isNull());
  ASSERT_EQ(ours.isBool(), theirs.isBool());
  ASSERT_EQ(ours.isInteger(), theirs.isInteger());
  ASSERT_EQ(ours.isDouble(), theirs.isDouble());
  ASSERT_EQ(ours.isNumber(), theirs.isNumber());
  ASSERT_EQ(ours.isString(), theirs.isString());
  ASSERT_EQ(ours.isArray(), theirs.isArray());
  ASSERT_EQ(ours.isObject(), theirs.isObject());
  EXPECT_EQ(ours.maybeString(), theirs.maybeString());
  EXPECT_EQ(ours.maybeNull(), theirs.maybeNull());
  EXPECT_EQ(ours.maybeArray(), theirs.maybeArray());
  EXPECT_EQ(ours.maybeObject(), theirs.maybeObject());
  if (ours.isBool()) {
    EXPECT_EQ(ours.getBool(), theirs.getBool());
  }
  if (ours.isInteger()) {
    EXPECT_EQ(ours.getInteger(), theirs.getInteger());
  }
  if (ours.isDouble()) {
    const double a = ours.getDouble();
    const double b = theirs.getDouble();
    EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << a << " vs " << b;
  }
  if (ours.isString() || ours.isNull()) {
    EXPECT_EQ(ours.asString(), theirs.asString());
  }
  EXPECT_TRUE(ours.equalTo(theirs, true));
  EXPECT_TRUE(theirs.equalTo(ours, true));
  if (ours.isArray()) {
    ASSERT_EQ(ours.getArraySize(), theirs.getArraySize());
    auto mine = ours.getArray().begin();
    std::size_t index = 0;
    for (const NlohmannJsonAdapter item : theirs.getArray()) {
      expect_same(*mine, item, where + "[" + std::to_string(index++) + "]");
      ++mine;
    }
    EXPECT_TRUE(mine == ours.getArray().end());
  }
  if (ours.isObject()) {
    ASSERT_EQ(ours.getObjectSize(), theirs.getObjectSize());
    // Members in the same order, and each found by its key.
    std::vector<std::string> my_keys;
    for (const NodeMember member : ours.getObject()) my_keys.push_back(member.first);
    std::vector<std::string> their_keys;
    for (const auto member : theirs.getObject()) {
      their_keys.push_back(member.first);
      const auto found = ours.getObject().find(member.first);
      ASSERT_TRUE(found != ours.getObject().end()) << member.first;
      expect_same((*found).second, member.second, where + "." + member.first);
    }
    EXPECT_EQ(my_keys, their_keys);
    EXPECT_TRUE(ours.getObject().find("no such key") == ours.getObject().end());
  }
}

void expect_same_as_json(std::string_view text) {
  const auto document = parse(text);
  ASSERT_TRUE(document);
  const nlohmann::json json = yaml::to_json(document->root());
  expect_same(NodeAdapter(document->root()), NlohmannJsonAdapter(json), "<root>");
}

TEST(NodeAdapter, ScalarsAreTheValuesOfTheirJsonForm) {
  expect_same_as_json(
      "text: hello\nquoted_number: \"42\"\nnumber: 42\nnegative: -7\nhex: 0x1F\noctal: 0o17\n"
      "decimal: 1234.50\nexponent: 1e3\ninfinite: .inf\nnegative_infinite: -.Inf\n"
      "positive_infinite: +.INF\nnot_a_number: .nan\nhuge: 99999999999999999999\n"
      "yes: true\nno: False\nnothing:\ntilde: ~\nempty_text: ''\ndate: 2026-11-22\n"
      "block: |\n  two\n  lines\n");
}

TEST(NodeAdapter, CollectionsNestAndAliasesReadTheAnchoredValue) {
  expect_same_as_json(
      "list: [1, two, 3.5, [], {}]\nempty_list: []\nempty_map: {}\n"
      "shared: &anchor {b: [1, {c: d}], a: 2}\ncopy: *anchor\n"
      "nested:\n  - {z: 1, y: [x]}\n  - - deep\n");
  expect_same_as_json("- 1\n- [2, 3]\n");
  expect_same_as_json("just text\n");
  expect_same_as_json("");
}

TEST(NodeAdapter, MembersComeInTheOrderOfTheirKeysBytes) {
  // Short mappings are walked by a scan, long ones through a sorted copy;
  // both must give the byte order of the keys, as the JSON object does.
  std::string small = "zeta: 1\nalpha: 2\nMid: 3\n\"\": 4\n\"é\": 5\n_x: 6\n";
  expect_same_as_json(small);
  std::string large;
  for (int i = 40; i > 0; --i)
    large += "key" + std::to_string(i * 7 % 41) + ": " + std::to_string(i) + "\n";
  expect_same_as_json(large);
  const auto document = parse(large);
  ASSERT_TRUE(document);
  std::vector<std::string> keys;
  for (const NodeMember member : NodeAdapter(document->root()).getObject())
    keys.push_back(member.first);
  ASSERT_EQ(keys.size(), 40u);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST(NodeAdapter, StepsBackFromTheEndThroughTheKeys) {
  for (const char* text : {"b: 1\nc: 2\na: 3\n",
                           "k9: 0\nk3: 1\nk5: 2\nk1: 3\nk7: 4\nk2: 5\n"
                           "k8: 6\nk4: 7\nk6: 8\nk0: 9\nka: 0\nkb: 1\n"
                           "kc: 2\nkd: 3\nke: 4\nkf: 5\nkg: 6\nkh: 7\n"}) {
    const auto document = parse(text);
    ASSERT_TRUE(document);
    const NodeObject object = NodeAdapter(document->root()).getObject();
    std::vector<std::string> forward;
    for (auto it = object.begin(); it != object.end(); ++it) forward.push_back((*it).first);
    std::vector<std::string> backward;
    for (auto it = object.end(); it != object.begin();)
      backward.insert(backward.begin(), (*--it).first);
    EXPECT_EQ(forward, backward);
  }
}

TEST(NodeAdapter, AFrozenValueComparesLikeTheNode) {
  const auto document = parse("a: {x: [1, 2.5, text]}\nb: {x: [1, 2.5, text]}\nc: {x: [1]}\n");
  ASSERT_TRUE(document);
  const std::unique_ptr<valijson::adapters::FrozenValue> frozen(
      NodeAdapter(*document->root().find("a")).freeze());
  EXPECT_TRUE(frozen->equalTo(NodeAdapter(*document->root().find("b")), true));
  EXPECT_FALSE(frozen->equalTo(NodeAdapter(*document->root().find("c")), true));
  const std::unique_ptr<valijson::adapters::FrozenValue> copy(frozen->clone());
  EXPECT_TRUE(copy->equalTo(NodeAdapter(*document->root().find("a")), true));
}

TEST(NodeAdapter, TheDefaultValueIsAnEmptyObject) {
  const NodeAdapter empty;
  EXPECT_TRUE(empty.isObject());
  EXPECT_EQ(empty.getObjectSize(), 0u);
  EXPECT_TRUE(empty.getObject().begin() == empty.getObject().end());
  EXPECT_TRUE(empty.equalTo(NlohmannJsonAdapter(nlohmann::json::object()), true));
}

}  // namespace
}  // namespace partnerops
