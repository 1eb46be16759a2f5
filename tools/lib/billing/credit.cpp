#include "billing/credit.hpp"

#include <charconv>

#include "billing/issue.hpp"
#include "billing/next_number.hpp"
#include "model/account.hpp"
#include "yaml/edit.hpp"

namespace partnerops::billing {

std::optional<CreditLineRequest> parse_credit_line(std::string_view text) {
  const std::size_t equals = text.find('=');
  const std::string_view index = text.substr(0, equals);
  CreditLineRequest request;
  const auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), request.line);
  if (ec != std::errc() || end != index.data() + index.size() || request.line < 1)
    return std::nullopt;
  if (equals != std::string_view::npos) {
    request.amount = std::string(text.substr(equals + 1));
    if (request.amount.empty()) return std::nullopt;
  }
  return request;
}

namespace {

struct CreditLine {
  std::int64_t invoice_line = 0;
  std::string description;
  std::string quantity;  ///< as YAML: 3 or "1.5"
  std::int64_t unit_minor = 0;
  std::int64_t amount_minor = 0;
  /// The invoice line's unit when the whole line is credited; empty for a
  /// part of its amount, which counts one of nothing in particular.
  std::string unit;
};

/// The quantity of invoice line `index` as written in the invoice's file.
std::string quantity_text(const WorkspaceFile* file, std::size_t index) {
  const std::shared_ptr<const yaml::Document> tree = file ? file->document() : nullptr;
  const yaml::Node* lines = tree ? tree->root().find("lines") : nullptr;
  if (!lines || index >= lines->items().size()) return "1";
  const yaml::Node* quantity = lines->items()[index]->find("quantity");
  if (!quantity) return "1";
  return quantity->is_string() ? yaml::double_quoted(std::string(quantity->text()))
                               : std::string(quantity->text());
}

std::string credit_note_yaml(const std::string& number, const Date& date,
                             const std::string& currency_code, const Invoice& invoice,
                             const std::string& reason, const std::vector<CreditLine>& lines,
                             std::int64_t subtotal, std::int64_t tax, const Tax& invoice_tax) {
  const Currency currency = find_currency(currency_code).value_or(Currency{"", 2, ""});
  auto money = [&currency](std::int64_t minor) {
    return yaml::double_quoted(format_plain(minor, currency));
  };
  std::string out;
  out += "# yaml-language-server: $schema=../../../schemas/credit-note.schema.yaml\n";
  out += "number: " + yaml::format_string(number) + "\n";
  out += "status: issued\n";
  out += "issue_date: " + date.iso() + "\n";
  out += "currency: " + currency_code + "\n";
  out += "invoice: " + yaml::format_string(invoice.number.value) + "\n";
  out += "reason: " + yaml::format_string(reason) + "\n";
  out += "lines:\n";
  for (const CreditLine& line : lines) {
    out += "  - description: " + yaml::format_string(line.description) + "\n";
    out += "    invoice_line: " + std::to_string(line.invoice_line) + "\n";
    out += "    quantity: " + line.quantity + "\n";
    out += "    unit_price: " + money(line.unit_minor) + "\n";
    out += "    amount: " + money(line.amount_minor) + "\n";
    if (!line.unit.empty()) out += "    unit: " + line.unit + "\n";
  }
  out += "subtotal: " + money(subtotal) + "\n";
  out += "tax:\n";
  out += "  label: " + yaml::format_string(invoice_tax.label) + "\n";
  out += "  rate_percent: " + yaml::double_quoted(invoice_tax.rate_percent.value) + "\n";
  out += "  amount: " + money(tax) + "\n";
  if (!invoice_tax.vat_category.empty())
    out += "  vat_category: " + invoice_tax.vat_category + "\n";
  if (!invoice_tax.exemption_reason.empty())
    out += "  exemption_reason: " + yaml::format_string(invoice_tax.exemption_reason) + "\n";
  out += "total: " + money(subtotal + tax) + "\n";
  return out;
}

}  // namespace

std::optional<transitions::ChangeSet> plan_credit(const Workspace& workspace,
                                                  const CreditRequest& request,
                                                  Diagnostics& diagnostics) {
  const FoundInvoice found = find_invoice(workspace, request.invoice, diagnostics);
  if (!found.invoice) return std::nullopt;
  const Invoice& invoice = *found.invoice;
  const PartnerFolder& folder = *found.folder;
  if (!is_receivable(invoice)) {
    diagnostics.error(
        "credit-note-invoice-status", invoice.file, invoice.status.position,
        "invoice " + invoice.number.value + " is " + std::string(to_string(invoice.status.value)) +
            "; only an issued or paid invoice is credited",
        invoice.status.value == InvoiceStatus::draft ? "edit the draft itself; it is not issued yet"
                                                     : "a void invoice asks for nothing to credit");
    return std::nullopt;
  }
  const std::optional<Currency> currency = find_currency(invoice.priced.currency);
  if (!currency || !invoice.priced.total || !invoice.priced.tax) return std::nullopt;
  const WorkspaceFile* invoice_file = workspace.file(invoice.file);

  std::vector<CreditLine> lines;
  auto whole_line = [&](std::size_t index) {
    const PricedLine& line = invoice.priced.lines[index];
    lines.push_back({static_cast<std::int64_t>(index + 1), line.description,
                     quantity_text(invoice_file, index),
                     line.unit_price ? line.unit_price->value.minor : 0,
                     line.amount ? line.amount->value.minor : 0, line.unit});
  };
  if (request.lines.empty()) {
    for (std::size_t i = 0; i < invoice.priced.lines.size(); ++i) whole_line(i);
  }
  // What earlier credit notes took from each invoice line.
  std::vector<std::int64_t> taken(invoice.priced.lines.size(), 0);
  for (const CreditNote& note : folder.credit_notes) {
    if (!note.credits() || note.invoice.value != invoice.number.value) continue;
    for (std::size_t i = 0; i < note.invoice_lines.size() && i < note.priced.lines.size(); ++i) {
      const std::optional<std::int64_t>& line = note.invoice_lines[i];
      if (line && *line >= 1 && static_cast<std::size_t>(*line) <= taken.size() &&
          note.priced.lines[i].amount)
        taken[static_cast<std::size_t>(*line - 1)] += note.priced.lines[i].amount->value.minor;
    }
  }
  for (const CreditLineRequest& wanted : request.lines) {
    const std::size_t count = invoice.priced.lines.size();
    if (wanted.line < 1 || static_cast<std::size_t>(wanted.line) > count) {
      diagnostics.error(
          "credit-line", invoice.file, {},
          "invoice " + invoice.number.value + " has no line " + std::to_string(wanted.line),
          "its lines are numbered 1 to " + std::to_string(count));
      return std::nullopt;
    }
    const std::size_t index = static_cast<std::size_t>(wanted.line - 1);
    const PricedLine& line = invoice.priced.lines[index];
    const std::int64_t line_amount = line.amount ? line.amount->value.minor : 0;
    const std::int64_t left = line_amount - taken[index];
    const Position where = line.amount ? line.amount->position : Position{};
    const std::string number = std::to_string(wanted.line);
    if (wanted.amount.empty()) {
      if (taken[index] != 0) {
        diagnostics.error(
            "credit-line", invoice.file, where,
            "line " + number + " of invoice " + invoice.number.value + " is already credited " +
                format_plain(taken[index], *currency) + " of its " +
                format_plain(line_amount, *currency),
            left > 0 ? "credit the rest with --line " + number + "=" + format_plain(left, *currency)
                     : "nothing is left to credit on this line");
        return std::nullopt;
      }
      whole_line(index);
      continue;
    }
    const MoneyParse amount = parse_money(wanted.amount, invoice.priced.currency);
    if (!amount.money || amount.money->minor <= 0 || amount.money->minor > left) {
      diagnostics.error(
          "credit-line", invoice.file, where,
          "cannot credit \"" + wanted.amount + "\" on line " + number + " of invoice " +
              invoice.number.value + ": " +
              (!amount.money ? describe(amount.error, invoice.priced.currency)
                             : "the amount must be above 0 and at most what is left of the "
                               "line, " +
                                   format_plain(left, *currency) + " of " +
                                   format_plain(line_amount, *currency)),
          left > 0 ? "name an amount such as --line " + number + "=" + format_plain(left, *currency)
                   : "nothing is left to credit on this line");
      return std::nullopt;
    }
    lines.push_back(
        {wanted.line, line.description, "1", amount.money->minor, amount.money->minor, ""});
  }

  std::int64_t subtotal = 0;
  for (const CreditLine& line : lines) subtotal += line.amount_minor;
  const std::int64_t tax = tax_on(subtotal, invoice.priced.tax->rate_percent.value).value_or(0);
  const std::int64_t total = subtotal + tax;
  const std::int64_t remaining =
      invoice.priced.total->value.minor - folder.credited_minor(invoice.number.value);
  if (total > remaining) {
    diagnostics.error("credit-note-over-credit", invoice.file, invoice.priced.total->position,
                      "crediting " + format_plain(total, *currency) + " " +
                          invoice.priced.currency + " would exceed what invoice " +
                          invoice.number.value +
                          " still asks for: " + format_plain(remaining, *currency) + " of its " +
                          format_plain(invoice.priced.total->value.minor, *currency),
                      "credit at most " + format_plain(remaining, *currency) +
                          "; earlier credit notes already cancel the rest");
    return std::nullopt;
  }

  const std::optional<NumberingRule> rule = numbering_rule(workspace, "credit_note", diagnostics);
  if (!rule) return std::nullopt;
  NextNumbers numbers(workspace, FileKind::credit_note, *rule);
  const std::string number = numbers.take(request.date.year());
  // The new note takes the sequence's highest number, so no note of the
  // sequence may be dated after it: numbers follow issue dates.
  const std::optional<NumberingRule::Match> numbered = rule->match(number);
  const CreditNote* latest = nullptr;
  for (const PartnerFolder& other : workspace.partners())
    for (const CreditNote& note : other.credit_notes) {
      const std::optional<NumberingRule::Match> match = rule->match(note.number.value);
      if (!numbered || !match || match->sequence != numbered->sequence || !note.issue_date ||
          !(request.date < note.issue_date->value))
        continue;
      if (!latest || latest->issue_date->value < note.issue_date->value) latest = &note;
    }
  if (latest) {
    diagnostics.error("credit-note-date-order", latest->file, latest->issue_date->position,
                      "crediting on " + request.date.iso() + " would number " + number + " after " +
                          latest->number.value + " but date it before that note's " +
                          latest->issue_date->value.iso(),
                      "numbers follow issue dates: credit with --date " +
                          latest->issue_date->value.iso() + " or later");
    return std::nullopt;
  }
  const std::string path = folder.path + "/credit-notes/" + number + ".yaml";
  const std::string text =
      credit_note_yaml(number, request.date, invoice.priced.currency, invoice, request.reason,
                       lines, subtotal, tax, *invoice.priced.tax);
  if (!transitions::revalidate(workspace, path, text, diagnostics)) return std::nullopt;

  transitions::ChangeSet changes;
  changes.folder = folder.path;
  changes.edits.push_back({path, text});
  changes.message = folder.slug + ": credit " + invoice.number.value + " with " + number + " (" +
                    format_plain(total, *currency) + " " + invoice.priced.currency +
                    ")\n\nPartner: " + folder.slug + "\nInvoice: " + invoice.number.value +
                    "\nCredit-Note: " + number + "\nReason: " + request.reason + "\n";
  changes.suggested_branch = "invoice-credit/" + number;
  return changes;
}

}  // namespace partnerops::billing
