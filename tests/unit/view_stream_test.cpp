#include "util/view_stream.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

namespace partnerops::util {
namespace {

TEST(ViewStream, ReadsTheTextInPlace) {
  const std::string text = "key: value\nother: 2\n";
  ViewStream in(text);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "key: value");
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "other: 2");
  EXPECT_FALSE(std::getline(in, line));
  EXPECT_TRUE(in.eof());
}

TEST(ViewStream, PutsBackWhatWasReadButNeverWrites) {
  const std::string text = "ab";
  ViewStream in(text);
  EXPECT_EQ(in.get(), 'a');
  EXPECT_TRUE(in.putback('a'));
  EXPECT_EQ(in.get(), 'a');
  EXPECT_FALSE(in.putback('x'));  // a different character cannot go back
  EXPECT_EQ(text, "ab");
}

TEST(ViewStream, ReadsInBlocksAndFromEmptyText) {
  const std::string text(10000, 'y');
  ViewStream in(text);
  const std::string read{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(read, text);
  ViewStream empty{std::string_view()};
  EXPECT_EQ(empty.get(), std::char_traits<char>::eof());
}

}  // namespace
}  // namespace partnerops::util
