#include "site/values.hpp"

#include "model/money.hpp"
#include "render/markdown.hpp"

namespace partnerops::site {

std::string money_text(std::int64_t minor, const std::string& currency) {
  if (!find_currency(currency)) return std::to_string(minor) + " " + currency;
  return format_display(Money{minor, currency}) + " " + currency;
}

nlohmann::json money_cell(std::int64_t minor, const std::string& currency) {
  return {{"text", money_text(minor, currency)}, {"sort", std::to_string(minor)}};
}

nlohmann::json amounts_cells(const std::map<std::string, std::int64_t>& amounts) {
  nlohmann::json cells = nlohmann::json::array();
  for (const auto& [currency, minor] : amounts) cells.push_back(money_cell(minor, currency));
  return cells;
}

std::string date_text(const std::optional<Field<Date>>& date) {
  return date ? date->value.iso() : std::string();
}

std::string url_path(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 15];
    }
  }
  return out;
}

std::string root_of(std::string_view page) {
  std::string root;
  for (const char c : page)
    if (c == '/') root += "../";
  return root;
}

std::string from_page(std::string_view page, const std::string& href) {
  if (href.starts_with('/')) return href;
  return root_of(page) + href;
}

std::optional<std::string> outbound_url(std::string_view url) {
  const auto lower_starts = [url](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (!(lower_starts("https://") || lower_starts("http://") || lower_starts("mailto:")))
    return std::nullopt;
  if (!render::is_allowed_link(url)) return std::nullopt;
  return std::string(url);
}

}  // namespace partnerops::site
