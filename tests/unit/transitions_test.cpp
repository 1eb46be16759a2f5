// advance, record, check-range and log against temporary repositories holding
// the base fixture workspace: exact edits, exact commits, and every refusal
// leaving the repository exactly as it was.

#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/checks.hpp"
#include "git/commit_files.hpp"
#include "git/git_tree_source.hpp"
#include "git/history.hpp"
#include "git_test_support.hpp"
#include "support/files.hpp"
#include "transitions/advance.hpp"
#include "transitions/change_set.hpp"
#include "transitions/range_check.hpp"
#include "transitions/record.hpp"
#include "transitions/scoped_source.hpp"
#include "transitions/timeline.hpp"

namespace partnerops::transitions {
namespace {

namespace fs = std::filesystem;
using git::testing::TempDir;
using git::testing::TempRepo;
using partnerops::testing::read_file;

const std::string k_slug = "northbay-earth-sciences";
const std::string k_folder = "partners/northbay-earth-sciences";
const std::string k_partner = k_folder + "/partner.yaml";
const std::string k_notes = k_folder + "/notes.md";

std::string to_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// The base fixture plus schemas, every file written (not staged) under `root`,
/// as workspace-relative paths.
std::vector<std::string> copy_workspace(const fs::path& root) {
  const fs::path source = PARTNEROPS_SOURCE_DIR;
  fs::copy(source / "tests" / "fixtures" / "base", root, fs::copy_options::recursive);
  fs::copy(source / "schemas", root / "schemas", fs::copy_options::recursive);
  std::vector<std::string> paths;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    const std::string relative = entry.path().lexically_relative(root).generic_string();
    if (entry.is_regular_file() && !relative.starts_with(".git/")) paths.push_back(relative);
  }
  return paths;
}

// northbay-earth-sciences is a lead; the test gives it a verbal close "yes",
// a comment, odd quoting and CRLF line endings, so it may become a prospect.
const std::string k_partner_extra =
    "verbal_close:   # said yes on the phone\n"
    "  date: 2026-11-20\n"
    "  outcome: 'yes'\n";

class TransitionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& path : copy_workspace(temp.root())) temp.stage(path);
    partner_text = to_crlf(read_file(temp.root() / k_partner) + k_partner_extra);
    notes_text = to_crlf(read_file(temp.root() / k_notes));
    temp.add(k_partner, partner_text);
    temp.add(k_notes, notes_text);
    temp.add("staged.txt", "staged v1\n");
    temp.add("modified.txt", "modified v1\n");
    base = temp.commit("base");
    temp.add("staged.txt", "staged v2\n");
    temp.write("modified.txt", "modified v2\n");
  }

  /// Plans in a workspace scoped to `slug`, as the commands do.
  std::optional<ChangeSet> plan_advance_of(const std::string& slug, const std::string& stage,
                                           Diagnostics& diagnostics,
                                           const std::string& date = "2026-11-23") {
    const std::unique_ptr<Source> tree = open_directory_source(temp.root());
    const std::unique_ptr<Source> scoped = scope_to_partner(*tree, slug);
    Diagnostics loaded;
    const Workspace workspace = load_workspace(*scoped, LoadOptions{}, loaded);
    EXPECT_FALSE(loaded.has_errors());
    return plan_advance(workspace, {slug, stage, "verbal close: yes", *Date::parse(date)},
                        diagnostics);
  }

  ChangeSet planned_advance() {
    Diagnostics diagnostics;
    std::optional<ChangeSet> changes = plan_advance_of(k_slug, "prospect", diagnostics);
    EXPECT_TRUE(changes.has_value());
    EXPECT_TRUE(diagnostics.empty());
    return changes.value_or(ChangeSet{});
  }

  static ApplyOptions on_branch(const ChangeSet& changes) {
    ApplyOptions options;
    options.branch_mode = git::BranchMode::create;
    options.branch_name = changes.suggested_branch;
    return options;
  }

  TempRepo temp;
  std::string base;
  std::string partner_text;
  std::string notes_text;
};

std::vector<std::string> lines_of(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics)
    lines.push_back(std::string(to_string(d.severity)) + " " + d.code + " " + d.file + ":" +
                    std::to_string(d.position.line) + ":" + std::to_string(d.position.column));
  return lines;
}

TEST_F(TransitionsTest, AdvanceCommitsExactlyTheTwoEditedFilesOnANewBranch) {
  const ChangeSet changes = planned_advance();
  EXPECT_EQ(changes.suggested_branch, "advance/northbay-earth-sciences-prospect");
  const ApplyResult result = apply_changes(temp.root(), changes, on_branch(changes));
  ASSERT_TRUE(result.ok) << result.error;

  EXPECT_EQ(temp.head(), "refs/heads/advance/northbay-earth-sciences-prospect");
  EXPECT_EQ(result.branch, "refs/heads/advance/northbay-earth-sciences-prospect");
  EXPECT_EQ(temp.resolve("main"), base);

  std::string error;
  const std::optional<git::CommitRecord> commit = git::read_commit(temp.repo(), "HEAD", &error);
  ASSERT_TRUE(commit) << error;
  EXPECT_EQ(commit->message,
            "northbay-earth-sciences: lead → prospect\n\nverbal close: yes\n\n"
            "Partner: northbay-earth-sciences\nStage-From: lead\nStage-To: prospect\n");
  ASSERT_EQ(commit->trailers.size(), 3u);
  EXPECT_EQ(*commit->trailer("Partner"), "northbay-earth-sciences");
  EXPECT_EQ(*commit->trailer("Stage-From"), "lead");
  EXPECT_EQ(*commit->trailer("Stage-To"), "prospect");

  // Byte for byte: only the stage line changes and three history lines are
  // added, in CRLF; the comment and the single quotes stay.
  const std::string expected_partner = replace_once(
      replace_once(partner_text, "stage: lead\r\nowner:", "stage: prospect\r\nowner:"),
      "    reason: referral from Lakeshore Community College\r\n",
      "    reason: referral from Lakeshore Community College\r\n"
      "  - date: 2026-11-23\r\n    stage: prospect\r\n    reason: \"verbal close: yes\"\r\n");
  EXPECT_EQ(temp.read(k_partner), expected_partner);
  EXPECT_EQ(temp.file_at("HEAD", k_partner), expected_partner);
  EXPECT_EQ(temp.read(k_notes),
            notes_text + "\r\n## 2026-11-23 Stage: lead → prospect\r\n\r\nverbal close: yes\r\n");

  const std::optional<std::vector<git::ChangedPath>> changed =
      git::changed_paths(temp.repo(), base, "HEAD", &error);
  ASSERT_TRUE(changed);
  ASSERT_EQ(changed->size(), 2u);
  EXPECT_EQ((*changed)[0].path, k_notes);
  EXPECT_EQ((*changed)[1].path, k_partner);

  // Other work stays where it was, uncommitted.
  EXPECT_EQ(temp.status("staged.txt"), unsigned{GIT_STATUS_INDEX_MODIFIED});
  EXPECT_EQ(temp.status("modified.txt"), unsigned{GIT_STATUS_WT_MODIFIED});
  EXPECT_EQ(temp.read("staged.txt"), "staged v2\n");
  EXPECT_EQ(temp.read("modified.txt"), "modified v2\n");
  EXPECT_EQ(temp.status(k_partner), 0u);
  EXPECT_EQ(temp.status(k_notes), 0u);
}

TEST_F(TransitionsTest, AdvanceOnTheCurrentBranchWithNoBranch) {
  const ChangeSet changes = planned_advance();
  const ApplyResult result = apply_changes(temp.root(), changes, ApplyOptions{});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(temp.head(), "refs/heads/main");
  EXPECT_NE(temp.resolve("main"), base);
}

TEST_F(TransitionsTest, AdvanceThroughARepositoryOpenedAheadKeepsWorkStagedMeanwhile) {
  git::RepositoryInBackground repository(temp.root());
  const ChangeSet changes = planned_advance();
  // Staged after the index began to be read ahead: the commit must neither
  // take it along nor drop it from the index it writes back.
  temp.add("staged-later.txt", "staged later\n");
  ApplyOptions options;
  options.repository = &repository;
  const ApplyResult result = apply_changes(temp.root(), changes, options);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(temp.head(), "refs/heads/main");
  std::string error;
  const std::optional<std::vector<git::ChangedPath>> changed =
      git::changed_paths(temp.repo(), base, "HEAD", &error);
  ASSERT_TRUE(changed) << error;
  ASSERT_EQ(changed->size(), 2u);
  EXPECT_EQ((*changed)[0].path, k_notes);
  EXPECT_EQ((*changed)[1].path, k_partner);
  EXPECT_EQ(temp.status("staged-later.txt"), unsigned{GIT_STATUS_INDEX_NEW});
  EXPECT_EQ(temp.status("staged.txt"), unsigned{GIT_STATUS_INDEX_MODIFIED});
  EXPECT_EQ(temp.status(k_partner), 0u);
  EXPECT_EQ(temp.status(k_notes), 0u);
}

TEST_F(TransitionsTest, AdvanceWithoutCommitOnlyWritesTheFiles) {
  const ChangeSet changes = planned_advance();
  ApplyOptions options;
  options.commit_mode = CommitMode::write_only;
  ASSERT_TRUE(apply_changes(temp.root(), changes, options).ok);
  EXPECT_EQ(temp.resolve("HEAD"), base);
  EXPECT_EQ(temp.read(k_partner), changes.edits[0].content);
  EXPECT_EQ(temp.status(k_partner), unsigned{GIT_STATUS_WT_MODIFIED});
  EXPECT_EQ(temp.status(k_notes), unsigned{GIT_STATUS_WT_MODIFIED});
}

TEST_F(TransitionsTest, AdvanceListsEveryUnmetGuardWithItsFileAndField) {
  const std::string before = temp.snapshot();
  Diagnostics diagnostics;
  EXPECT_FALSE(plan_advance_of("halden-hydrology-group", "prospect", diagnostics));
  diagnostics.sort();
  EXPECT_EQ(lines_of(diagnostics),
            (std::vector<std::string>{
                "error lifecycle-guard partners/halden-hydrology-group/partner.yaml:2:1",
                "error lifecycle-guard partners/halden-hydrology-group/partner.yaml:2:1",
                "error lifecycle-guard partners/halden-hydrology-group/partner.yaml:6:12"}));
  std::vector<std::string> hints;
  for (const Diagnostic& d : diagnostics) hints.push_back(d.hint);
  EXPECT_EQ(hints, (std::vector<std::string>{"fill verbal_close.outcome in partner.yaml",
                                             "fill verbal_close.date in partner.yaml",
                                             "fill qualified in partner.yaml"}));
  EXPECT_EQ(diagnostics.items()[2].message,
            "'lead → prospect' requires: the lead is qualified (tied to an organisation able to "
            "sign) (qualified is false, not true)");
  EXPECT_EQ(temp.snapshot(), before);
}

TEST_F(TransitionsTest, AdvanceRefusesATransitionTheLifecycleDoesNotAllow) {
  Diagnostics diagnostics;
  EXPECT_FALSE(plan_advance_of(k_slug, "partner", diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  const Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.code, "advance-illegal-transition");
  EXPECT_EQ(d.file, k_partner);
  EXPECT_EQ(d.message, "'northbay-earth-sciences' is at 'lead' and cannot move to 'partner'");
  EXPECT_EQ(d.hint, "from 'lead' a partner moves to prospect or closed");
}

TEST_F(TransitionsTest, AdvanceRefusesUnknownStagesPartnersAndEarlierDates) {
  Diagnostics unknown_stage;
  EXPECT_FALSE(plan_advance_of(k_slug, "prospekt", unknown_stage));
  ASSERT_EQ(unknown_stage.size(), 1u);
  EXPECT_EQ(unknown_stage.items()[0].code, "advance-unknown-stage");
  EXPECT_EQ(unknown_stage.items()[0].hint, "did you mean 'prospect'?");

  Diagnostics unknown_partner;
  EXPECT_FALSE(plan_advance_of("northbay-earth-science", "prospect", unknown_partner));
  ASSERT_EQ(unknown_partner.size(), 1u);
  EXPECT_EQ(unknown_partner.items()[0].code, "advance-unknown-partner");

  Diagnostics early;
  EXPECT_FALSE(plan_advance_of(k_slug, "prospect", early, "2026-11-01"));
  EXPECT_EQ(lines_of(early),
            (std::vector<std::string>{"error advance-date-order " + k_partner + ":45:5"}));
}

TEST_F(TransitionsTest, RefusalsOfTheCommitChangeNothing) {
  const ChangeSet changes = planned_advance();

  // The branch exists already.
  {
    git::testing::run("git -C '" + temp.root().string() +
                      "' branch advance/northbay-earth-sciences-prospect");
    const std::string before = temp.snapshot();
    const ApplyResult result = apply_changes(temp.root(), changes, on_branch(changes));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error,
              "the branch 'advance/northbay-earth-sciences-prospect' already exists; delete it, "
              "pass --branch NAME, or --no-branch to commit on the current branch");
    EXPECT_EQ(temp.snapshot(), before);
  }
  // Uncommitted changes in the partner's own folder.
  {
    temp.write(k_folder + "/agreement.yaml", "status: draft\n");
    const std::string before = temp.snapshot();
    const ApplyResult result = apply_changes(temp.root(), changes, ApplyOptions{});
    EXPECT_EQ(result.error,
              "the partner's files have uncommitted changes "
              "(partners/northbay-earth-sciences/agreement.yaml); commit or stash them first");
    EXPECT_EQ(temp.snapshot(), before);
    temp.remove(k_folder + "/agreement.yaml");
  }
  // A detached HEAD.
  {
    git::testing::run("git -C '" + temp.root().string() + "' checkout -q --detach");
    const std::string before = temp.snapshot();
    const ApplyResult result = apply_changes(temp.root(), changes, ApplyOptions{});
    EXPECT_EQ(result.error, "HEAD is detached; check out a branch (git switch main) first");
    EXPECT_EQ(temp.snapshot(), before);
  }
}

TEST_F(TransitionsTest, WithoutAGitIdentityTheCommitIsRefused) {
  const ChangeSet changes = planned_advance();
  temp.delete_config("user.name");
  temp.delete_config("user.email");
  const std::string before = temp.snapshot();
  const ApplyResult result = apply_changes(temp.root(), changes, on_branch(changes));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error,
            "git does not know who you are; set user.name and user.email (git config user.name "
            "\"Your Name\"; git config user.email you@example.org)");
  EXPECT_EQ(temp.snapshot(), before);
}

TEST_F(TransitionsTest, AMovedRefLeavesNoCommitAndNoFileChange) {
  const ChangeSet changes = planned_advance();
  const std::string before_partner = temp.read(k_partner);
  ApplyOptions options;
  options.before_ref_update = [this] {
    git::testing::run("git -C '" + temp.root().string() +
                      "' -c user.name=Other -c user.email=o@example.org commit -q --allow-empty "
                      "-m meanwhile");
  };
  const ApplyResult result = apply_changes(temp.root(), changes, options);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error,
            "the branch moved while committing (another commit landed); nothing was changed, run "
            "the command again");
  EXPECT_EQ(temp.read(k_partner), before_partner);
  std::string error;
  EXPECT_EQ(git::read_commit(temp.repo(), "HEAD", &error)->summary, "meanwhile");
}

TEST(TransitionsStandaloneTest, OutsideARepositoryTheCommitIsRefused) {
  TempDir dir;
  copy_workspace(dir.path());
  ChangeSet changes;
  changes.folder = k_folder;
  changes.edits.push_back({k_notes, "x\n"});
  changes.message = "m\n";
  const std::string before = read_file(dir.path() / k_notes);
  const ApplyResult result = apply_changes(dir.path(), changes, ApplyOptions{});
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.error.starts_with(
      "not a git repository; run `git init` first or pass --no-commit to only edit the files"))
      << result.error;
  EXPECT_EQ(read_file(dir.path() / k_notes), before);
}

TEST(TransitionsStandaloneTest, NotesSectionsKeepTheFileLineEndings) {
  EXPECT_EQ(append_notes_section("# A\n", "## H", "why"), "# A\n\n## H\n\nwhy\n");
  EXPECT_EQ(append_notes_section("# A\n\n", "## H", ""), "# A\n\n## H\n");
  EXPECT_EQ(append_notes_section("# A", "## H", "a\nb"), "# A\n\n## H\n\na\nb\n");
  EXPECT_EQ(append_notes_section("# A\r\n", "## H", "a\nb"), "# A\r\n\r\n## H\r\n\r\na\r\nb\r\n");
  EXPECT_EQ(append_notes_section("", "## H", "why"), "## H\n\nwhy\n");
}

TEST(TransitionsStandaloneTest, BranchPatternsExpandSlugAndStage) {
  EXPECT_EQ(expand_branch_pattern("advance/{slug}-{stage}", "acme", "prospect"),
            "advance/acme-prospect");
  EXPECT_EQ(expand_branch_pattern("stage/{stage}/{slug}/{slug}", "acme", "partner"),
            "stage/partner/acme/acme");
}

TEST_F(TransitionsTest, RecordSetsTheChecklistItemAndCommitsOnTheCurrentBranch) {
  const std::unique_ptr<Source> tree = open_directory_source(temp.root());
  const std::unique_ptr<Source> scoped = scope_to_partner(*tree, k_slug);
  Diagnostics loaded;
  const Workspace workspace = load_workspace(*scoped, LoadOptions{}, loaded);
  Diagnostics diagnostics;
  const std::optional<ChangeSet> changes = plan_record(
      workspace, {k_slug, "first-meeting-held", *Date::parse("2026-11-21")}, diagnostics);
  ASSERT_TRUE(changes) << lines_of(diagnostics).size();
  ASSERT_EQ(changes->edits.size(), 1u);
  EXPECT_EQ(changes->edits[0].content,
            replace_once(partner_text, "  first-meeting-prepared: 2026-11-12\r\n",
                         "  first-meeting-prepared: 2026-11-12\r\n"
                         "  first-meeting-held: 2026-11-21\r\n"));
  const ApplyResult result = apply_changes(temp.root(), *changes, ApplyOptions{});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(temp.head(), "refs/heads/main");
  std::string error;
  const std::optional<git::CommitRecord> commit = git::read_commit(temp.repo(), "HEAD", &error);
  EXPECT_EQ(commit->message,
            "northbay-earth-sciences: record first-meeting-held\n\n"
            "Partner: northbay-earth-sciences\nChecklist-Item: first-meeting-held\n");
  EXPECT_EQ(changes->suggested_branch, "record/northbay-earth-sciences-first-meeting-held");

  Diagnostics unknown;
  EXPECT_FALSE(
      plan_record(workspace, {k_slug, "first-meting-held", *Date::parse("2026-11-21")}, unknown));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown.items()[0].code, "record-unknown-item");
  EXPECT_EQ(unknown.items()[0].hint, "did you mean 'first-meeting-held'?");
}

TEST_F(TransitionsTest, LogTellsTheStoryFromHistoryEntriesWithTheCommitsThatAddedThem) {
  const ChangeSet changes = planned_advance();
  ASSERT_TRUE(apply_changes(temp.root(), changes, ApplyOptions{}).ok);
  std::string error;
  const std::optional<Timeline> timeline = read_timeline(temp.repo(), {k_slug}, &error);
  ASSERT_TRUE(timeline) << error;
  EXPECT_FALSE(timeline->shallow);
  EXPECT_TRUE(timeline->partner_found);
  ASSERT_EQ(timeline->entries.size(), 2u);
  // The lead entry came with the base commit (2025-11-23), written by hand;
  // the prospect entry with the advance, committed today.
  const std::string base_id = timeline->entries[0].short_id;
  EXPECT_EQ(base_id, base.substr(0, base_id.size()));
  const std::string advance_id = timeline->entries[1].short_id;
  EXPECT_EQ(advance_id, temp.resolve("HEAD").substr(0, advance_id.size()));
  const std::string today = Date::from_unix_seconds(std::time(nullptr)).iso();
  EXPECT_EQ(timeline->entries[1].date, "2026-11-23");
  EXPECT_EQ(timeline->entries[1].committed, today == "2026-11-23" ? "" : today);
  Timeline base_only = *timeline;
  base_only.entries.pop_back();
  EXPECT_EQ(format_timeline(base_only),
            "2026-11-02 (committed 2025-11-23)  " + base_id +
                "  Ada Lovelace  northbay-earth-sciences  new → lead  referral from Lakeshore "
                "Community College\n");
  EXPECT_EQ(timeline->entries[1].change, "lead → prospect");
  EXPECT_EQ(timeline->entries[1].detail, "verbal close: yes");

  // Every partner's story, without a slug: the base commit added them all.
  const std::optional<Timeline> all = read_timeline(temp.repo(), {}, &error);
  ASSERT_TRUE(all) << error;
  EXPECT_EQ(all->entries.size(), 15u);
  const std::optional<Timeline> unknown = read_timeline(temp.repo(), {"acme"}, &error);
  ASSERT_TRUE(unknown) << error;
  EXPECT_TRUE(unknown->entries.empty());
  EXPECT_FALSE(unknown->partner_found);

  // At the base revision the advance has not happened.
  TimelineOptions at_base{k_slug};
  at_base.revspec = base;
  EXPECT_EQ(read_timeline(temp.repo(), at_base, &error)->entries.size(), 1u);

  TempDir clone;
  ASSERT_EQ(git::testing::run("git clone -q --depth 1 'file://" + temp.root().string() + "' '" +
                              clone.path().string() + "/c'"),
            0);
  git::RepositoryPtr shallow = git::open_repository(clone.path() / "c", &error);
  ASSERT_TRUE(shallow) << error;
  const std::optional<Timeline> partial = read_timeline(shallow.get(), {k_slug}, &error);
  ASSERT_TRUE(partial) << error;
  EXPECT_TRUE(partial->shallow);
  // The one commit the clone holds seems to have added every entry.
  ASSERT_EQ(partial->entries.size(), 2u);
  EXPECT_EQ(partial->entries[0].short_id, advance_id);
}

// `log` compares every commit with its parent. It needs only the folders on
// the way to each partner.yaml that changed, so a folder no commit's story
// depends on may be missing from the repository altogether (as in a partial
// clone) and the timeline is the same.
TEST(TimelineCostTest, LogReadsOnlyTheFoldersOnTheWayToAPartnerYamlThatChanged) {
  TempRepo temp;
  const std::string acme_lead =
      "name: Acme\nstage: lead\nhistory:\n"
      "  - date: \"2026-10-01\"\n    stage: lead\n    reason: met at a conference\n";
  temp.add("partners/acme/partner.yaml", acme_lead);
  temp.add("partners/acme/invoices/2026-001.yaml", "number: \"2026-001\"\n");
  temp.add("partners/beta/partner.yaml",
           "name: Beta\nstage: lead\nhistory:\n"
           "  - date: \"2026-10-02\"\n    stage: lead\n    reason: referral\n");
  temp.add("partners/beta/sow/pilot.yaml", "title: Pilot\n");
  const std::string first = temp.commit("two partners");
  temp.add("partners/beta/notes.md", "# Beta\n");
  temp.commit("beta: notes");
  temp.add("partners/acme/partner.yaml",
           acme_lead + "  - date: \"2026-11-23\"\n    stage: prospect\n    reason: verbal close\n");
  const std::string advance =
      temp.commit("acme: lead → prospect\n\nPartner: acme\nStage-From: lead\nStage-To: prospect\n");
  for (const std::string folder : {"partners/acme/invoices", "partners/beta/sow"}) {
    git_object* raw = nullptr;
    ASSERT_EQ(git_revparse_single(&raw, temp.repo(), ("HEAD:" + folder).c_str()), 0);
    const std::string id = git::to_hex(*git_object_id(raw));
    git_object_free(raw);
    ASSERT_TRUE(fs::remove(temp.root() / ".git/objects" / id.substr(0, 2) / id.substr(2)));
  }
  std::string error;
  const git::RepositoryPtr repo = git::open_repository(temp.root(), &error);
  ASSERT_TRUE(repo) << error;
  const std::string a = first.substr(0, 7);
  const std::string b = advance.substr(0, 7);
  const std::optional<Timeline> all = read_timeline(repo.get(), {}, &error);
  ASSERT_TRUE(all) << error;
  EXPECT_EQ(format_timeline(*all),
            "2026-10-01 (committed 2025-11-23)  " + a +
                "  Ada Lovelace  acme  new → lead       met at a conference\n"
                "2026-10-02 (committed 2025-11-23)  " +
                a +
                "  Ada Lovelace  beta  new → lead       referral\n"
                "2026-11-23 (committed 2025-11-23)  " +
                b + "  Ada Lovelace  acme  lead → prospect  verbal close\n");
  const std::optional<Timeline> acme = read_timeline(repo.get(), {"acme"}, &error);
  ASSERT_TRUE(acme) << error;
  EXPECT_EQ(acme->entries.size(), 2u);
}

TEST(TimelineFormatTest, AlignsColumnsAndMarksDatesThatDifferFromTheCommit) {
  Timeline timeline;
  timeline.entries.push_back({"2026-10-01", "2026-10-03", "abc1234", "Ada Lovelace", "acme",
                              "new → lead",
                              "met at a "
                              "conference"});
  timeline.entries.push_back({"2026-10-05", "", "def5678", "Bo", "acme", "paid",
                              "10.00 USD on "
                              "INV-2026-0001"});
  EXPECT_EQ(format_timeline(timeline),
            "2026-10-01 (committed 2026-10-03)  abc1234  Ada Lovelace  acme  new → lead  met at a "
            "conference\n"
            "2026-10-05                         def5678  Bo            acme  paid        10.00 USD "
            "on INV-2026-0001\n");
  EXPECT_EQ(format_timeline(Timeline{}), "");
}

TEST(TransitionsRangeTest, CheckRangeReportsEachKindOfViolationOverSeveralCommits) {
  TempRepo temp;
  for (const std::string& path : copy_workspace(temp.root())) temp.stage(path);
  const std::string base = temp.commit("base");
  auto edit = [&temp](const std::string& path, const std::string& from, const std::string& to) {
    temp.add(path, replace_once(temp.read(path), from, to));
  };
  const std::string lakeshore = "partners/lakeshore-college/";
  const std::string halden = "partners/halden-hydrology-group/partner.yaml";
  edit(lakeshore + "partner.yaml", "inbound enquiry from the JupyterHub community forum",
       "inbound enquiry by e-mail");
  temp.commit("rewrite history");
  edit(halden, "stage: lead", "stage: partner");
  edit(halden, "    reason: inbound enquiry through the contact form\n",
       "    reason: inbound enquiry through the contact form\n"
       "  - date: 2026-11-10\n    stage: partner\n    reason: skipped ahead\n");
  edit("partners/cascadia-climate/partner.yaml", "stage: prospect", "stage: partner");
  temp.commit("skip stages");
  edit(k_partner, "stage: lead", "stage: prospect");
  edit(k_partner, "    reason: referral from Lakeshore Community College\n",
       "    reason: referral from Lakeshore Community College\n"
       "  - date: 2026-11-23\n    stage: prospect\n    reason: eager\n");
  temp.commit("advance without a verbal close");
  edit(lakeshore + "invoices/INV-2026-0004.yaml", "PO 26-00417", "PO 26-00418");
  edit(lakeshore + "invoices/INV-2026-0001.yaml", "status: paid", "status: issued");
  temp.remove(lakeshore + "invoices/INV-2026-0002.yaml");
  temp.stage(lakeshore + "invoices/INV-2026-0002.yaml");
  const std::string invoice_6 = temp.read(lakeshore + "invoices/INV-2026-0006.yaml");
  edit(lakeshore + "invoices/INV-2026-0006.yaml", "number: INV-2026-0006", "number: INV-2026-0008");
  temp.add(lakeshore + "invoices/INV-2026-0007.yaml",
           replace_once(invoice_6, "number: INV-2026-0006", "number: INV-2026-0001"));
  temp.commit("invoices");
  edit("partners/noordzee-marine-data/invoices/INV-2026-0005.yaml",
       "    reference: SEPA NZMD-2026-10-0048\n",
       "    reference: SEPA NZMD-2026-10-0048\n"
       "  - date: 2026-10-20\n    amount: \"0.00 EUR\"\n    reference: late entry\n");
  temp.commit("backdated payment");

  std::string error;
  const std::unique_ptr<Source> base_source =
      git::open_git_tree_source(temp.shared(), base, &error);
  const std::unique_ptr<Source> head_source =
      git::open_git_tree_source(temp.shared(), "HEAD", &error);
  ASSERT_TRUE(base_source && head_source) << error;
  Diagnostics base_load;
  const Workspace before = load_workspace(*base_source, LoadOptions{}, base_load);
  Diagnostics validation;
  const Workspace after = load_workspace(*head_source, LoadOptions{}, validation);
  run_checks(after, *Date::parse("2026-11-23"), validation);
  const std::optional<std::vector<git::ChangedPath>> changed =
      git::changed_paths(temp.repo(), base, "HEAD", &error);
  ASSERT_TRUE(changed) << error;

  Diagnostics range;
  compare_revisions(before, after, range);
  range.sort();
  EXPECT_EQ(
      lines_of(range),
      (std::vector<std::string>{
          "error range-illegal-transition partners/cascadia-climate/partner.yaml:6:8",
          "warning history-backdated partners/halden-hydrology-group/partner.yaml:25:5",
          "error range-illegal-transition partners/halden-hydrology-group/partner.yaml:26:12",
          "error invoice-issued-changed partners/lakeshore-college/invoices/INV-2026-0001.yaml:3:9",
          "error invoice-issued-deleted partners/lakeshore-college/invoices/INV-2026-0002.yaml:0:0",
          "error invoice-issued-changed partners/lakeshore-college/invoices/INV-2026-0004.yaml:8:1",
          "error invoice-renumbered partners/lakeshore-college/invoices/INV-2026-0006.yaml:2:9",
          "error invoice-number-reused partners/lakeshore-college/invoices/INV-2026-0007.yaml:2:9",
          "error history-rewritten partners/lakeshore-college/partner.yaml:106:5",
          "warning payment-backdated "
          "partners/noordzee-marine-data/invoices/INV-2026-0005.yaml:24:11",
          "error lifecycle-guard partners/northbay-earth-sciences/partner.yaml:2:1",
          "error lifecycle-guard partners/northbay-earth-sciences/partner.yaml:2:1"}));
  auto message_of = [&range](const std::string& code, const std::string& file) {
    for (const Diagnostic& d : range)
      if (d.code == code && d.file.ends_with(file)) return d.message;
    return std::string("<none>");
  };
  EXPECT_EQ(message_of("history-rewritten", "lakeshore-college/partner.yaml"),
            "history entry 1 was '2026-01-05 lead: inbound enquiry from the JupyterHub community "
            "forum' at the base and is now '2026-01-05 lead: inbound enquiry by e-mail'; history "
            "is append-only");
  EXPECT_EQ(message_of("invoice-issued-changed", "INV-2026-0004.yaml"),
            "issued invoice INV-2026-0004 was edited (reference); only its status, appended "
            "payments and a first sponsor_number may change");
  EXPECT_EQ(message_of("range-illegal-transition", "cascadia-climate/partner.yaml"),
            "the stage changed from 'prospect' to 'partner' without a history entry");
  EXPECT_EQ(message_of("range-illegal-transition", "halden-hydrology-group/partner.yaml"),
            "this range moves 'halden-hydrology-group' from 'lead' to 'partner', which "
            "schemas/lifecycle.yaml does not allow");

  Diagnostics all = range;
  append_for_changed_files(validation, *changed, all);
  all.sort();
  // validate's own findings for the changed files only (none for the
  // unchanged partners), without repeating the guards already reported.
  EXPECT_EQ(
      lines_of(all),
      (std::vector<std::string>{
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "warning checklist-overdue partners/cascadia-climate/partner.yaml:6:8",
          "error history-stage-mismatch partners/cascadia-climate/partner.yaml:6:8",
          "error range-illegal-transition partners/cascadia-climate/partner.yaml:6:8",
          "warning history-backdated partners/halden-hydrology-group/partner.yaml:25:5",
          "error history-order partners/halden-hydrology-group/partner.yaml:25:11",
          "error lifecycle-illegal-transition partners/halden-hydrology-group/partner.yaml:26:12",
          "error range-illegal-transition partners/halden-hydrology-group/partner.yaml:26:12",
          "error invoice-issued-changed partners/lakeshore-college/invoices/INV-2026-0001.yaml:3:9",
          "error invoice-issued-deleted partners/lakeshore-college/invoices/INV-2026-0002.yaml:0:0",
          "error invoice-issued-changed partners/lakeshore-college/invoices/INV-2026-0004.yaml:8:1",
          "error invoice-file-name partners/lakeshore-college/invoices/INV-2026-0006.yaml:2:9",
          "error invoice-number-gap partners/lakeshore-college/invoices/INV-2026-0006.yaml:2:9",
          "error invoice-renumbered partners/lakeshore-college/invoices/INV-2026-0006.yaml:2:9",
          "error invoice-file-name partners/lakeshore-college/invoices/INV-2026-0007.yaml:2:9",
          "error invoice-number-duplicate "
          "partners/lakeshore-college/invoices/INV-2026-0007.yaml:2:9",
          "error invoice-number-reused partners/lakeshore-college/invoices/INV-2026-0007.yaml:2:9",
          "error history-rewritten partners/lakeshore-college/partner.yaml:106:5",
          "warning payment-backdated "
          "partners/noordzee-marine-data/invoices/INV-2026-0005.yaml:24:11",
          "error lifecycle-guard partners/northbay-earth-sciences/partner.yaml:2:1",
          "error lifecycle-guard partners/northbay-earth-sciences/partner.yaml:2:1"}));
}

TEST(TransitionsRangeTest, OnlyPartnerFilesOutsideNumberedDocumentsNarrowTheLoad) {
  using git::ChangedPath;
  using git::ChangeKind;
  EXPECT_EQ(touched_partners({ChangedPath{"partners/b/notes.md", ChangeKind::modified},
                              ChangedPath{"partners/a/partner.yaml", ChangeKind::modified},
                              ChangedPath{"partners/b/partner.yaml", ChangeKind::added}}),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(touched_partners(
      {ChangedPath{"partners/a/invoices/INV-2026-0001.yaml", ChangeKind::modified}}));
  EXPECT_FALSE(
      touched_partners({ChangedPath{"partners/a/quotes/Q-2026-001.yaml", ChangeKind::deleted}}));
  EXPECT_FALSE(touched_partners({ChangedPath{"partnerops.yaml", ChangeKind::modified}}));
  EXPECT_FALSE(
      touched_partners({ChangedPath{"schemas/partner.schema.yaml", ChangeKind::modified}}));
}

TEST(TransitionsRangeTest, TheBaseNeedsOnlyTheFoldersWithAChangedPath) {
  using git::ChangedPath;
  using git::ChangeKind;
  EXPECT_EQ(changed_partner_folders(
                {ChangedPath{"partnerops.yaml", ChangeKind::modified},
                 ChangedPath{"partners/b/invoices/INV-2026-0001.yaml", ChangeKind::modified},
                 ChangedPath{"schemas/partner.schema.yaml", ChangeKind::added},
                 ChangedPath{"partners/a/notes.md", ChangeKind::deleted},
                 ChangedPath{"partners/b/partner.yaml", ChangeKind::modified},
                 ChangedPath{"partners/README.md", ChangeKind::added}}),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(changed_partner_folders({ChangedPath{"partnerops.yaml", ChangeKind::modified}}),
            std::vector<std::string>{});
}

TEST(TransitionsStandaloneTest, AScopedSourceShowsOnlyTheChosenPartners) {
  TempDir dir;
  copy_workspace(dir.path());
  fs::create_directories(dir.path() / "partners/lakeshore");
  std::ofstream(dir.path() / "partners/lakeshore/partner.yaml") << "slug: lakeshore\n";
  const std::unique_ptr<Source> tree = open_directory_source(dir.path());
  const std::unique_ptr<Source> scoped =
      scope_to_partners(*tree, {"lakeshore", "halden-hydrology-group", "lakeshore"});
  std::string error;
  std::vector<std::string> partner_paths;
  for (const SourceEntry& entry : scoped->list("", &error))
    if (entry.path.starts_with("partners")) partner_paths.push_back(entry.path);
  EXPECT_EQ(partner_paths,
            (std::vector<std::string>{"partners", "partners/halden-hydrology-group",
                                      "partners/halden-hydrology-group/notes.md",
                                      "partners/halden-hydrology-group/partner.yaml",
                                      "partners/lakeshore", "partners/lakeshore/partner.yaml"}));
  EXPECT_TRUE(scoped->is_file("partners/lakeshore/partner.yaml"));
  EXPECT_TRUE(scoped->is_file("partnerops.yaml"));
  EXPECT_TRUE(scoped->is_file("schemas/partner.schema.yaml"));
  EXPECT_FALSE(scoped->is_file("partners/lakeshore-college/partner.yaml"));
  EXPECT_FALSE(scoped->read("partners/lakeshore-college/partner.yaml", 1 << 20).ok());
  EXPECT_TRUE(scoped->read("partners/lakeshore/partner.yaml", 1 << 20).ok());
}

}  // namespace
}  // namespace partnerops::transitions
