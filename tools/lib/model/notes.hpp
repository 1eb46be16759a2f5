#pragma once
// The running notes (notes.md) as dated entries: every `## YYYY-MM-DD …`
// heading marks something that happened with the partner on that day.

#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace partnerops {

/// The dates of the `## YYYY-MM-DD` headings of a notes file, in file
/// order. Headings whose date is not on the calendar are left out (the
/// validator reports them as notes-date-invalid).
std::vector<Date> dated_headings(std::string_view notes);

}  // namespace partnerops
