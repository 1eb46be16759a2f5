#pragma once
// How one document prints values: amounts in its currency ("$7,682.50"),
// dates in the organisation's style ("3 August 2026"), Markdown as safe
// HTML. Every kind's context formats through one, so templates only place
// values.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "documents/context.hpp"
#include "model/date.hpp"

namespace partnerops {

class Formatter {
 public:
  Formatter(std::string currency, bool long_dates, const MarkdownToHtml& markdown)
      : m_currency(std::move(currency)), m_long_dates(long_dates), m_markdown(markdown) {}

  std::string date(const Date& date) const { return m_long_dates ? date.long_form() : date.iso(); }

  /// `minor` units of the document's currency: "$1,234.50".
  std::string money(std::int64_t minor) const;

  /// Markdown as HTML (as given when no renderer was supplied).
  std::string markdown(std::string_view text) const;

  /// Rewrites `object[key]` from ISO text to the document's date style.
  void date_field(nlohmann::json& object, std::string_view key) const;

  /// Rewrites `object[key]` from money text to "$1,234.50".
  void money_field(nlohmann::json& object, std::string_view key) const;

  /// Adds `<key>_html` beside a Markdown field (empty when absent).
  void markdown_field(nlohmann::json& object, std::string_view key) const;

  /// The HTML of one short text a person wrote in a list (a definition of
  /// done, a task, a link's title): its Markdown rendered, without the
  /// paragraph around it so it reads inline in a list item or a table cell.
  std::string inline_markdown(const std::string& text) const;

  /// Adds `<key>_items` beside a list of Markdown texts: one object per
  /// item with its HTML as `text_html`, rendered inline (the template check
  /// lets only names ending in _html be inserted raw). Empty when absent.
  void markdown_items(nlohmann::json& object, std::string_view key) const;

  const std::string& currency() const { return m_currency; }

 private:
  std::string m_currency;
  bool m_long_dates;
  const MarkdownToHtml& m_markdown;
};

}  // namespace partnerops
