#include "support/html_check.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "support/files.hpp"

namespace partnerops::testing {

namespace {

namespace fs = std::filesystem;

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr parse(const std::string& html) {
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
}

std::string name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

bool has_attribute(const xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

void walk(const xmlNode* node, const std::function<void(const xmlNode*)>& visit) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) visit(node);
    walk(node->children, visit);
  }
}

std::string folded_text(const std::string& text) {
  std::string folded;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += c;
  }
  return folded;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return folded_text(text);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

/// A URL with a scheme (http:, file:, javascript:…) or a host (//x).
bool is_external(const std::string& url) {
  if (url.starts_with("//")) return true;
  const std::size_t colon = url.find(':');
  const std::size_t end = url.find_first_of("/?#");
  return colon != std::string::npos && (end == std::string::npos || colon < end);
}

std::set<std::string> ids_in(const fs::path& file) {
  static std::map<fs::path, std::set<std::string>> cache;
  const auto found = cache.find(file);
  if (found != cache.end()) return found->second;
  std::set<std::string> ids;
  const DocPtr doc = parse(read_file(file));
  if (doc)
    walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
      if (has_attribute(node, "id")) ids.insert(attribute(node, "id"));
    });
  cache.emplace(file, ids);
  return ids;
}

}  // namespace

std::vector<std::string> check_html_page(const fs::path& page, const fs::path& files_root) {
  std::vector<std::string> problems;
  const std::string name = page.filename().string();
  const auto problem = [&](const std::string& text) {
    problems.push_back(page.string() + ": " + text);
  };
  const DocPtr doc = parse(read_file(page));
  if (!doc) {
    problem("does not parse as HTML");
    return problems;
  }
  const fs::path root = fs::weakly_canonical(files_root);
  const fs::path folder = page.parent_path();
  std::set<std::string> own_ids;
  std::set<std::string> duplicate_ids;
  walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
    if (has_attribute(node, "id") && !own_ids.insert(attribute(node, "id")).second)
      duplicate_ids.insert(attribute(node, "id"));
  });
  for (const std::string& id : duplicate_ids) problem("id \"" + id + "\" appears twice");

  int previous_heading = 0;
  int h1_count = 0;
  walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
    const std::string element = lower(name_of(node));
    // Headings in order: one h1, then never more than one level deeper.
    if (element.size() == 2 && element[0] == 'h' && element[1] >= '1' && element[1] <= '6') {
      const int level = element[1] - '0';
      if (level == 1) ++h1_count;
      if (level > previous_heading + 1)
        problem("heading <" + element + "> \"" + text_of(node) + "\" follows <h" +
                std::to_string(previous_heading) + ">");
      previous_heading = level;
    }
    if (element == "th" && !has_attribute(node, "scope"))
      problem("<th> \"" + text_of(node) + "\" has no scope");
    if (element == "style") problem("inline <style> element");
    if (has_attribute(node, "style") &&
        lower(attribute(node, "style")).find("url(") != std::string::npos)
      problem("style attribute with url()");
    for (const char* attr : {"href", "src", "srcset", "poster", "data", "action", "formaction",
                             "background", "manifest", "ping"}) {
      if (!has_attribute(node, attr)) continue;
      const std::string url = attribute(node, attr);
      if (is_external(url)) {
        const std::string scheme = lower(url.substr(0, url.find(':') + 1));
        const bool outbound = element == "a" && std::string(attr) == "href" &&
                              (scheme == "http:" || scheme == "https:" || scheme == "mailto:");
        if (!outbound)
          problem("<" + element + " " + attr + "=\"" + url + "\"> leads outside the site");
        continue;
      }
      if (std::string(attr) != "href" && std::string(attr) != "src") {
        problem("<" + element + " " + attr + "> is not expected");
        continue;
      }
      const std::size_t hash = url.find('#');
      const std::string path = percent_decoded(url.substr(0, std::min(url.find('?'), hash)));
      const std::string fragment =
          hash == std::string::npos ? std::string() : percent_decoded(url.substr(hash + 1));
      if (path.empty()) {
        if (!fragment.empty() && !own_ids.count(fragment))
          problem("link to #" + fragment + ", which this page lacks");
        continue;
      }
      const fs::path target = fs::weakly_canonical(folder / path);
      const std::string relative = target.lexically_relative(root).generic_string();
      if (relative.empty() || relative.starts_with("..")) {
        problem("\"" + url + "\" leads above " + root.string());
        continue;
      }
      if (!fs::is_regular_file(target)) {
        problem("\"" + url + "\" resolves to no file");
        continue;
      }
      if (!fragment.empty() && target.extension() == ".html" && !ids_in(target).count(fragment))
        problem("\"" + url + "\": " + target.filename().string() + " has no id \"" + fragment +
                "\"");
    }
  });
  if (h1_count != 1) problem(std::to_string(h1_count) + " <h1> elements");
  (void)name;
  return problems;
}

std::vector<std::string> check_html_site(const fs::path& site, const fs::path& files_root) {
  std::vector<std::string> problems;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(site)) {
    if (!entry.is_regular_file()) continue;
    const std::string extension = entry.path().extension().string();
    if (extension == ".html") {
      for (std::string& problem : check_html_page(entry.path(), files_root))
        problems.push_back(std::move(problem));
    } else if (extension == ".css") {
      const std::string css = lower(read_file(entry.path()));
      if (css.find("url(") != std::string::npos || css.find("@import") != std::string::npos)
        problems.push_back(entry.path().string() + ": loads something (url() or @import)");
    }
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

std::vector<std::string> html_texts(const std::string& html, const std::string& tag) {
  std::vector<std::string> texts;
  const DocPtr doc = parse(html);
  if (!doc) return texts;
  walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
    if (lower(name_of(node)) == tag) texts.push_back(text_of(node));
  });
  return texts;
}

std::vector<std::string> html_rows(const std::string& html) {
  std::vector<std::string> rows;
  const DocPtr doc = parse(html);
  if (!doc) return rows;
  walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
    if (lower(name_of(node)) != "tr") return;
    std::string row;
    for (const xmlNode* cell = node->children; cell; cell = cell->next)
      if (cell->type == XML_ELEMENT_NODE) row += " " + text_of(cell);
    rows.push_back(folded_text(row));
  });
  return rows;
}

std::vector<std::string> html_attributes(const std::string& html,
                                         const std::string& attribute_name) {
  std::vector<std::string> values;
  const DocPtr doc = parse(html);
  if (!doc) return values;
  walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* node) {
    if (has_attribute(node, attribute_name.c_str()))
      values.push_back(attribute(node, attribute_name.c_str()));
  });
  return values;
}

}  // namespace partnerops::testing
