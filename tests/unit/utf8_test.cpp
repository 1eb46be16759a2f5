// UTF-8 validity and code points: the strict reading the YAML loader, the
// YAML editor and slugs share.

#include "util/utf8.hpp"

#include <gtest/gtest.h>

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

TEST(Utf8, ReadsCodePointsWithInvalidSequencesAsReplacementCharacters) {
  EXPECT_EQ(code_points("aé€𝄞"), std::u32string(U"aé€𝄞"));
  EXPECT_EQ(code_points("a\xffz"), std::u32string(U"a\uFFFDz"));
  EXPECT_EQ(code_points(""), std::u32string());
}

}  // namespace
}  // namespace partnerops::util
