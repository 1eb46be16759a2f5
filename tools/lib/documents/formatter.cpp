#include "documents/formatter.hpp"

#include <optional>

#include "model/money.hpp"

namespace partnerops {

namespace {

using json = nlohmann::json;

/// `html` without the <p>…</p> of a text that is one paragraph. The
/// renderer escapes every '<' of the text and drops raw HTML, so a second
/// "</p>" can only close a second paragraph: with exactly one, at the end,
/// the whole text is that paragraph. Anything else (a list, two
/// paragraphs) is kept as blocks.
std::string without_paragraph(std::string html) {
  static constexpr std::string_view k_open = "<p>", k_close = "</p>\n";
  if (html.starts_with(k_open) && html.ends_with(k_close) &&
      html.find("</p>") == html.size() - k_close.size())
    return html.substr(k_open.size(), html.size() - k_open.size() - k_close.size());
  return html;
}

}  // namespace

std::string Formatter::money(std::int64_t minor) const {
  return format_display(Money{minor, m_currency});
}

std::string Formatter::markdown(std::string_view text) const {
  return m_markdown ? m_markdown(text) : std::string(text);
}

void Formatter::date_field(json& object, std::string_view key) const {
  if (!object.is_object()) return;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return;
  if (const std::optional<Date> parsed = Date::parse(found->get<std::string>()))
    *found = date(*parsed);
}

void Formatter::money_field(json& object, std::string_view key) const {
  if (!object.is_object()) return;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return;
  const MoneyParse parsed = parse_money(found->get<std::string>(), m_currency);
  if (parsed.money) *found = format_display(*parsed.money);
}

void Formatter::markdown_field(json& object, std::string_view key) const {
  if (!object.is_object()) return;
  const auto found = object.find(key);
  const std::string text =
      found != object.end() && found->is_string() ? found->get<std::string>() : "";
  object[std::string(key) + "_html"] = markdown(text);
}

std::string Formatter::inline_markdown(const std::string& text) const {
  return m_markdown ? without_paragraph(m_markdown(text)) : text;
}

void Formatter::markdown_items(json& object, std::string_view key) const {
  if (!object.is_object()) return;
  json items = json::array();
  if (const auto found = object.find(key); found != object.end() && found->is_array())
    for (const json& item : *found)
      items.push_back(
          json{{"text_html", inline_markdown(item.is_string() ? item.get<std::string>() : "")}});
  object[std::string(key) + "_items"] = std::move(items);
}

}  // namespace partnerops
