#pragma once
// The organisation itself, from partnerops.yaml: who issues the documents,
// how numbers are made, and the defaults documents inherit.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/reader.hpp"

namespace partnerops {

struct Organisation {
  std::string file;
  std::string name;
  std::string legal_name;
  std::string email;
  std::map<std::string, std::string, std::less<>> numbering;  ///< "invoice" -> "INV-{year}-{seq:4}"
  std::map<std::string, Position, std::less<>> numbering_positions;  ///< where each rule is written
  std::string default_currency;
  std::optional<std::int64_t> payment_terms_days;
  Field<std::string> logo;
  /// outreach.service_description: the prose of the service description
  /// document, relative to the repository root.
  Field<std::string> service_description;
  std::map<std::string, std::vector<std::string>, std::less<>> roles;  ///< role -> emails
  std::optional<std::int64_t> lead_inactive_days;
  std::optional<std::int64_t> renewal_notice_days;
  std::optional<std::int64_t> negotiation_stall_days;
};

Organisation read_organisation(Reader& reader);

}  // namespace partnerops
