#pragma once
// Checks over a folder of generated HTML (the static site) with libxml2's
// HTML parser: every internal href and src resolves to a file (and its
// #fragment to an id there), nothing is loaded from elsewhere (only <a>
// may point outside, and only to http(s) or mailto), headings go down one
// level at a time from a single h1, and every table header cell has a
// scope. Each problem is one line naming the page.

#include <filesystem>
#include <string>
#include <vector>

namespace partnerops::testing {

/// The problems of the page `page`, a file inside `root`. Internal links
/// may lead anywhere under `files_root` (the site's parent, where the PDFs
/// are), never above it.
std::vector<std::string> check_html_page(const std::filesystem::path& page,
                                         const std::filesystem::path& files_root);

/// check_html_page over every *.html file below `site`, plus the
/// stylesheets (*.css: no url() or @import); sorted.
std::vector<std::string> check_html_site(const std::filesystem::path& site,
                                         const std::filesystem::path& files_root);

/// The text of every element named `tag` in `html`, in document order,
/// whitespace runs folded to one space (for exact values on a page).
std::vector<std::string> html_texts(const std::string& html, const std::string& tag);

/// Every table row of `html` as the texts of its cells joined by one
/// space (whitespace runs folded), in document order.
std::vector<std::string> html_rows(const std::string& html);

/// The values of attribute `attribute` on every element of `html` that has it.
std::vector<std::string> html_attributes(const std::string& html, const std::string& attribute);

}  // namespace partnerops::testing
