#include "report/tickler.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "model/account.hpp"
#include "model/checklist.hpp"
#include "model/money.hpp"
#include "model/notes.hpp"
#include "model/renewal_window.hpp"
#include "util/text.hpp"

namespace partnerops {

const std::vector<TicklerKind>& all_tickler_kinds() {
  static const std::vector<TicklerKind> kinds = {
      TicklerKind::lapsed,         TicklerKind::invoice_overdue,     TicklerKind::renewal,
      TicklerKind::renewal_notice, TicklerKind::negotiation_stalled, TicklerKind::check_in,
      TicklerKind::review,         TicklerKind::compliance_audit,    TicklerKind::checklist,
      TicklerKind::lead_inactive,  TicklerKind::decommission,        TicklerKind::agreement_needed,
  };
  return kinds;
}

std::string_view name_of(TicklerKind kind) {
  switch (kind) {
    case TicklerKind::lapsed:
      return "lapsed";
    case TicklerKind::invoice_overdue:
      return "invoice-overdue";
    case TicklerKind::renewal:
      return "renewal";
    case TicklerKind::renewal_notice:
      return "renewal-notice";
    case TicklerKind::negotiation_stalled:
      return "negotiation-stalled";
    case TicklerKind::check_in:
      return "check-in";
    case TicklerKind::review:
      return "review";
    case TicklerKind::compliance_audit:
      return "compliance-audit";
    case TicklerKind::checklist:
      return "checklist";
    case TicklerKind::lead_inactive:
      return "lead-inactive";
    case TicklerKind::decommission:
      return "decommission";
    case TicklerKind::agreement_needed:
      return "agreement-needed";
  }
  return "checklist";
}

std::string_view heading_of(TicklerKind kind) {
  switch (kind) {
    case TicklerKind::lapsed:
      return "Lapsed agreements";
    case TicklerKind::invoice_overdue:
      return "Overdue invoices";
    case TicklerKind::renewal:
      return "Renewal deadlines";
    case TicklerKind::renewal_notice:
      return "Renewal notices not yet sent";
    case TicklerKind::negotiation_stalled:
      return "Stalled negotiations";
    case TicklerKind::check_in:
      return "Satisfaction check-ins";
    case TicklerKind::review:
      return "Performance reviews";
    case TicklerKind::compliance_audit:
      return "Compliance audits";
    case TicklerKind::checklist:
      return "SOP checklist items";
    case TicklerKind::lead_inactive:
      return "Inactive leads";
    case TicklerKind::decommission:
      return "Deployments to decommission";
    case TicklerKind::agreement_needed:
      return "Deployments no agreement covers";
  }
  return "";
}

namespace {

std::string money_text(std::int64_t minor, const std::string& currency) {
  const std::optional<Currency> found = find_currency(currency);
  if (!found) return std::to_string(minor) + " (minor units) " + currency;
  return format_plain(minor, *found) + " " + currency;
}

std::string days_phrase(int days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

bool is_terminal(const Lifecycle& lifecycle, const Partner& partner) {
  const Stage* stage = lifecycle.stage(partner.stage.value);
  return !stage || stage->terminal;
}

bool lifecycle_defines(const Lifecycle& lifecycle, std::string_view item_id) {
  for (const Stage& stage : lifecycle.stages())
    if (stage.item(item_id)) return true;
  return false;
}

/// Walks every partner once and gathers its items within the window.
class Collector {
 public:
  Collector(const Workspace& workspace, const TicklerOptions& options)
      : m_workspace(workspace),
        m_options(options),
        m_until(options.today.plus_days(options.within_days)) {
    if (const std::optional<Organisation>& organisation = workspace.organisation()) {
      m_lead_inactive_days =
          static_cast<int>(organisation->lead_inactive_days.value_or(k_default_lead_inactive_days));
      m_stall_days = static_cast<int>(
          organisation->negotiation_stall_days.value_or(k_default_negotiation_stall_days));
    }
    m_renewal_notice_days = renewal_notice_days(workspace.organisation());
  }

  std::vector<TicklerItem> collect() {
    const std::optional<Lifecycle>& lifecycle = m_workspace.lifecycle();
    if (!lifecycle) return {};
    for (const PartnerFolder& folder : m_workspace.partners()) {
      if (!folder.partner) continue;
      // Money owed is chased whatever the stage; the rest only matters
      // while the relationship is open.
      invoices(folder);
      if (is_terminal(*lifecycle, *folder.partner)) continue;
      const bool renewal_noticed = agreement(folder, *lifecycle);
      const bool audit_listed = compliance_audit(folder, *lifecycle);
      checklist(folder, *lifecycle, renewal_noticed, audit_listed);
      review(folder);
      lead(folder, *lifecycle);
    }
    if (m_options.deployments) deployments(*m_options.deployments);
    std::sort(m_items.begin(), m_items.end(), [](const TicklerItem& a, const TicklerItem& b) {
      return std::tie(a.due, a.kind, a.slug, a.subject) <
             std::tie(b.due, b.kind, b.slug, b.subject);
    });
    return std::move(m_items);
  }

 private:
  void add(Date due, TicklerKind kind, const PartnerFolder& folder, std::string subject,
           std::string title, std::string detail, std::string file) {
    if (due > m_until) return;
    m_items.push_back(TicklerItem{due, kind, folder.slug, std::move(subject), std::move(title),
                                  std::move(detail), std::move(file)});
  }

  /// A hub runs on after its agreement (whatever the partner's stage), or
  /// runs with none: someone must take it down or get it signed.
  void deployments(const deployments::Findings& findings) {
    for (const deployments::Finding& finding : findings.items) {
      const bool ended = finding.kind == deployments::FindingKind::after_end;
      if (!ended && finding.kind != deployments::FindingKind::uncovered) continue;
      const Date due = finding.due.value_or(m_options.today);
      if (due > m_until) continue;
      std::string detail =
          ended ? "running " + days_phrase(finding.days) + " after the agreement ended"
                : "no executed agreement covers it";
      if (finding.exposure)
        detail += "; about " + format_display(*finding.exposure) + " of cloud costs so far";
      else if (finding.monthly_exposure)
        detail += "; " + format_display(*finding.monthly_exposure) + " of cloud costs a month";
      if (!finding.suggestions.empty())
        detail += "; may be " + util::join(finding.suggestions, " or ") + "'s";
      m_items.push_back(TicklerItem{
          due, ended ? TicklerKind::decommission : TicklerKind::agreement_needed, finding.slug,
          finding.key,
          ended
              ? "Decommission " + finding.key + " or record the renewal"
              : "Cover " + finding.key + " with an agreement, list it as internal or take it down",
          std::move(detail), finding.file});
    }
  }

  void invoices(const PartnerFolder& folder) {
    for (const Invoice& invoice : folder.invoices) {
      if (invoice.status.value != InvoiceStatus::issued || !invoice.due_date ||
          !invoice.priced.total)
        continue;
      const Date due = invoice.due_date->value;
      const std::int64_t total = invoice.priced.total->value.minor;
      // Credit notes cancel part of what the invoice asks for; a credit
      // balance is owed back, never chased.
      const std::int64_t balance = balance_of(folder, invoice).owed();
      if (!(due < m_options.today) || balance <= 0) continue;
      const std::string& currency = invoice.priced.currency;
      add(due, TicklerKind::invoice_overdue, folder, invoice.number.value,
          "Chase payment of invoice " + invoice.number.value,
          "balance " + money_text(balance, currency) + " of " + money_text(total, currency) +
              (invoice.issue_date ? ", issued " + invoice.issue_date->value.iso() : std::string()) +
              ", due " + due.iso() + ", " + days_phrase(m_options.today.days_since(due)) +
              " overdue",
          invoice.file);
    }
  }

  /// Adds the agreement's items; returns true when a renewal-notice item was
  /// added, so the checklist does not repeat it.
  bool agreement(const PartnerFolder& folder, const Lifecycle& lifecycle) {
    if (!folder.agreement) return false;
    const Agreement& agreement = *folder.agreement;
    const std::string& status = agreement.status.value;

    // The validator's agreement-term-ended warning, as an item to act on.
    if (const std::optional<Date> end = agreement.ended_before(m_options.today)) {
      const std::string term_text =
          (agreement.term.start ? agreement.term.start->value.iso() : std::string("?")) + " to " +
          end->iso();
      add(*end, TicklerKind::lapsed, folder, end->iso(),
          "Agreement term ended on " + end->iso() + " while the partner is still '" +
              folder.partner->stage.value + "'",
          "term " + term_text + " (renewal: " + agreement.term.renewal + ", status " + status +
              "); renew or amend the agreement, or close the partner",
          agreement.file);
      return false;
    }

    bool renewal_noticed = false;
    // The term current today: for an automatic renewal, the rolled one.
    const std::optional<TermSpan> term = agreement.current_term(m_options.today);
    if (status == "executed" && term) {
      const std::string end = term->end.iso();
      const Date deadline = term->notice_deadline;
      std::string term_text = "term " + term->start.iso() + " to " + end;
      if (term->renewals > 0) {
        const std::optional<TermSpan> first = agreement.first_term();
        term_text += ", renewal " + std::to_string(term->renewals) + " of " + first->start.iso() +
                     " to " + first->end.iso();
      }
      const std::string notice =
          days_phrase(static_cast<int>(agreement.term.notice_days.value_or(0))) + "' notice";
      add(deadline, TicklerKind::renewal, folder, end,
          "Notice deadline to renew, amend or end '" + agreement.title + "'",
          term_text + " (renewal: " + agreement.term.renewal + ", " + notice + ")", agreement.file);
      if (in_renewal_window(agreement, m_options.today, m_renewal_notice_days)) {
        const Date opened = deadline.plus_days(-m_renewal_notice_days);
        std::vector<std::string> ids;
        bool recorded = false;
        for (std::string_view id : k_renewal_checklist_ids) {
          if (!lifecycle_defines(lifecycle, id)) continue;
          ids.emplace_back(id);
          const auto done = folder.partner->checklist.find(std::string(id));
          if (done != folder.partner->checklist.end() && done->second.value >= opened)
            recorded = true;
        }
        if (!recorded) {
          renewal_noticed = true;
          std::string record = ids.empty() ? std::string("no renewal checklist item is defined")
                                           : "no " + ids.front() + " record since then";
          for (std::size_t i = 1; i < ids.size(); ++i) record += " or " + ids[i];
          add(opened, TicklerKind::renewal_notice, folder, end,
              "Send the renewal notice and record the decision",
              "in the renewal window since " + opened.iso() + " (notice deadline " +
                  deadline.iso() + ", term ends " + end + "); " + record,
              folder.partner->file);
        }
      }
    }

    if (status == "negotiating") {
      if (const std::optional<Date> last = agreement.last_event()) {
        add(last->plus_days(m_stall_days), TicklerKind::negotiation_stalled, folder, "agreement",
            "Move the negotiation on: no agreement history entry since " + last->iso(),
            "status negotiating; stalled after " + days_phrase(m_stall_days) +
                " without an entry (defaults.negotiation_stall_days)",
            agreement.file);
      }
    }
    return renewal_noticed;
  }

  /// Adds the next compliance audit of an agreement that lists compliance
  /// requirements; returns true when it did, so the checklist does not
  /// repeat the item.
  bool compliance_audit(const PartnerFolder& folder, const Lifecycle& lifecycle) {
    if (!folder.agreement || folder.agreement->compliance.empty()) return false;
    const ComplianceLog* log = folder.compliance ? &*folder.compliance : nullptr;
    const std::optional<Date> due = next_compliance_audit_due(lifecycle, *folder.partner, log);
    if (!due) return false;
    const ComplianceAudit* latest = log ? log->latest() : nullptr;
    std::size_t not_met = 0;
    for (const RequirementStanding& standing : requirement_standings(*folder.agreement, log))
      if (standing.result && !standing.result->met) ++not_met;
    const std::size_t count = folder.agreement->compliance.size();
    add(*due, TicklerKind::compliance_audit, folder, std::string(k_compliance_audit_item),
        "Audit the agreement's " + std::to_string(count) + " compliance requirement" +
            (count == 1 ? "" : "s"),
        (latest ? "last audited " + latest->date->value.iso() + " by " + latest->auditor + ", " +
                      std::to_string(not_met) + " not met"
                : std::string("not audited yet")) +
            "; record it with partnerops record " + folder.slug + " compliance-audit",
        log ? log->file : folder.agreement->file);
    return true;
  }

  void checklist(const PartnerFolder& folder, const Lifecycle& lifecycle, bool renewal_noticed,
                 bool audit_listed) {
    const Partner& partner = *folder.partner;
    const Stage* stage = lifecycle.stage(partner.stage.value);
    const std::optional<Date> entered = partner.stage_entered();
    if (!stage || !entered) return;
    for (const ChecklistItem& item : stage->checklist) {
      if (renewal_noticed &&
          std::find(std::begin(k_renewal_checklist_ids), std::end(k_renewal_checklist_ids),
                    item.id) != std::end(k_renewal_checklist_ids))
        continue;
      if (audit_listed && item.id == k_compliance_audit_item) continue;
      const std::optional<Date> due = checklist_item_due(item, partner);
      if (!due) continue;
      const TicklerKind kind =
          item.id == k_check_in_item ? TicklerKind::check_in : TicklerKind::checklist;
      std::string detail = item.sop + ": due " + days_phrase(*item.due_days) + " after entering '" +
                           partner.stage.value + "' on " + entered->iso();
      if (!item.required_items.empty())
        detail += " or after " + util::join(item.required_items, ", ") + ", whichever is later";
      detail += "; record it as checklist " + item.id;
      add(*due, kind, folder, item.id, item.title, detail, partner.file);
    }
  }

  /// The review after the latest in kpis.yaml; the first review is the
  /// lifecycle's checklist item.
  void review(const PartnerFolder& folder) {
    const Review* last = folder.kpis ? folder.kpis->latest() : nullptr;
    const std::optional<Date> due = last ? last->next_due() : std::nullopt;
    if (!due) return;
    const std::string kind(name_of(last->kind));
    add(*due, TicklerKind::review, folder, "performance-review",
        "Hold the next " + kind + " performance review",
        "last review " + last->date->value.iso() + " (" + kind + "); " +
            (last->next_review                  ? std::string("next_review agreed at it")
             : last->kind == ReviewKind::annual ? "due twelve months after it"
                                                : "due three months after it"),
        folder.kpis->file);
  }

  void lead(const PartnerFolder& folder, const Lifecycle& lifecycle) {
    const Partner& partner = *folder.partner;
    const Stage* stage = lifecycle.stage(partner.stage.value);
    if (!stage || !stage->initial) return;
    std::optional<Date> last;
    const auto consider = [&last](Date date) {
      if (!last || date > *last) last = date;
    };
    for (const HistoryEntry& entry : partner.history)
      if (entry.date) consider(entry.date->value);
    for (const auto& [id, done] : partner.checklist) consider(done.value);
    if (folder.notes_file)
      for (Date date : dated_headings(folder.notes_file->content())) consider(date);
    if (!last) return;
    add(last->plus_days(m_lead_inactive_days), TicklerKind::lead_inactive, folder, "activity",
        "Follow up: no activity since " + last->iso(),
        "latest of history, checklist and notes dates; a lead is inactive after " +
            days_phrase(m_lead_inactive_days) + " (defaults.lead_inactive_days)",
        folder.notes_file ? folder.notes_file->path : partner.file);
  }

  const Workspace& m_workspace;
  const TicklerOptions& m_options;
  const Date m_until;
  int m_lead_inactive_days = k_default_lead_inactive_days;
  int m_renewal_notice_days = k_default_renewal_notice_days;
  int m_stall_days = k_default_negotiation_stall_days;
  std::vector<TicklerItem> m_items;
};

// ---- formats -------------------------------------------------------------

std::string render_text(const std::vector<TicklerItem>& items, const TicklerOptions& options) {
  std::ostringstream out;
  const Date until = options.today.plus_days(options.within_days);
  if (items.empty()) {
    out << "Nothing due by " << until.iso() << " (today " << options.today.iso() << ").\n";
    return out.str();
  }
  out << items.size() << (items.size() == 1 ? " item" : " items") << " due by " << until.iso()
      << " (today " << options.today.iso() << "):\n";
  for (const TicklerItem& item : items) {
    out << '\n'
        << item.due.iso() << (item.due < options.today ? " overdue " : "         ")
        << name_of(item.kind) << "  " << item.slug << "\n  " << item.title << "\n  " << item.detail
        << "\n  " << item.file << '\n';
  }
  return out.str();
}

std::string render_json(const std::vector<TicklerItem>& items, const TicklerOptions& options,
                        std::string_view domain) {
  nlohmann::ordered_json out;
  out["today"] = options.today.iso();
  out["within_days"] = options.within_days;
  out["until"] = options.today.plus_days(options.within_days).iso();
  out["items"] = nlohmann::ordered_json::array();
  for (const TicklerItem& item : items) {
    nlohmann::ordered_json entry;
    entry["due"] = item.due.iso();
    entry["overdue"] = item.due < options.today;
    entry["kind"] = name_of(item.kind);
    entry["partner"] = item.slug;
    entry["subject"] = item.subject;
    entry["title"] = item.title;
    entry["detail"] = item.detail;
    entry["file"] = item.file;
    entry["uid"] = tickler_uid(item, domain);
    out["items"].push_back(std::move(entry));
  }
  return out.dump(2) + "\n";
}

/// A table cell: no line breaks, pipes escaped, and no raw HTML, since the
/// text comes from partner files and is posted as an issue.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '`':
        out += "\\`";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_markdown(const std::vector<TicklerItem>& items, const TicklerOptions& options) {
  std::ostringstream out;
  const Date until = options.today.plus_days(options.within_days);
  out << "# Tickler: due by " << until.iso() << "\n\n";
  const auto overdue = std::count_if(items.begin(), items.end(), [&](const TicklerItem& item) {
    return item.due < options.today;
  });
  out << "As of " << options.today.iso() << ": " << items.size()
      << (items.size() == 1 ? " item" : " items") << " due within " << options.within_days
      << " days, " << overdue << " of them already past their date.\n";
  if (items.empty()) out << "\nNothing is due.\n";
  for (TicklerKind kind : all_tickler_kinds()) {
    std::vector<const TicklerItem*> group;
    for (const TicklerItem& item : items)
      if (item.kind == kind) group.push_back(&item);
    if (group.empty()) continue;
    out << "\n## " << heading_of(kind) << " (" << group.size() << ")\n\n"
        << "| Due | Partner | What | Details | File |\n|---|---|---|---|---|\n";
    for (const TicklerItem* item : group) {
      out << "| " << item->due.iso() << (item->due < options.today ? " (overdue)" : "") << " | "
          << cell(item->slug) << " | " << cell(item->title) << " | " << cell(item->detail) << " | "
          << cell(item->file) << " |\n";
    }
  }
  return out.str();
}

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

struct IcalBufferDeleter {
  void operator()(char* buffer) const { icalmemory_free_buffer(buffer); }
};

/// `ical` with its content lines folded again by RFC 5545 (CRLF, at most 75
/// octets a line, a fold never inside a UTF-8 sequence). libical's own
/// folding writes "\r\r\n \n" when a value ends right at a fold, a bare LF
/// that calendars reject; so its lines are unfolded and folded here.
std::string refold(std::string_view ical) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < ical.size()) {
    std::size_t end = ical.find('\n', start);
    if (end == std::string_view::npos) end = ical.size();
    std::string line;
    for (char c : ical.substr(start, end - start))
      if (c != '\r') line += c;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty())
      lines.back() += line.substr(1);
    else if (!line.empty())
      lines.push_back(std::move(line));
    start = end + 1;
  }
  std::string out;
  for (const std::string& line : lines) {
    std::size_t at = 0;
    std::size_t room = 75;  // a continuation line gives one octet to its space
    while (line.size() - at > room) {
      std::size_t cut = at + room;
      while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      out.append(line, at, cut - at).append("\r\n ");
      at = cut;
      room = 74;
    }
    out.append(line, at, std::string::npos).append("\r\n");
  }
  return out;
}

icaltimetype ical_date(Date date) {
  icaltimetype out = icaltime_null_date();
  out.year = date.year();
  out.month = static_cast<int>(date.month());
  out.day = static_cast<int>(date.day());
  return out;
}

std::string render_ics(const std::vector<TicklerItem>& items, const TicklerOptions& options,
                       std::string_view domain, std::string* error) {
  ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  if (!calendar) {
    if (error) *error = "the calendar library could not create a calendar";
    return {};
  }
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//partnerops//tickler//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* name = icalproperty_new_x("Partnerships tickler");
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), name);

  // DTSTAMP is when the data was computed: the pinned "today", so two runs
  // on the same files give the same bytes.
  icaltimetype stamp = icaltime_null_time();
  stamp.year = options.today.year();
  stamp.month = static_cast<int>(options.today.month());
  stamp.day = static_cast<int>(options.today.day());
  stamp.zone = icaltimezone_get_utc_timezone();

  for (const TicklerItem& item : items) {
    // All-day events rather than VTODO: calendars that subscribe to a feed
    // (Google Calendar among them) ignore to-dos.
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    const std::string uid = tickler_uid(item, domain);
    const std::string summary =
        std::string("[") + std::string(name_of(item.kind)) + "] " + item.slug + ": " + item.title;
    const std::string description = item.detail + "\nFile: " + item.file;
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(event, icalproperty_new_dtstart(ical_date(item.due)));
    icalcomponent_add_property(event, icalproperty_new_dtend(ical_date(item.due.plus_days(1))));
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(
        event, icalproperty_new_categories(std::string(name_of(item.kind)).c_str()));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_component(calendar.get(), event);
  }
  std::unique_ptr<char, IcalBufferDeleter> text(icalcomponent_as_ical_string_r(calendar.get()));
  if (!text) {
    if (error)
      *error = std::string("the calendar library failed: ") + icalerror_strerror(icalerrno);
    return {};
  }
  return refold(text.get());
}

}  // namespace

std::vector<TicklerItem> tickler_items(const Workspace& workspace, const TicklerOptions& options) {
  return Collector(workspace, options).collect();
}

std::string tickler_uid(const TicklerItem& item, std::string_view domain) {
  std::string uid = std::string(name_of(item.kind)) + "." + item.slug + "." + item.subject;
  for (char& c : uid) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_';
    if (!safe) c = '_';
  }
  return uid + "@" + std::string(domain);
}

std::optional<TicklerFormat> parse_tickler_format(std::string_view text) {
  if (text == "text") return TicklerFormat::text;
  if (text == "json") return TicklerFormat::json;
  if (text == "markdown") return TicklerFormat::markdown;
  if (text == "ics") return TicklerFormat::ics;
  return std::nullopt;
}

std::optional<int> parse_window_days(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int multiplier = 1;
  if (text.back() == 'd') {
    text.remove_suffix(1);
  } else if (text.back() == 'w') {
    multiplier = 7;
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 5) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value * multiplier;
}

std::string render_tickler(const std::vector<TicklerItem>& items, const TicklerOptions& options,
                           TicklerFormat format, std::string_view domain, std::string* error) {
  switch (format) {
    case TicklerFormat::text:
      return render_text(items, options);
    case TicklerFormat::json:
      return render_json(items, options, domain);
    case TicklerFormat::markdown:
      return render_markdown(items, options);
    case TicklerFormat::ics:
      return render_ics(items, options, domain, error);
  }
  return {};
}

std::string tickler_domain(const Workspace& workspace) {
  if (const std::optional<Organisation>& organisation = workspace.organisation()) {
    const std::size_t at = organisation->email.find('@');
    if (at != std::string::npos && at + 1 < organisation->email.size())
      return organisation->email.substr(at + 1);
  }
  return "partnerops.invalid";
}

}  // namespace partnerops
