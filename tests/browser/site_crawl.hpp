#pragma once
// Following every internal link of a static site in the browser, from its
// index on disk (file://): which pages were visited, which links point at
// no file, which links leave the site, and which requests any page made
// that would leave the machine. `partnerops site`'s test is one call:
//
//   const SiteCrawl crawl = crawl_site(*browser, out / "site" / "index.html");
//   EXPECT_THAT(crawl.broken_links, IsEmpty());
//   EXPECT_THAT(crawl.outside_requests, IsEmpty());

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "webdriver.hpp"

namespace partnerops::browser {

struct SiteCrawl {
  std::set<std::string> pages;             ///< visited, as paths relative to the site folder
  std::vector<std::string> broken_links;   ///< "page -> href" for a link to no file in the site
  std::set<std::string> external_links;    ///< links that leave the site folder (not followed)
  std::set<std::string> outside_requests;  ///< requests that would leave the machine
};

/// Opens `index` (an .html file in the site's folder) and every .html file
/// its links reach inside that folder, at most `max_pages` of them.
SiteCrawl crawl_site(Browser& browser, const std::filesystem::path& index,
                     std::size_t max_pages = 2000);

}  // namespace partnerops::browser
