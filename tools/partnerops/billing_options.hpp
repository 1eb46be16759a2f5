#pragma once
// The options of `new lead` that say who is billed (partner.yaml `billing`),
// declared in one place so the command file only wires them.

#include <CLI/CLI.hpp>

#include "scaffold/new_lead.hpp"

namespace partnerops::cli {

/// Declares --billing-street (repeatable), --billing-city, --billing-region,
/// --billing-postal-code, --billing-country, --ap-contact and --tax-id on
/// `sub`, filling `billing`.
void add_billing_options(CLI::App& sub, scaffold::NewLeadBilling& billing);

}  // namespace partnerops::cli
