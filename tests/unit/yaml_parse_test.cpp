#include <gtest/gtest.h>

#include "yaml/node.hpp"

namespace partnerops::yaml {
namespace {

std::unique_ptr<Document> parse_ok(std::string_view text) {
  Diagnostics diagnostics;
  auto document = parse("f.yaml", text, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << (diagnostics.empty() ? "" : diagnostics.items()[0].message);
  return document;
}

Diagnostic parse_fails(std::string_view text, const ParseLimits& limits = {}) {
  Diagnostics diagnostics;
  parse("f.yaml", text, diagnostics, limits);
  EXPECT_EQ(diagnostics.error_count(), 1u);
  return diagnostics.empty() ? Diagnostic{} : diagnostics.items()[0];
}

TEST(YamlParse, ResolvesScalarsByTheCoreSchema) {
  auto doc = parse_ok(
      "int: 42\nneg: -7\nhex: 0x1F\nfloat: 1234.50\nquoted: \"42\"\ndate: 2026-11-22\n"
      "yes_word: yes\nbool: true\nnull_value: ~\nempty:\nblock: |\n  text\n");
  const Node& root = doc->root();
  EXPECT_EQ(root.find("int")->kind(), Kind::integer);
  EXPECT_EQ(root.find("int")->integer(), 42);
  EXPECT_EQ(root.find("neg")->integer(), -7);
  EXPECT_EQ(root.find("hex")->integer(), 31);
  EXPECT_EQ(root.find("float")->kind(), Kind::floating);
  EXPECT_EQ(root.find("float")->text(), "1234.50");
  EXPECT_EQ(root.find("quoted")->kind(), Kind::string);
  EXPECT_TRUE(root.find("quoted")->quoted());
  EXPECT_EQ(root.find("date")->kind(), Kind::string);
  EXPECT_EQ(root.find("date")->text(), "2026-11-22");
  EXPECT_EQ(root.find("yes_word")->kind(), Kind::string);
  EXPECT_EQ(root.find("bool")->kind(), Kind::boolean);
  EXPECT_TRUE(root.find("bool")->boolean());
  EXPECT_EQ(root.find("null_value")->kind(), Kind::null);
  EXPECT_EQ(root.find("empty")->kind(), Kind::null);
  EXPECT_EQ(root.find("block")->kind(), Kind::string);
  EXPECT_EQ(root.find("block")->text(), "text\n");
}

TEST(YamlParse, KeepsLineAndColumnOfNodesAndKeys) {
  auto doc = parse_ok("name: Acme\ncontacts:\n  - name: Ana\n    email: ana@example.org\n");
  const Node& root = doc->root();
  const Node* contacts = root.find("contacts");
  ASSERT_TRUE(contacts && contacts->is_sequence());
  const Node* email = contacts->items()[0]->find("email");
  EXPECT_EQ(email->position(), (Position{4, 12}));
  EXPECT_EQ(root.find_entry("contacts")->key_position, (Position{2, 1}));
  EXPECT_EQ(&doc->deepest({"contacts", "0", "email"}), email);
  EXPECT_EQ(&doc->deepest({"contacts", "0", "missing"}), contacts->items()[0]);
}

TEST(YamlParse, OverflowingIntegerIsStillANumber) {
  auto doc = parse_ok("big: 123456789012345678901234567890\n");
  EXPECT_EQ(doc->root().find("big")->kind(), Kind::floating);
}

TEST(YamlParse, EmptyFileIsANullRoot) {
  auto doc = parse_ok("");
  ASSERT_TRUE(doc);
  EXPECT_TRUE(doc->root().is_null());
}

TEST(YamlParse, ReportsSyntaxErrorsWithPosition) {
  const Diagnostic d = parse_fails("a: [1, 2\nb: 3\n");
  EXPECT_EQ(d.code, "yaml-syntax");
  EXPECT_EQ(d.file, "f.yaml");
  EXPECT_GT(d.position.line, 0);
}

TEST(YamlParse, DuplicateKeyIsReportedAtTheSecondKeyAndFirstWins) {
  Diagnostics diagnostics;
  auto doc = parse("f.yaml", "stage: lead\nname: x\nstage: partner\n", diagnostics);
  ASSERT_TRUE(doc);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].code, "yaml-duplicate-key");
  EXPECT_EQ(diagnostics.items()[0].position, (Position{3, 1}));
  EXPECT_EQ(diagnostics.items()[0].hint, "the first one is on line 1; remove or rename one");
  EXPECT_EQ(doc->root().find("stage")->text(), "lead");
}

// yaml-cpp 0.7 unescapes \N and \_ to lone bytes that are not UTF-8; the
// tree holds the characters they name (found by fuzz/yaml_edit_fuzzer.cpp).
TEST(YamlParse, NextLineAndNoBreakSpaceEscapesReadAsUtf8) {
  auto doc = parse_ok("\"k\\N\": \"a\\Nb\\_c\\u00e0\\_\"\n");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->root().entries().size(), 1u);
  EXPECT_EQ(doc->root().entries()[0].key, "k\xC2\x85");
  EXPECT_EQ(doc->root().entries()[0].value->text(),
            "a\xC2\x85"
            "b\xC2\xA0"
            "c\xC3\xA0\xC2\xA0");
}

TEST(YamlParse, RejectsInvalidUtf8WithItsPosition) {
  const Diagnostic d = parse_fails("name: ok\nother: caf\xe9\n");
  EXPECT_EQ(d.code, "file-not-utf8");
  EXPECT_EQ(d.position, (Position{2, 11}));
}

TEST(YamlParse, ANulByteHasItsOwnMessageAndPosition) {
  // Columns count characters: "slug: Sofí" is ten, the NUL the eleventh.
  const Diagnostic d =
      parse_fails(std::string("name: ok\nslug: Sof\xc3\xad") + std::string(1, '\0') + "a\n");
  EXPECT_EQ(d.code, "file-nul-byte");
  EXPECT_EQ(d.position, (Position{2, 11}));
  EXPECT_EQ(d.message, "the file contains a NUL byte, which YAML text never holds");
}

TEST(YamlParse, RejectsOverlongUtf8) {
  EXPECT_EQ(parse_fails("a: \xc0\xaf\n").code, "file-not-utf8");
}

TEST(YamlParse, RejectsTabIndentation) {
  const Diagnostic d = parse_fails("a:\n\tb: 1\n");
  EXPECT_EQ(d.code, "yaml-tab-indent");
  EXPECT_EQ(d.position, (Position{2, 1}));
}

TEST(YamlParse, StopsAnAliasBombBeforeExpandingIt) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + previous;
    text += "]\n";
    previous = name;
  }
  EXPECT_EQ(parse_fails(text).code, "yaml-alias-bomb");
}

TEST(YamlParse, SmallAliasesAreShared) {
  auto doc = parse_ok("base: &c {name: Ana}\nother: *c\n");
  EXPECT_EQ(doc->root().find("base"), doc->root().find("other"));
}

TEST(YamlParse, AKeyAnchoredAndUsedAsAValueElsewhereKeepsItsText) {
  // Keys are kept as their entries' texts, not as nodes of the tree; a key
  // an alias names is still a value where the alias stands.
  Diagnostics diagnostics;
  const auto doc = yaml::parse("f.yaml", "&k owner: x\nlead: *k\nlist: [*k, 2]\n", diagnostics);
  ASSERT_NE(doc, nullptr) << diagnostics.size();
  EXPECT_EQ(doc->root().entries()[0].key, "owner");
  EXPECT_EQ(doc->root().find("lead")->text(), "owner");
  EXPECT_EQ(doc->root().find("list")->items()[0]->text(), "owner");
  EXPECT_EQ(doc->root().find("list")->items()[1]->integer(), 2);
}

TEST(YamlParse, StopsDeepNesting) {
  const std::string text = std::string(5000, '[') + std::string(5000, ']');
  EXPECT_EQ(parse_fails(text).code, "yaml-too-deep");
}

TEST(YamlParse, RefusesLargeFilesUnparsed) {
  ParseLimits limits;
  limits.max_bytes = 10;
  EXPECT_EQ(parse_fails("name: a long value\n", limits).code, "file-too-large");
}

TEST(YamlParse, RejectsASecondDocument) {
  EXPECT_EQ(parse_fails("a: 1\n---\nb: 2\n").code, "yaml-multiple-documents");
}

TEST(YamlParse, RejectsComplexKeys) {
  Diagnostics diagnostics;
  parse("f.yaml", "? [a, b]\n: 1\n", diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].code, "yaml-complex-key");
}

TEST(YamlParse, UnclosedDoubleQuoteIsASyntaxErrorAtTheQuote) {
  // yaml-cpp alone takes the rest of the file as the value.
  const Diagnostic d = parse_fails("a: \"open\nb: 1\nc: 2\n");
  EXPECT_EQ(d.code, "yaml-syntax");
  EXPECT_EQ(d.position, (Position{1, 4}));
  EXPECT_EQ(d.message, "this quoted value is never closed");
}

TEST(YamlParse, UnclosedSingleQuoteIsASyntaxError) {
  const Diagnostic d = parse_fails("a: 1\nb: 'it''s open\n");
  EXPECT_EQ(d.code, "yaml-syntax");
  EXPECT_EQ(d.position, (Position{2, 4}));
}

TEST(YamlParse, QuotesWithEscapedQuotesInsideAreClosed) {
  auto doc = parse_ok("a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: |\n  \"block\n");
  EXPECT_EQ(doc->root().find("a")->text(), "say \"hi\"");
  EXPECT_EQ(doc->root().find("b")->text(), "it's");
  EXPECT_EQ(doc->root().find("c")->text(), "\"block\n");
}

TEST(YamlParse, ColumnsCountCharactersNotBytes) {
  // "é" and "—" are two and three bytes; editors count each as one column.
  auto doc = parse_ok("a: [é, 42]\nb: {x: — , y: 2026-02-30}\n");
  EXPECT_EQ(doc->root().find("a")->items()[1]->position(), (Position{1, 8}));
  const yaml::Entry* y = doc->root().find("b")->find_entry("y");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->key_position, (Position{2, 12}));
  EXPECT_EQ(y->value->position(), (Position{2, 15}));
}

TEST(YamlParse, InvalidUtf8IsReportedAtItsCharacterColumn) {
  const Diagnostic d = parse_fails("name: Sofía \xff\n");
  EXPECT_EQ(d.code, "file-not-utf8");
  EXPECT_EQ(d.position, (Position{1, 13}));
}

}  // namespace
}  // namespace partnerops::yaml
