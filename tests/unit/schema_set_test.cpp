#include "schema/schema_set.hpp"

#include <gtest/gtest.h>

#include "memory_source.hpp"

namespace partnerops {
namespace {

constexpr const char* k_common = R"(
$schema: http://json-schema.org/draft-07/schema#
$id: common.schema.yaml
definitions:
  money:
    type: string
    pattern: "^-?[0-9]+(\\.[0-9]+)?( [A-Z]{3})?$"
    description: 'Money as quoted text, e.g. "1200.00"'
)";

constexpr const char* k_thing = R"(
$schema: http://json-schema.org/draft-07/schema#
$id: thing.schema.yaml
type: object
additionalProperties: false
required: [name, stage]
properties:
  name: {type: string, description: The display name}
  stage: {type: string, enum: [lead, prospect, partner, closed]}
  score: {type: integer, minimum: 1, maximum: 5}
  ratio: {type: number, minimum: 0, maximum: 1}
  fee: {$ref: "common.schema.yaml#/definitions/money"}
  contacts:
    type: array
    items:
      type: object
      additionalProperties: false
      properties:
        email: {type: string}
)";

class SchemaSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source.add("schemas/common.schema.yaml", k_common).add("schemas/thing.schema.yaml", k_thing);
    Diagnostics load_diagnostics;
    schemas = SchemaSet::load(source, "schemas", load_diagnostics);
    ASSERT_TRUE(load_diagnostics.empty()) << load_diagnostics.items()[0].message;
  }

  Diagnostics check(std::string_view text) {
    Diagnostics diagnostics;
    auto document = yaml::parse("thing.yaml", text, diagnostics);
    EXPECT_TRUE(document);
    if (document) schemas.validate(*document, "thing.schema.yaml", diagnostics);
    return diagnostics;
  }

  testing::MemorySource source;
  SchemaSet schemas;
};

TEST_F(SchemaSetTest, AcceptsAValidFile) {
  EXPECT_TRUE(check("name: Acme\nstage: lead\nfee: \"12.00\"\n").empty());
}

TEST_F(SchemaSetTest, NumberWhereTextBelongsPointsAtTheValue) {
  const Diagnostics d = check("name: 42\nstage: lead\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-type");
  EXPECT_EQ(d.items()[0].position, (Position{1, 7}));
  EXPECT_EQ(d.items()[0].message, "'name' must be text, not the number 42");
  EXPECT_EQ(d.items()[0].hint, "write it in quotes: \"42\"");
}

TEST_F(SchemaSetTest, MoneyAsABareNumberIsATypeError) {
  const Diagnostics d = check("name: Acme\nstage: lead\nfee: 1200.00\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-type");
  EXPECT_EQ(d.items()[0].position, (Position{3, 6}));
  EXPECT_EQ(d.items()[0].hint, "write it in quotes: \"1200.00\"");
}

TEST_F(SchemaSetTest, ListAndMappingWhereTextBelongs) {
  Diagnostics d = check("name: [a]\nstage: lead\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].message, "'name' must be text, not a list");
  d = check("name: {a: 1}\nstage: lead\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].message, "'name' must be text, not a mapping");
}

TEST_F(SchemaSetTest, TextWhereANumberBelongs) {
  const Diagnostics d = check("name: A\nstage: lead\nscore: \"3\"\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].message, "'score' must be a whole number, not the text \"3\"");
}

TEST_F(SchemaSetTest, MissingRequiredKey) {
  const Diagnostics d = check("name: Acme\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-required");
  EXPECT_EQ(d.items()[0].message, "the file is missing the required key 'stage'");
  EXPECT_EQ(d.items()[0].position, (Position{1, 1}));
}

TEST_F(SchemaSetTest, UnknownKeySuggestsTheNearestOne) {
  const Diagnostics d = check("name: Acme\nstage: lead\nscroe: 3\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-unknown-key");
  EXPECT_EQ(d.items()[0].position, (Position{3, 1}));
  EXPECT_EQ(d.items()[0].hint, "did you mean 'score'?");
}

TEST_F(SchemaSetTest, EnumListsTheChoices) {
  const Diagnostics d = check("name: Acme\nstage: lede\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-enum");
  EXPECT_EQ(d.items()[0].message,
            "'stage' must be one of lead, prospect, partner, closed, not the text \"lede\"");
  EXPECT_EQ(d.items()[0].hint, "did you mean 'lead'?");
}

TEST_F(SchemaSetTest, PatternUsesTheDescriptionAsHint) {
  const Diagnostics d = check("name: Acme\nstage: lead\nfee: \"1,200\"\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-pattern");
  EXPECT_EQ(d.items()[0].hint, "Money as quoted text, e.g. \"1200.00\"");
}

TEST_F(SchemaSetTest, NestedErrorsReportOnlyTheInnermostPlace) {
  const Diagnostics d = check("name: Acme\nstage: lead\ncontacts:\n  - email: 5\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].message, "'contacts[0].email' must be text, not the number 5");
  EXPECT_EQ(d.items()[0].position, (Position{4, 12}));
}

TEST_F(SchemaSetTest, RangeErrors) {
  const Diagnostics d = check("name: Acme\nstage: lead\nscore: 9\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-range");
}

TEST_F(SchemaSetTest, OfSeveralUnknownKeysTheFirstInKeyOrderIsNamed) {
  // valijson names one key a mapping cannot have; which one must not depend
  // on how the file orders them.
  const Diagnostics d = check("name: Acme\nstage: lead\nzeta: 1\nbeta: 2\nalpha: 3\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].code, "schema-unknown-key");
  EXPECT_EQ(d.items()[0].message, "unknown key 'alpha'");
  EXPECT_EQ(d.items()[0].position, (Position{5, 1}));
}

TEST_F(SchemaSetTest, NumbersOutsideTheRangeInEveryForm) {
  struct Case {
    const char* score;
    const char* codes;  // of the diagnostics, all on the value's line
  };
  // An integer field sees a floating value as a wrong type, and one past the
  // bounds as out of range as well (.nan reads as 0, as strtod leaves it).
  for (const Case& c :
       {Case{"0", "schema-range"}, Case{"6", "schema-range"}, Case{"0x10", "schema-range"},
        Case{"0o7", "schema-range"}, Case{"3", ""}, Case{"0x3", ""}, Case{"4.5", "schema-type"},
        Case{"5.5", "schema-range schema-type"}, Case{".inf", "schema-range schema-type"},
        Case{"-.inf", "schema-range schema-type"}, Case{".nan", "schema-range schema-type"},
        Case{"99999999999999999999", "schema-range schema-type"}, Case{"\"3\"", "schema-type"},
        Case{"true", "schema-type"}, Case{"~", "schema-type"}}) {
    SCOPED_TRACE(c.score);
    Diagnostics d = check(std::string("name: Acme\nstage: lead\nscore: ") + c.score + "\n");
    d.sort();
    std::string codes;
    for (const Diagnostic& diagnostic : d.items()) {
      codes += (codes.empty() ? "" : " ") + diagnostic.code;
      EXPECT_EQ(diagnostic.position.line, 3);
    }
    EXPECT_EQ(codes, c.codes);
  }
}

TEST_F(SchemaSetTest, FloatingNumbersAreComparedByTheirValue) {
  struct Case {
    const char* ratio;
    const char* message;
  };
  for (const Case& c :
       {Case{"0.5", nullptr}, Case{"1", nullptr}, Case{"1.0e0", nullptr}, Case{"-0.0", nullptr},
        Case{"1.5", "'ratio' must be between 0 and 1, not the number 1.5"},
        Case{"1e3", "'ratio' must be between 0 and 1, not the number 1e3"},
        Case{".inf", "'ratio' must be between 0 and 1, not the number .inf"},
        Case{"-.Inf", "'ratio' must be between 0 and 1, not the number -.Inf"},
        Case{"-1", "'ratio' must be between 0 and 1, not the number -1"},
        Case{"99999999999999999999",
             "'ratio' must be between 0 and 1, not the number "
             "99999999999999999999"}}) {
    SCOPED_TRACE(c.ratio);
    const Diagnostics d = check(std::string("name: Acme\nstage: lead\nratio: ") + c.ratio + "\n");
    if (!c.message) {
      EXPECT_TRUE(d.empty());
      continue;
    }
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.items()[0].code, "schema-range");
    EXPECT_EQ(d.items()[0].message, c.message);
    EXPECT_EQ(d.items()[0].position, (Position{3, 8}));
  }
}

}  // namespace
}  // namespace partnerops
