#include "transitions/payment.hpp"

#include <algorithm>
#include <system_error>

#include "model/account.hpp"
#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace partnerops::transitions {

namespace fs = std::filesystem;

namespace {

/// Invoice numbers become file names; anything that could leave the
/// invoices folder is not a number.
bool plausible_number(const std::string& number) {
  if (number.empty() || number.front() == '.') return false;
  for (const char c : number) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

struct Found {
  const PartnerFolder* folder = nullptr;
  const Invoice* invoice = nullptr;
  std::string path;
};

/// The loaded invoice `number` of the request's partner, or nullopt after
/// reporting why it cannot be edited.
std::optional<Found> find_invoice(const Workspace& workspace, const std::string& slug,
                                  const std::string& number, Diagnostics& diagnostics) {
  const PartnerFolder* folder = find_partner(workspace, slug, diagnostics);
  if (!folder) return std::nullopt;
  Found found{folder, nullptr, folder->path + "/invoices/" + number + ".yaml"};
  for (const Invoice& invoice : folder->invoices)
    if (invoice.file == found.path) found.invoice = &invoice;
  const WorkspaceFile* file = workspace.file(found.path);
  if (!found.invoice || !file || !file->valid) {
    diagnostics.error("advance-edit-refused", found.path, {},
                      "the invoice file does not load, so it cannot be changed",
                      "run partnerops validate and fix the errors it reports first");
    return std::nullopt;
  }
  return found;
}

/// True when amounts in the invoice file carry their currency code
/// ("7320.00 EUR"), so a new payment is written the same way.
bool writes_currency_code(const WorkspaceFile& file) {
  const std::shared_ptr<const yaml::Document> tree = file.document();
  const yaml::Node* total = tree ? tree->root().find("total") : nullptr;
  return total && total->is_scalar() && total->text().find(' ') != std::string::npos;
}

std::string commit_trailers(const std::string& slug, const std::string& number) {
  return "\n\nPartner: " + slug + "\nInvoice: " + number + "\n";
}

}  // namespace

InvoiceLocation locate_invoice(const fs::path& root, const std::string& number) {
  InvoiceLocation location;
  if (!plausible_number(number)) return location;
  std::error_code ec;
  const fs::path partners = root / "partners";
  std::vector<std::string> numbers;
  for (fs::directory_iterator it(partners, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path invoices = it->path() / "invoices";
    if (fs::is_regular_file(invoices / (number + ".yaml"), ec)) {
      location.slug = it->path().filename().string();
      return location;
    }
  }
  // Only a miss pays for listing every invoice, for the did-you-mean.
  for (fs::directory_iterator it(partners, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code inner;
    for (fs::directory_iterator file(it->path() / "invoices", inner), stop; !inner && file != stop;
         file.increment(inner))
      if (file->path().extension() == ".yaml") numbers.push_back(file->path().stem().string());
  }
  // Sorted, so that a tie between two near numbers is decided the same way
  // whatever order the folders are listed in.
  std::sort(numbers.begin(), numbers.end());
  location.nearest = util::closest(number, numbers, 3);
  return location;
}

void report_unknown_invoice(const std::string& number, const InvoiceLocation& location,
                            Diagnostics& diagnostics) {
  diagnostics.error(
      "invoice-unknown", "partners", {},
      "no partner has an invoice '" + number + "' (partners/*/invoices/" + number + ".yaml)",
      location.nearest.empty() ? "invoice numbers look like INV-2026-0001"
                               : "did you mean '" + location.nearest + "'?");
}

std::optional<ChangeSet> plan_payment(const Workspace& workspace, const PaymentRequest& request,
                                      Diagnostics& diagnostics) {
  const std::optional<Found> found =
      find_invoice(workspace, request.slug, request.number, diagnostics);
  if (!found) return std::nullopt;
  const Invoice& invoice = *found->invoice;
  const WorkspaceFile& file = *workspace.file(found->path);
  const InvoiceStatus status = invoice.status.value;
  if (status == InvoiceStatus::draft || status == InvoiceStatus::voided) {
    diagnostics.error("invoice-not-issued", found->path, invoice.status.position,
                      "invoice " + request.number + " is " +
                          (status == InvoiceStatus::draft ? "a draft" : "void") +
                          "; payments are recorded "
                          "only on issued invoices",
                      status == InvoiceStatus::draft
                          ? "issue the invoice first"
                          : "record the payment on the invoice that replaced it");
    return std::nullopt;
  }
  const std::string& currency_code = invoice.priced.currency;
  const std::optional<Currency> currency = find_currency(currency_code);
  const MoneyParse amount = parse_money(request.amount, currency_code);
  if (!currency || !amount.money || amount.money->minor <= 0) {
    diagnostics.error(
        "payment-amount-invalid", found->path, {},
        "'" + request.amount + "' is not an amount that can be paid: " +
            (amount.money ? "it must be more than zero" : describe(amount.error, currency_code)),
        "write the amount received in " + currency_code + ", e.g. --amount 1200.50");
    return std::nullopt;
  }
  if (invoice.issue_date && request.date < invoice.issue_date->value) {
    diagnostics.error("payment-before-issue", found->path, invoice.issue_date->position,
                      "a payment dated " + request.date.iso() + " is before invoice " +
                          request.number + " was issued on " + invoice.issue_date->value.iso(),
                      "use the date the money arrived, from the bank statement");
    return std::nullopt;
  }
  const InvoiceBalance balance = balance_of(*found->folder, invoice);
  const std::int64_t total = balance.total;
  const std::int64_t paid = balance.paid;
  const std::int64_t credited = balance.credited;
  const std::int64_t open = balance.balance;
  const auto plain = [&currency](std::int64_t minor) { return format_plain(minor, *currency); };
  if (amount.money->minor > open) {
    diagnostics.error(
        "payment-overpays", found->path,
        invoice.priced.total ? invoice.priced.total->position : Position{},
        "a payment of " + plain(amount.money->minor) + " " + currency_code + " exceeds the " +
            plain(open) + " " + currency_code + " still open on " + request.number + " (total " +
            plain(total) + ", paid " + plain(paid) +
            (credited ? ", credited " + plain(credited) : std::string()) + ")",
        open > 0 ? "record at most the open amount; an overpayment is refunded or credited "
                   "separately"
                 : "the invoice is settled; an extra payment is refunded or credited separately");
    return std::nullopt;
  }

  const std::string amount_text =
      plain(amount.money->minor) + (writes_currency_code(file) ? " " + currency_code : "");
  yaml::Fields fields = {{"date", yaml::Scalar::raw(request.date.iso())},
                         {"amount", yaml::Scalar::string(amount_text)}};
  if (!request.reference.empty())
    fields.emplace_back("reference", yaml::Scalar::string(request.reference));
  std::string error;
  std::optional<std::string> text =
      yaml::append_to_sequence(file.content(), "payments", fields, "total", &error);
  const bool settles = amount.money->minor == open;
  if (text && settles && status != InvoiceStatus::paid)
    text = yaml::set_scalar(*text, "status", yaml::Scalar::raw("paid"), "number", &error);
  if (!text) {
    diagnostics.error("advance-edit-refused", found->path, {},
                      "the invoice cannot be edited safely: " + error,
                      "add the payment by hand, or rewrite payments in block style");
    return std::nullopt;
  }
  if (!revalidate(workspace, found->path, *text, diagnostics)) return std::nullopt;

  ChangeSet changes;
  changes.folder = found->folder->path;
  changes.edits.push_back({found->path, *text});
  changes.message = request.slug + ": payment of " + plain(amount.money->minor) + " " +
                    currency_code + " on " + request.number + (settles ? ", paid in full" : "") +
                    commit_trailers(request.slug, request.number) +
                    "Payment-Date: " + request.date.iso() + "\n";
  changes.suggested_branch = "pay/" + request.number;
  return changes;
}

std::optional<ChangeSet> plan_sponsor_number(const Workspace& workspace,
                                             const SponsorNumberRequest& request,
                                             Diagnostics& diagnostics) {
  const std::optional<Found> found =
      find_invoice(workspace, request.slug, request.number, diagnostics);
  if (!found) return std::nullopt;
  const Invoice& invoice = *found->invoice;
  if (invoice.status.value == InvoiceStatus::draft) {
    diagnostics.error(
        "invoice-not-issued", found->path, invoice.status.position,
        "invoice " + request.number + " is a draft; the sponsor numbers invoices we have issued",
        "issue the invoice and hand it off first (partnerops invoice handoff)");
    return std::nullopt;
  }
  ChangeSet changes;
  changes.folder = found->folder->path;
  changes.suggested_branch = "sponsor-number/" + request.number;
  if (invoice.sponsor_number == request.sponsor_number) {
    changes.message = request.number + " already has sponsor number " + request.sponsor_number;
    return changes;
  }
  if (!invoice.sponsor_number.empty() && request.overwrite == Overwrite::refuse) {
    const std::shared_ptr<const yaml::Document> tree = workspace.file(found->path)->document();
    const yaml::Node* node = tree ? tree->root().find("sponsor_number") : nullptr;
    diagnostics.error("sponsor-number-conflict", found->path, node ? node->position() : Position{},
                      "invoice " + request.number + " already has sponsor number " +
                          invoice.sponsor_number + ", not " + request.sponsor_number,
                      "check the sponsor's records; pass --force to replace it (check-range "
                      "then reports the change for review)");
    return std::nullopt;
  }
  std::string error;
  const std::optional<std::string> text =
      yaml::set_scalar(workspace.file(found->path)->content(), "sponsor_number",
                       yaml::Scalar::string(request.sponsor_number), "payments", &error);
  if (!text) {
    diagnostics.error("advance-edit-refused", found->path, {},
                      "the invoice cannot be edited safely: " + error,
                      "set sponsor_number by hand");
    return std::nullopt;
  }
  if (!revalidate(workspace, found->path, *text, diagnostics)) return std::nullopt;
  changes.edits.push_back({found->path, *text});
  changes.message = request.slug + ": sponsor number " + request.sponsor_number + " for " +
                    request.number + commit_trailers(request.slug, request.number) +
                    "Sponsor-Number: " + request.sponsor_number + "\n";
  return changes;
}

}  // namespace partnerops::transitions
