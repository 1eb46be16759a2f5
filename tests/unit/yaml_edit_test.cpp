#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "support/files.hpp"
#include "yaml/edit.hpp"
#include "yaml/node.hpp"

namespace partnerops::yaml {
namespace {

std::string edited(const std::optional<std::string>& result, const std::string& error) {
  return result ? *result : "<refused: " + error + ">";
}

std::string set(std::string_view text, std::string_view key, const Scalar& value,
                std::string_view after = {}) {
  std::string error;
  return edited(set_scalar(text, key, value, after, &error), error);
}

std::string append(std::string_view text, std::string_view key, const Fields& item,
                   std::string_view after = {}) {
  std::string error;
  return edited(append_to_sequence(text, key, item, after, &error), error);
}

std::string set_in(std::string_view text, std::string_view mapping, std::string_view key,
                   const Scalar& value, std::string_view after = {}) {
  std::string error;
  return edited(set_in_mapping(text, mapping, key, value, after, &error), error);
}

const Fields k_entry = {{"date", Scalar::raw("2026-11-23")},
                        {"stage", Scalar::string("prospect")},
                        {"reason", Scalar::string("verbal close: yes")}};

// A partner.yaml as people write them: a schema line, comments everywhere,
// odd spacing, quoted values, a block scalar, a list and a mapping.
const std::string k_partner =
    "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
    "name:   \"Acme Co-op\"   # legal name below\n"
    "legal_entity: 'Acme Cooperative, Inc.'\n"
    "qualified: true\n"
    "stage: lead  # lead -> prospect -> partner\n"
    "owner: dana\n"
    "\n"
    "description: |\n"
    "  Acme runs food hubs.\n"
    "  # not a comment: part of the text\n"
    "\n"
    "history:\n"
    "  - date: 2026-10-01\n"
    "    stage: lead\n"
    "    reason: first contact at the conference\n"
    "  # the next entry is added by partnerops advance\n"
    "\n"
    "checklist:\n"
    "  hail-the-lead: 2026-10-02   # sent\n"
    "  first-meeting: ~\n"
    "\n"
    "# trailing comment\n";

TEST(YamlEditSetScalar, ReplacesAPlainValueKeepingTheComment) {
  EXPECT_EQ(set(k_partner, "stage", Scalar::string("prospect")),
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "name:   \"Acme Co-op\"   # legal name below\n"
            "legal_entity: 'Acme Cooperative, Inc.'\n"
            "qualified: true\n"
            "stage: prospect  # lead -> prospect -> partner\n"
            "owner: dana\n"
            "\n"
            "description: |\n"
            "  Acme runs food hubs.\n"
            "  # not a comment: part of the text\n"
            "\n"
            "history:\n"
            "  - date: 2026-10-01\n"
            "    stage: lead\n"
            "    reason: first contact at the conference\n"
            "  # the next entry is added by partnerops advance\n"
            "\n"
            "checklist:\n"
            "  hail-the-lead: 2026-10-02   # sent\n"
            "  first-meeting: ~\n"
            "\n"
            "# trailing comment\n");
}

TEST(YamlEditSetScalar, KeepsTheQuotingStyleOfTheOldValue) {
  EXPECT_EQ(set("name:   \"Acme\"   # c\n", "name", Scalar::string("Acme Co-op")),
            "name:   \"Acme Co-op\"   # c\n");
  EXPECT_EQ(set("name: 'Acme'\n", "name", Scalar::string("Acme's")), "name: 'Acme''s'\n");
  EXPECT_EQ(set("name: 'Acme'\n", "name", Scalar::string("two\nlines")), "name: \"two\\nlines\"\n");
  EXPECT_EQ(set("name: Acme\n", "name", Scalar::string("Acme: the co-op")),
            "name: \"Acme: the co-op\"\n");
  EXPECT_EQ(set("stage: \"lead\"\n", "stage", Scalar::string("prospect")), "stage: \"prospect\"\n");
  EXPECT_EQ(set("qualified: false\n", "qualified", Scalar::raw("true")), "qualified: true\n");
  EXPECT_EQ(set("count: 4\n", "count", Scalar::string("5")), "count: \"5\"\n");
}

TEST(YamlEditSetScalar, HandlesQuotedKeysAndHashesInsideValues) {
  EXPECT_EQ(set("\"stage\" : lead\n", "stage", Scalar::string("partner")), "\"stage\" : partner\n");
  EXPECT_EQ(set("url: http://x.org/#frag # c\n", "url", Scalar::string("http://y.org/")),
            "url: http://y.org/ # c\n");
  EXPECT_EQ(set("note: \"a # b\"  # c\n", "note", Scalar::string("c # d")),
            "note: \"c # d\"  # c\n");
}

TEST(YamlEditSetScalar, FillsAnEmptyValue) {
  EXPECT_EQ(set("stage:\nowner: dana\n", "stage", Scalar::string("lead")),
            "stage: lead\nowner: dana\n");
  EXPECT_EQ(set("stage:   # to fill\n", "stage", Scalar::string("lead")),
            "stage: lead   # to fill\n");
  EXPECT_EQ(set("stage:   \n", "stage", Scalar::string("lead")), "stage: lead\n");
}

TEST(YamlEditSetScalar, KeepsCrlfAndAMissingFinalNewline) {
  EXPECT_EQ(set("a: 1\r\nstage: lead\r\nb: 2\r\n", "stage", Scalar::string("prospect")),
            "a: 1\r\nstage: prospect\r\nb: 2\r\n");
  EXPECT_EQ(set("a: 1\nstage: lead", "stage", Scalar::string("prospect")), "a: 1\nstage: prospect");
  EXPECT_EQ(set("a: 1\r\nb: 2", "stage", Scalar::string("lead")), "a: 1\r\nb: 2\r\nstage: lead");
}

TEST(YamlEditSetScalar, AddsAMissingKeyAfterAnotherKeysBlockOrAtTheEnd) {
  EXPECT_EQ(set("a: 1\nb:\n  - x\n# about c\nc: 3\n", "stage", Scalar::string("lead"), "b"),
            "a: 1\nb:\n  - x\nstage: lead\n# about c\nc: 3\n");
  EXPECT_EQ(set("a: 1\n# end\n", "stage", Scalar::string("lead"), "missing"),
            "a: 1\n# end\nstage: lead\n");
  EXPECT_EQ(set("a: 1\n", "stage", Scalar::string("lead")), "a: 1\nstage: lead\n");
  EXPECT_EQ(set("", "stage", Scalar::string("lead")), "stage: lead\n");
  EXPECT_EQ(set("a: 1\r\n", "odd key: x", Scalar::string("yes")),
            "a: 1\r\n\"odd key: x\": \"yes\"\r\n");
}

TEST(YamlEditSetScalar, OnlyMatchesTopLevelKeys) {
  EXPECT_EQ(set("history:\n  - stage: lead\nowner: x\n", "stage", Scalar::string("prospect")),
            "history:\n  - stage: lead\nowner: x\nstage: prospect\n");
  EXPECT_EQ(set("text: |\n  stage: lead\nstage: lead\n", "stage", Scalar::string("prospect")),
            "text: |\n  stage: lead\nstage: prospect\n");
}

TEST(YamlEditSetScalar, RefusesValuesItCannotEditSafely) {
  EXPECT_EQ(set("stage:\n  name: x\n", "stage", Scalar::string("a")),
            "<refused: 'stage' holds a mapping or list, not a single value>");
  EXPECT_EQ(set("stage: [a, b]\n", "stage", Scalar::string("a")),
            "<refused: 'stage' holds a flow-style list or mapping, not a single value>");
  EXPECT_EQ(set("stage: |\n  lead\n", "stage", Scalar::string("a")),
            "<refused: 'stage' has a value spanning several lines; edit it by hand>");
  EXPECT_EQ(set("stage: >-\n", "stage", Scalar::string("a")),
            "<refused: 'stage' holds a block scalar (| or >); edit it by hand>");
  EXPECT_EQ(set("stage: &s lead\n", "stage", Scalar::string("a")),
            "<refused: 'stage' has an anchor, alias or tag; edit it by hand>");
  EXPECT_EQ(set("stage: \"lead\n  more\"\n", "stage", Scalar::string("a")),
            "<refused: 'stage' has a quoted value spanning several lines; edit it by hand>");
  EXPECT_EQ(set("stage: lead\n  continued\n", "stage", Scalar::string("a")),
            "<refused: 'stage' has a value spanning several lines; edit it by hand>");
  EXPECT_EQ(set("a: 1\n---\nstage: lead\n", "stage", Scalar::string("a")),
            "<refused: the file holds more than one YAML document (or a '...' marker); only single "
            "documents are edited>");
  EXPECT_EQ(set("a:\n\tb: 1\n", "stage", Scalar::string("a")),
            "<refused: a line is indented with a tab, which YAML does not allow>");
  EXPECT_EQ(set("a: 1\n", "stage", Scalar::string("\xFF")),
            "<refused: a key or value is not valid UTF-8>");
  for (const char* not_a_mapping :
       {"- a\n- b\n", "{stage: lead}\n", "just text\n", "a: 1\nstray\n"}) {
    EXPECT_EQ(set(not_a_mapping, "stage", Scalar::string("a")),
              "<refused: the top level of the file is not a block mapping of keys>")
        << not_a_mapping;
  }
}

TEST(YamlEditSetScalar, AcceptsADocumentStartAndABom) {
  EXPECT_EQ(set("%YAML 1.2\n---\nstage: lead\n", "stage", Scalar::string("prospect")),
            "%YAML 1.2\n---\nstage: prospect\n");
  EXPECT_EQ(set("\xEF\xBB\xBFstage: lead\n", "stage", Scalar::string("prospect")),
            "\xEF\xBB\xBFstage: prospect\n");
}

TEST(YamlEditAppend, AddsAnItemAfterTheLastOneBeforeCommentsAndOtherKeys) {
  EXPECT_EQ(append(k_partner, "history", k_entry),
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "name:   \"Acme Co-op\"   # legal name below\n"
            "legal_entity: 'Acme Cooperative, Inc.'\n"
            "qualified: true\n"
            "stage: lead  # lead -> prospect -> partner\n"
            "owner: dana\n"
            "\n"
            "description: |\n"
            "  Acme runs food hubs.\n"
            "  # not a comment: part of the text\n"
            "\n"
            "history:\n"
            "  - date: 2026-10-01\n"
            "    stage: lead\n"
            "    reason: first contact at the conference\n"
            "  - date: 2026-11-23\n"
            "    stage: prospect\n"
            "    reason: \"verbal close: yes\"\n"
            "  # the next entry is added by partnerops advance\n"
            "\n"
            "checklist:\n"
            "  hail-the-lead: 2026-10-02   # sent\n"
            "  first-meeting: ~\n"
            "\n"
            "# trailing comment\n");
}

TEST(YamlEditAppend, MatchesDashesAtTheFirstColumnAndCrlf) {
  EXPECT_EQ(
      append("history:\r\n- date: 2026-10-01\r\n  stage: lead\r\nowner: x\r\n", "history", k_entry),
      "history:\r\n- date: 2026-10-01\r\n  stage: lead\r\n"
      "- date: 2026-11-23\r\n  stage: prospect\r\n  reason: \"verbal close: yes\"\r\nowner: x\r\n");
}

TEST(YamlEditAppend, MatchesWideIndentationAndItemsWithNestedLines) {
  EXPECT_EQ(
      append("history:\n    -   date: 2026-10-01\n        notes: |\n          # kept\n"
             "          text\n",
             "history",
             {{"date", Scalar::raw("2026-11-23")}, {"stage", Scalar::string("prospect")}}),
      "history:\n    -   date: 2026-10-01\n        notes: |\n          # kept\n          text\n"
      "    -   date: 2026-11-23\n        stage: prospect\n");
  EXPECT_EQ(append("history:\n  -\n    date: 2026-10-01\n", "history",
                   {{"date", Scalar::raw("2026-11-23")}}),
            "history:\n  -\n    date: 2026-10-01\n  - date: 2026-11-23\n");
}

TEST(YamlEditAppend, AppendsAtTheEndOfAFileWithoutAFinalNewline) {
  EXPECT_EQ(
      append("history:\n  - date: 2026-10-01", "history", {{"date", Scalar::raw("2026-11-23")}}),
      "history:\n  - date: 2026-10-01\n  - date: 2026-11-23");
}

TEST(YamlEditAppend, TurnsAnEmptyListIntoABlockList) {
  const Fields one = {{"date", Scalar::raw("2026-11-23")}};
  EXPECT_EQ(append("history: []  # none yet\nowner: x\n", "history", one),
            "history:  # none yet\n  - date: 2026-11-23\nowner: x\n");
  EXPECT_EQ(append("history:\nowner: x\n", "history", one),
            "history:\n  - date: 2026-11-23\nowner: x\n");
  EXPECT_EQ(append("history: ~\r\n", "history", one), "history:\r\n  - date: 2026-11-23\r\n");
  EXPECT_EQ(append("tags:\n- a\nhistory: []\n", "history", one),
            "tags:\n- a\nhistory:\n- date: 2026-11-23\n");
}

TEST(YamlEditAppend, AddsAMissingList) {
  const Fields one = {{"date", Scalar::raw("2026-11-23")}, {"stage", Scalar::string("lead")}};
  EXPECT_EQ(append("stage: lead\nowner: x\n", "history", one, "stage"),
            "stage: lead\nhistory:\n  - date: 2026-11-23\n    stage: lead\nowner: x\n");
  EXPECT_EQ(append("stage: lead", "history", one),
            "stage: lead\nhistory:\n  - date: 2026-11-23\n    stage: lead");
}

TEST(YamlEditAppend, RefusesWhatIsNotABlockList) {
  EXPECT_EQ(append("history: [a]\n", "history", k_entry),
            "<refused: 'history' is a flow-style list ([...]); write it as a block list to append "
            "to it>");
  EXPECT_EQ(append("history:\n  a: 1\n", "history", k_entry),
            "<refused: 'history' is a mapping, not a list>");
  EXPECT_EQ(append("history: lead\n", "history", k_entry), "<refused: 'history' is not a list>");
  EXPECT_EQ(append("history:\n", "history", {}), "<refused: the item to append has no fields>");
}

TEST(YamlEditSetInMapping, ReplacesOrAddsAKey) {
  EXPECT_EQ(set_in(k_partner, "checklist", "first-meeting", Scalar::raw("2026-11-23")),
            "# yaml-language-server: $schema=../../schemas/partner.schema.yaml\n"
            "name:   \"Acme Co-op\"   # legal name below\n"
            "legal_entity: 'Acme Cooperative, Inc.'\n"
            "qualified: true\n"
            "stage: lead  # lead -> prospect -> partner\n"
            "owner: dana\n"
            "\n"
            "description: |\n"
            "  Acme runs food hubs.\n"
            "  # not a comment: part of the text\n"
            "\n"
            "history:\n"
            "  - date: 2026-10-01\n"
            "    stage: lead\n"
            "    reason: first contact at the conference\n"
            "  # the next entry is added by partnerops advance\n"
            "\n"
            "checklist:\n"
            "  hail-the-lead: 2026-10-02   # sent\n"
            "  first-meeting: 2026-11-23\n"
            "\n"
            "# trailing comment\n");
  EXPECT_EQ(set_in("checklist:\n    hail-the-lead: 2026-10-02   # sent\nnext: 1\n", "checklist",
                   "hail-the-lead", Scalar::raw("2026-11-23")),
            "checklist:\n    hail-the-lead: 2026-11-23   # sent\nnext: 1\n");
  EXPECT_EQ(
      set_in("checklist:\r\n    hail-the-lead: 2026-10-02\r\n\r\nnext: 1\r\n", "checklist",
             "launch", Scalar::raw("2026-11-23")),
      "checklist:\r\n    hail-the-lead: 2026-10-02\r\n    launch: 2026-11-23\r\n\r\nnext: 1\r\n");
}

TEST(YamlEditSetInMapping, DoesNotMatchKeysOfNestedMappings) {
  EXPECT_EQ(
      set_in("checklist:\n  a:\n    launch: x\n", "checklist", "launch", Scalar::raw("2026-11-23")),
      "checklist:\n  a:\n    launch: x\n  launch: 2026-11-23\n");
}

TEST(YamlEditSetInMapping, CreatesAnEmptyOrMissingMapping) {
  EXPECT_EQ(
      set_in("checklist: {}  # none\nx: 1\n", "checklist", "launch", Scalar::raw("2026-11-23")),
      "checklist:  # none\n  launch: 2026-11-23\nx: 1\n");
  EXPECT_EQ(set_in("checklist:\nx: 1\n", "checklist", "launch", Scalar::raw("2026-11-23")),
            "checklist:\n  launch: 2026-11-23\nx: 1\n");
  EXPECT_EQ(set_in("stage: lead\nx: 1", "checklist", "launch", Scalar::raw("2026-11-23"), "stage"),
            "stage: lead\nchecklist:\n  launch: 2026-11-23\nx: 1");
  EXPECT_EQ(
      set_in("contact:\n   name: x\nx: 1\n", "checklist", "launch", Scalar::raw("2026-11-23")),
      "contact:\n   name: x\nx: 1\nchecklist:\n   launch: 2026-11-23\n");
}

TEST(YamlEditSetInMapping, RefusesWhatIsNotABlockMapping) {
  EXPECT_EQ(set_in("checklist: {a: 1}\n", "checklist", "b", Scalar::raw("1")),
            "<refused: 'checklist' is a flow-style mapping ({...}); write it as a block mapping to "
            "edit it>");
  EXPECT_EQ(set_in("checklist:\n  - a\n", "checklist", "b", Scalar::raw("1")),
            "<refused: 'checklist' is a list, not a mapping>");
  EXPECT_EQ(set_in("checklist:\n- a\n", "checklist", "b", Scalar::raw("1")),
            "<refused: 'checklist' is a list, not a mapping>");
  EXPECT_EQ(set_in("checklist: done\n", "checklist", "b", Scalar::raw("1")),
            "<refused: 'checklist' is not a mapping>");
  EXPECT_EQ(set_in("checklist:\n  b:\n    c: 1\n", "checklist", "b", Scalar::raw("1")),
            "<refused: 'b' holds a mapping or list, not a single value>");
}

TEST(YamlEditQuoting, QuotesOnlyWhatAPlainScalarCannotHold) {
  for (const char* plain : {"prospect", "2026-11-23", "Acme Co-op", "a:b", "a#b", "http://x.org/#f",
                            "caf\xC3\xA9", "1.2.3", "a, b", "100%", "e-mail"}) {
    EXPECT_FALSE(needs_quotes(plain)) << plain;
    EXPECT_EQ(format_string(plain), plain);
  }
  for (const char* quoted : {"",     " lead",     "lead ",      "verbal close: yes",
                             "a #b", "ends:",     "-x",         "- x",
                             "?x",   ":x",        "#x",         "&a",
                             "*a",   "!t",        "|",          ">",
                             "'q",   "\"q",       "%x",         "@x",
                             "`x",   "[a]",       "{a}",        ",a",
                             "null", "Null",      "NULL",       "~",
                             "true", "False",     "yes",        "No",
                             "on",   "OFF",       "y",          "n",
                             "42",   "-7",        "+3",         "1_000",
                             "0x1F", "0o17",      "0b101",      "3.14",
                             ".5",   "1e3",       "-.inf",      ".NaN",
                             "1:30", "tab\there", "line\nbreak"}) {
    EXPECT_TRUE(needs_quotes(quoted)) << quoted;
  }
}

TEST(YamlEditQuoting, EscapesDoubleQuotedStrings) {
  EXPECT_EQ(double_quoted("verbal close: yes"), "\"verbal close: yes\"");
  EXPECT_EQ(double_quoted("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
  EXPECT_EQ(double_quoted(std::string("\0\a\b\t\n\v\f\r\x1b\x01\x7f", 11)),
            "\"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\x01\\x7F\"");
  EXPECT_EQ(double_quoted("\xC2\x85|\xE2\x80\xA8|\xE2\x80\xA9|\xEF\xBB\xBF|\xC3\xA9"),
            "\"\\x85|\\L|\\P|\\uFEFF|\xC3\xA9\"");
  EXPECT_EQ(format_string("it's", QuoteStyle::single_quoted), "'it''s'");
  EXPECT_EQ(format_string("plain", QuoteStyle::double_quoted), "\"plain\"");
}

// Found by fuzz/yaml_edit_fuzzer.cpp: the key was added in the first column
// beside the indented ones, and the file then held it twice.
TEST(YamlEdit, RefusesAFileWhoseTopLevelIsIndented) {
  std::string error;
  EXPECT_FALSE(
      set_scalar("  stage: lead\n  name: x\n", "stage", Scalar::string("prospect"), {}, &error));
  EXPECT_EQ(error,
            "the top-level keys of the file are indented; only a mapping that starts in the "
            "first column is edited");
  EXPECT_FALSE(set_in_mapping("# c\n checklist:\n   a: 1\n", "checklist", "b", Scalar::raw("2"), {},
                              &error));
  EXPECT_FALSE(
      append_to_sequence(" history: []\n", "history", {{"a", Scalar::raw("1")}}, {}, &error));
}

// Found by fuzz/yaml_edit_fuzzer.cpp: a key appended after `notes: |` whose
// last line had no line break gave the notes a trailing "\n".
TEST(YamlEdit, RefusesAFileEndingInABlockScalarWithoutALineBreak) {
  std::string error;
  EXPECT_FALSE(
      set_scalar("stage: lead\nnotes: |\n  text", "owner", Scalar::string("a@b.org"), {}, &error));
  EXPECT_EQ(error,
            "the file ends inside a block scalar (| or >) without a line break; add one at the "
            "end of the file");
  EXPECT_TRUE(set_scalar("stage: lead\nnotes: |\n  text\n", "owner", Scalar::string("a@b.org"), {},
                         &error));
}

// Found by fuzz/yaml_edit_fuzzer.cpp: a key over YAML's limit for implicit
// keys was written, and the file no longer parsed.
TEST(YamlEdit, RefusesAKeyLongerThanYamlAllows) {
  std::string error;
  const std::string fits(1024, 'k');
  EXPECT_TRUE(set_scalar("a: 1\n", fits, Scalar::raw("2"), {}, &error)) << error;
  EXPECT_FALSE(set_scalar("a: 1\n", fits + "k", Scalar::raw("2"), {}, &error));
  EXPECT_EQ(error, "a key is longer than the 1024 characters YAML allows");
  // Control characters are escaped, so the written key is what counts.
  EXPECT_FALSE(
      set_in_mapping("a: 1\n", "m", std::string(300, '\x01'), Scalar::raw("2"), {}, &error));
  EXPECT_FALSE(
      append_to_sequence("a: 1\n", "h", {{std::string(1025, 'f'), Scalar::raw("1")}}, {}, &error));
}

TEST(YamlEditQuoting, EveryFormattedStringReadsBackUnchanged) {
  for (const std::string& value :
       {std::string("verbal close: yes"), std::string("#1 partner"), std::string("say \"hi\""),
        std::string("back\\slash"), std::string("two\nlines"), std::string("tab\there"),
        std::string(" padded "), std::string("yes"), std::string("42"), std::string("null"),
        std::string("- dash"), std::string("it's"), std::string("caf\xC3\xA9 \xE2\x80\xA8 sep"),
        std::string("ctrl\x01\x7f"), std::string("next\xC2\x85line"), std::string("")}) {
    for (QuoteStyle style :
         {QuoteStyle::plain, QuoteStyle::single_quoted, QuoteStyle::double_quoted}) {
      std::string error;
      const std::string before = style == QuoteStyle::plain ? "a: 1  # c\nreason: x\n"
                                 : style == QuoteStyle::single_quoted
                                     ? "a: 1  # c\nreason: 'x'\n"
                                     : "a: 1  # c\nreason: \"x\"\n";
      const std::optional<std::string> text =
          set_scalar(before, "reason", Scalar::string(value), {}, &error);
      ASSERT_TRUE(text) << error;
      const YAML::Node node = YAML::Load(*text);
      EXPECT_EQ(node["reason"].as<std::string>(), value) << *text;
      EXPECT_EQ(node["reason"].Tag(),
                style == QuoteStyle::plain && !needs_quotes(value) ? "?" : "!")
          << *text;
      const YAML::Node formatted = YAML::Load("k: " + format_string(value, style));
      EXPECT_EQ(formatted["k"].as<std::string>(), value) << format_string(value, style);
    }
  }
}

TEST(YamlEditRoundTrip, EditsOfTheSampleReadBackAsIntended) {
  std::string error;
  std::optional<std::string> text =
      set_scalar(k_partner, "stage", Scalar::string("prospect"), {}, &error);
  ASSERT_TRUE(text) << error;
  text = append_to_sequence(*text, "history", k_entry, {}, &error);
  ASSERT_TRUE(text) << error;
  text = set_in_mapping(*text, "checklist", "first-meeting", Scalar::raw("2026-11-23"), {}, &error);
  ASSERT_TRUE(text) << error;
  text = set_in_mapping(*text, "checklist", "draft-shared", Scalar::raw("2026-11-24"), {}, &error);
  ASSERT_TRUE(text) << error;
  const YAML::Node root = YAML::Load(*text);
  EXPECT_EQ(root["stage"].as<std::string>(), "prospect");
  ASSERT_EQ(root["history"].size(), 2u);
  EXPECT_EQ(root["history"][1]["date"].as<std::string>(), "2026-11-23");
  EXPECT_EQ(root["history"][1]["stage"].as<std::string>(), "prospect");
  EXPECT_EQ(root["history"][1]["reason"].as<std::string>(), "verbal close: yes");
  EXPECT_EQ(root["checklist"]["first-meeting"].as<std::string>(), "2026-11-23");
  EXPECT_EQ(root["checklist"]["draft-shared"].as<std::string>(), "2026-11-24");
  EXPECT_EQ(root["checklist"]["hail-the-lead"].as<std::string>(), "2026-10-02");
  EXPECT_EQ(root["description"].as<std::string>(),
            "Acme runs food hubs.\n# not a comment: part of the text\n");
  EXPECT_EQ(root["name"].as<std::string>(), "Acme Co-op");
}

}  // namespace
}  // namespace partnerops::yaml

// The demo organisation's partner files, edited as `advance` and `record`
// will edit them, still parse with the project's parser, read back the new
// values at the expected places, and keep every original line in order.
namespace partnerops::yaml::demo {

using partnerops::testing::read_file;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// True when `needle` lines appear in `haystack` in order (other lines between).
bool is_subsequence(const std::vector<std::string>& needle,
                    const std::vector<std::string>& haystack) {
  std::size_t i = 0;
  for (const std::string& line : haystack) {
    if (i < needle.size() && line == needle[i]) ++i;
  }
  return i == needle.size();
}

TEST(YamlEditDemo, EditsOfEveryDemoPartnerParseAndKeepTheirLines) {
  const std::filesystem::path partners = std::filesystem::path(PARTNEROPS_SOURCE_DIR) / "partners";
  std::size_t files = 0;
  for (const auto& folder : std::filesystem::directory_iterator(partners)) {
    const std::filesystem::path file = folder.path() / "partner.yaml";
    if (!std::filesystem::exists(file)) continue;
    ++files;
    const std::string original = read_file(file);
    std::string error;
    std::optional<std::string> text =
        set_scalar(original, "stage", Scalar::string("partner"), {}, &error);
    ASSERT_TRUE(text) << file << ": " << error;
    text = append_to_sequence(*text, "history",
                              {{"date", Scalar::raw("2026-11-23")},
                               {"stage", Scalar::string("partner")},
                               {"reason", Scalar::string("agreement executed: all signed #final")}},
                              {}, &error);
    ASSERT_TRUE(text) << file << ": " << error;
    text = set_in_mapping(*text, "checklist", "edited-by-the-test", Scalar::raw("2026-11-24"),
                          "history", &error);
    ASSERT_TRUE(text) << file << ": " << error;

    Diagnostics diagnostics;
    std::unique_ptr<yaml::Document> doc = parse(file.string(), *text, diagnostics);
    ASSERT_TRUE(doc) << file;
    EXPECT_TRUE(diagnostics.empty()) << file << ": " << diagnostics.items().front().message;
    const Node& root = doc->root();
    ASSERT_NE(root.find("stage"), nullptr);
    EXPECT_EQ(root.find("stage")->text(), "partner");
    const Node* history = root.find("history");
    ASSERT_TRUE(history != nullptr && history->is_sequence()) << file;
    const Node* last = history->items().back();
    EXPECT_EQ(last->find("date")->text(), "2026-11-23");
    EXPECT_EQ(last->find("stage")->text(), "partner");
    EXPECT_EQ(last->find("reason")->text(), "agreement executed: all signed #final");
    EXPECT_TRUE(last->find("reason")->quoted());
    EXPECT_EQ(root.find("checklist")->find("edited-by-the-test")->text(), "2026-11-24");

    // Every original line but the stage line is still there, in order; the
    // new text has exactly the added lines more (4, plus 1 for a new
    // `checklist:` key).
    std::vector<std::string> before = split_lines(original);
    const std::vector<std::string> after = split_lines(*text);
    const auto stage = std::find_if(before.begin(), before.end(), [](const std::string& line) {
      return line.rfind("stage:", 0) == 0;
    });
    ASSERT_NE(stage, before.end());
    before.erase(stage);
    EXPECT_TRUE(is_subsequence(before, after)) << file;
    const bool had_checklist = original.find("\nchecklist:") != std::string::npos;
    EXPECT_EQ(after.size(), before.size() + 1 + 3 + (had_checklist ? 1 : 2)) << file;
  }
  EXPECT_GE(files, 6u);
}

}  // namespace partnerops::yaml::demo
