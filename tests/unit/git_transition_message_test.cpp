#include <gtest/gtest.h>

#include "git/commit_files.hpp"
#include "git/transition_message.hpp"
#include "git_test_support.hpp"

namespace partnerops::git {
namespace {

using testing::TempRepo;

TEST(GitTransitionMessage, FormatsSummaryReasonAndTrailers) {
  std::string error;
  EXPECT_EQ(format_transition_message({"acme", "lead", "prospect", "verbal close: yes"}, &error)
                .value_or(error),
            "acme: lead → prospect\n\nverbal close: yes\n\nPartner: acme\nStage-From: lead\n"
            "Stage-To: prospect\n");
  EXPECT_EQ(format_transition_message({"acme", "lead", "prospect", "  \n"}, &error).value_or(error),
            "acme: lead → prospect\n\nPartner: acme\nStage-From: lead\nStage-To: prospect\n");
}

TEST(GitTransitionMessage, RefusesValuesThatBreakTrailers) {
  std::string error;
  EXPECT_FALSE(format_transition_message({"ac me", "lead", "prospect", ""}, &error));
  EXPECT_EQ(
      error,
      "the slug 'ac me' cannot go into a commit trailer (empty, or holds a blank or a colon)");
  EXPECT_FALSE(format_transition_message({"acme", "le ad", "prospect", ""}, &error));
  EXPECT_EQ(error,
            "the stage before 'le ad' cannot go into a commit trailer (empty, or holds a blank or "
            "a colon)");
  EXPECT_FALSE(format_transition_message({"acme", "", "", ""}, &error));
  EXPECT_EQ(
      error,
      "the stage after '' cannot go into a commit trailer (empty, or holds a blank or a colon)");
  EXPECT_FALSE(format_transition_message({"acme", "lead", "a:b", ""}, &error));
  EXPECT_EQ(error,
            "the stage after 'a:b' cannot go into a commit trailer (empty, or holds a blank or a "
            "colon)");
}

TEST(GitTransitionMessage, RoundTripsThroughACommit) {
  TempRepo temp;
  temp.add("partners/acme/partner.yaml", "stage: lead\n");
  temp.commit("base");
  const TransitionMessage sent{"acme", "lead", "prospect",
                               "verbal close: yes\n\nSigned-off-by: looks like a trailer\n"
                               "but is part of the reason"};
  std::string error;
  CommitOptions options;
  options.changes = {FileChange::write("partners/acme/partner.yaml", "stage: prospect\n")};
  options.message = format_transition_message(sent, &error).value_or(error);
  ASSERT_TRUE(commit_files(temp.repo(), options).ok());
  std::optional<CommitRecord> record = read_commit(temp.repo(), "HEAD", &error);
  ASSERT_TRUE(record) << error;
  std::optional<TransitionMessage> read = parse_transition_message(*record);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->slug, "acme");
  EXPECT_EQ(read->from, "lead");
  EXPECT_EQ(read->to, "prospect");
  EXPECT_EQ(read->reason, sent.reason);
  EXPECT_EQ(record->trailers.size(), 3u);
}

TEST(GitTransitionMessage, WithoutStageFromACommitCreatedThePartner) {
  std::string error;
  EXPECT_EQ(format_transition_message({"acme", "", "lead", "new lead\n"}, &error),
            "acme: new lead\n\nnew lead\n\nPartner: acme\nStage-To: lead\n");
  CommitRecord record;
  record.message = "acme: new lead\n\nnew lead\n\nPartner: acme\nStage-To: lead\n";
  record.trailers = {{"Partner", "acme"}, {"Stage-To", "lead"}};
  const std::optional<TransitionMessage> read = parse_transition_message(record);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->slug, "acme");
  EXPECT_EQ(read->from, "");
  EXPECT_EQ(read->to, "lead");
  EXPECT_EQ(read->reason, "new lead");
}

TEST(GitTransitionMessage, IgnoresCommitsWithoutPartnerAndStageTo) {
  CommitRecord record;
  record.message = "acme: lead → prospect\n\nPartner: acme\nStage-From: lead\n";
  record.trailers = {{"Partner", "acme"}, {"Stage-From", "lead"}};
  EXPECT_FALSE(parse_transition_message(record));
  record.trailers.push_back({"stage-to", "prospect"});
  std::optional<TransitionMessage> read = parse_transition_message(record);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->from, "lead");
  EXPECT_EQ(read->reason, "");
}

}  // namespace
}  // namespace partnerops::git
