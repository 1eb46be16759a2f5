// Numbering rules: a number is a file name (invoices/<number>.yaml), so a
// rule whose literal text could make a path or a ref is not a rule.

#include "model/numbering.hpp"

#include <gtest/gtest.h>

namespace partnerops {
namespace {

TEST(NumberingRule, ParsesTheUsualRules) {
  for (const char* rule : {"INV-{year}-{seq:4}", "CN-{year}-{seq:4}", "Q-{year}-{seq:3}",
                           "{year}.{seq:5}", "inv_{seq}"}) {
    EXPECT_TRUE(NumberingRule::parse(rule)) << rule;
  }
  EXPECT_EQ(NumberingRule::parse("INV-{year}-{seq:4}")->format(2026, 7), "INV-2026-0007");
}

TEST(NumberingRule, RefusesLiteralTextThatMakesAPathOrABadRef) {
  for (const char* rule :
       {"INV/{year}/{seq:4}", "../{seq}", "INV..{seq}", "INV {seq}", ".{seq}", "-{seq}", "{seq}.",
        "INV\\{seq}", "INV~{seq}", "INV:{seq}", "INV-{seq}-\xc3\xa9"}) {
    EXPECT_FALSE(NumberingRule::parse(rule)) << rule;
  }
}

}  // namespace
}  // namespace partnerops
