#pragma once
// Surgical edits of a YAML file's text, as a careful person would make them.
//
// partner.yaml is written by hand: comments, key order, quoting, blank lines
// and line endings are the author's, and a pull request for a stage change
// must show only the lines that changed. So these functions never re-serialise
// a document: they find the lines to change by scanning the text (block-style
// YAML, one document), replace or insert exactly those lines, and leave every
// other byte as it was. New lines take the file's line ending (LF or CRLF)
// and the indentation of their neighbours. What they cannot edit safely
// (flow style, anchors, multi-line scalars) they refuse with a sentence saying
// why, rather than guessing.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnerops::yaml {

/// A value to write.
struct Scalar {
  enum class Kind {
    string,  ///< text that must read back as this exact string: quoted when needed
    raw,     ///< YAML written as given: true, 42, null, 2026-11-23
  };
  std::string text;
  Kind kind = Kind::string;

  static Scalar string(std::string text) { return {std::move(text), Kind::string}; }
  static Scalar raw(std::string text) { return {std::move(text), Kind::raw}; }
};

/// Key-value pairs of a small mapping, in the order they are written.
using Fields = std::vector<std::pair<std::string, Scalar>>;

enum class QuoteStyle { plain, single_quoted, double_quoted };

/// True when `value` written plain would not read back as the same string:
/// empty, leading or trailing blanks, a leading indicator (- ? : , [ ] { } # &
/// * ! | > ' " % @ `), ": " or " #" inside, a trailing ':', control or line
/// break characters, or a word a YAML 1.2 or 1.1 reader takes for null, a
/// boolean or a number (null, ~, true, yes, off, 42, 0x1F, 1_000, .inf...).
/// A date such as 2026-11-23 stays plain: partnerops reads it as a string.
bool needs_quotes(std::string_view value);

/// `value` in double quotes with YAML escapes (\\ \" \n \t \xHH \N \L \P...).
std::string double_quoted(std::string_view value);

/// `value` as a YAML scalar in `preferred` style when that style can hold it
/// (plain only when !needs_quotes, single quotes only without control or
/// line-break characters), otherwise double-quoted.
std::string format_string(std::string_view value, QuoteStyle preferred = QuoteStyle::plain);

/// Sets the scalar value of the top-level `key`. An existing value is
/// replaced in place, keeping the key, the spacing before a trailing comment,
/// the comment and the line ending; a string keeps its quoting style when it
/// can (plain, 'single' or "double"). A missing key is added as a new line
/// after the block of `after_key`, or at the end of the file when `after_key`
/// is empty or absent. Returns the new text, or nullopt with `error` filled
/// when the key holds a mapping, list, multi-line or flow value, an anchor,
/// alias or tag, or when the text cannot be edited safely.
std::optional<std::string> set_scalar(std::string_view text, std::string_view key,
                                      const Scalar& value, std::string_view after_key,
                                      std::string* error);

/// Appends a mapping item (such as {date, stage, reason}) to the top-level
/// block list `key`, after its last item (before any comments, blank lines or
/// keys that follow it), with the dash and field indentation of the existing
/// items. An empty list (`key:`, `key: []`, `key: null`) becomes a block list
/// indented like the file's other lists (two spaces when there are none); a
/// missing key is added after `after_key`'s block or at the end. Returns the
/// new text, or nullopt with `error` filled (a non-empty flow list, a mapping
/// or scalar under `key`, no fields).
std::optional<std::string> append_to_sequence(std::string_view text, std::string_view key,
                                              const Fields& item, std::string_view after_key,
                                              std::string* error);

/// Sets `key` inside the top-level block mapping `mapping_key` (for example
/// checklist → hail-the-lead: 2026-11-23): replaces the value in place like
/// set_scalar, or appends the key after the mapping's last entry at its
/// indentation. An empty or missing mapping is created (missing: after
/// `after_key`'s block or at the end). Returns the new text, or nullopt with
/// `error` filled.
std::optional<std::string> set_in_mapping(std::string_view text, std::string_view mapping_key,
                                          std::string_view key, const Scalar& value,
                                          std::string_view after_key, std::string* error);

}  // namespace partnerops::yaml
