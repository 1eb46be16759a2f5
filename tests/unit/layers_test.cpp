// The library's folders are layers: a folder includes headers of its own and
// of lower layers only, so a concept can be understood (and tested) from
// what is below it, and nothing low changes because something high did.
// The order is written once, in the `layers` block of docs/ARCHITECTURE.md;
// this test reads it and every `#include "…"` under tools/lib and
// tools/partnerops, and fails on an include that points up or across a
// layer, on a cycle between folders, and on a folder the block leaves out.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace partnerops {
namespace {

namespace fs = std::filesystem;

const fs::path k_root = fs::path(PARTNEROPS_SOURCE_DIR);

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Folder → layer (0 is the lowest), from the fenced ```layers block of
/// docs/ARCHITECTURE.md, whose lines list the layers from the highest down.
/// A name listed twice is reported through `problems`.
std::map<std::string, int> layers_from(const std::string& doc, std::vector<std::string>& problems) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(doc);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!inside) {
      inside = line == "```layers";
      continue;
    }
    if (line.starts_with("```")) break;
    std::istringstream words(line);
    std::vector<std::string> folders;
    for (std::string word; words >> word;) folders.push_back(word);
    if (!folders.empty()) lines.push_back(folders);
  }
  std::map<std::string, int> layer;
  for (std::size_t i = 0; i < lines.size(); ++i)
    for (const std::string& folder : lines[i])
      if (!layer.emplace(folder, static_cast<int>(lines.size() - 1 - i)).second)
        problems.push_back(folder + " is listed twice in the layers block");
  return layer;
}

/// One `#include "…"` between two folders.
struct Include {
  std::string file;  ///< relative to the source root, with `:line`
  std::string from;  ///< the including file's folder
  std::string to;    ///< the included header's folder
  std::string header;
};

/// The folder a quoted include names: its first component when that is a
/// known folder ("model/date.hpp" → model); a bare name ("command.hpp",
/// the generated "version.hpp") stays in the including folder.
std::optional<std::string> folder_of(const std::string& header,
                                     const std::set<std::string>& folders) {
  const std::size_t slash = header.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const std::string first = header.substr(0, slash);
  return folders.count(first) ? std::optional(first) : std::nullopt;
}

/// The header a `#include "…"` line names; nullopt for any other line
/// (`#include <…>` included: those are not the project's folders).
std::optional<std::string> quoted_include(std::string_view line) {
  const auto skip_blanks = [&line] {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  };
  skip_blanks();
  if (!line.starts_with("#")) return std::nullopt;
  line.remove_prefix(1);
  skip_blanks();
  if (!line.starts_with("include")) return std::nullopt;
  line.remove_prefix(7);
  skip_blanks();
  if (!line.starts_with("\"")) return std::nullopt;
  const std::size_t end = line.find('"', 1);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(line.substr(1, end - 1));
}

/// Every cross-folder include in `files` (folder → paths).
std::vector<Include> includes_between_folders(
    const std::map<std::string, std::vector<fs::path>>& files) {
  std::set<std::string> folders;
  for (const auto& [folder, paths] : files) folders.insert(folder);
  std::vector<Include> out;
  for (const auto& [folder, paths] : files) {
    for (const fs::path& path : paths) {
      std::istringstream text(slurp(path));
      int number = 0;
      for (std::string line; std::getline(text, line);) {
        ++number;
        const std::optional<std::string> header = quoted_include(line);
        if (!header) continue;
        const std::optional<std::string> to = folder_of(*header, folders);
        if (!to || *to == folder) continue;
        out.push_back(Include{fs::relative(path, k_root).string() + ":" + std::to_string(number),
                              folder, *to, *header});
      }
    }
  }
  return out;
}

/// The sources of each folder: tools/lib/<folder>/** by the folder's first
/// component, and tools/partnerops/* as the folder `partnerops`.
std::map<std::string, std::vector<fs::path>> source_files() {
  std::map<std::string, std::vector<fs::path>> files;
  const auto is_source = [](const fs::path& path) {
    return path.extension() == ".cpp" || path.extension() == ".hpp";
  };
  for (const fs::directory_entry& folder : fs::directory_iterator(k_root / "tools" / "lib")) {
    if (!folder.is_directory()) continue;
    std::vector<fs::path>& paths = files[folder.path().filename().string()];
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder.path()))
      if (entry.is_regular_file() && is_source(entry.path())) paths.push_back(entry.path());
  }
  std::vector<fs::path>& commands = files["partnerops"];
  for (const fs::directory_entry& entry : fs::directory_iterator(k_root / "tools" / "partnerops"))
    if (entry.is_regular_file() && is_source(entry.path())) commands.push_back(entry.path());
  for (auto& [folder, paths] : files) std::sort(paths.begin(), paths.end());
  return files;
}

/// Includes that point to a folder on the same or a higher layer, each as
/// "file:line: from includes header (to is not below from)".
std::vector<std::string> upward(const std::vector<Include>& includes,
                                const std::map<std::string, int>& layer) {
  std::vector<std::string> out;
  for (const Include& include : includes) {
    const auto from = layer.find(include.from);
    const auto to = layer.find(include.to);
    if (from == layer.end() || to == layer.end()) continue;  // reported as unlisted
    if (to->second < from->second) continue;
    out.push_back(
        include.file + ": " + include.from + " includes " + include.header + " (" + include.to +
        (to->second == from->second ? " is on the same layer)" : " is on a higher layer)"));
  }
  return out;
}

/// Each cycle of the folder graph once, as "a -> b -> a", starting from its
/// smallest folder name; found by depth-first search from every folder.
std::set<std::string> cycles(const std::vector<Include>& includes) {
  std::map<std::string, std::set<std::string>> edges;
  for (const Include& include : includes) edges[include.from].insert(include.to);
  std::set<std::string> out;
  std::vector<std::string> path;
  const auto visit = [&](const auto& self, const std::string& folder) -> void {
    const auto on_path = std::find(path.begin(), path.end(), folder);
    if (on_path != path.end()) {
      std::vector<std::string> cycle(on_path, path.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      std::string text;
      for (const std::string& name : cycle) text += name + " -> ";
      out.insert(text + cycle.front());
      return;
    }
    path.push_back(folder);
    for (const std::string& next : edges[folder]) self(self, next);
    path.pop_back();
  };
  for (const auto& [folder, targets] : std::map(edges)) visit(visit, folder);
  return out;
}

Include edge(std::string from, std::string to) {
  return Include{from + "/x.cpp:1", from, to, to + "/y.hpp"};
}

TEST(Layers, TheRulesCatchUpwardAndSidewaysIncludesAndCycles) {
  std::vector<std::string> problems;
  const std::map<std::string, int> layer =
      layers_from("```layers\ntop\nmid side\nlow\n```\n", problems);
  EXPECT_EQ(problems, std::vector<std::string>{});
  EXPECT_EQ(layer, (std::map<std::string, int>{{"top", 2}, {"mid", 1}, {"side", 1}, {"low", 0}}));
  EXPECT_EQ(upward({edge("top", "low"), edge("mid", "low")}, layer), std::vector<std::string>{});
  EXPECT_EQ(upward({edge("low", "mid"), edge("mid", "side")}, layer),
            (std::vector<std::string>{
                "low/x.cpp:1: low includes mid/y.hpp (mid is on a higher layer)",
                "mid/x.cpp:1: mid includes side/y.hpp (side is on the same layer)"}));
  EXPECT_EQ(cycles({edge("top", "mid"), edge("mid", "low")}), std::set<std::string>{});
  EXPECT_EQ(
      cycles({edge("top", "mid"), edge("mid", "low"), edge("low", "top"), edge("side", "low")}),
      std::set<std::string>{"low -> top -> mid -> low"});
  layers_from("```layers\na\nb a\n```\n", problems);
  EXPECT_EQ(problems, std::vector<std::string>{"a is listed twice in the layers block"});
}

TEST(Layers, OnlyQuotedIncludesCount) {
  EXPECT_EQ(quoted_include("#include \"model/date.hpp\""), "model/date.hpp");
  EXPECT_EQ(quoted_include("  #  include\t\"a/b.hpp\"  // why"), "a/b.hpp");
  EXPECT_EQ(quoted_include("#include <gtest/gtest.h>"), std::nullopt);
  EXPECT_EQ(quoted_include("// #include \"model/date.hpp\""), std::nullopt);
  EXPECT_EQ(quoted_include("#pragma once"), std::nullopt);
}

TEST(Layers, TheScanSeesTheSources) {
  // So that a scan that silently finds nothing fails here.
  const std::vector<Include> includes = includes_between_folders(source_files());
  EXPECT_GT(includes.size(), 200u);
  const auto has = [&](const std::string& from, const std::string& to) {
    return std::any_of(includes.begin(), includes.end(), [&](const Include& include) {
      return include.from == from && include.to == to;
    });
  };
  EXPECT_TRUE(has("model", "yaml"));
  EXPECT_TRUE(has("partnerops", "transitions"));
  EXPECT_TRUE(has("render", "documents"));  // from render/qt/ too: a folder is its whole tree
}

TEST(Layers, EveryFolderIsListedOnce) {
  std::vector<std::string> problems;
  const std::map<std::string, int> layer =
      layers_from(slurp(k_root / "docs" / "ARCHITECTURE.md"), problems);
  for (const auto& [folder, paths] : source_files())
    if (!layer.count(folder)) problems.push_back(folder + " is missing from the layers block");
  for (const auto& [folder, rank] : layer)
    if (!source_files().count(folder))
      problems.push_back(folder + " is listed but is not a folder");
  EXPECT_EQ(problems, std::vector<std::string>{}) << "see docs/ARCHITECTURE.md, Layers";
}

TEST(Layers, IncludesPointDown) {
  std::vector<std::string> problems;
  const std::map<std::string, int> layer =
      layers_from(slurp(k_root / "docs" / "ARCHITECTURE.md"), problems);
  EXPECT_EQ(upward(includes_between_folders(source_files()), layer), std::vector<std::string>{})
      << "move the code down, or change the order in docs/ARCHITECTURE.md, Layers";
}

TEST(Layers, FoldersFormNoCycle) {
  EXPECT_EQ(cycles(includes_between_folders(source_files())), std::set<std::string>{});
}

}  // namespace
}  // namespace partnerops
