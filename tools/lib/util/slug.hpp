#pragma once
// Folder names made from people's names. A partner's slug is its folder name
// and the value of `slug:` (pattern ^[a-z0-9]+(-[a-z0-9]+)*$), so it must be
// plain ASCII whatever the partner calls itself: "Société Générale des Eaux"
// becomes "societe-generale-des-eaux". Latin letters with accents are
// transliterated by a small explicit table (Latin-1 Supplement and Latin
// Extended-A, the letters of Western, Central and Northern European names);
// anything else (other scripts, symbols, punctuation) separates words.

#include <cstddef>
#include <string>
#include <string_view>

namespace partnerops::util {

/// The longest slug slugify() returns by default: long enough for a full
/// organisation name, short enough for paths and branch names.
inline constexpr std::size_t k_max_slug_length = 60;

/// The ASCII letters that stand for the code point `c` ("e" for é, "ss" for
/// ß, "ae" for æ), or empty when `c` is not in the table.
std::string_view transliterate(char32_t c);

/// `name` as a slug: accented Latin letters transliterated, lower case, every
/// run of other characters one '-', no leading or trailing '-', cut at a word
/// boundary to at most `max_length` characters (or hard at `max_length` when
/// the first word is longer). Invalid UTF-8 bytes separate words. Returns an
/// empty string when nothing of `name` is a letter or digit it can write;
/// the caller refuses that.
std::string slugify(std::string_view name, std::size_t max_length = k_max_slug_length);

/// True for an id that may become a file name and part of a branch name
/// (a SOW's id): ASCII letters, digits, '.', '_' and '-', starting with a
/// letter or digit, with no "..", not ending with '.' or ".lock". The rule
/// of `identifier` in schemas/common.schema.yaml, plus git's ".lock".
bool is_safe_identifier(std::string_view id);

}  // namespace partnerops::util
