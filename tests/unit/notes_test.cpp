#include "model/notes.hpp"

#include <gtest/gtest.h>

namespace partnerops {
namespace {

std::vector<std::string> isos(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date& date : dates) out.push_back(date.iso());
  return out;
}

TEST(NotesDates, DatedHeadingsInFileOrder) {
  const std::string notes =
      "# Running Notes — Acme\n"
      "\n"
      "## 2026-11-10 Draft Service Agreement Shared\n"
      "text ## 2026-11-11 not a heading\n"
      "### 2026-11-12 a subheading\n"
      "## 2026-02-30 not on the calendar\n"
      "## 2026-11-140 not a date\n"
      "## 2026-11-02\r\n"
      "## Agenda\n"
      "## 2026-11-15";
  EXPECT_EQ(isos(dated_headings(notes)),
            (std::vector<std::string>{"2026-11-10", "2026-11-02", "2026-11-15"}));
  EXPECT_TRUE(dated_headings("").empty());
}

}  // namespace
}  // namespace partnerops
