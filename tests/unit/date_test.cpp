#include "model/date.hpp"

#include <gtest/gtest.h>

namespace partnerops {
namespace {

TEST(Date, ParsesOnlyRealIsoDates) {
  EXPECT_TRUE(Date::parse("2026-11-23").has_value());
  EXPECT_TRUE(Date::parse("2028-02-29").has_value());
  EXPECT_FALSE(Date::parse("2026-02-29").has_value());
  EXPECT_FALSE(Date::parse("2026-13-01").has_value());
  EXPECT_FALSE(Date::parse("2026-04-31").has_value());
  EXPECT_FALSE(Date::parse("2026-4-3").has_value());
  EXPECT_FALSE(Date::parse("26-11-2026").has_value());
  EXPECT_FALSE(Date::parse("2026-11-23T10:00").has_value());
}

TEST(Date, CountsDaysAcrossMonthsAndLeapYears) {
  const Date a = *Date::parse("2028-02-28");
  EXPECT_EQ(a.plus_days(1).iso(), "2028-02-29");
  EXPECT_EQ(a.plus_days(2).iso(), "2028-03-01");
  EXPECT_EQ(Date::parse("2027-01-01")->days_since(*Date::parse("2026-01-01")), 365);
  EXPECT_LT(*Date::parse("2026-01-31"), *Date::parse("2026-02-01"));
}

TEST(Date, MovesByMonthsClampingToTheMonthsLastDay) {
  EXPECT_EQ(Date::parse("2026-11-12")->plus_months(3).iso(), "2027-02-12");
  EXPECT_EQ(Date::parse("2026-11-30")->plus_months(3).iso(), "2027-02-28");
  EXPECT_EQ(Date::parse("2027-11-30")->plus_months(3).iso(), "2028-02-29");
  EXPECT_EQ(Date::parse("2026-05-31")->plus_months(12).iso(), "2027-05-31");
  EXPECT_EQ(Date::parse("2026-01-15")->plus_months(-1).iso(), "2025-12-15");
}

TEST(Date, FormatsIsoAndLongForm) {
  EXPECT_EQ(Date::parse("2026-03-04")->long_form(), "4 March 2026");
  EXPECT_EQ(Date::from_unix_seconds(0).iso(), "1970-01-01");
}

}  // namespace
}  // namespace partnerops
