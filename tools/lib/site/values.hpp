#pragma once
// How the site's pages print values and make links: money with its
// currency ("$7,320.00 USD") and a number to sort it by, ISO dates, paths
// as URLs, and the one test a URL from the files must pass to become a
// link. Every page's context is made through these, so the pages agree.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/field.hpp"

namespace partnerops::site {

/// `minor` units of `currency` as "$7,320.00 USD"; the minor units and the
/// code when the code is not a known currency.
std::string money_text(std::int64_t minor, const std::string& currency);

/// {"text": money_text, "sort": minor units as text}: a table cell that
/// site.js sorts by number.
nlohmann::json money_cell(std::int64_t minor, const std::string& currency);

/// One money_cell per currency, by code.
nlohmann::json amounts_cells(const std::map<std::string, std::int64_t>& amounts);

/// "2026-11-02", or "" without a date.
std::string date_text(const std::optional<Field<Date>>& date);

/// `path` with every byte but letters, digits and "-._~/" percent-encoded,
/// so a partner folder's name is always one URL path.
std::string url_path(std::string_view path);

/// "../" once for each folder `page` lies in: the way from a page back to
/// the site's root ("" for index.html, "../" for partners/acme.html).
std::string root_of(std::string_view page);

/// `href` as seen from `page`: a URL relative to the site's root gets the
/// page's root_of() in front; one starting with '/' is kept.
std::string from_page(std::string_view page, const std::string& href);

/// A URL from the files that may become an outbound link: http(s) or
/// mailto, passing render::is_allowed_link (no spaces or control
/// characters); nullopt for anything else (file:, javascript:, a relative
/// path), which the page prints as text.
std::optional<std::string> outbound_url(std::string_view url);

}  // namespace partnerops::site
