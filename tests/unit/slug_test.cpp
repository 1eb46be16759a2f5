// Folder names from organisation names: transliteration, separators,
// trimming and the length cap.

#include "util/slug.hpp"

#include <gtest/gtest.h>

namespace partnerops::util {
namespace {

TEST(Slug, TransliteratesLatinAccents) {
  EXPECT_EQ(slugify("Société Générale des Eaux"), "societe-generale-des-eaux");
  EXPECT_EQ(slugify("Øresund Straße Æble"), "oresund-strasse-aeble");
  EXPECT_EQ(slugify("Łódź Politechnika Śląska"), "lodz-politechnika-slaska");
  EXPECT_EQ(slugify("Þingvellir Œuvre Ĳssel"), "thingvellir-oeuvre-ijssel");
  EXPECT_EQ(slugify("ÀÁÂÃÄÅàáâãäå"), "aaaaaaaaaaaa");
  EXPECT_EQ(transliterate(U'ß'), "ss");
  EXPECT_EQ(transliterate(U'ø'), "o");
  EXPECT_EQ(transliterate(U'ſ'), "s");
  EXPECT_EQ(transliterate(U'×'), "");
  EXPECT_EQ(transliterate(U'Ā' - 1), "y");  // ÿ, the last Latin-1 letter
  EXPECT_EQ(transliterate(U'ƀ'), "");       // past Latin Extended-A
}

TEST(Slug, LowercasesAndJoinsWordsWithOneHyphen) {
  EXPECT_EQ(slugify("  --ACME   Lab, Inc.!! "), "acme-lab-inc");
  EXPECT_EQ(slugify("O'Brien & Sons: \"Data\" #1"), "o-brien-sons-data-1");
  EXPECT_EQ(slugify("a\nb\tc"), "a-b-c");
  EXPECT_EQ(slugify("R2-D2 × C-3PO"), "r2-d2-c-3po");
}

TEST(Slug, OtherScriptsAndBrokenBytesSeparateWords) {
  EXPECT_EQ(slugify("東京"), "");
  EXPECT_EQ(slugify("★"), "");
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("Kyoto 京都 Lab"), "kyoto-lab");
  EXPECT_EQ(slugify("a\xff"
                    "b\xc3"),
            "a-b");
}

TEST(Slug, CapsTheLengthAtAWordBoundary) {
  EXPECT_EQ(slugify("alpha beta gamma", 12), "alpha-beta");
  EXPECT_EQ(slugify("alpha beta gamma", 10), "alpha-beta");
  EXPECT_EQ(slugify("abcdefghijklmnop", 5), "abcde");
  const std::string longest = slugify(std::string(100, 'x') + " y");
  EXPECT_EQ(longest, std::string(k_max_slug_length, 'x'));
}

TEST(SafeIdentifier, AcceptsIdsAndRefusesPathsAndBadRefs) {
  for (const char* id : {"hub-migration", "2027-deployment", "D1", "v1.2_final"})
    EXPECT_TRUE(util::is_safe_identifier(id)) << id;
  for (const char* id :
       {"", "../x", "a/b", "a..b", "-x", ".x", "x.", "x.lock", "a b", "a\\b", "caf\xc3\xa9"})
    EXPECT_FALSE(util::is_safe_identifier(id)) << id;
}

}  // namespace
}  // namespace partnerops::util
