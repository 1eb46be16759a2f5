#include "deployments/check.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "util/text.hpp"

namespace partnerops::deployments {

namespace {

/// An agreement's standing on the day checked, as far as what it covers goes.
enum class Standing {
  covering,  ///< executed, and its term is in force or has not begun
  ended,     ///< executed, and its last term has ended (no automatic renewal)
  not_yet,   ///< not executed: it covers nothing yet
};

struct Naming {
  const PartnerFolder* folder = nullptr;
  const Agreement* agreement = nullptr;
  const CoveredDeployment* entry = nullptr;
  Standing standing = Standing::not_yet;
  std::optional<Date> ended_on;  ///< the last day, when ended
};

Standing standing_of(const Agreement& agreement, Date today, std::optional<Date>* ended_on) {
  if (agreement.status.value != "executed") return Standing::not_yet;
  if (agreement.current_term(today)) return Standing::covering;
  if (const std::optional<Date> end = agreement.ended_before(today)) {
    *ended_on = *end;
    return Standing::ended;
  }
  // Executed without a usable term: the validator reports the term; it covers.
  return Standing::covering;
}

std::string_view status_text(const Naming& naming) { return naming.agreement->status.value; }

/// Lowercase words of letters and digits, for comparing names.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

/// Words too common in organisations' and hubs' names to tell one from another.
bool generic_word(std::string_view word) {
  static const std::set<std::string, std::less<>> generic = {
      "the",       "and",      "for",        "of",         "hub",       "hubs",     "jupyterhub",
      "staging",   "prod",     "college",    "university", "institute", "group",    "data",
      "science",   "sciences", "school",     "centre",     "center",    "research", "lab",
      "community", "public",   "foundation", "society",    "project",   "network",  "inc"};
  return word.size() < 4 || generic.count(word) != 0;
}

/// Which partners each distinctive word of their slug or name belongs to,
/// built once: a deployment's names are then looked up word by word, so
/// suggesting costs the same with ten partners or ten thousand.
using WordIndex = std::map<std::string, std::set<std::string>, std::less<>>;

WordIndex index_partner_words(const Workspace& workspace) {
  WordIndex index;
  for (const PartnerFolder& folder : workspace.partners()) {
    std::vector<std::string> words = words_of(folder.slug);
    if (folder.partner)
      for (std::string& word : words_of(folder.partner->name)) words.push_back(std::move(word));
    for (const std::string& word : words)
      if (!generic_word(word)) index[word].insert(folder.slug);
  }
  return index;
}

/// The partners sharing a distinctive word with any of `names` (a hub's
/// display name, its community's names, its own name), sorted by slug.
std::vector<std::string> resembling_partners(const WordIndex& index,
                                             const std::vector<std::string>& names) {
  std::set<std::string> slugs;
  for (const std::string& name : names)
    for (const std::string& word : words_of(name))
      if (!generic_word(word))
        if (const auto found = index.find(word); found != index.end())
          slugs.insert(found->second.begin(), found->second.end());
  return {slugs.begin(), slugs.end()};
}

/// `monthly` × days / 30, rounded half away from zero: the cost of `days`
/// of a month's cost.
Money pro_rata(const Money& monthly, int days) {
  const __int128 product = static_cast<__int128>(monthly.minor) * days;
  const __int128 rounded = product >= 0 ? (product + 15) / 30 : (product - 15) / 30;
  return Money{static_cast<std::int64_t>(rounded), monthly.currency};
}

std::string money_text(const Money& money) { return format_display(money); }

std::string where(const Deployment& deployment) {
  return deployment.file + ":" + std::to_string(deployment.position.line);
}

std::string payer_text(CloudPayer payer) { return payer == CloudPayer::us ? "us" : "the partner"; }

class Checker {
 public:
  Checker(const Workspace& workspace, const Inventory& inventory, const Settings& settings,
          Date today)
      : m_workspace(workspace), m_inventory(inventory), m_settings(settings), m_today(today) {}

  Findings run() {
    collect_namings();
    for (const Deployment& deployment : m_inventory.deployments) check_running(deployment);
    for (const auto& [key, namings] : m_namings)
      if (m_inventory.complete && !m_running.count(key))
        for (const Naming& naming : namings) check_absent(key, naming);
    m_findings.deployments = m_inventory.deployments.size();
    // Findings in their diagnostics' order: by file, line, column, then kind.
    std::stable_sort(m_findings.items.begin(), m_findings.items.end(),
                     [](const Finding& a, const Finding& b) {
                       return std::tie(a.file, a.position.line, a.position.column) <
                              std::tie(b.file, b.position.line, b.position.column);
                     });
    m_diagnostics.sort();
    m_findings.diagnostics = std::move(m_diagnostics);
    return std::move(m_findings);
  }

 private:
  void collect_namings() {
    for (const PartnerFolder& folder : m_workspace.partners()) {
      if (!folder.agreement) continue;
      for (const CoveredDeployment& entry : folder.agreement->deployments) {
        Naming naming{&folder, &*folder.agreement, &entry, Standing::not_yet, std::nullopt};
        naming.standing = standing_of(*folder.agreement, m_today, &naming.ended_on);
        m_namings[entry.key.value].push_back(naming);
      }
    }
  }

  bool internal(const std::string& key) const {
    return std::any_of(m_settings.internal.begin(), m_settings.internal.end(),
                       [&](const Field<std::string>& p) { return matches_pattern(p.value, key); });
  }

  /// What running `deployment` costs us a month, when we pay and it is known.
  std::optional<Money> monthly_cost_to_us(const Deployment& deployment) const {
    if (deployment.paid_by != CloudPayer::us) return std::nullopt;
    return deployment.monthly_cost ? deployment.monthly_cost : m_settings.monthly_cost;
  }

  /// Records `finding` with its diagnostic (the code is its kind's, as
  /// docs/diagnostics.md lists it).
  void report(Finding& finding, Severity severity, const char* code, std::string message,
              std::string hint) {
    finding.severity = severity;
    m_diagnostics.add(severity, code, finding.file, finding.position, std::move(message),
                      std::move(hint));
    m_findings.items.push_back(std::move(finding));
  }

  void check_running(const Deployment& deployment) {
    if (!m_running.emplace(deployment.key, &deployment).second) {
      const Deployment& first = *m_running[deployment.key];
      m_diagnostics.error(
          "inventory-duplicate", deployment.file, deployment.position,
          "the inventory lists " + deployment.key + " twice (first at " + where(first) + ")",
          "remove or rename one of them");
      return;
    }
    if (internal(deployment.key)) {
      ++m_findings.internal;
      return;
    }
    const auto named = m_namings.find(deployment.key);
    const std::vector<Naming> none;
    const std::vector<Naming>& namings = named == m_namings.end() ? none : named->second;
    const Naming* covering = nullptr;
    const Naming* ended = nullptr;
    const Naming* pending = nullptr;
    for (const Naming& naming : namings) {
      if (naming.standing == Standing::covering && !covering) covering = &naming;
      if (naming.standing == Standing::ended && (!ended || *naming.ended_on > *ended->ended_on))
        ended = &naming;
      if (naming.standing == Standing::not_yet && !pending) pending = &naming;
    }
    if (covering) {
      ++m_findings.covered;
      check_payer(deployment, *covering);
      return;
    }
    if (ended) {
      after_end(deployment, *ended);
      return;
    }
    uncovered(deployment, pending);
  }

  void check_payer(const Deployment& deployment, const Naming& naming) {
    const CloudPayer agreed = naming.entry->cloud_costs;
    if (agreed == CloudPayer::unknown || deployment.paid_by == CloudPayer::unknown ||
        agreed == deployment.paid_by)
      return;
    Finding finding;
    finding.kind = FindingKind::payer_mismatch;
    finding.key = deployment.key;
    finding.slug = naming.folder->slug;
    finding.file = naming.agreement->file;
    finding.position = naming.entry->cloud_costs_position;
    finding.monthly_exposure = monthly_cost_to_us(deployment);
    report(finding, Severity::error, "deployment-payer-mismatch",
           "the agreement says " + payer_text(agreed) + " pay" +
               (agreed == CloudPayer::us ? "" : "s") + " the cloud costs of " + deployment.key +
               ", the inventory says " + payer_text(deployment.paid_by) + " (" + where(deployment) +
               ")",
           "correct whichever is wrong: `cloud_costs` here, or the cluster's billing in the "
           "inventory");
  }

  void after_end(const Deployment& deployment, const Naming& naming) {
    const Date end = *naming.ended_on;
    Finding finding;
    finding.kind = FindingKind::after_end;
    finding.key = deployment.key;
    finding.slug = naming.folder->slug;
    finding.file = naming.agreement->file;
    finding.position = naming.entry->key.position;
    finding.days = m_today.days_since(end);
    finding.due = end.plus_days(m_settings.after_end_grace_days + 1);
    std::string message = deployment.key + " is still running " + std::to_string(finding.days) +
                          (finding.days == 1 ? " day" : " days") +
                          " after the agreement ended on " + end.iso();
    finding.monthly_exposure = monthly_cost_to_us(deployment);
    if (finding.monthly_exposure) {
      finding.exposure = pro_rata(*finding.monthly_exposure, finding.days);
      message += "; we pay its cloud costs: about " + money_text(*finding.exposure) + " so far, " +
                 money_text(*finding.monthly_exposure) + " a month";
    } else if (deployment.paid_by == CloudPayer::us) {
      message += "; we pay its cloud costs";
    }
    const bool late = finding.days > m_settings.after_end_grace_days;
    report(finding, late ? Severity::error : Severity::warning, "deployment-after-end", message,
           "decommission it (" + where(deployment) + "), or record the renewal in this agreement" +
               (late ? std::string()
                     : "; an error after " + std::to_string(m_settings.after_end_grace_days) +
                           " days (deployments.grace_days.after_end)"));
  }

  void uncovered(const Deployment& deployment, const Naming* pending) {
    Finding finding;
    finding.kind = FindingKind::uncovered;
    finding.key = deployment.key;
    finding.file = deployment.file;
    finding.position = deployment.position;
    finding.monthly_exposure = monthly_cost_to_us(deployment);
    bool late = true;
    std::string since;
    if (deployment.started) {
      finding.days = std::max(0, m_today.days_since(*deployment.started));
      finding.due = deployment.started->plus_days(m_settings.uncovered_grace_days + 1);
      late = finding.days > m_settings.uncovered_grace_days;
      since = ", running since " + deployment.started->iso();
    }
    std::vector<std::string> names = deployment.community_names;
    if (!deployment.name.empty()) names.push_back(deployment.name);
    names.push_back(deployment.key.substr(deployment.key.rfind('/') + 1));  // the hub's own name
    if (!m_words) m_words = index_partner_words(m_workspace);
    finding.suggestions = resembling_partners(*m_words, names);
    std::string hint;
    if (pending) {
      finding.slug = pending->folder->slug;
      hint = "the agreement of " + pending->folder->slug + " names it but is " +
             std::string(status_text(*pending)) + ", not executed";
    } else if (!finding.suggestions.empty()) {
      hint = "its name resembles partner " + util::join(finding.suggestions, ", ") +
             ": if it is theirs, add `key: " + deployment.key +
             "` to the `deployments:` of their agreement";
    } else {
      hint =
          "name it in the `deployments:` of the agreement that covers it, or list it under "
          "deployments.internal in partnerops.yaml";
    }
    if (!late)
      hint += "; an error after " + std::to_string(m_settings.uncovered_grace_days) +
              " days (deployments.grace_days.uncovered)";
    std::string message =
        deployment.key +
        (deployment.domain.empty() ? std::string() : " (" + deployment.domain + ")") +
        " is running" + since + " and no executed agreement covers it";
    if (finding.monthly_exposure)
      message += "; we pay its cloud costs, " + money_text(*finding.monthly_exposure) + " a month";
    report(finding, late ? Severity::error : Severity::warning, "deployment-uncovered", message,
           hint);
  }

  void check_absent(const std::string& key, const Naming& naming) {
    if (naming.standing == Standing::ended) return;  // decommissioned, as it should be
    if (m_keys.empty())
      for (const auto& [running_key, deployment] : m_running) m_keys.push_back(running_key);
    const std::string near = util::closest(key, m_keys, 2);
    const std::string did_you_mean = near.empty() ? std::string() : "did you mean " + near + "? ";
    Finding finding;
    finding.key = key;
    finding.slug = naming.folder->slug;
    finding.file = naming.agreement->file;
    finding.position = naming.entry->key.position;
    const std::optional<TermSpan> first = naming.agreement->first_term();
    const Date launch_by = (first ? first->start : m_today).plus_days(m_settings.launch_grace_days);
    if (naming.standing == Standing::covering && m_today > launch_by) {
      finding.kind = FindingKind::missing;
      finding.due = launch_by.plus_days(1);
      finding.days = m_today.days_since(launch_by);
      report(finding, Severity::error, "deployment-missing",
             "the agreement is in force but the inventory (" + m_inventory.description +
                 ") does not hold " + key,
             did_you_mean +
                 "launch it, correct the key, or end the agreement; the launch grace of " +
                 std::to_string(m_settings.launch_grace_days) +
                 " days from the term's start has passed");
      return;
    }
    // Not yet executed or still being launched: only a likely typo or a
    // cluster the inventory lacks is worth saying.
    const std::size_t slash = key.find('/');
    const bool unknown_group = slash != std::string::npos && !m_inventory.groups.empty() &&
                               std::find(m_inventory.groups.begin(), m_inventory.groups.end(),
                                         key.substr(0, slash)) == m_inventory.groups.end();
    if (near.empty() && !unknown_group) return;
    finding.kind = FindingKind::unknown;
    report(
        finding, Severity::warning, "deployment-unknown",
        "the inventory does not know " + key +
            (unknown_group ? " (it has no cluster " + key.substr(0, slash) + ")" : std::string()),
        did_you_mean + "a typo, or a deployment that was decommissioned");
  }

  const Workspace& m_workspace;
  const Inventory& m_inventory;
  const Settings& m_settings;
  Date m_today;
  std::map<std::string, std::vector<Naming>, std::less<>> m_namings;
  std::map<std::string, const Deployment*, std::less<>> m_running;
  std::vector<std::string> m_keys;   ///< of m_running, for "did you mean"
  std::optional<WordIndex> m_words;  ///< built at the first uncovered deployment
  Findings m_findings;
  Diagnostics m_diagnostics;
};

}  // namespace

std::string_view name_of(FindingKind kind) {
  switch (kind) {
    case FindingKind::uncovered:
      return "uncovered";
    case FindingKind::after_end:
      return "after-end";
    case FindingKind::missing:
      return "missing";
    case FindingKind::payer_mismatch:
      return "payer-mismatch";
    case FindingKind::unknown:
      return "unknown";
  }
  return "uncovered";
}

Findings check_deployments(const Workspace& workspace, const Inventory& inventory,
                           const Settings& settings, Date today) {
  return Checker(workspace, inventory, settings, today).run();
}

}  // namespace partnerops::deployments
