#include "model/assessment.hpp"

#include <array>

namespace partnerops {

namespace {

constexpr std::array<std::string_view, 3> k_priority_names = {"high", "medium", "low"};

/// A score the schema allows (an integer 1 to 5), or nullopt.
std::optional<int> score(const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  if (!node || node->kind() != yaml::Kind::integer) return std::nullopt;
  if (node->integer() < 1 || node->integer() > 5) return std::nullopt;
  return static_cast<int>(node->integer());
}

std::string text(const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  return node && node->is_string() ? std::string(node->text()) : std::string();
}

}  // namespace

std::string_view name_of(AssessmentPriority priority) {
  return k_priority_names[static_cast<std::size_t>(priority)];
}

std::optional<AssessmentPriority> assessment_priority_from_name(std::string_view name) {
  for (std::size_t i = 0; i < k_priority_names.size(); ++i)
    if (k_priority_names[i] == name) return static_cast<AssessmentPriority>(i);
  return std::nullopt;
}

std::optional<Assessment> read_assessment(const yaml::Node& partner_root) {
  const yaml::Node* node = partner_root.find("assessment");
  if (!node || !node->is_mapping()) return std::nullopt;
  const std::optional<int> fit = score(*node, "strategic_fit");
  const std::optional<int> stability = score(*node, "financial_stability");
  const std::optional<int> contribution = score(*node, "potential_contribution");
  const std::optional<AssessmentPriority> priority =
      assessment_priority_from_name(text(*node, "priority"));
  if (!fit || !stability || !contribution || !priority) return std::nullopt;
  Assessment out;
  out.strategic_fit = *fit;
  out.financial_stability = *stability;
  out.potential_contribution = *contribution;
  out.priority = *priority;
  out.assessed_on = Date::parse(text(*node, "assessed_on"));
  out.notes = text(*node, "notes");
  return out;
}

}  // namespace partnerops
