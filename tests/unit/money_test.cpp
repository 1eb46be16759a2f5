#include "model/money.hpp"

#include <gtest/gtest.h>

namespace partnerops {
namespace {

std::int64_t minor_of(std::string_view text, std::string_view currency = "USD") {
  const MoneyParse parsed = parse_money(text, currency);
  EXPECT_TRUE(parsed.money.has_value()) << text;
  return parsed.money ? parsed.money->minor : -1;
}

MoneyError error_of(std::string_view text, std::string_view currency = "USD") {
  return parse_money(text, currency).error;
}

TEST(Money, ParsesDecimalTextExactly) {
  EXPECT_EQ(minor_of("1234.50"), 123450);
  EXPECT_EQ(minor_of("1234.5"), 123450);
  EXPECT_EQ(minor_of("1200"), 120000);
  EXPECT_EQ(minor_of("0.01"), 1);
  EXPECT_EQ(minor_of("-80.00"), -8000);
  EXPECT_EQ(minor_of("1234.50 USD"), 123450);
  EXPECT_EQ(minor_of("0.1"), 10);  // exact; 0.1 has no exact double
  EXPECT_EQ(minor_of("92233720368547758.07"), 9223372036854775807);
}

TEST(Money, FollowsTheCurrencysMinorDigits) {
  EXPECT_EQ(minor_of("1200", "JPY"), 1200);
  EXPECT_EQ(error_of("1200.5", "JPY"), MoneyError::too_many_decimals);
  EXPECT_EQ(minor_of("1.234", "KWD"), 1234);
}

TEST(Money, RefusesWhatIsNotPlainDecimalText) {
  EXPECT_EQ(error_of("1,234.50"), MoneyError::grouping_separator);
  EXPECT_EQ(error_of("12.345"), MoneyError::too_many_decimals);
  EXPECT_EQ(error_of("12."), MoneyError::malformed);
  EXPECT_EQ(error_of(".5"), MoneyError::malformed);
  EXPECT_EQ(error_of("1e3"), MoneyError::malformed);
  EXPECT_EQ(error_of("$12"), MoneyError::malformed);
  EXPECT_EQ(error_of(""), MoneyError::empty);
  EXPECT_EQ(error_of("12.00 EUR"), MoneyError::currency_mismatch);
  EXPECT_EQ(error_of("12.00 XYZ"), MoneyError::unknown_currency);
  EXPECT_EQ(error_of("92233720368547758.08"), MoneyError::too_large);
}

TEST(Money, MultipliesQuantitiesWithHalfUpRounding) {
  EXPECT_EQ(multiply(*parse_quantity("3"), 12500), 37500);
  EXPECT_EQ(multiply(*parse_quantity("1.5"), 15000), 22500);
  EXPECT_EQ(multiply(*parse_quantity("0.333"), 100), 33);
  EXPECT_EQ(multiply(*parse_quantity("0.005"), 100), 1);  // 0.5 cent rounds up
  EXPECT_EQ(multiply(*parse_quantity("2"), -1999), -3998);
  EXPECT_FALSE(parse_quantity("1.").has_value());
  EXPECT_FALSE(parse_quantity("-1").has_value());
  EXPECT_FALSE(parse_quantity("1.1234567").has_value());
}

TEST(Money, FormatsForFilesAndForDocuments) {
  EXPECT_EQ(format_plain(123450, *find_currency("USD")), "1234.50");
  EXPECT_EQ(format_plain(-5, *find_currency("USD")), "-0.05");
  EXPECT_EQ(format_plain(1200, *find_currency("JPY")), "1200");
  EXPECT_EQ(format_display(Money{123456789, "USD"}), "$1,234,567.89");
  EXPECT_EQ(format_display(Money{-8000, "EUR"}), "-€80.00");
  EXPECT_EQ(format_display(Money{1200, "JPY"}), "¥1,200");
  EXPECT_EQ(format_display(Money{INT64_MIN, "USD"}), "-$92,233,720,368,547,758.08");
}

}  // namespace
}  // namespace partnerops
