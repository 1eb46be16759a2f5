#pragma once
// Who is billed: a partner's billing address, accounts-payable contact and
// tax number (partner.yaml `billing`), and the purchase-order number an
// agreement or an invoice carries. Documents print them in their "Bill to"
// block, the fiscal sponsor's CSV fills its address and reference columns
// from them, and an issued invoice requires the address and the contact.

#include <optional>
#include <string>
#include <vector>

#include "model/field.hpp"
#include "model/reader.hpp"

namespace partnerops {

struct PostalAddress {
  std::vector<std::string> lines;  ///< street lines, first to last
  std::string city;
  std::string region;       ///< may be empty
  std::string postal_code;  ///< may be empty
  std::string country;
  std::string country_code;  ///< ISO 3166-1 alpha-2; empty when not written

  /// The address as it prints under the name: the street lines, then
  /// "City, Region PostalCode" with a region or "PostalCode City" without
  /// one, then the country.
  std::vector<std::string> printed_lines() const;
};

struct BillingContact {
  std::string name;
  Field<std::string> email;
};

struct Billing {
  std::optional<PostalAddress> address;
  std::optional<BillingContact> accounts_payable;
  std::string tax_id;  ///< empty when the partner has none
  /// billing.einvoice as written; nullopt leaves it to the VAT number
  /// and the organisation (einvoice/einvoicing.hpp decides).
  std::optional<bool> einvoice;
  /// Where `billing:` is written, or the partner's root mapping when it is
  /// not: where a missing field is reported.
  Position position;

  /// The parts an issued invoice cannot go without, as they are named in
  /// messages ("billing.address", "billing.accounts_payable"); empty when
  /// both are there.
  std::vector<std::string> missing_for_invoice() const;
};

/// Reads `billing` of a schema-checked partner.yaml root.
Billing read_billing(Reader& reader, const yaml::Node& root);

}  // namespace partnerops
