#pragma once
// The organisation itself, from partnerops.yaml: who issues the documents,
// how numbers are made, and the defaults documents inherit. Read once, when
// the file has passed its schema; C++ reads these typed fields, never the
// file's nodes by path. (Templates still get the file as JSON, from
// documents/context.)

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/billing.hpp"
#include "model/page_setup.hpp"
#include "model/priced_document.hpp"
#include "model/reader.hpp"

namespace partnerops {

/// defaults.date_style: how documents print dates.
enum class DateStyle {
  iso,        ///< 2026-11-23
  long_form,  ///< 23 November 2026 (`long` in the file)
};

/// branches: the names of the branches the committing commands create, with
/// placeholders ({slug}, {stage}, {period}). A pattern the file leaves out
/// keeps the default written here (docs/data-model.md names the same).
struct BranchPatterns {
  Field<std::string> advance{"advance/{slug}-{stage}", {}};
  Field<std::string> new_lead{"new/{slug}", {}};  ///< branches.new
  Field<std::string> invoice_run{"invoice-run/{period}", {}};
};

/// fiscal_sponsor: the legal entity that holds the organisation's funds and
/// may issue its invoices (`invoice handoff`) or sign its agreements.
struct FiscalSponsor {
  Position position;  ///< where fiscal_sponsor is written
  std::string name;
  std::string legal_name;
  std::string email;
  std::string tax_id;
  bool issues_invoices = false;
  bool signs_agreements = false;
  /// fiscal_sponsor.handoff.account_code and .tax_type, when written.
  std::optional<std::string> handoff_account_code;
  std::optional<std::string> handoff_tax_type;
};

/// Someone who signs agreements on our side (`signatories`).
struct OurSignatory {
  std::string name;
  std::string title;
  std::string email;
};

/// einvoicing: what structured e-invoices (EN 16931) need that printed
/// ones do not.
struct EInvoicing {
  Position position;  ///< where einvoicing is written
  /// The legal seller (BG-4): registered name, the name the buyer knows,
  /// a VAT number or a local tax registration, and a structured address.
  struct Seller {
    std::string name;
    std::string trading_name;
    std::string vat_id;
    std::string tax_registration;
    PostalAddress address;
  } seller;
  std::string unit_code;  ///< of lines that name no unit; empty when not written
  bool all_partners = false;
};

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
  /// outreach.from: the sending address of canned messages; empty when the
  /// file has no outreach (the organisation's email is used instead).
  Field<std::string> outreach_from;
  std::map<std::string, std::vector<std::string>, std::less<>> roles;  ///< role -> emails
  std::optional<std::int64_t> lead_inactive_days;
  std::optional<std::int64_t> renewal_notice_days;
  std::optional<std::int64_t> negotiation_stall_days;
  std::optional<TaxRule> default_tax;  ///< defaults.tax
  std::vector<OurSignatory> signatories;
  DateStyle date_style = DateStyle::iso;
  /// defaults.paper and defaults.margins_mm.
  PageSetup page;
  BranchPatterns branches;
  std::optional<FiscalSponsor> fiscal_sponsor;
  std::optional<EInvoicing> einvoicing;
  /// payment: the bank details invoices print (empty when not written).
  struct Payment {
    std::string bank;
    std::string account_name;
    std::string account_number;
    std::string iban;
    std::string swift;
  } payment;
};

Organisation read_organisation(Reader& reader);

}  // namespace partnerops
