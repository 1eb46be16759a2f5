// partnerops: a partnerships business as code. This file parses the global
// flags and hands over to one command from the table in commands.cpp.

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

#include "command.hpp"
#include "render/pdf_engine.hpp"
#include "util/sanitizer.hpp"
#include "version.hpp"

namespace {

int dispatch(int argc, char** argv) {
  using namespace partnerops::cli;
  CLI::App app{"partnerops: leads, prospects and partners as files in git", "partnerops"};
  app.set_version_flag("--version", std::string("partnerops ") + partnerops::k_version);
  app.require_subcommand(1);

  std::map<const CLI::App*, Runner> runners;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners[sub] = command.define(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_clean : k_exit_usage;
  }

  try {
    for (const auto& [sub, runner] : runners) {
      if (sub->parsed()) return runner();
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
