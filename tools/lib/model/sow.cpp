#include "model/sow.hpp"

namespace partnerops {

namespace {

/// Hours written as a YAML number (6, 2.5), read exactly. The schema
/// already refused anything but a number; a number that is not a plain
/// decimal (1e3, more than 6 decimals) is reported rather than dropped
/// from the totals.
std::optional<Field<Quantity>> hours(Reader& reader, const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  if (!node) return std::nullopt;
  if (node->kind() == yaml::Kind::integer || node->kind() == yaml::Kind::floating) {
    if (const std::optional<Quantity> quantity = parse_quantity(node->text()))
      return Field<Quantity>{*quantity, node->position()};
  }
  reader.diagnostics().error(
      "quantity-invalid", reader.file(), node->position(),
      "'" + std::string(key) + "' is not a number of hours: " + std::string(node->text()),
      "write whole hours (6) or a decimal with at most 6 decimals (2.5)");
  return std::nullopt;
}

std::optional<Quantity> sum(const std::vector<SowEstimate>& estimates,
                            std::optional<Field<Quantity>> SowEstimate::*hours_of) {
  std::optional<Quantity> total = Quantity{};
  for (const SowEstimate& estimate : estimates)
    if (const auto& h = estimate.*hours_of; h && total) total = add(*total, h->value);
  return total;
}

}  // namespace

std::optional<Quantity> SowDeliverable::low_hours() const {
  return sum(estimates, &SowEstimate::low_hours);
}

std::optional<Quantity> SowDeliverable::high_hours() const {
  return sum(estimates, &SowEstimate::high_hours);
}

const SowRate* Sow::rate_of(std::string_view role) const {
  for (const SowRate& rate : rates)
    if (rate.role.value == role) return &rate;
  return nullptr;
}

bool is_plain_decimal(std::string_view text) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto digits = [](std::string_view part) {
    if (part.empty()) return false;
    for (char c : part)
      if (c < '0' || c > '9') return false;
    return true;
  };
  return digits(whole) && (point == std::string_view::npos || digits(fraction));
}

Sow read_sow(Reader& reader) {
  const yaml::Node& root = reader.root();
  Sow sow;
  sow.file = reader.file();
  sow.id = reader.text_field(root, "id");
  sow.status = reader.text_field(root, "status");
  sow.agreement = reader.text_field(root, "agreement");
  sow.currency = reader.text_field(root, "currency");
  for (const yaml::Node* item : reader.list(root, "rates")) {
    SowRate rate{reader.text_field(*item, "role"), reader.text_field(*item, "rate"), std::nullopt,
                 reader.boolean(*item, "free")};
    if (is_plain_decimal(rate.text.value)) {
      if (const std::optional<Field<Money>> money = reader.money(*item, "rate", sow.currency.value))
        rate.rate = money->value;
    }
    sow.rates.push_back(std::move(rate));
  }
  for (const yaml::Node* item : reader.list(root, "deliverables")) {
    SowDeliverable deliverable{reader.text_field(*item, "id"),
                               reader.text(*item, "title"),
                               reader.text_field(*item, "role"),
                               {}};
    for (const yaml::Node* estimate : reader.list(*item, "estimates"))
      deliverable.estimates.push_back(SowEstimate{reader.text(*estimate, "task"),
                                                  hours(reader, *estimate, "low_hours"),
                                                  hours(reader, *estimate, "high_hours")});
    sow.deliverables.push_back(std::move(deliverable));
  }
  for (const yaml::Node* item : reader.list(root, "timeline"))
    sow.timeline.push_back(SowTimelineEntry{reader.text_field(*item, "deliverable"),
                                            reader.date(*item, "start"),
                                            reader.date(*item, "end")});
  for (const yaml::Node* item : reader.list(root, "milestones"))
    sow.milestones.push_back(SowMilestone{reader.text_field(*item, "id"),
                                          reader.money(*item, "amount", sow.currency.value),
                                          reader.boolean(*item, "free")});
  sow.user_stories_intro = reader.text(root, "user_stories_intro");
  sow.out_of_scope_intro = reader.text(root, "out_of_scope_intro");
  sow.roles_intro = reader.text(root, "roles_intro");
  return sow;
}

}  // namespace partnerops
