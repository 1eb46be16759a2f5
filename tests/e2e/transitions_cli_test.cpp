// advance, record, check-range and log as a user runs them: exit codes, what
// goes to standard output and error, and the repository afterwards.

#include <git2.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "run_support.hpp"

namespace partnerops::e2e {
namespace {

namespace fs = std::filesystem;

class TransitionsCliTest : public GitWorkspaceTest {
 protected:
  static std::string trimmed(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }
  /// Appends `text` to a file of the workspace.
  void append(const std::string& path, const std::string& text) const {
    write_file(dir.path() / path, read_file(dir.path() / path) + text);
  }
};

TEST_F(TransitionsCliTest, AdvanceWithUnmetGuardsPrintsThemAndChangesNothing) {
  const RunResult result = partnerops(
      {"advance", "halden-hydrology-group", "prospect", "--reason", "yes", "--date", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find(
                "partners/halden-hydrology-group/partner.yaml:6:12: error[lifecycle-guard]: "
                "'lead → prospect' requires: the lead is qualified (tied to an organisation able "
                "to sign) (qualified is false, not true)\n"),
            std::string::npos)
      << result.err;
  EXPECT_TRUE(result.err.ends_with("partnerops: nothing was changed\n")) << result.err;
  EXPECT_EQ(git("status --porcelain"), "");
  EXPECT_EQ(git("branch --format='%(refname:short)'"), "main\n");
}

TEST_F(TransitionsCliTest, AdvanceCommitsOnABranchAndLogAndCheckRangeSeeIt) {
  write_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml",
             read_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml") +
                 "verbal_close:\n  date: 2026-11-20\n  outcome: \"yes\"\n");
  git("commit -q -am 'verbal close'");
  const RunResult advance = partnerops({"advance", "northbay-earth-sciences", "prospect",
                                        "--reason", "verbal close: yes", "--date", "2026-11-23"});
  ASSERT_EQ(advance.exit_code, 0) << advance.err;
  const std::string short_id = git("rev-parse --short HEAD");
  EXPECT_EQ(advance.out, "[advance/northbay-earth-sciences-prospect " +
                             short_id.substr(0, short_id.size() - 1) +
                             "] northbay-earth-sciences: lead → prospect\n");
  EXPECT_EQ(git("rev-parse --abbrev-ref HEAD"), "advance/northbay-earth-sciences-prospect\n");
  EXPECT_EQ(git("status --porcelain"), "");

  // Each line is dated by its history entry; both commits were made today.
  const RunResult log = partnerops({"log", "northbay-earth-sciences"});
  EXPECT_EQ(log.exit_code, 0);
  const std::string today = trimmed(git("log -1 --date=short --format=%ad"));
  const std::string base = trimmed(git("rev-parse --short main~1"));
  EXPECT_EQ(log.out, "2026-11-02 (committed " + today + ")  " + base +
                         "  Ada Lovelace  northbay-earth-sciences  new → lead       referral from "
                         "Lakeshore Community College\n"
                         "2026-11-23 (committed " +
                         today + ")  " + short_id.substr(0, short_id.size() - 1) +
                         "  Ada Lovelace  northbay-earth-sciences  lead → prospect  verbal close: "
                         "yes\n");

  const RunResult range = partnerops({"check-range", "main..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(range.exit_code, 0) << range.out;
  EXPECT_EQ(range.err, "partnerops: main..HEAD: 2 files changed: no problems\n");

  const RunResult record = partnerops(
      {"record", "northbay-earth-sciences", "draft-agreement-shared", "--date", "2026-11-24"});
  ASSERT_EQ(record.exit_code, 0) << record.err;
  EXPECT_EQ(git("log -1 --format=%B"),
            "northbay-earth-sciences: record draft-agreement-shared\n\n"
            "Partner: northbay-earth-sciences\nChecklist-Item: draft-agreement-shared\n\n");
  EXPECT_EQ(git("rev-parse --abbrev-ref HEAD"), "advance/northbay-earth-sciences-prospect\n");

  // The same branch cannot be made twice.
  git("checkout -q main");
  const RunResult again = partnerops({"advance", "northbay-earth-sciences", "prospect", "--reason",
                                      "again", "--date", "2026-11-23"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err,
            "partnerops: the branch 'advance/northbay-earth-sciences-prospect' already exists; "
            "delete it, pass --branch NAME, or --no-branch to commit on the current branch\n");
}

TEST_F(TransitionsCliTest, CheckRangeThatChangesSharedRulesStillComparesTheFoldersItTouched) {
  // partnerops.yaml changes, so the head is loaded whole; the base holds
  // only the two folders the range changed, and that is enough to see both
  // edits of the past.
  write_file(dir.path() / "partnerops.yaml",
             read_file(dir.path() / "partnerops.yaml") + "# reviewed\n");
  const fs::path partner = dir.path() / "partners/halden-hydrology-group/partner.yaml";
  std::string text = read_file(partner);
  text.replace(text.find("reason: inbound enquiry"), 23, "reason: a referral");
  write_file(partner, text);
  const fs::path invoice = dir.path() / "partners/lakeshore-college/invoices/INV-2026-0006.yaml";
  text = read_file(invoice);
  text.replace(text.find("PO 26-00417"), 11, "PO 26-00999");
  write_file(invoice, text);
  git("commit -q -am 'shared rules and two edits of the past'");

  const RunResult range = partnerops({"check-range", "HEAD~1..HEAD", "--today", "2026-11-23"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_EQ(range.out,
            "partners/halden-hydrology-group/partner.yaml:22:5: error[history-rewritten]: history "
            "entry 1 was '2026-11-16 lead: inbound enquiry through the contact form' at the base "
            "and is now '2026-11-16 lead: a referral through the contact form'; history is "
            "append-only\n"
            " 22 |   - date: 2026-11-16\n"
            "    |     ^\n"
            "  hint: restore the entry as it was and append a new one below the others\n"
            "partners/lakeshore-college/invoices/INV-2026-0006.yaml:8:1: "
            "error[invoice-issued-changed]: issued invoice INV-2026-0006 was edited (reference); "
            "only its status, appended payments and a first sponsor_number may change\n"
            " 8 | reference: \"Managed JupyterHub Teaching Service Agreement; PO 26-00999\"\n"
            "   | ^\n"
            "  hint: revert the edit; correct an issued invoice with a credit note\n");
  EXPECT_EQ(range.err, "partnerops: HEAD~1..HEAD: 3 files changed: 2 errors\n");
}

TEST_F(TransitionsCliTest, RecordKeepsARecordedDateUnlessForced) {
  const fs::path partner = dir.path() / "partners/northbay-earth-sciences/partner.yaml";
  const std::string before = read_file(partner);
  const std::string head = git("rev-parse HEAD");

  const RunResult refused =
      partnerops({"record", "northbay-earth-sciences", "hail-the-lead", "--date", "2026-11-20"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "partners/northbay-earth-sciences/partner.yaml:41:18: error[record-already-done]: "
            "'hail-the-lead' is already recorded on 2026-11-03; recording it again would change "
            "the date to 2026-11-20\n"
            " 41 |   hail-the-lead: 2026-11-03\n"
            "    |                  ^\n"
            "  hint: keep the recorded date, or pass --force to replace it with 2026-11-20\n"
            "partnerops: nothing was changed\n");
  EXPECT_EQ(read_file(partner), before);
  EXPECT_EQ(git("rev-parse HEAD"), head);

  // The date already there: nothing to do, and no commit.
  const RunResult same =
      partnerops({"record", "northbay-earth-sciences", "hail-the-lead", "--date", "2026-11-03"});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out,
            "partnerops: northbay-earth-sciences: hail-the-lead is already recorded on "
            "2026-11-03; nothing to change\n");
  EXPECT_EQ(git("rev-parse HEAD"), head);

  const RunResult forced = partnerops(
      {"record", "northbay-earth-sciences", "hail-the-lead", "--date", "2026-11-20", "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  std::string expected = before;
  expected = replaced(expected, "  hail-the-lead: 2026-11-03\n", "  hail-the-lead: 2026-11-20\n");
  EXPECT_EQ(read_file(partner), expected);
  EXPECT_EQ(git("show --name-only --format=%B HEAD"),
            "northbay-earth-sciences: record hail-the-lead\n\n"
            "Replaces the date recorded before, 2026-11-03.\n\n"
            "Partner: northbay-earth-sciences\nChecklist-Item: hail-the-lead\n\n\n"
            "partners/northbay-earth-sciences/partner.yaml\n");
  EXPECT_EQ(git("status --porcelain"), "");
}

TEST_F(TransitionsCliTest, RecordRefusesAnotherStagesItemOrOneBeforeItsRequirements) {
  const fs::path partner = dir.path() / "partners/halden-hydrology-group/partner.yaml";
  const std::string before = read_file(partner);
  const std::string head = git("rev-parse HEAD");

  const RunResult refused =
      partnerops({"record", "halden-hydrology-group", "quarterly-review", "--date", "2026-11-25"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "partners/halden-hydrology-group/partner.yaml:7:8: error[record-other-stage]: "
            "'quarterly-review' is a checklist item of the stage 'partner', and "
            "'halden-hydrology-group' is at 'lead'\n"
            " 7 | stage: lead\n"
            "   |        ^\n"
            "  hint: record the items of 'lead'; pass --force to record it anyway\n"
            "partners/halden-hydrology-group/partner.yaml:20:3: error[record-requires-missing]: "
            "'quarterly-review' requires kpis-defined, which is not recorded\n"
            " 20 |   hail-the-lead: 2026-11-17\n"
            "    |   ^\n"
            "  hint: record kpis-defined first; pass --force to record it anyway\n"
            "partnerops: nothing was changed\n");

  const RunResult early = partnerops(
      {"record", "halden-hydrology-group", "first-meeting-held", "--date", "2026-11-25"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_EQ(early.err,
            "partners/halden-hydrology-group/partner.yaml:20:3: error[record-requires-missing]: "
            "'first-meeting-held' requires first-meeting-prepared, which is not recorded\n"
            " 20 |   hail-the-lead: 2026-11-17\n"
            "    |   ^\n"
            "  hint: record first-meeting-prepared first; pass --force to record it anyway\n"
            "partnerops: nothing was changed\n");
  EXPECT_EQ(read_file(partner), before);
  EXPECT_EQ(git("rev-parse HEAD"), head);
  EXPECT_EQ(git("status --porcelain"), "");

  const RunResult forced = partnerops({"record", "halden-hydrology-group", "first-meeting-held",
                                       "--date", "2026-11-25", "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  std::string expected = before;
  expected = replaced(expected, "  hail-the-lead: 2026-11-17\n",
                      "  hail-the-lead: 2026-11-17\n  first-meeting-held: 2026-11-25\n");
  EXPECT_EQ(read_file(partner), expected);
  EXPECT_EQ(git("show --name-only --format=%B HEAD"),
            "halden-hydrology-group: record first-meeting-held\n\n"
            "Partner: halden-hydrology-group\nChecklist-Item: first-meeting-held\n\n\n"
            "partners/halden-hydrology-group/partner.yaml\n");
}

/// Leaves `path` unmerged in the index of the repository at `root`, as a
/// merge that stopped on a conflict does: stage 1 (the common ancestor),
/// 2 (ours) and 3 (theirs) in place of the stage-0 entry, and the working
/// tree file holding conflict markers.
void make_conflict(const fs::path& root, const std::string& path) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open(&repo, root.c_str()), 0);
  git_index* index = nullptr;
  ASSERT_EQ(git_repository_index(&index, repo), 0);
  git_index_entry entries[3] = {};
  const std::string contents[3] = {"# Notes\n", "# Notes\n\nours\n", "# Notes\n\ntheirs\n"};
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(
        git_blob_create_from_buffer(&entries[i].id, repo, contents[i].data(), contents[i].size()),
        0);
    entries[i].path = path.c_str();
    entries[i].mode = GIT_FILEMODE_BLOB;
  }
  ASSERT_EQ(git_index_conflict_add(index, &entries[0], &entries[1], &entries[2]), 0);
  ASSERT_EQ(git_index_write(index), 0);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
  write_file(root / path, "# Notes\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> other\n");
}

TEST_F(TransitionsCliTest, AdvanceRefusesAnUnmergedIndexAndChangesNothing) {
  write_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml",
             read_file(dir.path() / "partners/northbay-earth-sciences/partner.yaml") +
                 "verbal_close:\n  date: 2026-11-20\n  outcome: \"yes\"\n");
  git("commit -q -am 'verbal close'");
  // The conflict is in another partner's folder: an unmerged index refuses
  // every commit, wherever the conflict is.
  make_conflict(dir.path(), "partners/lakeshore-college/notes.md");
  EXPECT_EQ(git("ls-files --unmerged --format='%(stage) %(path)'"),
            "1 partners/lakeshore-college/notes.md\n2 partners/lakeshore-college/notes.md\n"
            "3 partners/lakeshore-college/notes.md\n");

  const std::string snapshot_command =
      "rev-parse HEAD && git symbolic-ref HEAD && git for-each-ref && git status --porcelain "
      "&& find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum";
  const std::string before = git(snapshot_command);
  const std::string index_before = read_file(dir.path() / ".git/index");

  const RunResult result = partnerops({"advance", "northbay-earth-sciences", "prospect", "--reason",
                                       "verbal close: yes", "--date", "2026-11-23"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "partnerops: the index has unresolved conflicts; finish or abort the merge first\n")
      << result.err;

  EXPECT_EQ(read_file(dir.path() / ".git/index"), index_before);
  EXPECT_EQ(git(snapshot_command), before);
  EXPECT_EQ(git("branch --format='%(refname:short)'"), "main\n");
  EXPECT_EQ(git("status --porcelain"), "UU partners/lakeshore-college/notes.md\n");
}

TEST_F(TransitionsCliTest, CheckRangeRejectsAMalformedRange) {
  const RunResult result = partnerops({"check-range", "main"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "partnerops: the range must be BASE..HEAD (two revisions), not 'main'\n");
}

TEST_F(TransitionsCliTest, LogInAShallowCloneWarnsThatHistoryIsMissing) {
  git("commit -q --allow-empty -m second");
  TempDir clone;
  run_tool("git clone -q --depth 1 'file://" + dir.path().string() + "' '" +
           (clone.path() / "c").string() + "' 2>&1");
  const RunResult result = run_partnerops({"log"}, clone.path() / "c", env);
  EXPECT_EQ(result.exit_code, 0);
  // The one commit the clone holds seems to have added every entry.
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 14) << result.out;
  EXPECT_EQ(result.err,
            "partnerops: warning: this is a shallow clone, so older transitions are missing from "
            "this timeline; run `git fetch --unshallow` for the full history\n");
}

TEST_F(TransitionsCliTest, LogTellsTheHistoryOfPartnersThatNeverWentThroughAdvance) {
  // The base commit, dated: it imported every partner's history.
  git("commit -q --amend --no-edit --date=2026-11-24T09:00:00+0000");
  const std::string base = trimmed(git("rev-parse --short HEAD"));
  const RunResult lakeshore = partnerops({"log", "lakeshore-college"});
  EXPECT_EQ(lakeshore.exit_code, 0);
  EXPECT_EQ(lakeshore.err, "");
  EXPECT_EQ(lakeshore.out,
            "2026-01-05 (committed 2026-11-24)  " + base +
                "  Ada Lovelace  lakeshore-college  new → lead          inbound enquiry from the "
                "JupyterHub community forum\n"
                "2026-01-14 (committed 2026-11-24)  " +
                base +
                "  Ada Lovelace  lakeshore-college  lead → prospect     verbal close: yes (Dr. "
                "Whitfield, 2026-01-13)\n"
                "2026-01-29 (committed 2026-11-24)  " +
                base +
                "  Ada Lovelace  lakeshore-college  prospect → partner  agreement executed (all "
                "signatures in on 2026-01-29)\n");

  // An entry written by hand, committed the day it happened: no second date.
  append("partners/halden-hydrology-group/partner.yaml",
         "  - date: 2026-11-26\n    stage: closed\n    reason: >-\n      no budget\n      this "
         "year\n");
  git("commit -q -am 'halden: closed' --date=2026-11-26T10:00:00+0000");
  const std::string closed = trimmed(git("rev-parse --short HEAD"));
  const RunResult halden = partnerops({"log", "halden-hydrology-group"});
  EXPECT_EQ(halden.exit_code, 0);
  EXPECT_EQ(halden.out, "2026-11-16 (committed 2026-11-24)  " + base +
                            "  Ada Lovelace  halden-hydrology-group  new → lead     inbound "
                            "enquiry through the contact form\n"
                            "2026-11-26                         " +
                            closed +
                            "  Ada Lovelace  halden-hydrology-group  lead → closed  no budget "
                            "this year\n");

  // --rev tells the story as it stood at a revision.
  const RunResult before = partnerops({"log", "halden-hydrology-group", "--rev", "HEAD~1"});
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out, "2026-11-16 (committed 2026-11-24)  " + base +
                            "  Ada Lovelace  halden-hydrology-group  new → lead  inbound enquiry "
                            "through the contact form\n");
  const RunResult unknown_rev = partnerops({"log", "--rev", "no-such-branch"});
  EXPECT_EQ(unknown_rev.exit_code, 2);
  EXPECT_EQ(unknown_rev.err, "partnerops: --rev: unknown revision 'no-such-branch'\n");

  // Every partner, by date: the first lines are the oldest entries.
  const RunResult all = partnerops({"log"});
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 15);
  EXPECT_TRUE(all.out.starts_with("2026-01-05 (committed 2026-11-24)  " + base +
                                  "  Ada Lovelace  lakeshore-college          new → lead"))
      << all.out;

  const RunResult nobody = partnerops({"log", "acme"});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_EQ(nobody.out, "");
  EXPECT_EQ(nobody.err,
            "partnerops: there is no partner folder 'partners/acme' at HEAD, and no stage change "
            "of 'acme' in history\n");
}

TEST_F(TransitionsCliTest, LogAllShowsTheBookkeepingCommitsFromTheirTrailers) {
  git("commit -q --amend --no-edit --date=2026-11-24T09:00:00+0000");
  const std::string invoice = "partners/lakeshore-college/invoices/INV-2026-0007.yaml";
  write_file(dir.path() / invoice,
             "# yaml-language-server: $schema=../../../schemas/invoice.schema.yaml\n"
             "number: INV-2026-0007\n"
             "status: draft\n"
             "issue_date: 2026-11-20\n"
             "due_date: 2026-12-20\n"
             "currency: USD\n"
             "lines:\n"
             "  - description: Custom Julia environment (hours)\n"
             "    quantity: \"2\"\n"
             "    unit_price: \"145.00\"\n"
             "    amount: \"290.00\"\n"
             "subtotal: \"290.00\"\n"
             "tax:\n"
             "  label: Sales tax (exempt services)\n"
             "  rate_percent: \"0\"\n"
             "  amount: \"0.00\"\n"
             "total: \"290.00\"\n");
  git("add -A");
  git("commit -q -m 'draft INV-2026-0007' --date=2026-11-25T09:00:00+0000");
  const auto run = [this](const std::vector<std::string>& args) {
    const RunResult result = partnerops(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return trimmed(git("rev-parse --short HEAD"));
  };
  const std::string issued = run({"invoice", "issue", "INV-2026-0007", "--date", "2026-11-20"});
  const std::string paid =
      run({"invoice", "pay", "INV-2026-0007", "--amount", "100.00", "--date", "2026-11-27"});
  const std::string numbered =
      run({"invoice", "sponsor-number", "INV-2026-0007", "CWFP-2026-1001"});
  const std::string credited = run({"invoice", "credit", "INV-2026-0007", "--reason",
                                    "one hour not delivered", "--line", "1=145.00"});
  const std::string today = trimmed(git("log -1 --date=short --format=%ad"));
  const std::string base = trimmed(git("rev-parse --short main~5"));

  const std::string story =
      "2026-01-05 (committed 2026-11-24)  " + base +
      "  Ada Lovelace  lakeshore-college  new → lead          inbound enquiry from the JupyterHub "
      "community forum\n"
      "2026-01-14 (committed 2026-11-24)  " +
      base +
      "  Ada Lovelace  lakeshore-college  lead → prospect     verbal close: yes (Dr. Whitfield, "
      "2026-01-13)\n"
      "2026-01-29 (committed 2026-11-24)  " +
      base +
      "  Ada Lovelace  lakeshore-college  prospect → partner  agreement executed (all signatures "
      "in "
      "on 2026-01-29)\n";
  EXPECT_EQ(partnerops({"log", "lakeshore-college"}).out, story);

  const std::string pad(33 - today.size(), ' ');
  const RunResult all = partnerops({"log", "lakeshore-college", "--all"});
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out, story + "2026-11-20 (committed " + today + ")  " + issued +
                         "  Ada Lovelace  lakeshore-college  issued              INV-2026-0007, "
                         "due 2026-12-20\n"
                         "2026-11-27 (committed " +
                         today + ")  " + paid +
                         "  Ada Lovelace  lakeshore-college  paid                100.00 USD on "
                         "INV-2026-0007\n" +
                         today + pad + "  " + numbered +
                         "  Ada Lovelace  lakeshore-college  sponsor number      CWFP-2026-1001 "
                         "for INV-2026-0007\n" +
                         today + pad + "  " + credited +
                         "  Ada Lovelace  lakeshore-college  credited            INV-2026-0007 "
                         "with CN-2026-0002 (145.00 USD): one hour not delivered\n");
  // Another partner's story leaves them out.
  EXPECT_EQ(partnerops({"log", "halden-hydrology-group", "--all"}).out.find("INV-"),
            std::string::npos);
}

}  // namespace
}  // namespace partnerops::e2e
