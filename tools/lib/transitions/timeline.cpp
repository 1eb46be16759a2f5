#include "transitions/timeline.hpp"

#include <algorithm>

#include "git/history.hpp"
#include "git/transition_message.hpp"
#include "model/date.hpp"

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

}  // namespace

std::optional<Timeline> read_timeline(git_repository* repo, std::string_view slug,
                                      std::string* error) {
  Timeline timeline;
  git::HistoryOptions options;
  options.order = git::Order::oldest_first;
  const std::optional<git::WalkSummary> summary = git::walk_history(
      repo, options,
      [&](const git::CommitRecord& commit) {
        const std::optional<git::TransitionMessage> transition =
            git::parse_transition_message(commit);
        if (!transition || (!slug.empty() && transition->slug != slug)) return true;
        TimelineEntry entry;
        entry.date = Date::from_unix_seconds(commit.time + commit.offset_minutes * 60LL).iso();
        git_oid oid;
        entry.short_id = git::parse_oid(commit.id, &oid) ? git::short_id(repo, oid)
                                                         : commit.id.substr(0, 7);
        entry.author = commit.author_name;
        entry.slug = transition->slug;
        entry.from = transition->from;
        entry.to = transition->to;
        entry.reason = one_line(transition->reason);
        timeline.entries.push_back(std::move(entry));
        return true;
      },
      error);
  if (!summary) return std::nullopt;
  timeline.shallow = summary->shallow;
  return timeline;
}

std::string format_timeline(const Timeline& timeline) {
  std::size_t author_width = 0;
  std::size_t slug_width = 0;
  std::size_t change_width = 0;
  for (const TimelineEntry& e : timeline.entries) {
    author_width = std::max(author_width, width(e.author));
    slug_width = std::max(slug_width, width(e.slug));
    change_width = std::max(change_width, width((e.from.empty() ? std::string("new") : e.from) +
                                                 " → " + e.to));
  }
  auto change = [](const TimelineEntry& e) {
    return (e.from.empty() ? std::string("new") : e.from) + " → " + e.to;
  };
  auto pad = [](const std::string& text, std::size_t to) {
    return text + std::string(to - std::min(to, width(text)), ' ');
  };
  std::string out;
  for (const TimelineEntry& e : timeline.entries) {
    std::string line = e.date + "  " + e.short_id + "  " + pad(e.author, author_width) + "  " +
                       pad(e.slug, slug_width) + "  " + pad(change(e), change_width) +
                       "  " + e.reason;
    while (line.ends_with(' ')) line.pop_back();
    out += line + '\n';
  }
  return out;
}

}  // namespace partnerops::transitions
