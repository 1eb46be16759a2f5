#include "preview/live_page.hpp"

#include <algorithm>
#include <cctype>

#include "util/text.hpp"

namespace partnerops::preview {

namespace {

/// Where `tag` ("<body" or "</body") starts in `html`, ignoring case; npos
/// when absent. Only a whole tag name counts ("<bodyx" does not).
std::size_t find_tag(std::string_view html, std::string_view tag, bool last) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t at = last ? lower.rfind(tag) : lower.find(tag);
  while (at != std::string::npos) {
    const std::size_t after = at + tag.size();
    if (after < lower.size() &&
        (lower[after] == '>' || std::isspace(static_cast<unsigned char>(lower[after]))))
      return at;
    if (last) {
      if (at == 0) break;
      at = lower.rfind(tag, at - 1);
    } else {
      at = lower.find(tag, after);
    }
  }
  return std::string::npos;
}

}  // namespace

std::string problems_banner(const Snapshot& snapshot) {
  if (snapshot.diagnostics.empty()) return {};
  const bool errors = snapshot.diagnostics.has_errors();
  std::string html =
      "<section id=\"partnerops-problems\" role=\"alert\" "
      "aria-labelledby=\"partnerops-problems-h\" "
      "style=\"all:initial;display:block;margin:0 0 1em;padding:.8em 1em;font:14px/1.4 "
      "sans-serif;color:#000;background:";
  html += errors ? "#fde8e8;border-bottom:3px solid #b00020"
                 : "#fff6d6;border-bottom:3px solid "
                   "#9a6b00";
  html +=
      "\"><h2 id=\"partnerops-problems-h\" style=\"font:bold 16px sans-serif;margin:0 0 .5em\">";
  html += util::escape_html("partnerops validate: " + snapshot.summary);
  html += "</h2><pre style=\"font:13px/1.35 monospace;white-space:pre-wrap;margin:0\">";
  html += util::escape_html(snapshot.problems_text);
  html += "</pre></section>\n";
  return html;
}

std::string reload_script(std::uint64_t generation, std::string_view nonce) {
  // EventSource reconnects by itself when the server restarts; the first
  // event tells the generation now served, so a reload that happened
  // between making this page and opening the stream is not missed.
  std::string script = "<script nonce=\"";
  script += util::escape_html(nonce);
  script += "\">(function(){var g=\"";
  script += std::to_string(generation);
  script += "\";var s=new EventSource(\"";
  script += k_events_path;
  script +=
      "\");s.onmessage=function(e){if(e.data!==g){s.close();location.reload();}};})();</script>\n";
  return script;
}

std::string live_page(std::string_view html, std::string_view banner, std::string_view script) {
  std::string page;
  page.reserve(html.size() + banner.size() + script.size());
  std::size_t body = find_tag(html, "<body", false);
  std::size_t banner_at = 0;
  if (body != std::string::npos) {
    const std::size_t close = html.find('>', body);
    banner_at = close == std::string::npos ? html.size() : close + 1;
  }
  std::size_t end = find_tag(html, "</body", true);
  if (end == std::string::npos || end < banner_at) end = html.size();
  page.append(html.substr(0, banner_at));
  page.append(banner);
  page.append(html.substr(banner_at, end - banner_at));
  page.append(script);
  page.append(html.substr(end));
  return page;
}

}  // namespace partnerops::preview
