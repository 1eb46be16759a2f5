#pragma once
// A partner's assessment (SOP 6 template 1): strategic fit, financial
// stability and potential contribution scored 1 to 5, and the priority it
// was given in the prioritisation matrix. The assessment report ranks leads
// and prospects by it; partner.yaml holds it under `assessment:`.

#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "yaml/node.hpp"

namespace partnerops {

/// The priority an assessment gives, in the order the report ranks them.
enum class AssessmentPriority { high, medium, low };

/// "high", "medium", "low", as partner.yaml writes them.
std::string_view name_of(AssessmentPriority priority);
std::optional<AssessmentPriority> assessment_priority_from_name(std::string_view name);

struct Assessment {
  int strategic_fit = 1;           ///< 1 (poor) to 5 (excellent)
  int financial_stability = 1;     ///< 1 (poor) to 5 (excellent)
  int potential_contribution = 1;  ///< 1 (small) to 5 (large)
  AssessmentPriority priority = AssessmentPriority::low;
  std::optional<Date> assessed_on;
  std::string notes;  ///< Markdown

  /// The sum of the three scores, 3 to 15: the report's order within a
  /// priority (each criterion weighs the same, as the SOP's template lists
  /// them side by side without weights).
  int score() const { return strategic_fit + financial_stability + potential_contribution; }
};

/// The `assessment` of a partner.yaml root that passed its schema; nullopt
/// when there is none or it is not one the schema allows (a score outside
/// 1 to 5, an unknown priority), so nothing is ever drawn off the matrix.
std::optional<Assessment> read_assessment(const yaml::Node& partner_root);

}  // namespace partnerops
