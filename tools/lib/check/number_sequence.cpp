#include "check/number_sequence.hpp"

#include <algorithm>
#include <map>

namespace partnerops {
void check_number_sequence(const CheckContext& context, const std::optional<NumberingRule>& rule,
                           const std::vector<NumberedDocument>& documents,
                           const NumberingVocabulary& vocabulary) {
  Diagnostics& out = context.diagnostics;
  const std::string noun(vocabulary.noun);
  struct Seen {
    const NumberedDocument* document;  // nullptr for a file that failed to load
    long long seq;
  };
  std::map<std::string, const NumberedDocument*> by_number;
  std::map<std::string, std::vector<Seen>> sequences;
  for (const NumberedDocument& document : documents) {
    const auto [existing, inserted] = by_number.emplace(document.number, &document);
    if (!inserted) {
      out.error(std::string(vocabulary.duplicate_code), document.file, document.position,
                "the " + noun + " number " + document.number + " is also used by " +
                    existing->second->file,
                std::string(vocabulary.duplicate_hint));
      continue;
    }
    if (!rule) continue;
    const std::optional<NumberingRule::Match> match = rule->match(document.number);
    if (!match) {
      const int year = (document.issued ? *document.issued : context.today).year();
      out.error(std::string(vocabulary.format_code), document.file, document.position,
                "the " + noun + " number " + document.number + " does not follow the rule " +
                    rule->pattern(),
                "numbers look like " + rule->format(year, 1) + "; rename the file to match");
      continue;
    }
    sequences[match->sequence].push_back({&document, match->seq});
  }
  if (!rule) return;

  for (const auto& file : context.workspace.files()) {
    if (file->kind != vocabulary.kind || file->valid) continue;
    if (const std::optional<NumberingRule::Match> match = rule->match(written_number(*file)))
      sequences[match->sequence].push_back({nullptr, match->seq});
  }

  for (auto& [sequence, seen] : sequences) {
    std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.seq < b.seq; });
    long long expected = 1;
    for (const Seen& entry : seen) {
      // A number seen again comes from a file that failed to load; its
      // duplicate is not a gap.
      if (entry.seq < expected) continue;
      if (entry.seq != expected && entry.document) {
        const std::string missing = entry.seq == expected + 1
                                        ? "number " + std::to_string(expected) + " is missing"
                                        : "numbers " + std::to_string(expected) + " to " +
                                              std::to_string(entry.seq - 1) + " are missing";
        const NumberedDocument& document = *entry.document;
        out.error(std::string(vocabulary.gap_code), document.file, document.position,
                  "the " + noun + " sequence has a gap before " + document.number + ": " + missing,
                  std::string(vocabulary.gap_hint));
      }
      expected = entry.seq + 1;
    }

    // Numbers follow issue dates: walking the sequence in number order, an
    // issued document must not be dated before the latest earlier one.
    const NumberedDocument* latest = nullptr;
    for (const Seen& entry : seen) {
      const NumberedDocument* document = entry.document;
      if (!document || !document->issued || !document->issue_date_position) continue;
      if (latest && *document->issued < *latest->issued) {
        out.error(std::string(vocabulary.date_order_code), document->file,
                  *document->issue_date_position,
                  "the " + noun + " " + document->number + " is dated " + document->issued->iso() +
                      ", before " + latest->number + " of " + latest->issued->iso() +
                      ", which has an earlier number",
                  std::string(vocabulary.date_order_hint));
        continue;
      }
      latest = document;
    }
  }
}

}  // namespace partnerops
