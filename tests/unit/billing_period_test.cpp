// Billing periods: which months a fee bills in, month ends, leap years and
// the labels printed on invoice lines.

#include <gtest/gtest.h>

#include "billing/period.hpp"

namespace partnerops::billing {
namespace {

Month month(std::string_view text) { return Month::parse(text).value(); }
Date date(std::string_view text) { return Date::parse(text).value(); }

TEST(BillingMonth, ParsesOnlyYearDashMonth) {
  EXPECT_EQ(month("2026-11").iso(), "2026-11");
  EXPECT_EQ(month("2026-11").year(), 2026);
  EXPECT_EQ(month("2026-11").month(), 11u);
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", ""})
    EXPECT_FALSE(Month::parse(bad).has_value()) << bad;
}

TEST(BillingMonth, ArithmeticCrossesYears) {
  EXPECT_EQ(month("2026-11").plus(3).iso(), "2027-02");
  EXPECT_EQ(month("2027-01").plus(-1).iso(), "2026-12");
  EXPECT_EQ(month("2027-02").since(month("2026-11")), 3);
  EXPECT_EQ(month("2026-11").since(month("2027-02")), -3);
}

TEST(BillingMonth, MonthEndsAndLeapYears) {
  EXPECT_EQ(month("2026-01").last_day().iso(), "2026-01-31");
  EXPECT_EQ(month("2026-04").last_day().iso(), "2026-04-30");
  EXPECT_EQ(month("2026-02").last_day().iso(), "2026-02-28");
  EXPECT_EQ(month("2028-02").last_day().iso(), "2028-02-29");  // divisible by 4
  EXPECT_EQ(month("2100-02").last_day().iso(), "2100-02-28");  // by 100, not 400
  EXPECT_EQ(month("2000-02").last_day().iso(), "2000-02-29");  // by 400
  EXPECT_EQ(month("2026-12").last_day().iso(), "2026-12-31");
  EXPECT_EQ(month("2026-12").first_day().iso(), "2026-12-01");
}

TEST(BillingSchedule, ParsesTheAgreementNames) {
  EXPECT_EQ(parse_schedule("monthly"), Schedule::monthly);
  EXPECT_EQ(parse_schedule("quarterly"), Schedule::quarterly);
  EXPECT_EQ(parse_schedule("annual"), Schedule::annual);
  EXPECT_EQ(parse_schedule("one-off"), Schedule::one_off);
  EXPECT_EQ(parse_schedule("milestones"), Schedule::milestones);
  EXPECT_FALSE(parse_schedule("weekly").has_value());
}

TEST(BillsIn, MonthlyEveryMonthFromTheFirst) {
  const TermBounds open;
  EXPECT_FALSE(bills_in(Schedule::monthly, month("2026-03"), month("2026-02"), open));
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2026-03"), month("2026-03"), open));
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2026-03"), month("2026-04"), open));
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2026-03"), month("2031-12"), open));
}

TEST(BillsIn, QuarterlyEveryThirdMonth) {
  const TermBounds open;
  const Month first = month("2026-02");
  std::string billed;
  for (Month m = month("2026-01"); m <= month("2027-03"); m = m.plus(1))
    if (bills_in(Schedule::quarterly, first, m, open)) billed += m.iso() + " ";
  EXPECT_EQ(billed, "2026-02 2026-05 2026-08 2026-11 2027-02 ");
}

TEST(BillsIn, AnnualOnTheAnniversaryMonth) {
  const TermBounds open;
  EXPECT_TRUE(bills_in(Schedule::annual, month("2026-02"), month("2026-02"), open));
  EXPECT_FALSE(bills_in(Schedule::annual, month("2026-02"), month("2026-08"), open));
  EXPECT_FALSE(bills_in(Schedule::annual, month("2026-02"), month("2027-01"), open));
  EXPECT_TRUE(bills_in(Schedule::annual, month("2026-02"), month("2027-02"), open));
  EXPECT_TRUE(bills_in(Schedule::annual, month("2026-02"), month("2030-02"), open));
}

TEST(BillsIn, OneOffOnlyInItsMonth) {
  const TermBounds open;
  EXPECT_TRUE(bills_in(Schedule::one_off, month("2026-02"), month("2026-02"), open));
  EXPECT_FALSE(bills_in(Schedule::one_off, month("2026-02"), month("2026-03"), open));
  EXPECT_FALSE(bills_in(Schedule::one_off, month("2026-02"), month("2027-02"), open));
  EXPECT_FALSE(bills_in(Schedule::one_off, month("2026-02"), month("2026-01"), open));
}

TEST(BillsIn, MilestonesNeverByTheCalendar) {
  EXPECT_FALSE(bills_in(Schedule::milestones, month("2026-02"), month("2026-02"), {}));
}

TEST(BillsIn, NothingOutsideTheTerm) {
  // Lakeshore's term: 2026-02-01 to 2027-01-31, quarterly from 2026-02.
  const TermBounds term{date("2026-02-01"), date("2027-01-31")};
  EXPECT_TRUE(bills_in(Schedule::quarterly, month("2026-02"), month("2026-11"), term));
  EXPECT_FALSE(bills_in(Schedule::quarterly, month("2026-02"), month("2027-02"), term));
  // A period that only touches the term still bills: the term ends mid-month.
  const TermBounds mid{date("2026-01-15"), date("2026-03-10")};
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2026-01"), month("2026-01"), mid));
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2026-01"), month("2026-03"), mid));
  EXPECT_FALSE(bills_in(Schedule::monthly, month("2026-01"), month("2026-04"), mid));
  // A term starting on the last day of a month reaches that month.
  const TermBounds late{date("2028-02-29"), std::nullopt};
  EXPECT_TRUE(bills_in(Schedule::monthly, month("2028-01"), month("2028-02"), late));
  EXPECT_FALSE(bills_in(Schedule::monthly, month("2028-01"), month("2028-01"), late));
}

TEST(MilestoneDueIn, TheMonthOfTheDueDateInclusive) {
  EXPECT_TRUE(milestone_due_in(date("2028-02-29"), month("2028-02")));
  EXPECT_TRUE(milestone_due_in(date("2026-12-01"), month("2026-12")));
  EXPECT_TRUE(milestone_due_in(date("2026-12-31"), month("2026-12")));
  EXPECT_FALSE(milestone_due_in(date("2027-01-01"), month("2026-12")));
  EXPECT_FALSE(milestone_due_in(date("2026-11-30"), month("2026-12")));
}

TEST(CoverageLabel, NamesTheMonthsBilled) {
  EXPECT_EQ(coverage_label(Schedule::monthly, month("2026-12")), "December 2026");
  EXPECT_EQ(coverage_label(Schedule::quarterly, month("2026-11")), "November 2026 – January 2027");
  EXPECT_EQ(coverage_label(Schedule::quarterly, month("2026-02")), "February – April 2026");
  EXPECT_EQ(coverage_label(Schedule::annual, month("2026-02")), "February 2026 – January 2027");
  EXPECT_EQ(coverage_label(Schedule::annual, month("2026-01")), "January – December 2026");
  EXPECT_EQ(coverage_label(Schedule::one_off, month("2026-02")), "");
  EXPECT_EQ(coverage_label(Schedule::milestones, month("2026-02")), "");
}

}  // namespace
}  // namespace partnerops::billing
