#pragma once
// A sample invoice as the fixture layout and invoice template
// (tests/render/fixtures/templates) expect it. Shared by the render tests
// and the render benchmark.

#include <mstch/mstch.hpp>
#include <string>

namespace partnerops::render::sample {

inline mstch::node text(const std::string& value) { return value; }

inline mstch::map fact(const std::string& label, const std::string& value) {
  return mstch::map{{"label", text(label)}, {"value", text(value)}};
}

inline mstch::map line(const std::string& description, const std::string& detail,
                       const std::string& quantity, const std::string& unit_price,
                       const std::string& amount) {
  mstch::map item{{"description", text(description)},
                  {"quantity", text(quantity)},
                  {"unit_price", text(unit_price)},
                  {"amount", text(amount)}};
  item["detail"] = detail.empty() ? mstch::node(false) : text(detail);
  return item;
}

/// The organisation sending every document. `logo_url` may be empty.
inline mstch::map organisation(const std::string& logo_url) {
  return mstch::map{
      {"name", text("Northwind Civic Tech")},
      {"logo_url", logo_url.empty() ? mstch::node(false) : text(logo_url)},
      {"address_lines", mstch::array{text("Northwind Civic Tech e.V."), text("Gartenstraße 12"),
                                     text("10115 Berlin, Germany")}},
      {"email", text("billing@northwind.example")},
      {"website", text("northwind.example")},
      {"legal_lines",
       mstch::array{text("Northwind Civic Tech e.V. · Registered association VR 12345 B, "
                         "Amtsgericht Charlottenburg · VAT ID DE123456789"),
                    text("Board: Ada Example (chair), Grace Sample · GLS Bank · IBAN DE02 4306 "
                         "0967 1234 5678 00 · BIC GENODEM1GLS")}},
  };
}

/// An invoice context; `partner_name` and `first_line` let tests put hostile
/// text into fields, `number` varies documents in the benchmark.
inline mstch::map invoice(const std::string& number, const std::string& partner_name,
                          const std::string& first_line, const std::string& notes_html,
                          const std::string& logo_url) {
  mstch::map document{
      {"kind", text("invoice")},
      {"language", text("en")},
      {"title", text("Invoice")},
      {"number", text(number)},
      {"recipient", mstch::map{{"label", text("Bill to")},
                               {"name", text(partner_name)},
                               {"address_lines", mstch::array{text("Attn. Accounts Payable"),
                                                              text("400 Harbor Street, Suite 12"),
                                                              text("Portland, OR 97204, USA")}},
                               {"contact", text("ap@acme-coop.example")}}},
      {"facts", mstch::array{fact("Invoice number", number), fact("Issue date", "3 March 2026"),
                             fact("Due date", "2 April 2026"), fact("Agreement", "SA-2025-007"),
                             fact("Your reference", "PO 88-1042")}},
  };
  mstch::map invoice_data{
      {"lines",
       mstch::array{
           line(first_line, "Monthly retainer, March 2026", "1", "€2,400.00", "€2,400.00"),
           line("Data pipeline maintenance", "Nightly imports, monitoring, two fixes", "12",
                "€95.00", "€1,140.00"),
           line("Training workshop for case workers", "", "2", "€650.00", "€1,300.00"),
           line("Hosting (shared cluster)", "1 March – 31 March 2026", "1", "€180.00", "€180.00")}},
      {"subtotal", text("€5,020.00")},
      {"taxes", mstch::array{mstch::map{{"label", text("VAT 19 %")}, {"amount", text("€953.80")}}}},
      {"total", text("€5,973.80")},
      {"payment",
       mstch::map{{"rows", mstch::array{fact("Account holder", "Northwind Civic Tech e.V."),
                                        fact("IBAN", "DE02 4306 0967 1234 5678 00"),
                                        fact("BIC", "GENODEM1GLS"), fact("Reference", number)}}}},
      {"notes_html", notes_html.empty() ? mstch::node(false) : text(notes_html)},
  };
  return mstch::map{
      {"organisation", organisation(logo_url)}, {"document", document}, {"invoice", invoice_data}};
}

}  // namespace partnerops::render::sample
