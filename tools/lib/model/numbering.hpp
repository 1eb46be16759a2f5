#pragma once
// Document numbers made from a rule in partnerops.yaml such as
// "INV-{year}-{seq:4}": literal text, the four-digit year, and a sequence
// number zero-padded to a width. Numbers sharing everything but the
// sequence form one sequence, which must run 1, 2, 3… with no gaps.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops {

class NumberingRule {
 public:
  /// Parses a rule; nullopt when it has no {seq} or an unknown placeholder.
  static std::optional<NumberingRule> parse(std::string_view pattern);

  struct Match {
    std::string sequence;  ///< the number with its sequence part removed ("INV-2026-")
    long long seq = 0;
  };

  /// Splits `number` into its sequence and position; nullopt when the number
  /// does not follow the rule.
  std::optional<Match> match(std::string_view number) const;

  /// The number at `seq` in `year`'s sequence.
  std::string format(int year, long long seq) const;

  const std::string& pattern() const { return m_pattern; }

 private:
  enum class PartKind { literal, year, seq };
  struct Part {
    PartKind kind;
    std::string text;  // literal text
    int width = 0;     // seq padding
  };
  std::string m_pattern;
  std::vector<Part> m_parts;
};

}  // namespace partnerops
