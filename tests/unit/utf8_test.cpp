// UTF-8 validity and code points: the strict reading the YAML loader, the
// YAML editor and slugs share.

#include "util/utf8.hpp"

#include <gtest/gtest.h>
#include <utf8.h>

#include <random>
#include <string>

namespace partnerops::util {
namespace {

TEST(Utf8, FindsTheFirstByteOfAnInvalidSequence) {
  EXPECT_EQ(find_invalid_utf8("Société ✓ 𝄞"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(std::string_view("a\0b", 3)), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);                // no sequence starts with 0xFF
  EXPECT_EQ(find_invalid_utf8("a\xc3"), 1u);                 // cut short
  EXPECT_EQ(find_invalid_utf8("a\xc3("), 1u);                // not a continuation byte
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);              // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xe0\x80\xaf"), 0u);          // overlong, three bytes
  EXPECT_EQ(find_invalid_utf8("ok\xed\xa0\x80"), 2u);        // a surrogate, U+D800
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u);      // past U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xf8\x88\x80\x80\x80"), 0u);  // five bytes
  EXPECT_TRUE(is_valid_utf8("Łódź"));
  EXPECT_FALSE(is_valid_utf8("\x85"));
}

TEST(Utf8, SkippingAsciiFindsWhatTheWholeCheckFinds) {
  // Long ASCII stretches (skipped a word at a time) around every kind of
  // sequence, valid or broken, at every alignment: the offset must be the
  // one UTF8-CPP reports for the whole text.
  const std::string pieces[] = {"a",
                                "0123456789abcdef",
                                "\n",
                                "é",
                                "✓",
                                "𝄞",
                                "\xff",
                                "\xc3",
                                "\xc3(",
                                "\xc0\xaf",
                                "\xed\xa0\x80",
                                "\xf4\x90\x80\x80",
                                "\xe2\x9c",
                                "\x80",
                                "\xe2\x9c\x93\x93"};
  std::mt19937 random(17);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      // Mostly valid pieces, so some texts are valid throughout.
      const std::size_t pick = random() % 20;
      text += pick < 15 ? pieces[pick % 6] : pieces[6 + random() % 9];
    }
    SCOPED_TRACE(::testing::PrintToString(text));
    ASSERT_EQ(find_invalid_utf8(text), utf8::find_invalid(std::string_view(text)));
    ASSERT_EQ(is_valid_utf8(text), utf8::is_valid(std::string_view(text)));
  }
}

TEST(Utf8, ReadsCodePointsWithInvalidSequencesAsReplacementCharacters) {
  EXPECT_EQ(code_points("aé€𝄞"), std::u32string(U"aé€𝄞"));
  EXPECT_EQ(code_points("a\xffz"), std::u32string(U"a\uFFFDz"));
  EXPECT_EQ(code_points(""), std::u32string());
}

}  // namespace
}  // namespace partnerops::util
