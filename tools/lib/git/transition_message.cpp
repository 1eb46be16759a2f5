#include "git/transition_message.hpp"

#include <vector>

namespace partnerops::git {
namespace {

bool is_word(const std::string& value) {
  if (value.empty()) return false;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':') return false;
  }
  return true;
}

std::string trim_blank_lines(const std::string& text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// Paragraphs of a message: runs of lines separated by blank lines.
std::vector<std::string> paragraphs(const std::string& message) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start < message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    const std::string line = message.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

}  // namespace

std::optional<std::string> format_transition_message(const TransitionMessage& transition,
                                                     std::string* error) {
  const bool creation = transition.from.empty();
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string&>{"slug", transition.slug},
        {"stage before", transition.from},
        {"stage after", transition.to}}) {
    if (creation && value.empty() && std::string_view(name) == "stage before") continue;
    if (!is_word(value)) {
      if (error != nullptr) {
        *error = std::string("the ") + name + " '" + value +
                 "' cannot go into a commit trailer (empty, or holds a blank or a colon)";
      }
      return std::nullopt;
    }
  }
  std::string message =
      creation ? transition.slug + ": new " + transition.to + "\n\n"
               : transition.slug + ": " + transition.from + " → " + transition.to + "\n\n";
  const std::string reason = trim_blank_lines(transition.reason);
  if (!reason.empty()) message += reason + "\n\n";
  message += "Partner: " + transition.slug + "\n";
  if (!creation) message += "Stage-From: " + transition.from + "\n";
  message += "Stage-To: " + transition.to + "\n";
  return message;
}

std::optional<TransitionMessage> parse_transition_message(const CommitRecord& commit) {
  const std::string* slug = commit.trailer("Partner");
  const std::string* from = commit.trailer("Stage-From");
  const std::string* to = commit.trailer("Stage-To");
  // Without Stage-From the commit created the partner (`new lead`).
  if (slug == nullptr || to == nullptr) return std::nullopt;
  TransitionMessage out{*slug, from ? *from : std::string(), *to, {}};
  std::vector<std::string> parts = paragraphs(commit.message);
  // The first paragraph is the summary, the last the trailers.
  if (parts.size() > 2) {
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
      out.reason += (out.reason.empty() ? "" : "\n\n") + parts[i];
    }
  }
  return out;
}

}  // namespace partnerops::git
