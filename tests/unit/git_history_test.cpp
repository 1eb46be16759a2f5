#include <gtest/gtest.h>

#include "git/commit_files.hpp"
#include "git/history.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempDir;
using testing::TempRepo;

std::string summaries(const History& history) {
  std::string out;
  for (const CommitRecord& record : history.commits) out += record.summary + "\n";
  return out;
}

class GitHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    temp.add("partnerops.yaml", "name: Org\n");
    ids.push_back(temp.commit("init"));
    temp.add("partners/acme/partner.yaml", "stage: lead\n");
    ids.push_back(temp.commit("acme: new lead"));
    temp.add("partners/beta/partner.yaml", "stage: lead\n");
    ids.push_back(temp.commit("beta: new lead"));
    temp.add("partners/acme/partner.yaml", "stage: prospect\n");
    ids.push_back(
        temp.commit("acme: lead → prospect\n\nverbal close: yes\n\nPartner: acme\nStage-From: "
                    "lead\nStage-To: prospect\n"));
  }
  TempRepo temp;
  std::vector<std::string> ids;
};

TEST_F(GitHistoryTest, WalksNewestFirstAndOldestFirst) {
  std::string error;
  std::optional<History> newest = read_history(temp.repo(), {}, &error);
  ASSERT_TRUE(newest) << error;
  EXPECT_FALSE(newest->shallow);
  EXPECT_EQ(summaries(*newest), "acme: lead → prospect\nbeta: new lead\nacme: new lead\ninit\n");
  HistoryOptions options;
  options.order = Order::oldest_first;
  std::optional<History> oldest = read_history(temp.repo(), options, &error);
  ASSERT_TRUE(oldest) << error;
  EXPECT_EQ(summaries(*oldest), "init\nacme: new lead\nbeta: new lead\nacme: lead → prospect\n");
  EXPECT_EQ(oldest->commits[0].id, ids[0]);
  EXPECT_EQ(oldest->commits[0].parent_ids, std::vector<std::string>{});
  EXPECT_EQ(oldest->commits[1].parent_ids, std::vector<std::string>{ids[0]});
}

TEST_F(GitHistoryTest, ReadsAuthorTimeMessageAndTrailers) {
  std::string error;
  std::optional<History> history = read_history(temp.repo(), {}, &error);
  ASSERT_TRUE(history) << error;
  const CommitRecord& last = history->commits.front();
  EXPECT_EQ(last.id, ids[3]);
  EXPECT_EQ(last.author_name, "Ada Lovelace");
  EXPECT_EQ(last.author_email, "ada@example.org");
  EXPECT_EQ(last.time, TempRepo::k_base_time + 3 * 60);
  EXPECT_EQ(last.offset_minutes, 60);
  EXPECT_EQ(last.message,
            "acme: lead → prospect\n\nverbal close: yes\n\nPartner: acme\nStage-From: "
            "lead\nStage-To: prospect\n");
  ASSERT_EQ(last.trailers.size(), 3u);
  EXPECT_EQ(last.trailers[0].key, "Partner");
  EXPECT_EQ(last.trailers[0].value, "acme");
  EXPECT_EQ(last.trailers[1].key, "Stage-From");
  EXPECT_EQ(last.trailers[1].value, "lead");
  EXPECT_EQ(last.trailers[2].key, "Stage-To");
  EXPECT_EQ(last.trailers[2].value, "prospect");
  ASSERT_NE(last.trailer("stage-to"), nullptr);
  EXPECT_EQ(*last.trailer("stage-to"), "prospect");
  EXPECT_EQ(last.trailer("Reason"), nullptr);
  // "verbal close: yes" is body text, not a trailer: it is not in the last paragraph.
  EXPECT_TRUE(history->commits[1].trailers.empty());
}

TEST_F(GitHistoryTest, TrailersRoundTripThroughCommitFiles) {
  CommitOptions options;
  options.changes = {FileChange::write("partners/beta/partner.yaml", "stage: prospect\n")};
  options.message =
      "beta: lead → prospect\n\nReason: \"verbal close: yes\"\n\nPartner: beta\n"
      "Stage-From: lead\nStage-To: prospect";
  CommitResult result = commit_files(temp.repo(), options);
  ASSERT_TRUE(result.ok()) << result.error;
  std::string error;
  std::optional<CommitRecord> record = read_commit(temp.repo(), "HEAD", &error);
  ASSERT_TRUE(record) << error;
  EXPECT_EQ(record->id, result.commit_id);
  EXPECT_EQ(record->summary, "beta: lead → prospect");
  ASSERT_EQ(record->trailers.size(), 3u);
  EXPECT_EQ(*record->trailer("Partner"), "beta");
  EXPECT_EQ(*record->trailer("Stage-From"), "lead");
  EXPECT_EQ(*record->trailer("Stage-To"), "prospect");
}

TEST_F(GitHistoryTest, FiltersByPathPrefixAndCount) {
  HistoryOptions options;
  options.path_prefix = "partners/acme";
  std::string error;
  std::optional<History> acme = read_history(temp.repo(), options, &error);
  ASSERT_TRUE(acme) << error;
  EXPECT_EQ(summaries(*acme), "acme: lead → prospect\nacme: new lead\n");
  options.path_prefix = "partners/acme/partner.yaml";
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)),
            "acme: lead → prospect\nacme: new lead\n");
  options.path_prefix = "partners/ac";  // a prefix of a name is not a folder
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)), "");
  options.path_prefix = "partners";
  options.max_count = 2;
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)),
            "acme: lead → prospect\nbeta: new lead\n");
}

TEST_F(GitHistoryTest, CountsTheRemovalOfAFolderAsTouchingIt) {
  temp.remove("partners/beta/partner.yaml");
  temp.stage("partners/beta/partner.yaml");
  temp.commit("beta: removed");
  HistoryOptions options;
  options.path_prefix = "partners/beta";
  std::string error;
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)),
            "beta: removed\nbeta: new lead\n");
  options.path_prefix = "partnerops.yaml/below-a-file";
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)), "");
}

TEST_F(GitHistoryTest, WalksARangeAndStopsWhenTold) {
  HistoryOptions options;
  options.exclude_revspec = ids[1];
  std::string error;
  EXPECT_EQ(summaries(*read_history(temp.repo(), options, &error)),
            "acme: lead → prospect\nbeta: new lead\n");
  std::size_t seen = 0;
  std::optional<WalkSummary> walked = walk_history(
      temp.repo(), {}, [&](const CommitRecord&) { return ++seen < 2; }, &error);
  ASSERT_TRUE(walked) << error;
  EXPECT_EQ(walked->commits, 2u);
  EXPECT_EQ(seen, 2u);
}

TEST_F(GitHistoryTest, ReportsUnknownRevisions) {
  HistoryOptions options;
  options.revspec = "nope";
  std::string error;
  EXPECT_FALSE(read_history(temp.repo(), options, &error));
  EXPECT_EQ(error, "unknown revision 'nope'");
  options.revspec = "HEAD";
  options.exclude_revspec = "nada";
  EXPECT_FALSE(read_history(temp.repo(), options, &error));
  EXPECT_EQ(error, "unknown revision 'nada'");
}

TEST_F(GitHistoryTest, ListsPathsChangedBetweenTwoCommits) {
  temp.remove("partnerops.yaml");
  temp.stage("partnerops.yaml");
  temp.add("partners/gamma/partner.yaml", "stage: lead\n");
  temp.add("partners/beta/partner.yaml", "stage: closed\n");
  temp.commit("several");
  std::string error;
  std::optional<std::vector<ChangedPath>> changed =
      changed_paths(temp.repo(), ids[1], "HEAD", &error);
  ASSERT_TRUE(changed) << error;
  std::string text;
  for (const ChangedPath& path : *changed) {
    const char* kind = path.kind == ChangeKind::added      ? "added"
                       : path.kind == ChangeKind::deleted  ? "deleted"
                       : path.kind == ChangeKind::modified ? "modified"
                                                           : "type changed";
    text += path.path + " " + kind + "\n";
  }
  EXPECT_EQ(text,
            "partnerops.yaml deleted\n"
            "partners/acme/partner.yaml modified\n"
            "partners/beta/partner.yaml added\n"
            "partners/gamma/partner.yaml added\n");
  EXPECT_FALSE(changed_paths(temp.repo(), "HEAD", "nope", &error));
  EXPECT_EQ(error, "unknown revision 'nope'");
}

TEST_F(GitHistoryTest, ListsWhatOneCommitChangedUnderAPrefix) {
  std::string error;
  auto listed = [&](const std::string& id, const std::string& prefix) {
    std::string text;
    const std::vector<ChangedPath> changed =
        paths_changed_by(temp.repo(), id, prefix, &error).value_or(std::vector<ChangedPath>{});
    for (const ChangedPath& path : changed)
      text += path.path + (path.kind == ChangeKind::added ? " added\n" : " modified\n");
    return text;
  };
  // The root commit is compared with nothing.
  EXPECT_EQ(listed(ids[0], ""), "partnerops.yaml added\n");
  EXPECT_EQ(listed(ids[0], "partners"), "");
  EXPECT_EQ(listed(ids[3], "partners"), "partners/acme/partner.yaml modified\n");
  EXPECT_EQ(listed(ids[3], "partners/beta/partner.yaml"), "");
  EXPECT_EQ(listed(ids[2], "partners/beta/partner.yaml"), "partners/beta/partner.yaml added\n");
  EXPECT_FALSE(paths_changed_by(temp.repo(), std::string(40, '0'), "", &error));
  EXPECT_EQ(error, "cannot read commit " + std::string(40, '0'));
}

TEST_F(GitHistoryTest, ReadsAFileAsOneCommitHoldsIt) {
  const std::optional<FileAtCommit> before =
      read_file_at(temp.repo(), ids[1], "partners/acme/partner.yaml");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->content, "stage: lead\n");
  EXPECT_EQ(before->blob_id.size(), 40u);
  const std::optional<FileAtCommit> after =
      read_file_at(temp.repo(), ids[3], "partners/acme/partner.yaml");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->content, "stage: prospect\n");
  EXPECT_NE(after->blob_id, before->blob_id);
  EXPECT_FALSE(read_file_at(temp.repo(), ids[0], "partners/acme/partner.yaml"));
  EXPECT_FALSE(read_file_at(temp.repo(), ids[3], "partners/acme"));  // a folder
  EXPECT_FALSE(read_file_at(temp.repo(), std::string(40, '0'), "partnerops.yaml"));
}

TEST_F(GitHistoryTest, FindsTheMergeBase) {
  git_oid id{};
  ASSERT_TRUE(parse_oid(ids[1], &id));
  git_reference* raw = nullptr;
  ASSERT_EQ(git_reference_create(&raw, temp.repo(), "refs/heads/side", &id, 0, nullptr), 0);
  git_reference_free(raw);
  std::string error;
  EXPECT_EQ(merge_base(temp.repo(), "main", "side", &error).value_or(error), ids[1]);
  EXPECT_EQ(merge_base(temp.repo(), "side", "main", &error).value_or(error), ids[1]);
}

TEST_F(GitHistoryTest, SaysWhenAShallowCloneHidesHistory) {
  TempDir clone_dir;
  const std::string clone = (clone_dir.path() / "clone").string();
  ASSERT_EQ(testing::run("git clone -q --depth 2 'file://" + temp.root().string() + "' '" + clone +
                         "' 2>/dev/null"),
            0);
  std::string error;
  RepositoryPtr repo = open_repository(clone, &error);
  ASSERT_TRUE(repo) << error;
  EXPECT_TRUE(is_shallow(repo.get()));
  std::optional<History> history = read_history(repo.get(), {}, &error);
  ASSERT_TRUE(history) << error;
  EXPECT_TRUE(history->shallow);
  EXPECT_EQ(summaries(*history), "acme: lead → prospect\nbeta: new lead\n");
  HistoryOptions options;
  options.order = Order::oldest_first;
  options.path_prefix = "partners/acme";
  history = read_history(repo.get(), options, &error);
  ASSERT_TRUE(history) << error;
  EXPECT_TRUE(history->shallow);
  // As in `git log`, the oldest commit a shallow clone holds counts as a root:
  // everything in it looks added, so it touches every path.
  EXPECT_EQ(summaries(*history), "beta: new lead\nacme: lead → prospect\n");
  options.exclude_revspec = "HEAD~1";
  history = read_history(repo.get(), options, &error);
  ASSERT_TRUE(history) << error;
  EXPECT_EQ(summaries(*history), "acme: lead → prospect\n");
  EXPECT_FALSE(is_shallow(temp.repo()));
}

}  // namespace
}  // namespace partnerops::git
