#include "util/slug.hpp"

#include <array>

#include "util/utf8.hpp"

namespace partnerops::util {

namespace {

constexpr char32_t k_table_first = 0xC0;
constexpr char32_t k_table_last = 0x17F;

/// Runs of consecutive code points from U+00C0 that share a transliteration,
/// in lower case (slugs are lower case). Written as runs so the table can be
/// read against a code chart: "À Á Â Ã Ä Å" is one run of six "a".
struct Run {
  int count;
  std::string_view ascii;
};

constexpr std::array k_runs = {
    // Latin-1 Supplement, U+00C0–U+00FF
    Run{6, "a"}, Run{1, "ae"}, Run{1, "c"}, Run{4, "e"}, Run{4, "i"}, Run{1, "d"}, Run{1, "n"},
    Run{5, "o"}, Run{1, ""} /* × */, Run{1, "o"}, Run{4, "u"}, Run{1, "y"}, Run{1, "th"},
    Run{1, "ss"}, Run{6, "a"}, Run{1, "ae"}, Run{1, "c"}, Run{4, "e"}, Run{4, "i"}, Run{1, "d"},
    Run{1, "n"}, Run{5, "o"}, Run{1, ""} /* ÷ */, Run{1, "o"}, Run{4, "u"}, Run{1, "y"},
    Run{1, "th"}, Run{1, "y"},
    // Latin Extended-A, U+0100–U+017F
    Run{6, "a"}, Run{8, "c"}, Run{4, "d"}, Run{10, "e"}, Run{8, "g"}, Run{4, "h"}, Run{10, "i"},
    Run{2, "ij"}, Run{2, "j"}, Run{3, "k"}, Run{10, "l"}, Run{9, "n"}, Run{6, "o"}, Run{2, "oe"},
    Run{6, "r"}, Run{8, "s"}, Run{6, "t"}, Run{12, "u"}, Run{2, "w"}, Run{3, "y"}, Run{6, "z"},
    Run{1, "s"}};

constexpr std::size_t k_table_size = k_table_last - k_table_first + 1;

constexpr std::array<std::string_view, k_table_size> make_table() {
  std::array<std::string_view, k_table_size> table{};
  std::size_t at = 0;
  for (const Run& run : k_runs)
    for (int i = 0; i < run.count; ++i) table[at++] = run.ascii;
  return table;
}

constexpr std::array<std::string_view, k_table_size> k_table = make_table();

constexpr int runs_total() {
  int total = 0;
  for (const Run& run : k_runs) total += run.count;
  return total;
}
static_assert(runs_total() == static_cast<int>(k_table_size),
              "the runs must cover U+00C0 to U+017F exactly");

}  // namespace

std::string_view transliterate(char32_t c) {
  if (c < k_table_first || c > k_table_last) return {};
  return k_table[c - k_table_first];
}

std::string slugify(std::string_view name, std::size_t max_length) {
  std::string slug;
  bool pending_separator = false;
  // A malformed sequence reads as U+FFFD, which separates words like any
  // character without a transliteration.
  for (const char32_t c : code_points(name)) {
    std::string_view ascii;
    char single = 0;
    if (c < 0x80) {
      const char b = static_cast<char>(c);
      if (b >= 'A' && b <= 'Z')
        single = static_cast<char>(b - 'A' + 'a');
      else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
        single = b;
      if (single != 0) ascii = std::string_view(&single, 1);
    } else {
      ascii = transliterate(c);
    }
    if (ascii.empty()) {
      pending_separator = true;
      continue;
    }
    if (pending_separator && !slug.empty()) slug += '-';
    pending_separator = false;
    slug += ascii;
  }
  if (slug.size() > max_length) {
    // Cut at the last word boundary that fits, so no word is half kept.
    const std::size_t boundary = slug.rfind('-', max_length);
    slug.resize(boundary != std::string::npos && boundary > 0 ? boundary : max_length);
    while (slug.ends_with('-')) slug.pop_back();
  }
  return slug;
}

bool is_safe_identifier(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!alnum(id.front()) || id.back() == '.' || id.ends_with(".lock")) return false;
  for (char c : id)
    if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
  return id.find("..") == std::string_view::npos;
}

}  // namespace partnerops::util
