#include "billing_options.hpp"

namespace partnerops::cli {

void add_billing_options(CLI::App& sub, scaffold::NewLeadBilling& billing) {
  sub.add_option("--billing-street", billing.street,
                 "A street line of the billing address; repeat for each line (at most four)");
  sub.add_option("--billing-city", billing.city, "The billing address's city");
  sub.add_option("--billing-region", billing.region,
                 "The billing address's state, province or region");
  sub.add_option("--billing-postal-code", billing.postal_code,
                 "The billing address's postal or ZIP code");
  sub.add_option("--billing-country", billing.country,
                 "The billing address's country, as it should print");
  sub.add_option("--ap-contact", billing.accounts_payable,
                 "The accounts-payable contact, as \"Name <email>\"");
  sub.add_option("--tax-id", billing.tax_id, "The partner's tax or VAT number");
}

}  // namespace partnerops::cli
