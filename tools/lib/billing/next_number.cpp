#include "billing/next_number.hpp"

#include <algorithm>

namespace partnerops::billing {

NextNumbers::NextNumbers(const Workspace& workspace, FileKind kind, NumberingRule rule,
                         std::string_view except)
    : m_rule(std::move(rule)) {
  for (const auto& file : workspace.files()) {
    if (file->kind != kind || file->path == except) continue;
    if (const std::optional<NumberingRule::Match> match = m_rule.match(written_number(*file))) {
      long long& last = m_last[match->sequence];
      last = std::max(last, match->seq);
    }
  }
}

std::string NextNumbers::take(int year) {
  const std::string first = m_rule.format(year, 1);
  const std::optional<NumberingRule::Match> match = m_rule.match(first);
  long long& last = m_last[match ? match->sequence : first];
  return m_rule.format(year, ++last);
}

std::optional<int> NextNumbers::year_of(std::string_view number, int fallback) const {
  const std::optional<NumberingRule::Match> match = m_rule.match(number);
  if (!match) return std::nullopt;
  auto same_sequence = [&](int year) {
    const std::optional<NumberingRule::Match> first = m_rule.match(m_rule.format(year, 1));
    return first && first->sequence == match->sequence;
  };
  if (same_sequence(fallback)) return fallback;
  // The year is four digits somewhere in the number's sequence part.
  const std::string& sequence = match->sequence;
  for (std::size_t at = 0; at + 4 <= sequence.size(); ++at) {
    const std::string digits = sequence.substr(at, 4);
    if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const int year = std::stoi(digits);
    if (same_sequence(year)) return year;
  }
  return std::nullopt;
}

std::optional<NumberingRule> numbering_rule(const Workspace& workspace, const std::string& key,
                                            Diagnostics& diagnostics) {
  const std::optional<Organisation>& organisation = workspace.organisation();
  std::string pattern;
  if (organisation) {
    const auto found = organisation->numbering.find(key);
    if (found != organisation->numbering.end()) pattern = found->second;
  }
  if (std::optional<NumberingRule> rule = NumberingRule::parse(pattern)) return rule;
  diagnostics.error("numbering-rule-invalid", "partnerops.yaml", {},
                    pattern.empty()
                        ? "partnerops.yaml sets no numbering." + key + " rule"
                        : "the " + key + " numbering rule '" + pattern + "' is not understood",
                    "use literal text with {year} and {seq:N}, e.g. numbering." + key + ": \"" +
                        (key == "invoice" ? "INV" : "CN") + "-{year}-{seq:4}\"");
  return std::nullopt;
}

}  // namespace partnerops::billing
