// The command line before any command runs: no command lists them all, a
// mistyped one gets git's "did you mean", for the invoice and new groups
// too, and the names come from the command table.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

TEST(CommandLine, AMistypedCommandSuggestsTheNearestAndExits2) {
  const RunResult run = run_partnerops({"valdiate"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: unknown command 'valdiate'; did you mean 'validate'?\n");
}

TEST(CommandLine, AWordNearNoCommandPointsToTheHelp) {
  const RunResult run = run_partnerops({"frobnicate", "partners"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: unknown command 'frobnicate'; see 'partnerops --help'\n");
}

TEST(CommandLine, AMistypedInvoiceCommandSuggestsTheNearest) {
  const RunResult run = run_partnerops({"invoice", "isue", "INV-2026-0007"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "partnerops: unknown invoice command 'isue'; did you mean 'issue'?\n");
}

TEST(CommandLine, AMistypedNewCommandSuggestsTheNearest) {
  const RunResult run = run_partnerops({"new", "laed", "Fjord Tide"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "partnerops: unknown new command 'laed'; did you mean 'lead'?\n");
}

TEST(CommandLine, NoCommandPrintsTheListAndExits2) {
  const RunResult run = run_partnerops({});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, run_partnerops({"--help"}).out);
  for (const char* name :
       {"init", "validate", "build", "new", "advance", "record", "check-range", "invoice", "log",
        "statement", "tickler", "report", "codeowners", "message"})
    EXPECT_NE(run.out.find(std::string("\n  ") + name + " "), std::string::npos) << name;
}

TEST(CommandLine, AGroupAlonePrintsItsListAndExits2) {
  const RunResult run = run_partnerops({"invoice"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, run_partnerops({"invoice", "--help"}).out);
  for (const char* name :
       {"run", "issue", "renumber", "credit", "pay", "sponsor-number", "handoff"})
    EXPECT_NE(run.out.find(std::string("\n  ") + name + " "), std::string::npos) << name;
}

// Options that do not go together are refused by the option parser before
// anything loads, with the option's own name.
TEST(CommandLine, OptionsThatDoNotGoTogetherAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"invoice", "handoff", "INV-2026-0001", "--period", "2026-11", "--out", "b"},
       "numbers excludes --period"},
      {{"invoice", "handoff", "--period", "2026-13", "--out", "b"}, "needs a month as YYYY-MM"},
      {{"message", "hail-the-lead", "acme", "--force"}, "--force requires --record"},
      {{"message", "hail-the-lead", "acme", "--no-commit"}, "--no-commit requires --record"},
      {{"message", "hail-the-lead", "acme", "--record", "--rev", "HEAD"},
       "--rev excludes --record"},
      {{"statement", "acme", "--format", "xml"}, "--format: xml not in {text,json,pdf}"},
      {{"build", "--kind", "invoices"}, "--kind: unknown document kind 'invoices'"},
      {{"build", "--shard", "3/2"}, "--shard: takes I/N with 1 <= I <= N, e.g. 1/4"},
  };
  for (const Case& c : cases) {
    const RunResult run = run_partnerops(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.says;
    EXPECT_NE(run.err.find(c.says), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace partnerops::e2e
