// A partner's page: everything a colleague without a terminal asks about
// one partner, from the same model the documents print: stage and owner,
// contacts, the stage's SOP checklist with what is due and overdue, the
// running notes, KPIs against targets, open issues and escalations, the
// agreement, SOWs and quotes, invoices with their balances, the PDFs built
// for it and its story from git.

#include <filesystem>

#include "model/account.hpp"
#include "model/checklist.hpp"
#include "model/money.hpp"
#include "render/markdown.hpp"
#include "site/pages.hpp"
#include "site/values.hpp"

namespace partnerops::site {

namespace {

using json = nlohmann::json;

std::string scalar(const yaml::Document* document, std::string_view key) {
  const yaml::Node* node = document ? document->root().find(key) : nullptr;
  return node && node->is_scalar() && !node->is_null() ? std::string(node->text()) : std::string();
}

/// A link from the files: its URL only when it may be followed (http(s),
/// mailto), else the text alone.
json link(const std::string& text, std::string_view url) {
  const std::optional<std::string> href = outbound_url(url);
  return {{"text", text}, {"href", href.value_or("")}, {"linked", href.has_value()}};
}

/// The documents of the partner whose kind is one of `kinds`, keyed by id.
std::map<std::string, json> documents_of(const SiteData& data, const std::string& page,
                                         const std::vector<DocumentJob>& jobs,
                                         std::initializer_list<DocumentKind> kinds) {
  std::map<std::string, json> out;
  for (const DocumentJob& job : jobs)
    for (const DocumentKind kind : kinds)
      if (job.kind == kind) out.emplace(job.id, document_entry(data, page, job));
  return out;
}

json pdf_of(const std::map<std::string, json>& documents, const std::string& id) {
  const auto found = documents.find(id);
  return found == documents.end() ? json::array() : json::array({found->second});
}

json checklist_of(const SiteData& data, const Partner& partner, const Stage* stage) {
  const Date today = data.options.today;
  json items = json::array();
  std::size_t overdue = 0;
  if (stage) {
    for (const ChecklistItem& item : stage->checklist) {
      const auto done = partner.checklist.find(item.id);
      const std::optional<Date> due = checklist_item_due(item, partner);
      std::string state;
      if (done != partner.checklist.end())
        state = "done";
      else if (due && *due < today)
        state = "overdue";
      else if (due)
        state = "due";
      else if (!item.required_items.empty())
        state = "waiting";
      else
        state = "open";
      if (state == "overdue") ++overdue;
      std::string waits_on;
      for (const std::string& required : item.required_items) {
        if (partner.checklist.count(required)) continue;
        if (!waits_on.empty()) waits_on += ", ";
        waits_on += required;
      }
      items.push_back(
          {{"id", item.id},
           {"title", item.title.empty() ? item.id : item.title},
           {"sop", item.sop},
           {"due", due ? due->iso() : std::string()},
           {"done", done != partner.checklist.end() ? done->second.value.iso() : std::string()},
           {"state", state},
           {"waits_on", state == "waiting" ? waits_on : std::string()},
           {"overdue", state == "overdue"}});
    }
  }
  return {{"stage", stage ? stage->title : partner.stage.value},
          {"items", items},
          {"has_items", !items.empty()},
          {"overdue_count", std::to_string(overdue)},
          {"has_overdue", overdue > 0}};
}

json kpis_of(const SiteData& data, const Kpis& kpis) {
  json rows = json::array();
  for (const Kpi& kpi : kpis.kpis) {
    std::string gap;
    if (kpi.target && kpi.actual)
      if (const std::optional<KpiValue> diff = difference(*kpi.actual, *kpi.target))
        gap = (sign_of(*diff) > 0 ? "+" : "") + diff->text;
    json actions = json::array();
    for (const std::string& action : kpi.action_items) actions.push_back({{"text", action}});
    rows.push_back({{"metric", kpi.metric.value},
                    {"target", kpi.target ? kpi.target->text : std::string()},
                    {"actual", kpi.actual ? kpi.actual->text : std::string()},
                    {"difference", gap},
                    {"unit", kpi.unit},
                    {"status", kpi.status},
                    {"responsible", kpi.responsible},
                    {"actions", actions}});
  }
  std::string next;
  bool review_overdue = false;
  if (const Review* latest = kpis.latest())
    if (const std::optional<Date> due = latest->next_due()) {
      next = due->iso();
      review_overdue = *due < data.options.today;
    }
  return {{"period", kpis.period},
          {"rows", rows},
          {"next_review", next},
          {"review_overdue", review_overdue}};
}

json issues_of(const SiteData& data, const IssueLog& log) {
  json open = json::array();
  std::size_t resolved = 0;
  for (const Issue* issue : issue_log_order(log)) {
    if (issue->resolved()) {
      ++resolved;
      continue;
    }
    std::string escalation;
    if (issue->escalation) {
      escalation = date_text(issue->escalation->date);
      if (!issue->escalation->to.empty())
        escalation += (escalation.empty() ? "" : " ") + std::string("to ") + issue->escalation->to;
      if (!issue->escalation->reason.empty())
        escalation += (escalation.empty() ? "" : ": ") + issue->escalation->reason;
    }
    const std::optional<int> days = issue->days_open(data.options.today);
    open.push_back({{"id", issue->id.value},
                    {"description", issue->description},
                    {"category", issue->category},
                    {"severity", issue->severity},
                    {"status", std::string(name_of(issue->status.value))},
                    {"reported", date_text(issue->date_reported)},
                    {"days_open", days ? std::to_string(*days) : std::string()},
                    {"responsible", issue->responsible},
                    {"escalated", issue->escalated()},
                    {"escalation", escalation}});
  }
  return {
      {"open", open}, {"has_open", !open.empty()}, {"resolved_count", std::to_string(resolved)}};
}

json agreement_of(const SiteData& data, const std::string& page, const PartnerFolder& folder,
                  const std::vector<DocumentJob>& jobs) {
  const Agreement& agreement = *folder.agreement;
  const Date today = data.options.today;
  json fees = json::array();
  for (const Fee& fee : agreement.fees) {
    fees.push_back(
        {{"description", fee.description},
         {"schedule", fee.schedule},
         {"amount", fee.amount ? money_text(fee.amount->value.minor, fee.amount->value.currency)
                               : std::string()}});
  }
  const std::optional<TermSpan> term = agreement.current_term(today);
  const auto pdfs = documents_of(data, page, jobs, {DocumentKind::agreement, DocumentKind::mou});
  return {{"title", agreement.title},
          {"kind", agreement.kind == "mou" ? "Memorandum of understanding" : "Service agreement"},
          {"status", agreement.status.value},
          {"term_start", term ? term->start.iso() : date_text(agreement.term.start)},
          {"term_end", term ? term->end.iso() : date_text(agreement.term.end)},
          {"renewal", agreement.term.renewal},
          {"notice_deadline", term ? term->notice_deadline.iso() : std::string()},
          {"signatures", std::to_string(agreement.signature_count()) + " of " +
                             std::to_string(agreement.signatories.size())},
          {"fees", fees},
          {"has_fees", !fees.empty()},
          {"value", amounts_cells(term ? annualised_value(agreement, *term) : Amounts{})},
          {"pdf", pdf_of(pdfs, "")}};
}

std::string hours_of(const Sow& sow) {
  std::optional<Quantity> low = Quantity{}, high = Quantity{};
  for (const SowDeliverable& deliverable : sow.deliverables) {
    const std::optional<Quantity> l = deliverable.low_hours(), h = deliverable.high_hours();
    low = low && l ? add(*low, *l) : std::nullopt;
    high = high && h ? add(*high, *h) : std::nullopt;
  }
  if (!low || !high) return {};
  return format_quantity(*low) + "–" + format_quantity(*high);
}

json invoices_of(const SiteData& data, const std::string& page, const PartnerFolder& folder,
                 const std::vector<DocumentJob>& jobs) {
  const Date today = data.options.today;
  const auto pdfs = documents_of(data, page, jobs, {DocumentKind::invoice});
  json rows = json::array();
  for (const Invoice& invoice : folder.invoices) {
    const InvoiceBalance balance = balance_of(folder, invoice);
    const std::string& currency = invoice.priced.currency;
    const bool receivable = is_receivable(invoice);
    const bool overdue =
        receivable && balance.owed() > 0 && invoice.due_date && invoice.due_date->value < today;
    rows.push_back({{"number", invoice.number.value},
                    {"status", std::string(to_string(invoice.status.value))},
                    {"issued", date_text(invoice.issue_date)},
                    {"due", date_text(invoice.due_date)},
                    {"total", money_cell(balance.total, currency)},
                    {"paid", money_cell(balance.paid, currency)},
                    {"credited", money_cell(balance.credited, currency)},
                    {"balance", receivable ? json::array({money_cell(balance.balance, currency)})
                                           : json::array()},
                    {"overdue", overdue},
                    {"pdf", pdf_of(pdfs, invoice.number.value)}});
  }
  return rows;
}

json credit_notes_of(const SiteData& data, const std::string& page, const PartnerFolder& folder,
                     const std::vector<DocumentJob>& jobs) {
  const auto pdfs = documents_of(data, page, jobs, {DocumentKind::credit_note});
  json rows = json::array();
  for (const CreditNote& note : folder.credit_notes) {
    rows.push_back({{"number", note.number.value},
                    {"invoice", note.invoice.value},
                    {"status", std::string(to_string(note.status.value))},
                    {"date", date_text(note.issue_date)},
                    {"amount", money_cell(note.credited_minor(), note.priced.currency)},
                    {"reason", note.reason},
                    {"pdf", pdf_of(pdfs, note.number.value)}});
  }
  return rows;
}

json balances_of(const SiteData& data, const std::string& page, const PartnerFolder& folder,
                 const std::vector<DocumentJob>& jobs) {
  json balances = json::array();
  const auto found = data.statements.find(folder.slug);
  if (found != data.statements.end()) {
    for (const CurrencyBalance& b : found->second.currencies) {
      balances.push_back({{"currency", b.currency},
                          {"invoiced", money_cell(b.invoiced, b.currency)},
                          {"paid", money_cell(b.paid, b.currency)},
                          {"credited", money_cell(b.credited, b.currency)},
                          {"balance", money_cell(b.balance, b.currency)},
                          {"owed", money_cell(b.owed, b.currency)}});
    }
  }
  const auto pdfs = documents_of(data, page, jobs, {DocumentKind::statement});
  return {{"rows", balances}, {"has_rows", !balances.empty()}, {"pdf", pdf_of(pdfs, "")}};
}

}  // namespace

json partner_context(const SiteData& data, const std::string& page, const PartnerFolder& folder) {
  const Partner& partner = *folder.partner;
  const std::optional<Lifecycle>& lifecycle = data.workspace.lifecycle();
  const Stage* stage = lifecycle ? lifecycle->stage(partner.stage.value) : nullptr;
  static const std::vector<DocumentJob> k_none;
  const auto jobs_found = data.documents.find(folder.slug);
  const std::vector<DocumentJob>& jobs =
      jobs_found == data.documents.end() ? k_none : jobs_found->second;

  json contacts = json::array();
  for (const Contact& contact : partner.contacts) {
    const std::string& email = contact.email.value;
    const std::optional<std::string> mail =
        email.empty() ? std::nullopt : outbound_url("mailto:" + email);
    contacts.push_back({{"name", contact.name},
                        {"role", contact.role},
                        {"email", email},
                        {"email_href", mail.value_or("")},
                        {"primary", contact.primary}});
  }
  json links = json::array();
  const std::shared_ptr<const yaml::Document> partner_tree =
      folder.partner_file ? folder.partner_file->document() : nullptr;
  const std::string website = scalar(partner_tree.get(), "website");
  if (!website.empty()) links.push_back(link("Website: " + website, website));
  if (partner_tree)
    if (const yaml::Node* list = partner_tree->root().find("links"); list && list->is_sequence())
      for (const yaml::Node* item : list->items())
        if (item->is_mapping()) {
          const yaml::Node* title = item->find("title");
          const yaml::Node* url = item->find("url");
          if (url && url->is_scalar())
            links.push_back(link(
                title && title->is_scalar() ? std::string(title->text()) : std::string(url->text()),
                std::string(url->text())));
        }

  std::string notes_html;
  if (folder.notes_file) {
    render::MarkdownPlacement placement;
    placement.outbound_links_only = true;
    placement.heading_offset = 2;  // under the page's h1 and the section's h2
    placement.scoped_table_headers = true;
    notes_html = render::markdown_to_html(folder.notes_file->content(), placement);
  }

  json sows = json::array();
  const auto sow_pdfs = documents_of(data, page, jobs, {DocumentKind::sow});
  for (const Sow& sow : folder.sows) {
    // The SOW's document is named by its file, as `build` names it.
    const std::string stem = std::filesystem::path(sow.file).stem().string();
    sows.push_back({{"id", sow.id.value},
                    {"status", sow.status.value},
                    {"deliverables", std::to_string(sow.deliverables.size())},
                    {"hours", hours_of(sow)},
                    {"pdf", pdf_of(sow_pdfs, stem)}});
  }
  json quotes = json::array();
  const auto quote_pdfs = documents_of(data, page, jobs, {DocumentKind::quote});
  for (const Quote& quote : folder.quotes) {
    quotes.push_back({{"number", quote.number.value},
                      {"status", quote.status},
                      {"date", date_text(quote.date)},
                      {"valid_until", date_text(quote.valid_until)},
                      {"total", quote.priced.total ? money_text(quote.priced.total->value.minor,
                                                                quote.priced.total->value.currency)
                                                   : std::string()},
                      {"pdf", pdf_of(quote_pdfs, quote.number.value)}});
  }

  json documents = json::array();
  for (const DocumentJob& job : jobs) documents.push_back(document_entry(data, page, job));

  json timeline = json::array();
  if (const auto found = data.timeline.find(folder.slug); found != data.timeline.end())
    for (const transitions::TimelineEntry* entry : found->second)
      timeline.push_back({{"date", entry->date},
                          {"committed", entry->committed},
                          {"change", entry->change},
                          {"detail", entry->detail},
                          {"commit", entry->short_id},
                          {"author", entry->author}});

  const json invoices = invoices_of(data, page, folder, jobs);
  const json credit_notes = credit_notes_of(data, page, folder, jobs);
  const std::optional<Date> since = partner.stage_entered();
  json kpis = folder.kpis ? json::array({kpis_of(data, *folder.kpis)}) : json::array();
  json issues =
      folder.issue_log ? json::array({issues_of(data, *folder.issue_log)}) : json::array();
  json agreement =
      folder.agreement ? json::array({agreement_of(data, page, folder, jobs)}) : json::array();
  return {{"page_title", partner.name.empty() ? folder.slug : partner.name},
          {"name", partner.name.empty() ? folder.slug : partner.name},
          {"slug", folder.slug},
          {"legal_name", billing_name(folder)},
          {"stage", stage ? stage->title : partner.stage.value},
          {"since", since ? since->iso() : std::string()},
          {"owner", partner.owner.value},
          {"qualified", partner.qualified ? "yes" : "no"},
          {"closed_reason", partner.closed_reason ? partner.closed_reason->value : std::string()},
          {"contacts", contacts},
          {"has_contacts", !contacts.empty()},
          {"links", links},
          {"has_links", !links.empty()},
          {"checklist", checklist_of(data, partner, stage)},
          {"notes_html", notes_html},
          {"has_notes", folder.notes_file != nullptr},
          {"kpis", kpis},
          {"issues", issues},
          {"agreement", agreement},
          {"sows", sows},
          {"has_sows", !sows.empty()},
          {"quotes", quotes},
          {"has_quotes", !quotes.empty()},
          {"invoices", invoices},
          {"has_invoices", !invoices.empty()},
          {"credit_notes", credit_notes},
          {"has_credit_notes", !credit_notes.empty()},
          {"balances", balances_of(data, page, folder, jobs)},
          {"documents", documents},
          {"has_documents", !documents.empty()},
          {"timeline", timeline},
          {"has_timeline", !timeline.empty()},
          {"timeline_note", data.options.timeline_note},
          {"index_href", from_page(page, "index.html")}};
}

}  // namespace partnerops::site
