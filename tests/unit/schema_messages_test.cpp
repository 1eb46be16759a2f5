// Schema problems as the real schemas write them: shared definitions wrapped
// in `allOf: [{$ref: ...}]` under a field's own description. Each problem is
// one diagnostic that says what was expected, at the offending node or key.

#include <gtest/gtest.h>

#include "memory_source.hpp"
#include "schema/schema_set.hpp"

namespace partnerops {
namespace {

constexpr const char* k_common = R"(
$schema: http://json-schema.org/draft-07/schema#
$id: common.schema.yaml
definitions:
  text: {type: string, minLength: 1, description: A non-empty line}
  slug:
    type: string
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'
    description: A lower-case id
)";

constexpr const char* k_thing = R"(
$schema: http://json-schema.org/draft-07/schema#
$id: thing.schema.yaml
type: object
additionalProperties: false
properties:
  name:
    description: The display name
    allOf: [{$ref: common.schema.yaml#/definitions/text}]
  id:
    description: The id of the thing
    allOf: [{$ref: common.schema.yaml#/definitions/slug}]
  score: {type: integer, minimum: 1, maximum: 5, description: How good}
  tags: {type: array, minItems: 2, items: {type: string}, description: Labels}
  checklist:
    type: object
    propertyNames: {$ref: common.schema.yaml#/definitions/slug}
)";

class SchemaMessages : public ::testing::Test {
 protected:
  void SetUp() override {
    source.add("schemas/common.schema.yaml", k_common).add("schemas/thing.schema.yaml", k_thing);
    Diagnostics load_diagnostics;
    schemas = SchemaSet::load(source, "schemas", load_diagnostics);
    ASSERT_TRUE(load_diagnostics.empty()) << load_diagnostics.items()[0].message;
  }

  /// The one diagnostic `text` produces; fails the test when there are more.
  Diagnostic only(std::string_view text) {
    Diagnostics diagnostics;
    auto document = yaml::parse("thing.yaml", text, diagnostics);
    EXPECT_TRUE(document);
    if (document) schemas.validate(*document, "thing.schema.yaml", diagnostics);
    EXPECT_EQ(diagnostics.size(), 1u);
    if (diagnostics.size() != 1)
      for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.code << ": " << d.message;
    return diagnostics.empty() ? Diagnostic{} : diagnostics.items()[0];
  }

  testing::MemorySource source;
  SchemaSet schemas;
};

TEST_F(SchemaMessages, WrongTypeThroughAllOfIsOneDiagnosticNamingTheType) {
  const Diagnostic d = only("name: 42\n");
  EXPECT_EQ(d.code, "schema-type");
  EXPECT_EQ(d.message, "'name' must be text, not the number 42");
  EXPECT_EQ(d.position, (Position{1, 7}));
}

TEST_F(SchemaMessages, PatternThroughAllOfHintsWithTheDefinitionsDescription) {
  const Diagnostic d = only("id: Bad_Id\n");
  EXPECT_EQ(d.code, "schema-pattern");
  EXPECT_EQ(d.message, "'id' does not have the expected form: the text \"Bad_Id\"");
  EXPECT_EQ(d.hint, "A lower-case id");
}

TEST_F(SchemaMessages, EmptyTextThroughAllOf) {
  const Diagnostic d = only("name: \"\"\n");
  EXPECT_EQ(d.code, "schema-empty");
  EXPECT_EQ(d.message, "'name' must not be empty");
}

TEST_F(SchemaMessages, RangeNamesTheBoundsAsWritten) {
  const Diagnostic d = only("score: 7\n");
  EXPECT_EQ(d.code, "schema-range");
  EXPECT_EQ(d.message, "'score' must be between 1 and 5, not the number 7");
  EXPECT_EQ(d.hint, "How good");
}

TEST_F(SchemaMessages, MinItemsSaysHowMany) {
  const Diagnostic d = only("tags: [one]\n");
  EXPECT_EQ(d.code, "schema-min-items");
  EXPECT_EQ(d.message, "'tags' needs at least 2 items");
  EXPECT_EQ(d.position, (Position{1, 7}));
}

TEST_F(SchemaMessages, PropertyNamesPointsAtTheKey) {
  const Diagnostic d = only("checklist:\n  good-one: 1\n  Bad_Key: 2\n");
  EXPECT_EQ(d.code, "schema-pattern");
  EXPECT_EQ(d.message, "the key 'Bad_Key' in 'checklist' does not have the expected form");
  EXPECT_EQ(d.position, (Position{3, 3}));
  EXPECT_EQ(d.hint, "A lower-case id");
}

}  // namespace
}  // namespace partnerops
