#include "documents/context.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>

#include "documents/kind_context.hpp"
#include "documents/status_mark.hpp"
#include "model/account.hpp"
#include "model/priced_document.hpp"
#include "model/statement.hpp"
#include "yaml/to_json.hpp"

namespace partnerops {

using json = nlohmann::json;

json document_json(const WorkspaceFile* file) {
  const std::shared_ptr<const yaml::Document> tree = file ? file->document() : nullptr;
  return tree ? yaml::to_json(tree->root()) : json::object();
}

void default_to(json& object, std::string_view key, json value) {
  if (!object.contains(key) || object[std::string(key)].is_null())
    object[std::string(key)] = std::move(value);
}

namespace {

/// How a balance is labelled on a document: money owed back to the partner
/// prints as a positive credit balance, never as a negative amount due.
const char* balance_label(const InvoiceBalance& balance) {
  return balance.is_credit() ? "Credit balance" : "Balance due";
}

json organisation_context(const Workspace& workspace) {
  const WorkspaceFile* file = workspace.file("partnerops.yaml");
  json root = document_json(file);
  json organisation = root.value("organisation", json::object());
  default_to(organisation, "phone", "");
  default_to(organisation, "address", json::array());
  json branding = root.value("branding", json::object());
  default_to(branding, "logo", "");
  json payment = root.value("payment", json::object());
  for (const char* key :
       {"account_number", "iban", "routing", "swift", "bank", "account_name", "instructions"})
    default_to(payment, key, "");
  json sponsor = root.value("fiscal_sponsor", json::object());
  const bool has_sponsor = !sponsor.empty();
  for (const char* key : {"name", "legal_name", "email", "tax_id"}) default_to(sponsor, key, "");
  default_to(sponsor, "address", json::array());
  default_to(sponsor, "issues_invoices", false);
  default_to(sponsor, "signs_agreements", false);
  json outreach = root.value("outreach", json::object());
  for (const char* key : {"from", "meeting_link", "service_description"})
    default_to(outreach, key, "");
  return json{{"name", organisation.value("name", "")},
              {"legal_name", organisation.value("legal_name", "")},
              {"address", organisation["address"]},
              {"tax_id", organisation.value("tax_id", "")},
              {"email", organisation.value("email", "")},
              {"website", organisation.value("website", "")},
              {"phone", organisation["phone"]},
              {"branding", branding},
              {"payment", payment},
              {"signatories", root.value("signatories", json::array())},
              {"has_fiscal_sponsor", has_sponsor},
              {"fiscal_sponsor", sponsor},
              {"outreach", outreach}};
}

json partner_context(const PartnerFolder& folder) {
  json partner = document_json(folder.partner_file);
  for (const char* key : {"legal_entity", "website", "industry"}) default_to(partner, key, "");
  default_to(partner, "contacts", json::array());
  json primary = json{{"name", ""}, {"email", ""}, {"role", ""}};
  for (const json& contact : partner["contacts"]) {
    if (primary["name"] == "" || contact.value("primary", false)) {
      primary = json{{"name", contact.value("name", "")},
                     {"email", contact.value("email", "")},
                     {"role", contact.value("role", "")}};
      if (contact.value("primary", false)) break;
    }
  }
  partner["primary_contact"] = primary;
  partner["display_name"] = partner.value("legal_entity", "").empty()
                                ? partner.value("name", "")
                                : partner["legal_entity"].get<std::string>();
  return partner;
}

/// Which purchase-order number a "Bill to" block names.
enum class PurchaseOrder { none, of_agreement, of_invoice };

/// The "Bill to" block of quotes, invoices, credit notes, receipts and
/// statements: the legal name, the billing address, the accounts-payable
/// contact (the primary contact while there is none), the tax number and
/// the purchase-order number (`invoice`'s own, else the agreement's).
json bill_to_context(const PartnerFolder& folder, PurchaseOrder po, const Invoice* invoice) {
  const BillTo bill_to = bill_to_of(folder);
  return json{{"is_billed", true},
              {"name", bill_to.name},
              {"address", bill_to.address},
              {"attention", bill_to.attention},
              {"email", bill_to.email},
              {"tax_id", bill_to.tax_id},
              {"purchase_order",
               po == PurchaseOrder::none ? std::string() : purchase_order_of(folder, invoice)}};
}

void add_priced(json& document, const PricedDocument& priced, const Formatter& format) {
  for (json& line : document["lines"]) {
    format.money_field(line, "unit_price");
    format.money_field(line, "amount");
    if (line.contains("quantity") && !line["quantity"].is_string())
      line["quantity"] = line["quantity"].dump();
  }
  format.money_field(document, "subtotal");
  format.money_field(document, "total");
  default_to(document, "tax", json{{"label", ""}, {"rate_percent", "0"}, {"amount", "0"}});
  format.money_field(document["tax"], "amount");
  document["has_tax"] = priced.tax && priced.tax->amount && priced.tax->amount->value.minor != 0;
}

/// How the term renews, for the sentence that says so: whether it renews
/// by itself, the length of each renewal ("6 months", empty when
/// renewal_months is left out: as long as the written term) and the first
/// renewal's dates, computed as billing and the renewal notice compute them.
void add_renewal_terms(json& term, const Agreement* agreement, const Formatter& format) {
  term["is_auto"] = agreement && agreement->renews_automatically();
  term["is_manual"] = agreement && agreement->term.renewal == "manual";
  term["is_none"] = agreement && agreement->term.renewal == "none";
  const std::optional<std::int64_t> months =
      agreement ? agreement->term.renewal_months : std::nullopt;
  term["renewal_length"] =
      months ? std::to_string(*months) + (*months == 1 ? " month" : " months") : "";
  term["next_start"] = "";
  term["next_end"] = "";
  if (!agreement) return;
  if (const std::optional<TermSpan> first = agreement->first_term()) {
    const TermSpan next = agreement->term_after(*first);
    term["next_start"] = format.date(next.start);
    term["next_end"] = format.date(next.end);
  }
}

json agreement_context(const PartnerFolder& folder, const Formatter& format) {
  json agreement = document_json(folder.agreement_file);
  for (const char* key : {"effective_date", "scope", "revenue_sharing"})
    default_to(agreement, key, "");
  for (const char* key : {"services", "fees", "signatories", "addenda", "compliance"})
    default_to(agreement, key, json::array());
  default_to(agreement, "responsibilities",
             json{{"ours", json::array()}, {"theirs", json::array()}});
  default_to(agreement, "clauses", json::object());
  for (const char* key : {"data_protection", "confidentiality", "publicity"})
    default_to(agreement["clauses"], key, false);
  default_to(agreement, "term", json::object());
  format.date_field(agreement, "effective_date");
  format.date_field(agreement["term"], "start");
  format.date_field(agreement["term"], "end");
  default_to(agreement["term"], "notice_days", 0);
  add_renewal_terms(agreement["term"], folder.agreement ? &*folder.agreement : nullptr, format);
  agreement["has_compliance"] = !agreement["compliance"].empty();
  agreement["has_fees"] = !agreement["fees"].empty();
  default_to(agreement, "payment_terms_days", 30);
  format.markdown_field(agreement, "scope");
  format.markdown_field(agreement, "revenue_sharing");
  for (json& service : agreement["services"]) format.markdown_field(service, "description");
  for (json& fee : agreement["fees"]) format.money_field(fee, "amount");
  // Part-way through signing (status signing), each missing signature is
  // marked as awaited, and the count is printed above the signature lines.
  const auto has_signed = [](const json& signatory) {
    return signatory.contains("signed_on") && signatory["signed_on"].is_string() &&
           !signatory["signed_on"].get<std::string>().empty();
  };
  std::size_t signed_count = 0;
  for (const json& signatory : agreement["signatories"])
    if (has_signed(signatory)) ++signed_count;
  const std::size_t total = agreement["signatories"].size();
  const bool partly_signed = signed_count > 0 && signed_count < total;
  for (json& signatory : agreement["signatories"]) {
    signatory["is_awaited"] = partly_signed && !has_signed(signatory);
    default_to(signatory, "signed_on", "");
    format.date_field(signatory, "signed_on");
    signatory["is_ours"] = signatory.value("party", "") == "ours";
  }
  agreement["signatures"] =
      json{{"signed", signed_count}, {"total", total}, {"is_partial", partly_signed}};
  return agreement;
}

/// A sum of minor units that is exact or says it is not: it stops being
/// exact when a term is missing or the sum would overflow. (A plain
/// optional here made GCC 12 warn that the sum "may be used uninitialized".)
class ExactSum {
 public:
  void add(const std::optional<std::int64_t>& term) {
    if (!m_exact || !term || __builtin_add_overflow(m_sum, *term, &m_sum)) m_exact = false;
  }
  bool exact() const { return m_exact; }
  /// The sum; meaningful only while exact().
  std::int64_t value() const { return m_sum; }

 private:
  std::int64_t m_sum = 0;
  bool m_exact = true;
};

/// Hours as a SOW prints them, with their unit spelt out: "12 hours",
/// "1 hour" ("" when unknown). The word, not "h", so the number and its
/// unit read back as two words from the PDF too (a narrow gap before a
/// lone "h" is lost to text extraction).
std::string hours_text(const std::optional<Quantity>& hours) {
  if (!hours) return "";
  const std::string number = format_quantity(*hours);
  return number + (number == "1" ? " hour" : " hours");
}

/// Totals a SOW's estimates per deliverable and overall from the model,
/// exactly. The hours are always shown; prices only when the SOW lists rates
/// and every deliverable's role has a readable one, so a deliverable without
/// a rate can never print at zero or drop out of a total (the validator
/// reports it, and `build` holds the partner back).
void add_sow_totals(json& document, const Sow* sow, const Formatter& format) {
  for (json& rate : document["rates"]) format.money_field(rate, "rate");
  json& deliverables = document["deliverables"];
  const std::size_t count = deliverables.size();

  struct Row {
    std::optional<Quantity> low, high;
    std::optional<std::int64_t> low_cost, high_cost;
  };
  std::vector<Row> rows(count);
  bool has_prices = sow && sow->priced() && sow->deliverables.size() == count;
  for (std::size_t i = 0; sow && i < count && i < sow->deliverables.size(); ++i) {
    const SowDeliverable& deliverable = sow->deliverables[i];
    Row& row = rows[i];
    row.low = deliverable.low_hours();
    row.high = deliverable.high_hours();
    const SowRate* rate = sow->rate_of(deliverable.role.value);
    if (rate && rate->rate && row.low && row.high) {
      row.low_cost = multiply(*row.low, rate->rate->minor);
      row.high_cost = multiply(*row.high, rate->rate->minor);
    }
    has_prices = has_prices && row.low_cost && row.high_cost;
  }

  std::optional<Quantity> total_low = Quantity{}, total_high = Quantity{};
  ExactSum cost_low, cost_high;
  for (std::size_t i = 0; i < count; ++i) {
    json& deliverable = deliverables[i];
    const Row& row = rows[i];
    // Each task's hours from the model, read exactly, with their unit.
    json& estimates = deliverable["estimates"];
    for (std::size_t j = 0; estimates.is_array() && j < estimates.size(); ++j) {
      const SowEstimate* estimate =
          sow && i < sow->deliverables.size() && j < sow->deliverables[i].estimates.size()
              ? &sow->deliverables[i].estimates[j]
              : nullptr;
      const auto value = [](const std::optional<Field<Quantity>>& hours) {
        return hours ? std::optional<Quantity>(hours->value) : std::nullopt;
      };
      if (!estimates[j].is_object()) continue;
      estimates[j]["low_hours"] = hours_text(estimate ? value(estimate->low_hours) : std::nullopt);
      estimates[j]["high_hours"] =
          hours_text(estimate ? value(estimate->high_hours) : std::nullopt);
    }
    deliverable["low_hours"] = hours_text(row.low);
    deliverable["high_hours"] = hours_text(row.high);
    deliverable["low_cost"] = has_prices ? format.money(*row.low_cost) : "";
    deliverable["high_cost"] = has_prices ? format.money(*row.high_cost) : "";
    format.markdown_field(deliverable, "overview");
    default_to(deliverable, "definition_of_done", json::array());
    total_low = total_low && row.low ? add(*total_low, *row.low) : std::nullopt;
    total_high = total_high && row.high ? add(*total_high, *row.high) : std::nullopt;
    cost_low.add(row.low_cost);
    cost_high.add(row.high_cost);
  }
  has_prices = has_prices && cost_low.exact() && cost_high.exact();
  document["has_prices"] = has_prices;
  document["total_low_hours"] = hours_text(total_low);
  document["total_high_hours"] = hours_text(total_high);
  document["total_low_cost"] = has_prices ? format.money(cost_low.value()) : "";
  document["total_high_cost"] = has_prices ? format.money(cost_high.value()) : "";
}

/// The statement of account with every amount and date formatted. Amounts
/// carry their own currency, since a partner may owe in several.
json statement_context(const PartnerFolder& folder, const Date& today, const Formatter& format) {
  const Statement statement = build_statement(folder, today);
  const auto money = [](std::int64_t minor, const std::string& currency) {
    return format_display(Money{minor, currency});
  };
  const auto date = [&format](const std::optional<Field<Date>>& value) {
    return value ? format.date(value->value) : std::string();
  };
  json open = json::array();
  for (const OpenInvoice& line : statement.open_invoices) {
    const std::string& code = line.invoice->priced.currency;
    open.push_back(json{{"number", line.invoice->number.value},
                        {"sponsor_number", line.invoice->sponsor_number},
                        {"issue_date", date(line.invoice->issue_date)},
                        {"due_date", date(line.invoice->due_date)},
                        {"total", money(line.total, code)},
                        {"paid", money(line.paid, code)},
                        {"credited", money(line.credited, code)},
                        {"open", money(line.credit > 0 ? line.credit : line.open, code)},
                        {"is_credit_balance", line.credit > 0},
                        {"days_past_due", line.days_past_due < 0 ? 0 : line.days_past_due},
                        {"is_overdue", line.bucket && line.days_past_due > 0},
                        {"ageing", line.bucket ? std::string(bucket_short_label(*line.bucket))
                                               : std::string("Credit balance")}});
  }
  json payments = json::array();
  for (const StatementPayment& entry : statement.payments)
    payments.push_back(
        json{{"date", date(entry.payment->date)},
             {"invoice", entry.invoice->number.value},
             {"sponsor_number", entry.invoice->sponsor_number},
             {"amount", money(entry.payment->amount ? entry.payment->amount->value.minor : 0,
                              entry.invoice->priced.currency)},
             {"reference", entry.payment->reference}});
  json credits = json::array();
  for (const StatementCredit& credit : statement.credits)
    credits.push_back(json{{"number", credit.number},
                           {"date", credit.date ? format.date(*credit.date) : ""},
                           {"invoice", credit.invoice},
                           {"amount", money(credit.amount, credit.currency)}});
  json balances = json::array();
  for (const CurrencyBalance& balance : statement.currencies) {
    json ageing = json::array();
    for (const AgeingBucket bucket : k_ageing_buckets)
      ageing.push_back(json{
          {"label", bucket_label(bucket)},
          {"amount", money(balance.ageing[static_cast<std::size_t>(bucket)], balance.currency)}});
    balances.push_back(
        json{{"currency", balance.currency},
             {"invoiced", money(balance.invoiced, balance.currency)},
             {"paid", money(balance.paid, balance.currency)},
             {"credited", money(balance.credited, balance.currency)},
             {"balance",
              money(balance.balance < 0 ? -balance.balance : balance.balance, balance.currency)},
             {"balance_label", balance.balance < 0 ? "Credit balance" : "Balance"},
             {"is_credit_balance", balance.balance < 0},
             {"credit_balance", money(balance.credit, balance.currency)},
             {"has_credit_balance", balance.credit > 0},
             {"ageing", ageing}});
  }
  return json{{"as_of", format.date(today)}, {"name", statement.name},
              {"open_invoices", open},       {"has_open_invoices", !open.empty()},
              {"payments", payments},        {"has_payments", !payments.empty()},
              {"credits", credits},          {"has_credits", !credits.empty()},
              {"balances", balances}};
}

JobRecords records_of(const PartnerFolder* folder, const DocumentJob& job) {
  JobRecords records;
  if (!folder) return records;
  for (const CreditNote& candidate : folder->credit_notes)
    if (job.kind == DocumentKind::credit_note && candidate.file == job.inputs.back())
      records.credit_note = &candidate;
  for (const Invoice& candidate : folder->invoices)
    if ((job.kind == DocumentKind::invoice || job.kind == DocumentKind::receipt) &&
        candidate.file == job.inputs.back())
      records.invoice = &candidate;
  for (const Quote& candidate : folder->quotes)
    if (job.kind == DocumentKind::quote && candidate.file == job.inputs.back())
      records.quote = &candidate;
  for (const Sow& candidate : folder->sows)
    if (job.kind == DocumentKind::sow && candidate.file == job.inputs.at(1))
      records.statement_of_work = &candidate;
  return records;
}

/// The currency a document's amounts print in: its own, else the
/// partner's agreement's, else the organisation's default.
std::string document_currency(const Workspace& workspace, const PartnerFolder* folder,
                              const JobRecords& records) {
  const std::optional<Organisation>& organisation = workspace.organisation();
  std::string currency = organisation ? organisation->default_currency : "USD";
  if (folder && folder->agreement && !folder->agreement->currency.empty())
    currency = folder->agreement->currency;
  if (records.invoice) currency = records.invoice->priced.currency;
  if (records.quote) currency = records.quote->priced.currency;
  if (records.credit_note) currency = records.credit_note->priced.currency;
  if (records.statement_of_work && !records.statement_of_work->currency.value.empty())
    currency = records.statement_of_work->currency.value;
  return currency;
}

void add_service_description(const KindInput& in, json& context) {
  // The prose lives in the file outreach.service_description names, so
  // the same text serves the PDF and the lead's canned message.
  const std::optional<Organisation>& organisation = in.workspace.organisation();
  const std::string path = organisation ? organisation->service_description.value : "";
  std::string text;
  if (!path.empty() && is_safe_relative_path(path)) {
    const ReadResult read = in.workspace.source().read(path, 1 << 20);
    if (read.ok()) text = read.content;
  }
  context["service_description_html"] = in.format.markdown(text);
}

void add_notes(const KindInput& in, json& context) {
  const std::string text =
      in.folder && in.folder->notes_file ? in.folder->notes_file->content() : "";
  context["notes_html"] = in.format.markdown(text);
}

void add_quote(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  json document = document_json(in.workspace.file(in.job.inputs.back()));
  for (const char* key : {"reference", "notes"}) default_to(document, key, "");
  format.date_field(document, "date");
  format.date_field(document, "valid_until");
  if (in.records.quote) {
    add_priced(document, in.records.quote->priced, format);
    context["document"]["status_mark"] =
        quote_mark(*in.records.quote, in.options.today,
                   [&format](const Date& day) { return format.date(day); });
  }
  format.markdown_field(document, "notes");
  context["quote"] = document;
  if (in.folder)
    context["bill_to"] = bill_to_context(*in.folder, PurchaseOrder::of_agreement, nullptr);
}

/// The agreement and the memorandum of understanding.
void add_agreement(const KindInput& in, json& context) {
  context["agreement"] = in.folder ? agreement_context(*in.folder, in.format) : json::object();
  context["document"]["title"] =
      context["agreement"].value("title", std::string(title_of(in.job.kind)));
  if (in.folder && in.folder->agreement)
    context["document"]["status_mark"] = agreement_mark(*in.folder->agreement);
}

bool has_text(const json& value) { return value.is_string() && !value.get<std::string>().empty(); }

/// A SOW's lists as people write them: every item's Markdown rendered
/// inline, each estimate's hours with their unit, the timeline naming each
/// deliverable by its title, and a `has_<section>` flag that is false when
/// the section would print nothing but its heading.
void add_sow_lists(json& sow, const Formatter& format) {
  for (const char* key : {"user_stories", "out_of_scope"}) format.markdown_items(sow, key);
  std::map<std::string, std::string> titles;
  for (json& deliverable : sow["deliverables"]) {
    if (!deliverable.is_object()) continue;
    format.markdown_items(deliverable, "definition_of_done");
    deliverable["has_definition_of_done"] = !deliverable["definition_of_done_items"].empty();
    for (json& estimate : deliverable["estimates"]) {
      if (!estimate.is_object()) continue;
      estimate["task_html"] = format.inline_markdown(estimate.value("task", ""));
    }
    titles[deliverable.value("id", "")] = deliverable.value("title", "");
  }
  for (json& entry : sow["timeline"]) {
    if (!entry.is_object()) continue;
    const std::string id = entry.value("deliverable", "");
    const auto title = titles.find(id);
    // An unknown id is the validator's to report; the row keeps the id.
    entry["deliverable_title"] =
        title != titles.end() && !title->second.empty() ? title->second : id;
    format.date_field(entry, "start");
    format.date_field(entry, "end");
  }
  for (json& link : sow["links"])
    if (link.is_object()) link["title_html"] = format.inline_markdown(link.value("title", ""));
  for (const char* key : {"user_stories", "out_of_scope", "roles"}) {
    const std::string intro = std::string(key) + "_intro";
    default_to(sow, intro, "");
    format.markdown_field(sow, intro);
    sow["has_" + std::string(key)] = !sow[key].empty() || has_text(sow[intro]);
  }
  sow["has_technical_details"] = has_text(sow["technical_details"]);
  for (const char* key : {"timeline", "links"}) sow["has_" + std::string(key)] = !sow[key].empty();
}

void add_sow(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  // inputs: partner.yaml, the SOW, then the agreement it belongs to.
  json sow = document_json(in.workspace.file(in.job.inputs.at(1)));
  for (const char* key : {"background", "technical_details"}) {
    default_to(sow, key, "");
    format.markdown_field(sow, key);
  }
  for (const char* key :
       {"user_stories", "deliverables", "out_of_scope", "links", "roles", "timeline", "rates"})
    default_to(sow, key, json::array());
  format.date_field(sow, "date");
  add_sow_lists(sow, format);
  add_sow_totals(sow, in.records.statement_of_work, format);
  // The SOW is an addendum only to the agreement it names, and only when
  // that agreement exists: the partner's agreement.yaml, loaded.
  const Sow* record = in.records.statement_of_work;
  const bool addendum =
      in.folder && in.folder->agreement && in.folder->agreement_file && record &&
      in.folder->agreement_file->path == in.folder->path + "/" + record->agreement.value;
  context["agreement"] = addendum ? agreement_context(*in.folder, format) : json::object();
  sow["addendum_to"] = addendum ? context["agreement"].value("title", "") : "";
  context["sow"] = sow;
  context["document"]["title"] = sow.value("title", std::string(title_of(in.job.kind)));
  if (in.records.statement_of_work)
    context["document"]["status_mark"] = sow_mark(*in.records.statement_of_work);
}

/// An invoice's paid, credited and open amounts and its status; left empty
/// (a balance due of nothing) when the invoice did not load.
void add_invoice_state(json& document, const PartnerFolder* folder, const Invoice* invoice,
                       const Formatter& format) {
  document["paid"] = "";
  document["credited"] = "";
  document["has_credits"] = false;
  document["balance"] = "";
  document["balance_label"] = balance_label(InvoiceBalance{});
  document["is_credit_balance"] = false;
  if (!invoice) return;
  add_priced(document, invoice->priced, format);
  // The same balance as the receipt, the statement and the reminder:
  // credit notes settle their part as payments do.
  // (`invoice` is found in `folder`, so both are set.)
  const InvoiceBalance balance = balance_of(*folder, *invoice);
  document["paid"] = format.money(balance.paid);
  document["credited"] = format.money(balance.credited);
  document["has_credits"] = balance.credited != 0;
  document["balance"] = format.money(balance.is_credit() ? balance.credit() : balance.balance);
  document["balance_label"] = balance_label(balance);
  document["is_credit_balance"] = balance.is_credit();
  document["is_draft"] = invoice->status.value == InvoiceStatus::draft;
  document["is_void"] = invoice->status.value == InvoiceStatus::voided;
  document["is_paid"] = invoice->status.value == InvoiceStatus::paid;
}

void add_invoice(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  json document = document_json(in.workspace.file(in.job.inputs.back()));
  for (const char* key : {"period", "reference", "sponsor_number", "notes"})
    default_to(document, key, "");
  default_to(document, "payments", json::array());
  format.date_field(document, "issue_date");
  format.date_field(document, "due_date");
  add_invoice_state(document, in.folder, in.records.invoice, format);
  // A receipt acknowledges money received: final, whatever the invoice's state.
  if (in.records.invoice && in.job.kind == DocumentKind::invoice)
    context["document"]["status_mark"] = invoice_mark(*in.records.invoice);
  for (json& payment : document["payments"]) {
    format.date_field(payment, "date");
    format.money_field(payment, "amount");
    default_to(payment, "reference", "");
  }
  context["invoice"] = document;
  if (in.folder)
    context["bill_to"] = bill_to_context(*in.folder, PurchaseOrder::of_invoice, in.records.invoice);
}

/// A receipt is its invoice with the one payment it acknowledges.
void add_receipt(const KindInput& in, json& context) {
  add_invoice(in, context);
  const json& payments = context["invoice"]["payments"];
  if (in.job.payment_index >= payments.size()) return;
  context["payment"] = payments[in.job.payment_index];
  // A receipt shows what was still owed right after its payment, not
  // after payments or credit notes that came later.
  json& payment = context["payment"];
  payment["balance_after"] = "";
  payment["balance_after_label"] = "Balance remaining";
  const Invoice* invoice = in.records.invoice;
  if (!invoice || !in.folder || !invoice->priced.total) return;
  if (const std::optional<InvoiceBalance> after =
          balance_after_payment(*in.folder, *invoice, in.job.payment_index)) {
    payment["balance_after"] =
        in.format.money(after->is_credit() ? after->credit() : after->balance);
    if (after->is_credit()) payment["balance_after_label"] = "Credit balance";
  }
}

void add_credit_note(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  const CreditNote* credit_note = in.records.credit_note;
  const Invoice* credited = nullptr;
  if (credit_note && in.folder) credited = in.folder->invoice(credit_note->invoice.value);
  if (in.folder)
    context["bill_to"] = bill_to_context(*in.folder, PurchaseOrder::of_invoice, credited);
  json document = document_json(in.workspace.file(in.job.inputs.back()));
  default_to(document, "notes", "");
  format.date_field(document, "issue_date");
  document["invoice_issue_date"] = "";
  document["invoice_total"] = "";
  document["is_void"] = false;
  if (credit_note) {
    add_priced(document, credit_note->priced, format);
    document["is_void"] = credit_note->status.value == CreditNoteStatus::voided;
    context["document"]["status_mark"] = credit_note_mark(*credit_note);
    if (credited) {
      if (credited->issue_date)
        document["invoice_issue_date"] = format.date(credited->issue_date->value);
      if (credited->priced.total)
        document["invoice_total"] = format.money(credited->priced.total->value.minor);
    }
  }
  format.markdown_field(document, "notes");
  context["credit_note"] = document;
}

void add_renewal_notice(const KindInput& in, json& context) {
  const Formatter& format = in.format;
  context["agreement"] = in.folder ? agreement_context(*in.folder, format) : json::object();
  // The notice is about the term its job names by its end (see plan.cpp):
  // for an agreement that renews automatically, the rolled term.
  context["renewal"] =
      json{{"term_start", ""},      {"term_end", ""},        {"notice_deadline", ""},
           {"days_to_deadline", 0}, {"next_term_start", ""}, {"next_term_end", ""},
           {"is_auto", false}};
  if (!in.folder || !in.folder->agreement) return;
  const Agreement& agreement = *in.folder->agreement;
  const std::optional<Date> end = Date::parse(in.job.id);
  const std::optional<TermSpan> term = agreement.current_term(end ? *end : in.options.today);
  if (!term) return;
  const TermSpan next = agreement.term_after(*term);
  // A rolled term renews the recurring fees only: a one-off fee was
  // billed in the written term (billing/period.cpp does the same).
  if (term->renewals > 0) {
    json& fees = context["agreement"]["fees"];
    fees.erase(
        std::remove_if(fees.begin(), fees.end(),
                       [](const json& fee) { return fee.value("schedule", "") == "one-off"; }),
        fees.end());
    context["agreement"]["has_fees"] = !fees.empty();
  }
  context["renewal"] =
      json{{"term_start", format.date(term->start)},
           {"term_end", format.date(term->end)},
           {"notice_deadline", format.date(term->notice_deadline)},
           {"days_to_deadline", term->notice_deadline.days_since(in.options.today)},
           {"next_term_start", format.date(next.start)},
           {"next_term_end", format.date(next.end)},
           {"is_auto", agreement.renews_automatically()}};
}

void add_statement(const KindInput& in, json& context) {
  context["statement"] =
      in.folder ? statement_context(*in.folder, in.options.today, in.format) : json::object();
  // A statement spans invoices that may answer to different purchase
  // orders, so its block names none; each invoice prints its own.
  if (in.folder) context["bill_to"] = bill_to_context(*in.folder, PurchaseOrder::none, nullptr);
}

void add_onboarding(const KindInput& in, json& context) {
  json items = context["partner"].value("onboarding", json::array());
  int done = 0;
  int training = 0;
  int training_done = 0;
  for (json& item : items) {
    default_to(item, "date", "");
    default_to(item, "notes", "");
    default_to(item, "training", false);
    in.format.date_field(item, "date");
    const bool completed = item.value("completed", false);
    if (completed) ++done;
    if (item.value("training", false)) {
      ++training;
      if (completed) ++training_done;
    }
  }
  context["onboarding"] = json{{"items", items},
                               {"done", done},
                               {"total", static_cast<int>(items.size())},
                               {"has_training", training > 0},
                               {"training_done", training_done},
                               {"training_total", training}};
}

struct KindContext {
  DocumentKind kind;
  AddKindContext add;
};

/// Each kind's own part of the context; every kind has one entry
/// (tests/unit/context_kinds_test.cpp).
constexpr std::array k_kind_contexts = {
    KindContext{DocumentKind::service_description, &add_service_description},
    KindContext{DocumentKind::notes, &add_notes},
    KindContext{DocumentKind::quote, &add_quote},
    KindContext{DocumentKind::agreement, &add_agreement},
    KindContext{DocumentKind::mou, &add_agreement},
    KindContext{DocumentKind::sow, &add_sow},
    KindContext{DocumentKind::invoice, &add_invoice},
    KindContext{DocumentKind::receipt, &add_receipt},
    KindContext{DocumentKind::credit_note, &add_credit_note},
    KindContext{DocumentKind::renewal_notice, &add_renewal_notice},
    KindContext{DocumentKind::onboarding, &add_onboarding},
    KindContext{DocumentKind::statement, &add_statement},
    KindContext{DocumentKind::assessment_report, &add_assessment_report},
    KindContext{DocumentKind::performance_review, &add_performance_review},
    KindContext{DocumentKind::issue_log, &add_issue_log},
    KindContext{DocumentKind::compliance_audit, &add_compliance_audit},
};

/// A document's own title, its PDF's Title: the kind and number of a
/// numbered document ("Invoice INV-2026-0006"), else the kind and whom it is
/// for ("Statement of Account — Lakeshore Community College", "Commons
/// Compute — Service Description"); an agreement, an MOU and a SOW replace
/// it with their own title.
std::string own_title(const DocumentJob& job, const json& context) {
  const std::string kind(title_of(job.kind));
  if (!job.number.empty()) return kind + " " + job.number;
  if (job.slug.empty()) {  // as the service description's heading reads
    const std::string organisation = context["organisation"].value("name", "");
    return organisation.empty() ? kind : organisation + " — " + kind;
  }
  const std::string partner = context["partner"].value("name", "");
  return partner.empty() ? kind : kind + " — " + partner;
}

AddKindContext kind_context(DocumentKind kind) {
  for (const KindContext& entry : k_kind_contexts)
    if (entry.kind == kind) return entry.add;
  throw std::logic_error("no template context for the document kind '" +
                         std::string(name_of(kind)) + "'");
}

}  // namespace

nlohmann::json document_context(const Workspace& workspace, const DocumentJob& job,
                                const ContextOptions& options) {
  const PartnerFolder* folder = job.slug.empty() ? nullptr : workspace.partner(job.slug);
  const std::optional<Organisation>& organisation = workspace.organisation();
  const bool long_dates = organisation && organisation->date_style == DateStyle::long_form;
  const JobRecords records = records_of(folder, job);
  const Formatter format(document_currency(workspace, folder, records), long_dates,
                         options.markdown);

  json context;
  context["organisation"] = organisation_context(workspace);
  context["partner"] = folder ? partner_context(*folder) : json::object();
  context["document"] = json{{"kind", name_of(job.kind)},
                             {"title", own_title(job, context)},
                             {"number", job.number},
                             {"date", format.date(options.today)},
                             {"status_mark", ""}};
  // Billing documents replace the "To" block with a "Bill to" block; the
  // others have an empty one, since templates name only what the data has.
  context["bill_to"] =
      json{{"is_billed", false}, {"name", ""},   {"address", json::array()}, {"attention", ""},
           {"email", ""},        {"tax_id", ""}, {"purchase_order", ""}};
  kind_context(job.kind)(KindInput{workspace, folder, job, options, records, format}, context);
  return context;
}

}  // namespace partnerops
