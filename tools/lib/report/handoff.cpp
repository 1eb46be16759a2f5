#include "report/handoff.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "documents/held_back.hpp"
#include "model/account.hpp"
#include "report/plain_values.hpp"
#include "util/text.hpp"

namespace partnerops {

namespace {

const FiscalSponsor* fiscal_sponsor(const Workspace& workspace) {
  const std::optional<Organisation>& organisation = workspace.organisation();
  return organisation && organisation->fiscal_sponsor ? &*organisation->fiscal_sponsor : nullptr;
}

/// A Markdown table cell: a '|' would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

/// The POAddress columns from partner.yaml billing.address: up to four
/// street lines (the schema allows no more), city, region, postal code and
/// country; left empty without an address.
void add_postal_address(const PartnerFolder& folder,
                        std::map<std::string_view, std::string>& values) {
  if (!folder.partner || !folder.partner->billing.address) return;
  static constexpr std::array<std::string_view, 4> k_lines = {"POAddressLine1", "POAddressLine2",
                                                              "POAddressLine3", "POAddressLine4"};
  const PostalAddress& address = *folder.partner->billing.address;
  for (std::size_t i = 0; i < address.lines.size() && i < k_lines.size(); ++i)
    values[k_lines[i]] = address.lines[i];
  values["POCity"] = address.city;
  values["PORegion"] = address.region;
  values["POPostalCode"] = address.postal_code;
  values["POCountry"] = address.country;
}

}  // namespace

HandoffSettings handoff_settings(const Workspace& workspace) {
  HandoffSettings settings;
  if (const FiscalSponsor* sponsor = fiscal_sponsor(workspace)) {
    if (sponsor->handoff_account_code) settings.account_code = *sponsor->handoff_account_code;
    if (sponsor->handoff_tax_type) settings.tax_type = *sponsor->handoff_tax_type;
  }
  return settings;
}

Diagnostics errors_holding_back(const Diagnostics& found, const std::vector<HandoffItem>& items) {
  std::set<std::string> partners;
  for (const HandoffItem& item : items) partners.insert(item.folder->slug);
  return errors_holding_back(found, partners);
}

std::optional<std::vector<HandoffItem>> select_for_handoff(const Workspace& workspace,
                                                           const std::vector<std::string>& numbers,
                                                           const std::string& period,
                                                           Diagnostics& diagnostics) {
  std::map<std::string, HandoffItem> by_number;
  for (const PartnerFolder& folder : workspace.partners())
    for (const Invoice& invoice : folder.invoices)
      by_number[invoice.number.value] = HandoffItem{&folder, &invoice};

  std::vector<HandoffItem> items;
  bool refused = false;
  const auto refuse_unissued = [&](const HandoffItem& item, bool named) {
    const InvoiceStatus status = item.invoice->status.value;
    if (status == InvoiceStatus::draft || (named && status == InvoiceStatus::voided)) {
      diagnostics.error("invoice-not-issued", item.invoice->file, item.invoice->status.position,
                        "invoice " + item.invoice->number.value + " is " +
                            (status == InvoiceStatus::draft ? "a draft" : "void") +
                            "; only issued invoices are handed to the sponsor",
                        status == InvoiceStatus::draft
                            ? "issue it first (status: issued), or leave it out"
                            : "leave it out of the handoff");
      refused = true;
      return true;
    }
    return false;
  };
  if (!numbers.empty()) {
    std::vector<std::string> known;
    known.reserve(by_number.size());
    for (const auto& [number, item] : by_number) known.push_back(number);
    std::set<std::string> seen;
    for (const std::string& number : numbers) {
      if (!seen.insert(number).second) continue;
      const auto found = by_number.find(number);
      if (found == by_number.end()) {
        const std::string near = util::closest(number, known, 3);
        diagnostics.error(
            "invoice-unknown", "partners", {},
            "no partner has an invoice '" + number + "' (partners/*/invoices/" + number + ".yaml)",
            near.empty() ? "invoice numbers look like INV-2026-0001"
                         : "did you mean '" + near + "'?");
        refused = true;
        continue;
      }
      if (!refuse_unissued(found->second, true)) items.push_back(found->second);
    }
  } else {
    for (const auto& [number, item] : by_number) {
      const Invoice& invoice = *item.invoice;
      if (!period.empty()) {
        if (!invoice.issue_date || invoice.issue_date->value.iso().substr(0, 7) != period) continue;
        if (invoice.status.value == InvoiceStatus::voided) continue;
        if (!refuse_unissued(item, false)) items.push_back(item);
      } else if (is_receivable(invoice) && invoice.sponsor_number.empty()) {
        items.push_back(item);
      }
    }
  }
  if (refused) return std::nullopt;
  std::sort(items.begin(), items.end(), [](const HandoffItem& a, const HandoffItem& b) {
    return a.invoice->number.value < b.invoice->number.value;
  });
  return items;
}

std::string csv_field(std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<std::string_view>& xero_columns() {
  static const std::vector<std::string_view> columns = {
      "*ContactName",      "EmailAddress",    "POAddressLine1", "POAddressLine2", "POAddressLine3",
      "POAddressLine4",    "POCity",          "PORegion",       "POPostalCode",   "POCountry",
      "*InvoiceNumber",    "Reference",       "*InvoiceDate",   "*DueDate",       "Total",
      "InventoryItemCode", "*Description",    "*Quantity",      "*UnitAmount",    "Discount",
      "*AccountCode",      "*TaxType",        "TaxAmount",      "TrackingName1",  "TrackingOption1",
      "TrackingName2",     "TrackingOption2", "Currency",       "BrandingTheme"};
  return columns;
}

std::string xero_csv(const std::vector<HandoffItem>& items, const HandoffSettings& settings) {
  const std::vector<std::string_view>& columns = xero_columns();
  std::string out;
  const auto row = [&out](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  row(std::vector<std::string>(columns.begin(), columns.end()));
  for (const HandoffItem& item : items) {
    const Invoice& invoice = *item.invoice;
    const std::string& code = invoice.priced.currency;
    // The accounts-payable office matches an invoice to its purchase order
    // by the reference: the invoice's own PO number, else what the invoice
    // itself says (older files write their PO there), else the agreement's.
    const std::string reference = !invoice.purchase_order.empty() ? invoice.purchase_order
                                  : !invoice.reference.empty()
                                      ? invoice.reference
                                      : purchase_order_of(*item.folder, &invoice);
    for (const PricedLine& line : invoice.priced.lines) {
      std::map<std::string_view, std::string> values = {
          {"*ContactName", billing_name(*item.folder)},
          {"EmailAddress", billing_email(*item.folder)},
          {"*InvoiceNumber", invoice.number.value},
          {"Reference", reference},
          {"*InvoiceDate", plain_date(invoice.issue_date)},
          {"*DueDate", plain_date(invoice.due_date)},
          {"Total",
           invoice.priced.total ? plain_amount(invoice.priced.total->value.minor, code) : ""},
          {"*Description", line.description},
          {"*Quantity", line.quantity ? format_quantity(line.quantity->value) : ""},
          {"*UnitAmount", line.unit_price ? plain_amount(line.unit_price->value.minor, code) : ""},
          {"*AccountCode", settings.account_code},
          {"*TaxType", settings.tax_type},
          {"Currency", code}};
      add_postal_address(*item.folder, values);
      std::vector<std::string> fields;
      for (const std::string_view column : columns) {
        const auto found = values.find(column);
        fields.push_back(found == values.end() ? "" : found->second);
      }
      row(fields);
    }
  }
  return out;
}

std::string handoff_pdf_name(const Invoice& invoice) { return invoice.number.value + ".pdf"; }

std::string handoff_note(const Workspace& workspace, const std::vector<HandoffItem>& items,
                         const HandoffSettings& settings, Date today) {
  const FiscalSponsor* sponsor = fiscal_sponsor(workspace);
  const std::string ours = workspace.organisation() ? workspace.organisation()->name : "";
  std::string out =
      "# Invoices for " + (sponsor ? sponsor->name : std::string("the fiscal sponsor")) + "\n\n";
  out += "From " + ours + ", prepared " + today.iso() + ": " + std::to_string(items.size()) +
         (items.size() == 1 ? " invoice" : " invoices") +
         " to issue from your accounting system. Please tell us the number each one "
         "receives there.\n\n";
  out +=
      "| Invoice | Partner | Issued | Due | Total | Balance | PDF |\n"
      "|---|---|---|---|---:|---:|---|\n";
  std::map<std::string, std::pair<std::int64_t, std::size_t>> totals;
  for (const HandoffItem& item : items) {
    const Invoice& invoice = *item.invoice;
    const std::string& code = invoice.priced.currency;
    const std::int64_t total = invoice.priced.total ? invoice.priced.total->value.minor : 0;
    totals[code].first += total;
    totals[code].second += 1;
    // The balance the invoice's PDF prints: payments and credit notes
    // already count, and money owed back is a credit, never negative.
    const InvoiceBalance balance = balance_of(*item.folder, invoice);
    out += "| " + cell(invoice.number.value) + " | " + cell(billing_name(*item.folder)) + " | " +
           plain_date(invoice.issue_date) + " | " + plain_date(invoice.due_date) + " | " +
           plain_amount(total, code) + " " + code + " | " +
           (balance.is_credit() ? "credit " + plain_amount(balance.credit(), code)
                                : plain_amount(balance.balance, code)) +
           " " + code + " | " + cell(handoff_pdf_name(invoice)) + " |\n";
  }
  out += "\n## Totals\n\n";
  for (const auto& [code, total] : totals)
    out += "- " + code + ": " + plain_amount(total.first, code) + " (" +
           std::to_string(total.second) + (total.second == 1 ? " invoice" : " invoices") + ")\n";
  std::size_t lines = 0;
  for (const HandoffItem& item : items) lines += item.invoice->priced.lines.size();
  out += "\n## Files\n\n";
  out += "- `" + std::string(k_handoff_csv) + "`: " + std::to_string(lines) +
         (lines == 1 ? " row" : " rows") +
         ", one per invoice line, in the column layout of Xero's sales-invoice import "
         "(account code " +
         settings.account_code + ", tax type " + settings.tax_type + ", dates as YYYY-MM-DD)\n";
  for (const HandoffItem& item : items)
    out +=
        "- `" + handoff_pdf_name(*item.invoice) + "`: invoice " + item.invoice->number.value + "\n";
  out += "- `" + std::string(k_handoff_note) + "`: this note\n";
  return out;
}

}  // namespace partnerops
