// SHA-256 and base64 give the standard answers: input hashes and logo data
// URLs must not change when their implementation does.

#include "util/digest.hpp"

#include <gtest/gtest.h>

namespace partnerops::util {
namespace {

TEST(Sha256, MatchesTheStandardTestVectors) {
  Sha256 empty;
  EXPECT_EQ(empty.hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 abc;
  abc.add("abc");
  EXPECT_EQ(abc.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, PiecesHashLikeTheWhole) {
  Sha256 pieces;
  pieces.add("abcdbcdecdefdefgefghfghighijhijk");
  pieces.add("");
  pieces.add("ijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(pieces.hex(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Base64, MatchesRfc4648) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64(std::string("\0\xff\xfe", 3)), "AP/+");
}

}  // namespace
}  // namespace partnerops::util
