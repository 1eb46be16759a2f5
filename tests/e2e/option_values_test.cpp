// Option values and ids never become paths or refs they should not: a
// `--branch` that swallowed the next option, ids and numbering rules with
// '/' or "..", and partner slugs that name no partner.

#include <gtest/gtest.h>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

class OptionValuesTest : public GitWorkspaceTest {
 protected:
  /// Replaces the first `from` in the workspace file `relative` with `to`
  /// and commits it, so the workspace is clean again.
  void edit_and_commit(const std::string& relative, const std::string& from,
                       const std::string& to) {
    const fs::path file = dir.path() / relative;
    std::string text = read_file(file);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    write_file(file, text);
    git("commit -q -am edit");
  }

  /// northbay-earth-sciences may move from lead to prospect.
  void allow_advance() {
    write_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml",
               read_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml") +
                   "verbal_close:\n  date: 2026-11-20\n  outcome: \"yes\"\n");
    git("commit -q -am 'verbal close'");
  }

  void expect_unchanged(const std::string& head) {
    EXPECT_EQ(git("rev-parse HEAD"), head);
    EXPECT_EQ(git("status --porcelain"), "");
    EXPECT_EQ(git("branch --format='%(refname:short)'"), "main\n");
  }
};

TEST_F(OptionValuesTest, BranchFollowedByAnOptionIsAUsageError) {
  allow_advance();
  const std::string head = git("rev-parse HEAD");
  // CLI11 gives --branch the value "--no-commit": today that made a branch
  // named --no-commit and committed, the opposite of what was asked.
  const RunResult advance =
      partnerops({"advance", "northbay-earth-sciences", "prospect", "--reason", "yes", "--date",
                  "2026-11-23", "--branch", "--no-commit"});
  EXPECT_EQ(advance.exit_code, 2) << advance.out << advance.err;
  EXPECT_EQ(advance.err,
            "partnerops: --branch takes a branch NAME, not the option '--no-commit'; give a "
            "name, or leave --branch out\n");
  expect_unchanged(head);

  // record's --branch takes an optional NAME: with --no-commit there is no
  // commit for the branch to hold.
  const RunResult record = partnerops({"record", "northbay-earth-sciences", "first-meeting-held",
                                       "--date", "2026-11-21", "--branch", "--no-commit"});
  EXPECT_EQ(record.exit_code, 2) << record.out << record.err;
  EXPECT_EQ(record.err,
            "partnerops: --branch and --no-commit exclude each other (a branch needs a commit)\n");
  expect_unchanged(head);

  const RunResult run =
      partnerops({"invoice", "run", "2027-01", "--today", "2026-12-20", "--branch", "--no-commit"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_EQ(run.err,
            "partnerops: --branch takes a branch NAME, not the option '--no-commit'; give a "
            "name, or leave --branch out\n");
  expect_unchanged(head);
}

TEST_F(OptionValuesTest, BranchNamesGitRefusesAreUsageErrorsBeforeAnythingIsPlanned) {
  allow_advance();
  const std::string head = git("rev-parse HEAD");
  for (const char* name : {"a..b", "x/", "../main", "a b", "ref.lock"}) {
    const RunResult advance =
        partnerops({"advance", "northbay-earth-sciences", "prospect", "--reason", "yes", "--date",
                    "2026-11-23", "--branch", name});
    EXPECT_EQ(advance.exit_code, 2) << name << advance.out << advance.err;
    EXPECT_EQ(advance.err, "partnerops: --branch: '" + std::string(name) +
                               "' is not a valid git branch name (no spaces, '..', '~', '^', "
                               "':', '?', '*', '[', '\\', and no '/' or '.' at either end)\n");
  }
  expect_unchanged(head);
}

TEST_F(OptionValuesTest, NewSowRefusesAnIdThatIsAPath) {
  const std::string head = git("rev-parse HEAD");
  for (const char* id : {"../../../x", "a/b", "a..b", "-x"}) {
    const RunResult run = partnerops(
        {"new", "sow", "cascadia-climate", "--id", id, "--date", "2026-11-23", "--no-commit"});
    EXPECT_EQ(run.exit_code, 1) << id << run.out << run.err;
    EXPECT_NE(run.err.find("partners/cascadia-climate/sow: error[new-id-invalid]: the SOW id '" +
                           std::string(id) + "' is not an identifier"),
              std::string::npos)
        << run.err;
  }
  EXPECT_FALSE(fs::exists(dir.path() / "x.yaml"));
  expect_unchanged(head);
}

TEST_F(OptionValuesTest, NumberingRulesAndBranchPatternsWithPathsAreRefusedByTheSchema) {
  edit_and_commit("partnerops.yaml", "invoice: \"INV-{year}-{seq:4}\"",
                  "invoice: \"INV/../{year}-{seq:4}\"");
  edit_and_commit("partnerops.yaml", "invoice_run: \"invoice-run/{period}\"",
                  "invoice_run: \"invoice-run/../{period}\"");
  const RunResult validate = partnerops({"validate", "--today", "2026-11-23", "--format", "json"});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_EQ(diagnostic_lines(validate.out),
            (std::vector<std::string>{"error schema-pattern partnerops.yaml:47:12",
                                      "error schema-pattern partnerops.yaml:74:16"}));
  const std::string head = git("rev-parse HEAD");
  const RunResult run = partnerops({"invoice", "run", "2027-01", "--today", "2026-12-20"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("partnerops.yaml:47:12: error[schema-pattern]"), std::string::npos)
      << run.err;
  expect_unchanged(head);
}

TEST_F(OptionValuesTest, BuildOfAnUnknownPartnerNamesIt) {
  const RunResult run = partnerops({"build", "--today", "2026-11-23", "--partner",
                                    "lakeshore-colege", "--out", (dir.path() / "out").string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("partners/lakeshore-colege: error[advance-unknown-partner]: there is no "
                         "partner folder 'partners/lakeshore-colege'\n  hint: did you mean "
                         "'lakeshore-college'?\n"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

}  // namespace
}  // namespace partnerops::e2e
