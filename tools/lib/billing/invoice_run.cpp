#include "billing/invoice_run.hpp"

#include <algorithm>
#include <map>

#include "billing/issue.hpp"
#include "billing/next_number.hpp"
#include "yaml/edit.hpp"

namespace partnerops::billing {

namespace {

constexpr std::string_view k_usage_schema = "usage.schema.yaml";

/// The string at a dot path below `node`, or empty.
std::string text_at(const yaml::Node* node, std::string_view path) {
  while (node && !path.empty()) {
    const std::size_t dot = path.find('.');
    node = node->is_mapping() ? node->find(path.substr(0, dot)) : nullptr;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node && node->is_string() ? std::string(node->text()) : std::string();
}

/// The agreement's tax, else partnerops.yaml defaults.tax, else 0 %.
TaxRule tax_rule(const Workspace& workspace, const Agreement& agreement) {
  if (agreement.tax && !agreement.tax->label.empty()) return *agreement.tax;
  const std::optional<Organisation>& organisation = workspace.organisation();
  if (organisation && organisation->default_tax && !organisation->default_tax->label.empty())
    return *organisation->default_tax;
  return {"Tax", "0", "", ""};
}

/// The milestones of `sow_path` due in `period`, as invoice lines.
bool milestone_lines(const PartnerFolder& folder, const Fee& fee, const Agreement& agreement,
                     const Month& period, std::vector<DraftLine>& lines, Diagnostics& out) {
  const std::string path = folder.path + "/" + fee.sow.value;
  const WorkspaceFile* sow = nullptr;
  for (const WorkspaceFile* file : folder.sow_files)
    if (file->path == path) sow = file;
  const std::shared_ptr<const yaml::Document> tree = sow && sow->valid ? sow->document() : nullptr;
  const yaml::Node* root = tree ? &tree->root() : nullptr;
  const yaml::Node* milestones = root ? root->find("milestones") : nullptr;
  if (fee.sow.value.empty() || !milestones || !milestones->is_sequence() ||
      milestones->items().empty()) {
    out.error(
        "fee-milestones-sow", agreement.file, fee.sow.position,
        "the fee '" + fee.description + "' bills by milestones, but " +
            (fee.sow.value.empty() ? std::string("names no SOW")
                                   : "the SOW " + fee.sow.value + " lists no milestones"),
        "name the SOW in the fee's `sow`, and list its `milestones` (id, title, due, amount)");
    return false;
  }
  for (const yaml::Node* milestone : milestones->items()) {
    const std::optional<Date> due = Date::parse(text_at(milestone, "due"));
    if (!due || !milestone_due_in(*due, period)) continue;
    const MoneyParse amount = parse_money(text_at(milestone, "amount"), agreement.currency);
    if (!amount.money) {
      const yaml::Node* node = milestone->find("amount");
      out.error("money-invalid", sow->path, node ? node->position() : Position{},
                "the milestone amount is not money in " + agreement.currency + ": " +
                    describe(amount.error, agreement.currency),
                "write the amount in the agreement's currency, e.g. \"5000.00\"");
      return false;
    }
    lines.push_back({fee.description + ": " + text_at(milestone, "title"), amount.money->minor});
  }
  return true;
}

}  // namespace

std::optional<UsageFile> read_usage_file(const std::string& path, const std::string& content,
                                         const SchemaSet& schemas, Diagnostics& diagnostics) {
  const std::unique_ptr<yaml::Document> document = yaml::parse(path, content, diagnostics);
  if (!document) return std::nullopt;
  if (!schemas.validate(*document, k_usage_schema, diagnostics)) return std::nullopt;
  const yaml::Node& root = document->root();
  UsageFile usage;
  usage.path = path;
  const yaml::Node* period = root.find("period");
  usage.period_position = period->position();
  const std::optional<Month> month = Month::parse(period->text());
  if (!month) {
    diagnostics.error("usage-period", path, usage.period_position,
                      "'" + std::string(period->text()) + "' is not a month",
                      "write the month as YYYY-MM");
    return std::nullopt;
  }
  usage.period = *month;
  for (const yaml::Node* item : root.find("charges")->items()) {
    UsageCharge charge;
    charge.partner = text_at(item, "partner");
    charge.description = text_at(item, "description");
    const yaml::Node* cost = item->find("cost");
    charge.cost = {std::string(cost->text()), cost->position()};
    charge.service_charge_percent = text_at(item, "service_charge_percent");
    charge.position = item->position();
    usage.charges.push_back(std::move(charge));
  }
  return usage;
}

std::optional<RunPlan> plan_invoice_run(const Workspace& workspace, const RunRequest& request,
                                        Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  const std::optional<NumberingRule> rule = numbering_rule(workspace, "invoice", diagnostics);
  if (!rule) return std::nullopt;

  // Usage charges by partner, after checking each names a partner that can
  // be invoiced and a cost in its agreement's currency.
  std::map<std::string, std::vector<DraftLine>> usage_lines;
  if (request.usage) {
    const UsageFile& usage = *request.usage;
    if (usage.period != request.period) {
      diagnostics.error(
          "usage-period", usage.path, usage.period_position,
          "the usage file is for " + usage.period.iso() + ", not " + request.period.iso(),
          "pass the usage file of " + request.period.iso());
    }
    for (const UsageCharge& charge : usage.charges) {
      const PartnerFolder* folder = workspace.partner(charge.partner);
      if (!folder || !folder->agreement || folder->agreement->status.value != "executed") {
        diagnostics.error(
            "usage-partner", usage.path, charge.position,
            "'" + charge.partner + "' " +
                (folder ? "has no executed agreement to invoice under" : "is not a partner folder"),
            "usage is billed only to partners with an executed agreement");
        continue;
      }
      const std::string& currency = folder->agreement->currency;
      const MoneyParse cost = parse_money(charge.cost.value, currency);
      if (!cost.money) {
        diagnostics.error("usage-cost", usage.path, charge.cost.position,
                          "the cost \"" + charge.cost.value + "\" is not money in " + currency +
                              ": " + describe(cost.error, currency),
                          "write the cost in the agreement's currency, e.g. \"1234.56\"");
        continue;
      }
      std::vector<DraftLine>& lines = usage_lines[charge.partner];
      lines.push_back({charge.description, cost.money->minor});
      if (!charge.service_charge_percent.empty()) {
        const std::optional<std::int64_t> fee =
            tax_on(cost.money->minor, charge.service_charge_percent);
        if (fee && *fee != 0)
          lines.push_back(
              {"Service charge " + charge.service_charge_percent + " % on " + charge.description,
               *fee});
      }
    }
  }

  RunPlan plan;
  NextNumbers numbers(workspace, FileKind::invoice, *rule);
  const Date issue_date = std::max(request.today, request.period.first_day());
  const std::string period = request.period.iso();
  for (const PartnerFolder& folder : workspace.partners()) {
    if (!folder.agreement || folder.agreement->status.value != "executed") continue;
    const Agreement& agreement = folder.agreement.value();
    const bool invoiced =
        std::any_of(folder.invoices.begin(), folder.invoices.end(),
                    [&period](const Invoice& invoice) { return invoice.period == period; });
    std::vector<DraftLine> lines;
    // An agreement that renews automatically bills on into each rolled term.
    const TermBounds term{
        agreement.term.start ? std::optional(agreement.term.start->value) : std::nullopt,
        agreement.last_day()};
    for (const Fee& fee : agreement.fees) {
      const std::optional<Schedule> schedule = parse_schedule(fee.schedule);
      if (!schedule || !fee.amount) continue;  // the schema or the reader reported it
      if (*schedule == Schedule::milestones) {
        milestone_lines(folder, fee, agreement, request.period, lines, diagnostics);
        continue;
      }
      std::optional<Month> first = Month::parse(fee.first_period);
      if (!first && term.start) first = Month::of(*term.start);
      if (!first || !bills_in(*schedule, *first, request.period, term)) continue;
      const std::string coverage = coverage_label(*schedule, request.period);
      lines.push_back({coverage.empty() ? fee.description : fee.description + ", " + coverage,
                       fee.amount->value.minor});
    }
    if (const auto usage = usage_lines.find(folder.slug); usage != usage_lines.end())
      lines.insert(lines.end(), usage->second.begin(), usage->second.end());
    if (lines.empty()) continue;
    if (invoiced) {
      plan.already_invoiced.push_back(folder.slug);
      continue;
    }
    const std::optional<Currency> currency = find_currency(agreement.currency);
    if (!currency) continue;  // reported by the reader

    DraftInvoice draft;
    draft.slug = folder.slug;
    draft.number = numbers.take(issue_date.year());
    draft.path = folder.path + "/invoices/" + draft.number + ".yaml";
    draft.currency = agreement.currency;
    draft.period = period;
    draft.reference = agreement.title;
    const TaxRule tax = tax_rule(workspace, agreement);
    draft.tax_label = tax.label;
    draft.tax_rate = tax.rate_percent;
    draft.tax_category = tax.vat_category;
    draft.tax_exemption_reason = tax.exemption_reason;
    draft.issue_date = issue_date;
    draft.due_date = issue_date.plus_days(static_cast<int>(payment_terms_days(workspace, folder)));
    draft.lines = std::move(lines);
    for (const DraftLine& line : draft.lines) draft.subtotal_minor += line.amount_minor;
    draft.tax_minor = tax_on(draft.subtotal_minor, draft.tax_rate).value_or(0);
    draft.total_minor = draft.subtotal_minor + draft.tax_minor;
    draft.content = invoice_yaml(draft);
    plan.invoices.push_back(std::move(draft));
  }
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return plan;
}

std::string invoice_yaml(const DraftInvoice& draft) {
  const Currency currency = find_currency(draft.currency).value_or(Currency{"", 2, ""});
  auto money = [&currency](std::int64_t minor) {
    return yaml::double_quoted(format_plain(minor, currency));
  };
  std::string out;
  out += "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n";
  out += "number: " + yaml::format_string(draft.number) + "\n";
  out += "status: draft\n";
  out += "issue_date: " + draft.issue_date.iso() + "\n";
  out += "due_date: " + draft.due_date.iso() + "\n";
  out += "currency: " + draft.currency + "\n";
  out += "period: " + yaml::double_quoted(draft.period) + "\n";
  if (!draft.reference.empty()) out += "reference: " + yaml::format_string(draft.reference) + "\n";
  out += "lines:\n";
  for (const DraftLine& line : draft.lines) {
    out += "  - description: " + yaml::format_string(line.description) + "\n";
    out += "    quantity: 1\n";
    out += "    unit_price: " + money(line.amount_minor) + "\n";
    out += "    amount: " + money(line.amount_minor) + "\n";
  }
  out += "subtotal: " + money(draft.subtotal_minor) + "\n";
  out += "tax:\n";
  out += "  label: " + yaml::format_string(draft.tax_label) + "\n";
  out += "  rate_percent: " + yaml::double_quoted(draft.tax_rate) + "\n";
  out += "  amount: " + money(draft.tax_minor) + "\n";
  if (!draft.tax_category.empty()) out += "  vat_category: " + draft.tax_category + "\n";
  if (!draft.tax_exemption_reason.empty())
    out += "  exemption_reason: " + yaml::format_string(draft.tax_exemption_reason) + "\n";
  out += "total: " + money(draft.total_minor) + "\n";
  return out;
}

}  // namespace partnerops::billing
