// The terms of an agreement: the written term, and the renewals an
// automatic renewal rolls into, which billing, the tickler, the report and
// the renewal notice all take from model/agreement.

#include <gtest/gtest.h>

#include "model/agreement.hpp"

namespace partnerops {
namespace {

Date date(const char* text) { return *Date::parse(text); }

Agreement agreement(const char* start, const char* end, const char* renewal, int notice_days,
                    std::optional<std::int64_t> renewal_months = std::nullopt) {
  Agreement out;
  out.term = Term{Field<Date>{date(start), {}}, Field<Date>{date(end), {}}, renewal, notice_days,
                  renewal_months};
  return out;
}

/// "start..end #renewals deadline"
std::string text(const std::optional<TermSpan>& term) {
  if (!term) return "none";
  return term->start.iso() + ".." + term->end.iso() + " #" + std::to_string(term->renewals) + " " +
         term->notice_deadline.iso();
}

TEST(AgreementTerm, AutomaticRenewalRollsIntoTermsOfTheWrittenLength) {
  // Noordzee: 12 months from 2026-07-01, 90 days' notice.
  const Agreement a = agreement("2026-07-01", "2027-06-30", "auto", 90);
  EXPECT_EQ(text(a.term_on(date("2026-06-30"))), "none");
  EXPECT_EQ(text(a.term_on(date("2026-07-01"))), "2026-07-01..2027-06-30 #0 2027-04-01");
  EXPECT_EQ(text(a.term_on(date("2027-06-30"))), "2026-07-01..2027-06-30 #0 2027-04-01");
  EXPECT_EQ(text(a.term_on(date("2027-07-01"))), "2027-07-01..2028-06-30 #1 2028-04-01");
  EXPECT_EQ(text(a.term_on(date("2028-06-30"))), "2027-07-01..2028-06-30 #1 2028-04-01");
  EXPECT_EQ(text(a.term_on(date("2031-01-15"))), "2030-07-01..2031-06-30 #4 2031-04-01");
  EXPECT_EQ(a.last_day(), std::nullopt);
  EXPECT_EQ(a.ended_before(date("2031-01-15")), std::nullopt);
  // Before the start, the current term is the written one.
  EXPECT_EQ(text(a.current_term(date("2026-01-01"))), "2026-07-01..2027-06-30 #0 2027-04-01");
}

TEST(AgreementTerm, RenewalMonthsSetTheLengthOfEachRenewal) {
  const Agreement a = agreement("2026-02-01", "2027-01-31", "auto", 30, 6);
  EXPECT_EQ(text(a.term_on(date("2027-02-01"))), "2027-02-01..2027-07-31 #1 2027-07-01");
  EXPECT_EQ(text(a.term_on(date("2027-08-01"))), "2027-08-01..2028-01-31 #2 2028-01-01");
  EXPECT_EQ(text(a.term_after(*a.first_term())), "2027-02-01..2027-07-31 #1 2027-07-01");
}

TEST(AgreementTerm, MonthEndsStayMonthEnds) {
  // One month from 31 January: February's last day, then 31 March.
  const Agreement a = agreement("2026-01-31", "2026-02-27", "auto", 0);
  EXPECT_EQ(text(a.term_on(date("2026-03-15"))), "2026-02-28..2026-03-30 #1 2026-03-30");
  EXPECT_EQ(text(a.term_on(date("2026-03-31"))), "2026-03-31..2026-04-29 #2 2026-04-29");
  // A leap day: 2028-02-29 + 12 months is 2029-02-28.
  const Agreement leap = agreement("2028-02-29", "2029-02-27", "auto", 0);
  EXPECT_EQ(text(leap.term_on(date("2029-03-01"))), "2029-02-28..2030-02-27 #1 2030-02-27");
}

TEST(AgreementTerm, ATermOfOddLengthRenewsByItsDays) {
  // 2026-01-15 to 2026-03-10 is 55 days.
  const Agreement a = agreement("2026-01-15", "2026-03-10", "auto", 5);
  EXPECT_EQ(text(a.term_on(date("2026-03-11"))), "2026-03-11..2026-05-04 #1 2026-04-29");
  EXPECT_EQ(text(a.term_on(date("2026-05-05"))), "2026-05-05..2026-06-28 #2 2026-06-23");
}

TEST(AgreementTerm, ManualAndNoneEndWithTheWrittenTerm) {
  for (const char* renewal : {"manual", "none"}) {
    const Agreement a = agreement("2026-02-01", "2027-01-31", renewal, 30);
    EXPECT_EQ(text(a.term_on(date("2027-01-31"))), "2026-02-01..2027-01-31 #0 2027-01-01");
    EXPECT_EQ(text(a.term_on(date("2027-02-01"))), "none");
    EXPECT_EQ(text(a.current_term(date("2027-02-01"))), "none");
    EXPECT_EQ(a.last_day(), date("2027-01-31"));
    EXPECT_EQ(a.ended_before(date("2027-01-31")), std::nullopt);
    EXPECT_EQ(a.ended_before(date("2027-02-01")), date("2027-01-31"));
    // What a signed renewal would cover: the same length again.
    EXPECT_EQ(text(a.term_after(*a.first_term())), "2027-02-01..2028-01-31 #1 2028-01-01");
  }
}

TEST(AgreementTerm, NoTermWithoutBothDates) {
  Agreement a;
  a.term.renewal = "auto";
  EXPECT_EQ(text(a.term_on(date("2026-01-01"))), "none");
  EXPECT_EQ(text(a.current_term(date("2026-01-01"))), "none");
}

}  // namespace
}  // namespace partnerops
