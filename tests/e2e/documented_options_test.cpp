// docs/commands.md against the program: every command whose synopsis lists
// `--rev REV` takes it, and every command that takes it lists it, so a
// reader of the docs can rely on reading any revision where they say so.

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

/// Each synopsis of docs/commands.md (the lines of its code blocks that
/// start with "partnerops <command>", with their indented continuation
/// lines), by command words: "invoice handoff" → the synopsis text.
std::map<std::string, std::string> synopses() {
  std::istringstream doc(read_file(source_dir() / "docs" / "commands.md"));
  std::map<std::string, std::string> out;
  std::string line;
  std::string current;
  bool in_code = false;
  while (std::getline(doc, line)) {
    if (line.starts_with("```")) {
      in_code = !in_code;
      current.clear();
      continue;
    }
    if (!in_code) continue;
    if (line.starts_with("partnerops ") && line.size() > 11 && std::islower(line[11])) {
      std::istringstream words(line.substr(11));
      std::string word;
      current.clear();
      // Command words are lower-case; SLUG, [PATH], --flags end them.
      while (words >> word && std::islower(static_cast<unsigned char>(word[0])) != 0)
        current += (current.empty() ? "" : " ") + word;
      out[current] += line + "\n";
    } else if (!current.empty() && line.starts_with(" ")) {
      out[current] += line + "\n";
    } else {
      current.clear();
    }
  }
  return out;
}

std::vector<std::string> split(const std::string& words) {
  std::istringstream in(words);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

TEST(DocumentedOptionsTest, EveryCommandTakesRevExactlyWhereTheDocsSayItDoes) {
  const std::map<std::string, std::string> documented = synopses();
  ASSERT_GE(documented.size(), 20u);
  for (const auto& [command, synopsis] : documented) {
    std::vector<std::string> args = split(command);
    args.push_back("--help");
    const RunResult help = run_partnerops(args);
    ASSERT_EQ(help.exit_code, 0) << command << ": " << help.err;
    const bool takes = help.out.find("--rev") != std::string::npos;
    const bool says = synopsis.find("[--rev REV]") != std::string::npos;
    EXPECT_EQ(takes, says) << "partnerops " << command
                           << (takes ? " takes --rev, but its synopsis does not list it"
                                     : " does not take --rev, but its synopsis lists it")
                           << "\n"
                           << synopsis;
  }
  // The reading commands the docs promise --rev for.
  for (const char* command : {"validate", "build", "log", "statement", "tickler", "report",
                              "message", "invoice handoff"}) {
    ASSERT_TRUE(documented.count(command)) << command;
    EXPECT_NE(documented.at(command).find("[--rev REV]"), std::string::npos) << command;
  }
}

}  // namespace
}  // namespace partnerops::e2e
