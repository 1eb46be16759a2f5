#include "transitions/timeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "diag/diagnostic.hpp"
#include "git/history.hpp"
#include "git/transition_message.hpp"
#include "model/date.hpp"
#include "yaml/node.hpp"

namespace partnerops::transitions {

namespace {

std::string one_line(std::string_view text) {
  std::string line;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

/// Display width in code points, so "→" and accented names align.
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// One entry of a partner.yaml history, as written.
struct StoryEntry {
  std::string date;
  std::string stage;
  std::string reason;
  /// Identifies the entry across versions of the file: date, stage and how
  /// many earlier entries share both. The reason is left out, so a reworded
  /// reason keeps the commit that first wrote the entry.
  std::string key;
};

std::string scalar(const yaml::Node& map, std::string_view key) {
  const yaml::Node* node = map.find(key);
  return node != nullptr && node->is_scalar() && !node->is_null() ? std::string(node->text())
                                                                  : std::string();
}

/// The history of a partner.yaml's bytes; empty when it does not parse
/// (`validate` says why) or has none.
std::vector<StoryEntry> history_of(const std::string& path, const std::string& content) {
  Diagnostics ignored;
  const std::unique_ptr<yaml::Document> document = yaml::parse(path, content, ignored);
  std::vector<StoryEntry> out;
  if (!document || !document->root().is_mapping()) return out;
  const yaml::Node* history = document->root().find("history");
  if (history == nullptr) return out;
  std::map<std::string, int> seen;
  for (const yaml::Node* item : history->items()) {
    if (!item->is_mapping()) continue;
    StoryEntry entry{scalar(*item, "date"), scalar(*item, "stage"), scalar(*item, "reason"), {}};
    const std::string pair = entry.date + '\x1f' + entry.stage;
    entry.key = pair + '\x1f' + std::to_string(seen[pair]++);
    out.push_back(std::move(entry));
  }
  return out;
}

/// partners/<slug>/partner.yaml → slug; empty for any other path.
std::string partner_file_slug(std::string_view path) {
  constexpr std::string_view k_prefix = "partners/";
  constexpr std::string_view k_suffix = "/partner.yaml";
  if (!path.starts_with(k_prefix) || !path.ends_with(k_suffix) ||
      path.size() <= k_prefix.size() + k_suffix.size())
    return {};
  const std::string_view slug =
      path.substr(k_prefix.size(), path.size() - k_prefix.size() - k_suffix.size());
  return slug.find('/') == std::string_view::npos ? std::string(slug) : std::string();
}

/// What the timeline needs of a commit.
struct CommitInfo {
  std::size_t order = 0;  ///< position in the oldest-first walk
  std::string short_id;
  std::string author;
  std::string date;  ///< author date in the author's zone
  std::optional<git::TransitionMessage> transition;
};

CommitInfo info_of(git_repository* repo, const git::CommitRecord& commit, std::size_t order) {
  CommitInfo info;
  info.order = order;
  git_oid oid;
  info.short_id =
      git::parse_oid(commit.id, &oid) ? git::short_id(repo, oid) : commit.id.substr(0, 7);
  info.author = commit.author_name;
  info.date = Date::from_unix_seconds(commit.time + commit.offset_minutes * 60LL).iso();
  info.transition = git::parse_transition_message(commit);
  return info;
}

/// A line of the timeline before sorting: by date, then by the commit's
/// place in history, then by the entry's place in partner.yaml.
struct Row {
  TimelineEntry entry;
  std::size_t order = 0;
  std::size_t index = 0;
};

TimelineEntry entry_from(const CommitInfo& commit, std::string date, std::string slug,
                         std::string change, const std::string& detail) {
  TimelineEntry entry;
  if (date.empty()) date = commit.date;
  if (date != commit.date) entry.committed = commit.date;
  entry.date = std::move(date);
  entry.short_id = commit.short_id;
  entry.author = commit.author;
  entry.slug = std::move(slug);
  entry.change = std::move(change);
  entry.detail = one_line(detail);
  return entry;
}

/// The rest of `summary` after `prefix`, or `fallback` when it does not
/// start so (a commit written by another version or by hand).
std::string after(const std::string& summary, const std::string& prefix, std::string fallback) {
  return summary.starts_with(prefix) && summary.size() > prefix.size()
             ? summary.substr(prefix.size())
             : std::move(fallback);
}

/// The bookkeeping a commit records, read from the trailers the money and
/// checklist commands write (billing/issue, transitions/payment,
/// billing/credit, transitions/record, scaffold/new_document); nullopt for
/// any other commit.
std::optional<TimelineEntry> bookkeeping_of(const git::CommitRecord& commit,
                                            const CommitInfo& info) {
  const std::string* slug = commit.trailer("Partner");
  if (slug == nullptr || info.transition) return std::nullopt;
  const std::string head = *slug + ": ";
  const auto value = [&commit](std::string_view key) {
    const std::string* found = commit.trailer(key);
    return found != nullptr ? *found : std::string();
  };
  const std::string invoice = value("Invoice");
  if (!invoice.empty() && !value("Issue-Date").empty()) {
    const std::string due = value("Due-Date");
    return entry_from(info, value("Issue-Date"), *slug, "issued",
                      invoice + (due.empty() ? "" : ", due " + due));
  }
  if (!invoice.empty() && !value("Payment-Date").empty()) {
    return entry_from(info, value("Payment-Date"), *slug, "paid",
                      after(commit.summary, head + "payment of ", invoice));
  }
  if (!invoice.empty() && !value("Credit-Note").empty()) {
    const std::string reason = value("Reason");
    return entry_from(
        info, {}, *slug, "credited",
        after(commit.summary, head + "credit ", invoice + " with " + value("Credit-Note")) +
            (reason.empty() ? "" : ": " + reason));
  }
  if (!invoice.empty() && !value("Sponsor-Number").empty()) {
    return entry_from(info, {}, *slug, "sponsor number",
                      value("Sponsor-Number") + " for " + invoice);
  }
  if (!value("Checklist-Item").empty())
    return entry_from(info, {}, *slug, "recorded", value("Checklist-Item"));
  if (!value("New-Document").empty())
    return entry_from(info, {}, *slug, "new document", value("New-Document"));
  return std::nullopt;
}

std::string change_text(const std::string& from, const std::string& to) {
  return (from.empty() ? std::string("new") : from) + " → " + to;
}

}  // namespace

std::optional<Timeline> read_timeline(git_repository* repo, const TimelineOptions& options,
                                      std::string* error) {
  const std::optional<git::CommitRecord> tip = git::read_commit(repo, options.revspec, error);
  if (!tip) return std::nullopt;
  const std::string scope =
      options.slug.empty() ? std::string("partners") : "partners/" + options.slug;
  // Only partner.yaml files tell the story, so only the folders on the way
  // to them are compared; a commit that changed one partner opens that
  // partner's folder alone.
  const git::PathPattern story_files = {
      "partners", options.slug.empty() ? std::nullopt : std::optional<std::string>(options.slug),
      "partner.yaml"};

  std::vector<Row> rows;
  std::map<std::size_t, CommitInfo> commits;  // by walk order
  // For each partner.yaml path: entry key → the walk order of the commit
  // that added the entry.
  std::map<std::string, std::map<std::string, std::size_t>> added_by;
  std::map<std::string, std::vector<StoryEntry>> parsed;  // by blob id
  const auto entries_at = [&](std::string_view commit_id,
                              const std::string& path) -> const std::vector<StoryEntry>& {
    static const std::vector<StoryEntry> k_none;
    const std::optional<git::FileAtCommit> file = git::read_file_at(repo, commit_id, path);
    if (!file) return k_none;
    auto it = parsed.find(file->blob_id);
    if (it == parsed.end())
      it = parsed.emplace(file->blob_id, history_of(path, file->content)).first;
    return it->second;
  };

  git::HistoryOptions walk;
  walk.revspec = tip->id;
  walk.order = git::Order::oldest_first;
  walk.path_prefix = scope;
  std::size_t order = 0;
  std::string walk_error;
  const std::optional<git::WalkSummary> summary = git::walk_history(
      repo, walk,
      [&](const git::CommitRecord& commit) {
        const std::size_t at = order++;
        CommitInfo info = info_of(repo, commit, at);
        if (options.bookkeeping) {
          std::optional<TimelineEntry> booked = bookkeeping_of(commit, info);
          if (booked && (options.slug.empty() || booked->slug == options.slug))
            rows.push_back({std::move(*booked), at, 0});
        }
        const std::optional<std::vector<git::ChangedPath>> changed =
            git::paths_changed_by(repo, commit.id, story_files, &walk_error);
        if (!changed) return false;
        bool adds = false;
        for (const git::ChangedPath& path : *changed) {
          if (path.kind == git::ChangeKind::deleted || partner_file_slug(path.path).empty())
            continue;
          std::set<std::string> before;
          for (const std::string& parent : commit.parent_ids)
            for (const StoryEntry& entry : entries_at(parent, path.path)) before.insert(entry.key);
          std::map<std::string, std::size_t>& added = added_by[path.path];
          for (const StoryEntry& entry : entries_at(commit.id, path.path)) {
            if (before.count(entry.key) == 0 && added.emplace(entry.key, at).second) adds = true;
          }
        }
        if (adds || info.transition) commits.emplace(at, std::move(info));
        return true;
      },
      error);
  if (!summary) return std::nullopt;
  if (!walk_error.empty()) {
    if (error != nullptr) *error = walk_error;
    return std::nullopt;
  }

  Timeline timeline;
  timeline.shallow = summary->shallow;
  std::set<std::size_t> told;  // stage-change commits whose entry is shown
  for (const auto& [path, added] : added_by) {
    const std::string slug = partner_file_slug(path);
    if (!git::read_file_at(repo, tip->id, path)) continue;  // removed since
    const std::vector<StoryEntry>& entries = entries_at(tip->id, path);
    if (slug == options.slug) timeline.partner_found = true;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const StoryEntry& entry = entries[i];
      const auto by = added.find(entry.key);
      if (by == added.end()) continue;
      const CommitInfo& commit = commits.at(by->second);
      if (commit.transition && commit.transition->slug == slug &&
          commit.transition->to == entry.stage)
        told.insert(commit.order);
      rows.push_back(
          {entry_from(commit, entry.date, slug,
                      change_text(i == 0 ? std::string() : entries[i - 1].stage, entry.stage),
                      entry.reason),
           commit.order, i});
    }
  }
  // Stage changes whose entry the revision's partner.yaml no longer holds
  // (the folder was removed or renamed) are still part of the record.
  for (const auto& [at, commit] : commits) {
    if (!commit.transition || told.count(at) != 0) continue;
    if (!options.slug.empty() && commit.transition->slug != options.slug) continue;
    rows.push_back({entry_from(commit, {}, commit.transition->slug,
                               change_text(commit.transition->from, commit.transition->to),
                               commit.transition->reason),
                    at, 0});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.entry.date, a.order, a.index) < std::tie(b.entry.date, b.order, b.index);
  });
  for (Row& row : rows) timeline.entries.push_back(std::move(row.entry));
  return timeline;
}

std::string format_timeline(const Timeline& timeline) {
  std::size_t date_width = 0;
  std::size_t author_width = 0;
  std::size_t slug_width = 0;
  std::size_t change_width = 0;
  auto date = [](const TimelineEntry& e) {
    return e.committed.empty() ? e.date : e.date + " (committed " + e.committed + ")";
  };
  for (const TimelineEntry& e : timeline.entries) {
    date_width = std::max(date_width, width(date(e)));
    author_width = std::max(author_width, width(e.author));
    slug_width = std::max(slug_width, width(e.slug));
    change_width = std::max(change_width, width(e.change));
  }
  auto pad = [](const std::string& text, std::size_t to) {
    return text + std::string(to - std::min(to, width(text)), ' ');
  };
  std::string out;
  for (const TimelineEntry& e : timeline.entries) {
    std::string line = pad(date(e), date_width) + "  " + e.short_id + "  " +
                       pad(e.author, author_width) + "  " + pad(e.slug, slug_width) + "  " +
                       pad(e.change, change_width) + "  " + e.detail;
    while (line.ends_with(' ')) line.pop_back();
    out += line + '\n';
  }
  return out;
}

}  // namespace partnerops::transitions
