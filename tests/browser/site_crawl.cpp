#include "site_crawl.hpp"

#include <deque>

namespace partnerops::browser {

namespace fs = std::filesystem;

namespace {

/// `text` with %XX sequences decoded (file URLs of names with spaces).
std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

SiteCrawl crawl_site(Browser& browser, const fs::path& index, std::size_t max_pages) {
  SiteCrawl crawl;
  const fs::path root = fs::canonical(index.parent_path());
  const std::string root_url = "file://" + root.string() + "/";
  std::deque<fs::path> todo = {fs::canonical(index)};
  std::set<fs::path> queued = {todo.front()};
  while (!todo.empty() && crawl.pages.size() < max_pages) {
    const fs::path page = todo.front();
    todo.pop_front();
    const std::string relative = page.lexically_relative(root).generic_string();
    crawl.pages.insert(relative);
    browser.navigate("file://" + page.string());
    for (const std::string& url : browser.requested_urls())
      if (!is_local_url(url)) crawl.outside_requests.insert(url);
    for (const std::string& href : browser.links()) {
      if (href.rfind(root_url, 0) != 0) {
        crawl.external_links.insert(href);
        continue;
      }
      std::string target = href.substr(std::string("file://").size());
      target = target.substr(0, target.find_first_of("#?"));
      const fs::path file = percent_decoded(target);
      std::error_code ec;
      if (!fs::is_regular_file(file, ec)) {
        crawl.broken_links.push_back(relative + " -> " + href);
        continue;
      }
      const fs::path canonical = fs::canonical(file, ec);
      if (canonical.extension() == ".html" && queued.insert(canonical).second)
        todo.push_back(canonical);
    }
  }
  return crawl;
}

}  // namespace partnerops::browser
