// partnerops: a partnerships business as code. This file parses the global
// flags and hands over to one command from the table in commands.cpp,
// with the loader its entry calls for.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

#include "command.hpp"
#include "render/pdf_engine.hpp"
#include "util/sanitizer.hpp"
#include "util/text.hpp"
#include "version.hpp"

namespace {

using namespace partnerops::cli;

struct Entry {
  Runner runner;
  Needs needs;
};

/// Adds `table` as subcommands of `app`, groups recursively.
void add_commands(CLI::App& app, const std::vector<Command>& table,
                  std::map<const CLI::App*, Entry>& entries) {
  for (const Command& command : table) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    if (command.subcommands) {
      sub->require_subcommand(1);
      add_commands(*sub, *command.subcommands, entries);
    } else {
      entries[sub] = {command.define(*sub), command.needs};
    }
  }
}

/// Answers a command line that names no command, or one that does not
/// exist, before CLI11 does ("A subcommand is required"): with the list of
/// commands, or git's "did you mean". Returns the exit code, or nullopt
/// when the words name a command (its options are CLI11's to check).
std::optional<int> answer_missing_command(CLI::App& app, const std::vector<Command>& table,
                                          int argc, char** argv) {
  const CLI::App* level = &app;  // the group the words reach
  const std::vector<Command>* names = &table;
  std::string group;  // "invoice " once inside the invoice group
  for (int i = 1;; ++i) {
    if (i >= argc) {
      // `partnerops` or `partnerops invoice` alone: the list, on standard
      // output exactly as --help prints it, and exit 2 since nothing ran.
      std::vector<const char*> words(argv, argv + argc);
      words.push_back("--help");
      try {
        app.parse(static_cast<int>(words.size()), words.data());
      } catch (const CLI::ParseError& e) {
        app.exit(e);
      }
      return k_exit_usage;
    }
    const std::string word = argv[i];
    if (word.starts_with("-")) return std::nullopt;  // --help, --version
    const auto named = std::find_if(names->begin(), names->end(),
                                    [&word](const Command& c) { return word == c.name; });
    if (named == names->end()) {
      std::vector<std::string> candidates;
      for (const Command& command : *names) candidates.emplace_back(command.name);
      const std::size_t max_distance = std::clamp<std::size_t>(word.size() / 2, 1, 3);
      const std::string near = partnerops::util::closest(word, candidates, max_distance);
      std::cerr << "partnerops: unknown " << group << "command '" << word << "'";
      if (!near.empty())
        std::cerr << "; did you mean '" << near << "'?\n";
      else
        std::cerr << "; see 'partnerops " << group << "--help'\n";
      return k_exit_usage;
    }
    if (!named->subcommands) return std::nullopt;
    level = level->get_subcommand(named->name);
    names = named->subcommands;
    group += std::string(named->name) + " ";
  }
}

int dispatch(int argc, char** argv) {
  CLI::App app{"partnerops: leads, prospects and partners as files in git", "partnerops"};
  app.set_version_flag("--version", std::string("partnerops ") + partnerops::k_version);
  app.require_subcommand(1);

  std::map<const CLI::App*, Entry> entries;
  add_commands(app, commands(), entries);
  if (const std::optional<int> answered = answer_missing_command(app, commands(), argc, argv))
    return *answered;

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_clean : k_exit_usage;
  }

  try {
    for (const auto& [sub, entry] : entries) {
      if (sub->parsed()) return entry.runner(Loader(entry.needs));
    }
  } catch (const std::exception& e) {
    // Library code reports expected failures as diagnostics; anything that
    // arrives here is a defect or an environment failure (out of memory).
    std::cerr << "partnerops: internal error: " << e.what() << '\n';
  }
  return k_exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  const int code = dispatch(argc, argv);
  if (partnerops::util::k_leak_sanitizer && partnerops::render::pdf_engine_loaded()) {
    // Sanitized builds: no leak check for a process that printed.
    // LeakSanitizer's exit-time check stops every thread to scan it, and now
    // and then its tracer crashes (signal 11, "Tracer caught signal 11") on
    // one of the threads Qt WebKit keeps in the process, failing a command
    // that did nothing wrong. Qt's allocations were suppressed anyway
    // (tests/render/lsan.supp); ours are still checked in every command that
    // does not print and in the render tests. std::_Exit skips the exit
    // handlers, the check among them, so the output is flushed first.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}
