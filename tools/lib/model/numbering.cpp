#include "model/numbering.hpp"

#include <cstdio>

namespace partnerops {

std::optional<NumberingRule> NumberingRule::parse(std::string_view pattern) {
  NumberingRule rule;
  rule.m_pattern = std::string(pattern);
  bool has_seq = false;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    if (open != i) {
      const std::size_t end = open == std::string_view::npos ? pattern.size() : open;
      rule.m_parts.push_back({PartKind::literal, std::string(pattern.substr(i, end - i)), 0});
      i = end;
      continue;
    }
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (name == "year") {
      rule.m_parts.push_back({PartKind::year, {}, 4});
    } else if (name == "seq" || name.starts_with("seq:")) {
      int width = 1;
      if (name.size() > 4) {
        width = 0;
        for (char c : name.substr(4)) {
          if (c < '0' || c > '9') return std::nullopt;
          width = width * 10 + (c - '0');
        }
        if (width < 1 || width > 12) return std::nullopt;
      }
      if (has_seq) return std::nullopt;
      has_seq = true;
      rule.m_parts.push_back({PartKind::seq, {}, width});
    } else {
      return std::nullopt;
    }
    i = close + 1;
  }
  if (!has_seq) return std::nullopt;
  // A number is a file name (invoices/<number>.yaml) and may be part of a
  // branch name, so the literal text holds only letters, digits, '.', '_'
  // and '-': no '/', no "..", nothing git refuses in a ref, and it starts
  // with a letter or digit and does not end with a dot.
  for (std::size_t p = 0; p < rule.m_parts.size(); ++p) {
    const Part& part = rule.m_parts[p];
    if (part.kind != PartKind::literal) continue;
    for (char c : part.text) {
      const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!allowed) return std::nullopt;
    }
    if (part.text.find("..") != std::string::npos) return std::nullopt;
    if (p == 0 &&
        (part.text.front() == '.' || part.text.front() == '_' || part.text.front() == '-'))
      return std::nullopt;
    if (p + 1 == rule.m_parts.size() && part.text.back() == '.') return std::nullopt;
  }
  return rule;
}

std::optional<NumberingRule::Match> NumberingRule::match(std::string_view number) const {
  Match match;
  std::size_t at = 0;
  auto digits_from = [&number](std::size_t from) {
    std::size_t end = from;
    while (end < number.size() && number[end] >= '0' && number[end] <= '9') ++end;
    return end - from;
  };
  for (std::size_t p = 0; p < m_parts.size(); ++p) {
    const Part& part = m_parts[p];
    switch (part.kind) {
      case PartKind::literal:
        if (number.substr(at, part.text.size()) != part.text) return std::nullopt;
        match.sequence += part.text;
        at += part.text.size();
        break;
      case PartKind::year:
        if (digits_from(at) < 4) return std::nullopt;
        match.sequence += number.substr(at, 4);
        at += 4;
        break;
      case PartKind::seq: {
        // A year placeholder right after the sequence would be ambiguous;
        // rules put literal text between them.
        const std::size_t count = digits_from(at);
        if (count < static_cast<std::size_t>(part.width) || count > 15) return std::nullopt;
        match.seq = std::stoll(std::string(number.substr(at, count)));
        // Zero padding beyond the width would give one number two spellings.
        if (count > static_cast<std::size_t>(part.width) && number[at] == '0') return std::nullopt;
        match.sequence += "{seq}";
        at += count;
        break;
      }
    }
  }
  if (at != number.size()) return std::nullopt;
  return match;
}

std::string NumberingRule::format(int year, long long seq) const {
  std::string out;
  for (const Part& part : m_parts) {
    switch (part.kind) {
      case PartKind::literal:
        out += part.text;
        break;
      case PartKind::year:
        out += std::to_string(year);
        break;
      case PartKind::seq: {
        std::string digits = std::to_string(seq);
        if (digits.size() < static_cast<std::size_t>(part.width))
          digits.insert(0, part.width - digits.size(), '0');
        out += digits;
        break;
      }
    }
  }
  return out;
}

}  // namespace partnerops
